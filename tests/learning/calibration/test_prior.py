"""The cell prior: where a cell starts before votes, consistent with the default placement, and the
measured confidence-band relation behind it (and behind the simulator's truth)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analyzers.base import Family, Finding, Severity
from app.learning.calibration import RuleInfo, cell_prior, decide, has_evidence, place_finding, score_bin
from app.learning.calibration.estimate import WEAK_BAND_ODDS, shown_by_default
from app.learning.simulator import WEAK_ODDS_RATIO, finding_precision
from app.learning.trust import Label
from app.report.placement import COMMENT_CONFIDENCE, Placement, default_placement
from tests.learning.calibration.votes import NOW, ORG, REPO, fitted, vote

SIGNALS = Path(__file__).parents[3] / "bench" / "calibration_signals.json"
MEDIUM = RuleInfo("code-insecure-randomness", Family.CODE, Severity.MEDIUM)
HIGH = RuleInfo("code-sql-string-building", Family.CODE, Severity.HIGH)
DRIFT = RuleInfo("actions-unpinned-uses", Family.DRIFT, Severity.MEDIUM)
LOW = RuleInfo("anomaly-unusual-change", Family.ANOMALY, Severity.LOW)
RULES = {rule.rule_id: rule for rule in (MEDIUM, HIGH, DRIFT, LOW)}


def within_rule_odds_ratio() -> float:
    """Mantel-Haenszel odds ratio, within rules, of a traced finding (confidence above 0.60) being true
    against one of data of unknown origin (0.60), on OWASP Benchmark Java (bench/calibration_signals.json)."""
    rows = json.loads(SIGNALS.read_text(encoding="utf-8"))["benchmarks"]["expectedresults-1.2.csv"]["rows"]
    counts: dict[str, dict[str, tuple[int, int]]] = {}
    for row in rows:
        if row["signal"] == "confidence":
            counts.setdefault(row["rule"], {})[row["value"]] = (row["true"], row["false"])
    top = bottom = 0.0
    for levels in counts.values():
        if "0.60" not in levels:
            continue
        weak_true, weak_false = levels["0.60"]
        strong_true = sum(t for value, (t, _) in levels.items() if float(value) > 0.6)
        strong_false = sum(f for value, (_, f) in levels.items() if float(value) > 0.6)
        total = weak_true + weak_false + strong_true + strong_false
        top += strong_true * weak_false / total
        bottom += strong_false * weak_true / total
    return top / bottom


def test_the_weak_band_odds_are_the_measured_ones() -> None:
    measured = within_rule_odds_ratio()
    assert measured == pytest.approx(5.13, abs=0.01)
    assert abs(WEAK_BAND_ODDS - measured) <= 0.01
    assert abs(WEAK_ODDS_RATIO - measured) <= 0.01


def test_the_simulator_truth_follows_the_measured_relation() -> None:
    assert finding_precision(0.9, strong=True) == pytest.approx(0.9)
    weak = finding_precision(0.9, strong=False)
    assert weak == pytest.approx(0.637, abs=0.001)
    assert (0.9 / 0.1) / (weak / (1 - weak)) == pytest.approx(WEAK_ODDS_RATIO)


def test_the_strong_band_is_score_bin_three() -> None:
    assert score_bin(COMMENT_CONFIDENCE) == 3
    assert score_bin(COMMENT_CONFIDENCE - 0.01) == 2


@pytest.mark.parametrize("rule", [MEDIUM, HIGH, DRIFT, LOW], ids=lambda rule: rule.rule_id)
@pytest.mark.parametrize("confidence", [0.3, 0.6, 0.7, 0.75, 0.9])
def test_without_votes_the_prior_agrees_with_the_default_placement(rule: RuleInfo, confidence: float) -> None:
    finding = Finding(rule.rule_id, "a.py", 1, 1, "", rule.severity, confidence)
    default = default_placement(finding, None, None)
    made = decide(fitted([], rules=RULES), REPO, ORG, rule.rule_id, score_bin(confidence), now=NOW)
    assert (made.placement is Placement.COMMENT) == (default is Placement.COMMENT)
    assert shown_by_default(rule.severity, score_bin(confidence)) == (default is Placement.COMMENT)


def test_cell_priors() -> None:
    assert cell_prior(MEDIUM, 3) == pytest.approx(0.90)
    assert cell_prior(DRIFT, 3) == pytest.approx(0.95)
    assert cell_prior(HIGH, 0) == pytest.approx(0.75)
    weak = cell_prior(MEDIUM, 2)
    assert (0.90 / 0.10) / (weak / (1 - weak)) == pytest.approx(WEAK_BAND_ODDS)
    assert cell_prior(LOW, 3) == pytest.approx(weak)
    assert cell_prior(RuleInfo("x", Family.CODE, Severity.MEDIUM, prior=0.6), 3) == 0.6


def test_useful_votes_pooled_from_the_organisation_keep_a_cell_inline() -> None:
    # Five confirmations in another repository of the organisation: with the old prior (0.7, below
    # P* 0.85) the cell went to annotate; starting above P*, all-useful evidence keeps it inline.
    votes = [
        vote(f"m{n}", Label.USEFUL, repo="acme/web", rule_id=MEDIUM.rule_id, days_ago=0) for n in range(5)
    ]
    made = decide(fitted(votes, rules=RULES), REPO, ORG, MEDIUM.rule_id, 3, now=NOW)
    assert has_evidence(made)
    assert made.placement is Placement.COMMENT
    finding = Finding(MEDIUM.rule_id, "a.py", 1, 1, "", Severity.MEDIUM, 0.9)
    placed = place_finding(finding, None, lambda _: made)
    assert placed is not None
    assert placed.placement is Placement.COMMENT


def test_dismissals_from_two_maintainers_of_the_organisation_move_a_cell_out() -> None:
    votes = [vote(who, repo="acme/web", rule_id=MEDIUM.rule_id, days_ago=0) for who in ("ann", "bo")]
    made = decide(fitted(votes, rules=RULES), REPO, ORG, MEDIUM.rule_id, 3, now=NOW)
    assert has_evidence(made)
    assert made.placement is Placement.ANNOTATE
