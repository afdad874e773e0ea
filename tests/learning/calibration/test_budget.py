"""The installation's noise budget: cells with no votes of their own are annotated while the installation's
measured not-useful rate is over it; voted cells, protected families and blocks are left alone."""

from __future__ import annotations

from analyzers.base import Finding, Severity
from analyzers.contract.policy import RuleSettings
from app.learning.calibration import Decision, Fit, NoiseBudget, decide, place_finding
from app.learning.calibration.budget import MIN_INSTALLATION_LABELS, over_budget
from app.learning.trust import Label, Vote
from app.report.placement import Placement
from tests.learning.calibration.votes import HIGH_RULE, NOW, ORG, REPO, SECRET_RULE, fitted, many, vote

OTHER = "acme/web"  # a repository of the same installation
BUDGET = NoiseBudget(0.10)


def noisy_installation(dismissers: int = 4, each: int = 3, confirmers: int = 2) -> list[Vote]:
    """Votes in another repository's inline cell of another rule: mostly dismissals, by several people.
    The high rule's cells hold no evidence anywhere, so its default (inline) places them. (One person
    counts at most 3 labels per rule and repository.)"""
    votes = [v for n in range(dismissers) for v in many(vote(f"d{n}", repo=OTHER, reason="fp x"), each)]
    return votes + [v for n in range(confirmers) for v in many(vote(f"c{n}", Label.USEFUL, repo=OTHER), 2)]


def decided(model: Fit, rule_id: str = HIGH_RULE, **kwargs: object) -> Decision:
    return decide(model, REPO, ORG, rule_id, 3, now=NOW, **kwargs)  # type: ignore[arg-type]


def test_an_unvoted_inline_cell_is_annotated_while_the_installation_is_over_budget() -> None:
    model = fitted(noisy_installation())
    over, rate = over_budget(model, ORG, BUDGET)
    assert over
    assert rate > BUDGET.rate
    without = decided(model)
    made = decided(model, budget=BUDGET)
    assert without.placement is Placement.COMMENT
    assert (made.placement, made.inline, made.quieted) == (Placement.ANNOTATE, False, True)
    assert "over its budget 10%" in made.reasons[-1]
    assert made.estimate == without.estimate  # the budget moves the placement, never the estimate


def test_a_cell_with_a_vote_of_its_own_is_left_to_its_evidence() -> None:
    model = fitted([*noisy_installation(), vote("c1", Label.NOT_USEFUL, rule_id=HIGH_RULE, reason="fp x")])
    assert not decided(model, budget=BUDGET).quieted


def test_under_budget_or_before_enough_labels_nothing_is_quieted() -> None:
    assert not decided(fitted(noisy_installation()), budget=NoiseBudget(0.9)).quieted
    few = fitted(noisy_installation(dismissers=2, each=2, confirmers=1))
    assert few.measured_noise(ORG)[1] < MIN_INSTALLATION_LABELS
    assert not decided(few, budget=BUDGET).quieted


def test_one_dismisser_alone_never_puts_the_installation_over_budget() -> None:
    lone = fitted(
        [
            *many(vote("mallory", repo=OTHER, reason="fp x"), 30),
            *[v for n in range(5) for v in many(vote(f"c{n}", Label.USEFUL, repo=OTHER), 3)],
        ]
    )
    not_useful, labels = lone.measured_noise(ORG)
    assert not_useful == 0.0
    assert labels >= MIN_INSTALLATION_LABELS
    assert not decided(lone, budget=BUDGET).quieted


def test_protected_families_blocks_and_a_margin_met_are_never_quieted() -> None:
    model = fitted(noisy_installation())
    assert not decided(model, SECRET_RULE, budget=BUDGET).quieted
    blocking = decided(model, budget=BUDGET, policy=RuleSettings(block=True))
    assert (blocking.placement, blocking.quieted) == (Placement.BLOCK, False)
    assert not decided(model, budget=NoiseBudget(0.10, margin=-0.5)).quieted


def test_the_placement_follows_a_quieted_cell_without_evidence() -> None:
    model = fitted(noisy_installation())
    finding = Finding(HIGH_RULE, "src/run.py", 1, 1, "x", Severity.HIGH, 0.95, fingerprint="f1")
    made = decided(model, budget=BUDGET)
    placed = place_finding(finding, None, lambda _: made)
    assert placed is not None
    assert placed.placement is Placement.ANNOTATE
    default = place_finding(finding, None, lambda _: decided(model))
    assert default is not None
    assert default.placement is Placement.COMMENT
