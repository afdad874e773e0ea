"""Family `anomaly`: behaviour unlike this repository: weakened tests, suppressed checks, obfuscated code,
first changes to sensitive files and changes far outside the repository's history.

`anomaly-tests-weakened` reads test files only: it is imported on first use of `RULES`, so that a change
holding no test file (`analyzers.anomaly.scope`) never loads it or its helpers; the other rules read any
change (`CHANGE_RULES`).
"""

from __future__ import annotations

from analyzers.anomaly.anomaly_check_suppressed import AnomalyCheckSuppressed
from analyzers.anomaly.anomaly_first_sensitive_change import AnomalyFirstSensitiveChange
from analyzers.anomaly.anomaly_obfuscated_code import AnomalyObfuscatedCode
from analyzers.anomaly.anomaly_unusual_change import AnomalyUnusualChange
from analyzers.base import Analyzer

CHANGE_RULES: tuple[type[Analyzer], ...] = (
    AnomalyCheckSuppressed,
    AnomalyObfuscatedCode,
    AnomalyFirstSensitiveChange,
    AnomalyUnusualChange,
)


def __getattr__(name: str) -> tuple[type[Analyzer], ...]:
    if name == "RULES":
        from analyzers.anomaly.anomaly_tests_weakened import AnomalyTestsWeakened

        return (AnomalyTestsWeakened, *CHANGE_RULES)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
