"""Default placement from severity and confidence; the repository policy wins."""

from __future__ import annotations

import pytest

from analyzers.base import Severity
from app.context.policy import RepoPolicy, RuleSettings
from app.report.placement import Placed, Placement, default_placement, place_all, rule_meta
from tests.report.samples import PINS, SHELL, finding


@pytest.mark.parametrize(
    ("severity", "confidence", "expected"),
    [
        (Severity.CRITICAL, 0.1, Placement.COMMENT),
        (Severity.HIGH, 0.5, Placement.COMMENT),
        (Severity.MEDIUM, 0.7, Placement.COMMENT),
        (Severity.MEDIUM, 0.69, Placement.ANNOTATE),
        (Severity.LOW, 1.0, Placement.ANNOTATE),
        (Severity.INFO, 1.0, Placement.ANNOTATE),
    ],
)
def test_default_placement_by_severity_and_confidence(
    severity: Severity, confidence: float, expected: Placement
) -> None:
    item = finding(PINS, "a.yml", 3, severity=severity, confidence=confidence)
    assert default_placement(item, PINS, None) is expected
    assert default_placement(item, PINS, RepoPolicy()) is expected


def test_policy_block_and_disable_win() -> None:
    low = finding(PINS, ".github/workflows/ci.yml", 4, severity=Severity.LOW)
    policy = RepoPolicy(rules={PINS.id: RuleSettings(block=True)})
    assert default_placement(low, PINS, policy) is Placement.BLOCK
    never = RepoPolicy(rules={PINS.id: RuleSettings(block=False)})
    assert default_placement(low, PINS, never) is Placement.ANNOTATE
    off = RepoPolicy(rules={PINS.id: RuleSettings(disable=True, block=True)})
    assert default_placement(low, PINS, off) is None
    elsewhere = RepoPolicy(rules={PINS.id: RuleSettings(ignore_paths=(".github/**",))})
    assert default_placement(low, PINS, elsewhere) is None


def test_place_all_drops_disabled_and_keeps_unknown_rules() -> None:
    unknown = finding("no-such-rule", "x.py", 1, severity=Severity.HIGH)
    shell = finding(SHELL, "run.py", 9)
    policy = RepoPolicy(rules={SHELL.id: RuleSettings(disable=True)})
    assert place_all([unknown, shell], policy) == [Placed(unknown, Placement.COMMENT, None)]
    assert rule_meta("no-such-rule") is None


def test_placement_rank_orders_by_visibility() -> None:
    assert [p.rank for p in Placement] == [0, 1, 2, 3]
    assert [p.value for p in Placement] == ["block", "comment", "annotate", "shadow"]
