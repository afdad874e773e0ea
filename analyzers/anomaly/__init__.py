"""Family `anomaly`: behaviour unlike this repository: weakened tests, suppressed checks, obfuscated code,
first changes to sensitive files and changes far outside the repository's history."""

from __future__ import annotations

from analyzers.anomaly.anomaly_check_suppressed import AnomalyCheckSuppressed
from analyzers.anomaly.anomaly_first_sensitive_change import AnomalyFirstSensitiveChange
from analyzers.anomaly.anomaly_obfuscated_code import AnomalyObfuscatedCode
from analyzers.anomaly.anomaly_tests_weakened import AnomalyTestsWeakened
from analyzers.anomaly.anomaly_unusual_change import AnomalyUnusualChange
from analyzers.base import Analyzer

RULES: tuple[type[Analyzer], ...] = (
    AnomalyTestsWeakened,
    AnomalyCheckSuppressed,
    AnomalyObfuscatedCode,
    AnomalyFirstSensitiveChange,
    AnomalyUnusualChange,
)
