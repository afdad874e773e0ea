"""Default placement from severity and confidence; the repository policy wins."""

from __future__ import annotations

import pytest

from analyzers.base import Severity
from analyzers.contract.policy import BlockingPolicy, RepoPolicy, RuleSettings
from analyzers.contract.policy_file import PolicyError, parse_policy
from app.report.placement import Placed, Placement, default_placement, place_all, rule_meta
from tests.report.samples import PINS, SHELL, finding


@pytest.mark.parametrize(
    ("severity", "confidence", "expected"),
    [
        (Severity.CRITICAL, 0.1, Placement.COMMENT),
        (Severity.CRITICAL, 0.89, Placement.COMMENT),
        (Severity.CRITICAL, 0.9, Placement.BLOCK),  # secure by default
        (Severity.CRITICAL, 1.0, Placement.BLOCK),
        (Severity.HIGH, 1.0, Placement.COMMENT),
        (Severity.HIGH, 0.5, Placement.COMMENT),
        (Severity.MEDIUM, 0.75, Placement.COMMENT),  # the strong band (score bin 3)
        (Severity.MEDIUM, 0.74, Placement.ANNOTATE),
        (Severity.MEDIUM, 0.7, Placement.ANNOTATE),
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


def test_a_policy_relaxes_the_default_block() -> None:
    critical = finding(PINS, "a.yml", 3, severity=Severity.CRITICAL, confidence=0.99)
    relaxed = parse_policy("blocking:\n  severity: none\n")
    assert relaxed.blocking == BlockingPolicy("none", 0.9)
    assert default_placement(critical, PINS, relaxed) is Placement.COMMENT
    not_this_rule = RepoPolicy(rules={PINS.id: RuleSettings(block=False)})
    assert default_placement(critical, PINS, not_this_rule) is Placement.COMMENT


def test_a_policy_tightens_the_default_block() -> None:
    high = finding(PINS, "a.yml", 3, severity=Severity.HIGH, confidence=0.85)
    tight = parse_policy("blocking:\n  severity: high\n  confidence: 0.8\n")
    assert default_placement(high, PINS, tight) is Placement.BLOCK
    assert default_placement(high, PINS, RepoPolicy()) is Placement.COMMENT
    unsure = finding(PINS, "a.yml", 3, severity=Severity.HIGH, confidence=0.7)
    assert default_placement(unsure, PINS, tight) is Placement.COMMENT


@pytest.mark.parametrize(
    "text", ["blocking:\n  severity: severe\n", "blocking:\n  confidence: 2\n", "blocking:\n  level: high\n"]
)
def test_bad_blocking_settings_are_policy_errors(text: str) -> None:
    with pytest.raises(PolicyError):
        parse_policy(text)
