"""Placement decisions: thresholds, minimum evidence, shadow, block proposals, demotion, hysteresis,
exploration and policy."""

from __future__ import annotations

from datetime import timedelta

import pytest

from analyzers.base import Severity
from analyzers.contract.policy import RuleSettings
from app.learning.calibration import (
    CellState,
    Decision,
    Fit,
    change_note,
    decide,
    explain,
    footer,
    footer_counts,
    target_precision,
)
from app.learning.calibration.explanation import plain_reason
from app.learning.trust import Label, Permission, Vote
from app.report.placement import Placement
from tests.learning.calibration.votes import (
    HIGH_RULE,
    NOW,
    ORG,
    REPO,
    RULE,
    RULES,
    SECRET_RULE,
    fitted,
    many,
    vote,
)

USEFUL = Label.USEFUL


def decision(
    votes: list[Vote] | Fit,
    rule_id: str = RULE,
    *,
    policy: RuleSettings | None = None,
    previous: CellState | None = None,
    bin_: int = 3,
) -> Decision:
    model = votes if isinstance(votes, Fit) else fitted(votes)
    return decide(model, REPO, ORG, rule_id, bin_, now=NOW, policy=policy, previous=previous)


def dismissals(rule_id: str, people: tuple[str, ...], each: int = 3, reason: str = "") -> list[Vote]:
    return [
        v
        for who in people
        for v in many(vote(who, rule_id=rule_id, days_ago=0, reason=reason or "wontfix x"), each)
    ]


def confirmations(rule_id: str, people: int, each: int = 3) -> list[Vote]:
    return [v for n in range(people) for v in many(vote(f"m{n}", USEFUL, rule_id=rule_id, days_ago=0), each)]


def test_target_precision_by_family_and_severity() -> None:
    assert target_precision(RULES[RULE]) == 0.85
    assert target_precision(RULES[HIGH_RULE]) == 0.70
    assert target_precision(RULES["actions-unpinned-uses"]) == 0.90
    assert target_precision(RULES[SECRET_RULE]) == 0.50
    assert target_precision(RULES["actions-permissions-widened"]) == 0.50  # CI permission widening
    assert target_precision(RULES[RULE], Severity.HIGH) == 0.70


def test_default_placements_follow_the_prior_against_the_target() -> None:
    assert decision([]).placement is Placement.ANNOTATE  # 0.70 < 0.85
    assert decision([], HIGH_RULE).placement is Placement.COMMENT  # 0.70 >= 0.70
    assert decision([], SECRET_RULE).placement is Placement.COMMENT
    assert decision([], "actions-unpinned-uses").placement is Placement.ANNOTATE


def test_comment_when_the_mean_reaches_the_target() -> None:
    made = decision(confirmations(RULE, 3))  # α = 3.5 + 9, β = 1.5: mean 0.893
    assert made.repo_specific
    assert made.deciding_mean == pytest.approx(12.5 / 14)
    assert (made.placement, made.inline, made.propensity) == (Placement.COMMENT, True, 1.0)


def test_no_repo_specific_change_before_five_labels_from_two_voters() -> None:
    four = [*many(vote("a", USEFUL, days_ago=0), 2), *many(vote("b", USEFUL, days_ago=0), 2)]
    assert not decision(four).repo_specific
    one_voter = many(vote("a", USEFUL, days_ago=0), 3) + many(vote("a", USEFUL, days_ago=5), 3)
    assert not decision(one_voter).repo_specific
    # Six dismissals by two people: a high-severity rule would drop to annotate, but not before the
    # evidence is there.
    few = dismissals(HIGH_RULE, ("a",), each=3)
    held = decision(few, HIGH_RULE)
    assert (held.repo_specific, held.placement) == (False, Placement.COMMENT)
    enough = decision(dismissals(HIGH_RULE, ("a", "b"), each=3), HIGH_RULE)
    assert (enough.repo_specific, enough.placement) == (True, Placement.ANNOTATE)


def test_shadow_needs_eight_labels_three_dismissers_and_an_upper_bound_below_half() -> None:
    shadowed = decision(dismissals(RULE, ("a", "b", "c", "d")))  # F = 12: Beta(3.5, 13.5)
    assert shadowed.placement is Placement.SHADOW
    assert (shadowed.inline, shadowed.propensity) == (False, 0.0)
    two = decision([*dismissals(RULE, ("a", "b"), each=3), vote("a", days_ago=0)])
    assert two.placement is Placement.ANNOTATE  # only two dismissers
    wide = decision(dismissals(RULE, ("a", "b", "c"), each=2))  # F = 6: upper 0.558
    assert wide.placement is Placement.ANNOTATE


def test_no_single_dismisser_decides_a_shadow() -> None:
    # Three dismissers with F = 9 meet every written condition (upper bound 0.453), but without
    # any one of them F = 6 and the upper bound is 0.558: one person would be doing the muting.
    made = decision(dismissals(RULE, ("a", "b", "c")))
    assert made.estimate.upper() < 0.5
    assert made.placement is Placement.ANNOTATE


def test_protected_families_are_never_shadowed() -> None:
    for rule_id in (SECRET_RULE, "actions-permissions-widened"):
        made = decision(dismissals(rule_id, ("a", "b", "c", "d")), rule_id)
        assert made.estimate.upper() < 0.5
        assert made.placement is Placement.ANNOTATE


def test_block_is_proposed_never_applied() -> None:
    made = decision(confirmations(HIGH_RULE, 12), HIGH_RULE)  # α = 39.5, lower bound 0.906
    assert made.placement is Placement.COMMENT
    assert made.proposal == f"rules.{HIGH_RULE}.block: true"
    assert "suggested policy line" in explain(made)


def test_no_block_proposal_below_the_conditions() -> None:
    assert decision(confirmations(HIGH_RULE, 9), HIGH_RULE).proposal is None  # 27 labels
    assert decision(confirmations(RULE, 12)).proposal is None  # medium severity
    forbidden = RuleSettings(block=False)
    assert decision(confirmations(HIGH_RULE, 12), HIGH_RULE, policy=forbidden).proposal is None
    one_person_many_repos = [v for v in confirmations(HIGH_RULE, 12) if v.voter in ("m0", "m1")]
    assert decision(one_person_many_repos, HIGH_RULE).proposal is None


def test_policy_block_is_demoted_by_two_fp_dismissals_from_distinct_users_in_fourteen_days() -> None:
    block = RuleSettings(block=True)
    assert decision([], SECRET_RULE, policy=block).placement is Placement.BLOCK
    two = [vote("a", rule_id=SECRET_RULE, days_ago=3), vote("b", rule_id=SECRET_RULE, days_ago=10)]
    demoted = decision(two, SECRET_RULE, policy=block)
    assert (demoted.placement, demoted.demoted) == (Placement.COMMENT, True)
    same_person = [vote("a", rule_id=SECRET_RULE, days_ago=d) for d in (1, 2)]
    assert decision(same_person, SECRET_RULE, policy=block).placement is Placement.BLOCK
    old = [vote("a", rule_id=SECRET_RULE, days_ago=3), vote("b", rule_id=SECRET_RULE, days_ago=15)]
    assert decision(old, SECRET_RULE, policy=block).placement is Placement.BLOCK
    wontfix = [vote(w, rule_id=SECRET_RULE, reason="wontfix later") for w in ("a", "b")]
    assert decision(wontfix, SECRET_RULE, policy=block).placement is Placement.BLOCK


def test_pr_author_and_reader_dismissals_never_demote_a_block() -> None:
    block = RuleSettings(block=True)
    own = [vote("carol", rule_id=SECRET_RULE, author=True, days_ago=d) for d in (1, 2, 3)]
    reader = vote("eve", rule_id=SECRET_RULE, permission=Permission.READ, days_ago=1)
    made = decision([*own, reader], SECRET_RULE, policy=block)
    assert made.placement is Placement.BLOCK
    assert made.estimate.beta == pytest.approx(1.5)


def test_hysteresis_holds_a_shown_state_for_a_week() -> None:
    votes = confirmations(RULE, 3)  # learned: comment
    recent = CellState(Placement.ANNOTATE, NOW - timedelta(days=3))
    held = decision(votes, previous=recent)
    assert held.placement is Placement.ANNOTATE
    assert held.state == recent
    assert any("hysteresis" in reason for reason in held.reasons)
    week_old = CellState(Placement.ANNOTATE, NOW - timedelta(days=7))
    moved = decision(votes, previous=week_old)
    assert moved.placement is Placement.COMMENT
    assert moved.state == CellState(Placement.COMMENT, NOW)
    same = CellState(Placement.COMMENT, NOW - timedelta(days=1))
    assert decision(votes, previous=same).state == same


def test_policy_always_wins() -> None:
    shadowed = fitted(dismissals(RULE, ("a", "b", "c")))
    assert decision(shadowed, policy=RuleSettings(disable=True)).placement is None
    assert decision(shadowed, policy=RuleSettings(block=True)).placement is Placement.BLOCK
    raised = decision([], policy=RuleSettings(severity="high"))
    assert (raised.target, raised.placement) == (0.70, Placement.COMMENT)


def test_exploration_shows_a_tenth_of_annotate_cells_deterministically() -> None:
    model = fitted([])
    week = [decide(model, f"acme/r{n}", ORG, RULE, 3, now=NOW) for n in range(1000)]
    explored = [d for d in week if d.explored]
    assert 70 <= len(explored) <= 130  # 10 % of 1000 cells, by hash
    assert all(d.inline and d.propensity == 0.1 for d in explored)
    assert all(d.propensity == 0.1 and not d.inline for d in week if not d.explored)
    again = [decide(model, f"acme/r{n}", ORG, RULE, 3, now=NOW).explored for n in range(1000)]
    assert again == [d.explored for d in week]
    later = [decide(model, f"acme/r{n}", ORG, RULE, 3, now=NOW + timedelta(weeks=1)) for n in range(1000)]
    assert [d.explored for d in later] != [d.explored for d in week]  # a new draw each week
    assert not any(d.explored for d in [decision([], HIGH_RULE)])


def test_cells_known_to_be_noisy_are_not_explored() -> None:
    noisy = [
        vote(f"m{n}", repo=f"acme/r{n}", days_ago=0) for n in range(12) for _ in range(2)
    ]  # each other repository gives 0.5 (one dismisser): Beta(7, 3 + 6), bound 0.63 < 0.85
    model = fitted(noisy)
    cells = [decide(model, f"acme/new{n}", ORG, RULE, 3, now=NOW) for n in range(300)]
    assert all(d.placement is Placement.ANNOTATE for d in cells)
    assert not any(d.explored or d.inline for d in cells)
    assert {d.propensity for d in cells} == {0.0}


def test_explain_and_footer() -> None:
    made = decision([*confirmations(RULE, 3), vote("z", days_ago=0)])
    text = explain(made)
    plain, stats = text.split("\n\n<details>\n<summary>The statistics</summary>\n\n")
    assert (
        plain
        == "Shown inline because maintainers here confirmed 9 of the 10 findings of this rule they answered."
    )
    assert stats.splitlines()[0] == (
        f"**{RULE}** in {REPO}, score bin 3: placement **comment** (target precision 0.85)"
    )
    assert text.endswith("</details>")
    assert "Beta(α=12.50, β=2.00): mean 0.86" in text
    assert "3 confirmers, 1 dismissers; 10 votes, 0 not counted" in text
    assert "trusted voters: m0, m1, m2, z" in text
    assert footer_counts(made.estimate.tally) == (9, 1)
    assert change_note(made, None) is None
    assert change_note(made, CellState(Placement.COMMENT, NOW)) is None
    before = CellState(Placement.ANNOTATE, NOW - timedelta(days=8))
    assert change_note(
        decision([*confirmations(RULE, 3), vote("z", days_ago=0)], previous=before), before
    ) == (f"{RULE} → comment here: 9 confirms, 1 dismissal by 4 maintainers")
    assert footer(RULE, 2, 9, 1) == (
        f"{RULE} v2 · here: 9 useful / 1 not useful · reply `/confirm`, "
        "`/dismiss fp|wontfix|test <why>`, or 👍/👎 (only writers affect calibration)"
    )


def test_why_in_plain_words_before_the_statistics() -> None:
    blocked = decision([], policy=RuleSettings(block=True))
    assert plain_reason(blocked) == "Blocking because the repository policy asks this rule to block."
    assert plain_reason(decision([]), default=True).startswith("Placed by its severity and confidence")
    muted = decision(dismissals(RULE, ("a", "b", "c"), each=4))
    assert "maintainers here confirmed 0 of the 12 findings" in plain_reason(muted)
    assert "Beta(" not in plain_reason(muted)
