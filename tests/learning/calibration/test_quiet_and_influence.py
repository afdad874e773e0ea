"""The cost of quiet (confirmed findings kept out of the review) and the bound on one dismisser's pull."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.learning.calibration import decide, explain, influence
from app.learning.calibration.influence import MAX_VOTER_SHIFT
from app.learning.calibration.quiet import QuietCost, cost_of_quiet
from app.learning.trust import Channel, Label, Permission
from app.report.placement import Placement
from tests.learning.calibration.votes import HIGH_RULE, NOW, ORG, REPO, RULE, fitted, many, vote


def test_only_trusted_confirmations_of_findings_never_inline_are_quiet() -> None:
    findings = [
        (RULE, "a", "annotate"),
        (RULE, "b", "annotate"),
        (RULE, "b", "comment"),  # commented on a later push: it was in the review
        (RULE, "c", "shadow"),
        (RULE, "d", "annotate"),  # confirmed only by its author
        (RULE, "e", "annotate"),  # confirmed only by a reader
        (HIGH_RULE, "f", "comment"),
        (RULE, "g", ""),  # placement not recorded: unknown, never counted as quiet
    ]
    votes = [
        vote("maya", Label.USEFUL, fingerprint="a"),
        vote("maya", Label.USEFUL, fingerprint="b"),
        vote("omar", Label.USEFUL, fingerprint="c", channel=Channel.IMPLICIT_FIX),
        vote("carol", Label.USEFUL, fingerprint="d", author=True),
        vote("eve", Label.USEFUL, fingerprint="e", permission=Permission.READ),
        vote("maya", Label.USEFUL, fingerprint="f", rule_id=HIGH_RULE),
        vote("maya", Label.NOT_USEFUL, fingerprint="g"),
    ]
    costs = cost_of_quiet(findings, votes)
    assert costs == [
        QuietCost(HIGH_RULE, 1, {}),
        QuietCost(RULE, 4, {Placement.ANNOTATE: 2, Placement.SHADOW: 1}),
    ]
    assert costs[1].sentence() == (
        "3 of 4 confirmed findings kept out of the review: 2 annotated only, 1 shadowed"
    )
    assert costs[0].sentence() == "none of 1 confirmed findings kept out of the review"


def test_why_names_the_cost_of_quiet_of_the_rule() -> None:
    decision = decide(fitted([]), REPO, ORG, RULE, 3, now=NOW)
    answer = explain(decision, default=True, quiet=QuietCost(RULE, 5, {Placement.ANNOTATE: 2}))
    assert "Cost of quiet for this rule here: 2 of 5 confirmed findings kept out of the review: " in answer
    assert "- kept out, annotated only: below the inline threshold" in answer
    assert "Cost of quiet" not in explain(decision, default=True)


def test_one_writer_dismissing_everything_moves_a_cell_by_at_most_the_bound(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A colleague confirmed once and dismissed twice here, another confirmed in a sibling repository; a
    # rogue writer dismisses this rule in three repositories of the organisation, which also lifts the
    # lone-dismisser caps of the colleague here and of the organisation's pool.
    rogue = [
        replace(v, repo=repo)
        for repo in (REPO, "acme/web", "acme/worker")
        for v in many(vote("mallory", rule_id=HIGH_RULE), 3, spacing_days=3)
    ]
    honest = [
        vote("maya", Label.USEFUL, rule_id=HIGH_RULE),
        *many(vote("omar", rule_id=HIGH_RULE), 2, spacing_days=1),
        vote("dan", Label.USEFUL, rule_id=HIGH_RULE, repo="acme/web"),
    ]

    def shift() -> float:
        with_rogue = decide(fitted(honest + rogue), REPO, ORG, HIGH_RULE, 3, now=NOW)
        without = decide(fitted(honest), REPO, ORG, HIGH_RULE, 3, now=NOW)
        assert with_rogue.placement is not Placement.SHADOW
        return abs(with_rogue.probability_comment - without.probability_comment)

    assert shift() == pytest.approx(MAX_VOTER_SHIFT, abs=1e-6)
    monkeypatch.setattr(influence, "MAX_VOTER_SHIFT", 1.0)  # the caps alone let it move the cell further
    assert shift() > 0.5
