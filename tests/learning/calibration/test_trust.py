"""Who counts: permission, bots, self-dismissals, single-writer repos, the cap, the clearing rule."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.learning.trust import (
    CHANNEL_WEIGHTS,
    Channel,
    Label,
    Permission,
    blocking_cleared,
    trust_weight,
    undo_last_dismissal,
    weigh_votes,
)
from tests.learning.calibration.votes import many, vote


@pytest.mark.parametrize(
    ("permission", "weight"),
    [
        (Permission.NONE, 0.0),
        (Permission.READ, 0.0),
        (Permission.TRIAGE, 0.0),
        (Permission.WRITE, 1.0),
        (Permission.MAINTAIN, 1.0),
        (Permission.ADMIN, 1.0),
    ],
)
def test_below_write_counts_zero(permission: Permission, weight: float) -> None:
    assert trust_weight(vote(permission=permission)) == weight


def test_bots_count_zero_even_with_write() -> None:
    assert trust_weight(vote("dependabot[bot]", bot=True, permission=Permission.ADMIN)) == 0.0


def test_self_dismissal_counts_zero_but_self_confirm_counts() -> None:
    assert trust_weight(vote(author=True)) == 0.0
    assert trust_weight(vote(author=True, label=Label.USEFUL)) == 1.0


def test_self_dismissal_counts_half_in_a_single_writer_repo() -> None:
    assert trust_weight(vote(author=True), single_writer=True) == 0.5
    assert trust_weight(vote(author=True, permission=Permission.READ), single_writer=True) == 0.0


def test_channel_weights() -> None:
    assert CHANNEL_WEIGHTS == {
        Channel.REPLY: 1.0,
        Channel.REACTION: 0.5,
        Channel.BUTTON: 1.0,
        Channel.IMPLICIT_FIX: 0.5,
        Channel.RESOLVED: 0.25,
    }
    weighed = weigh_votes([vote(channel=Channel.REACTION), vote("bob", channel=Channel.RESOLVED)])
    assert [e.weight for e in weighed] == [0.5, 0.25]


def test_untrusted_votes_are_kept_with_weight_zero() -> None:
    weighed = weigh_votes([vote(permission=Permission.READ)])
    assert len(weighed) == 1
    assert (weighed[0].weight, weighed[0].trusted) == (0.0, False)


def test_per_user_rule_repo_cap_is_three_over_ninety_days() -> None:
    votes = many(vote(days_ago=1), 5, spacing_days=2)  # five dismissals within nine days
    weighed = weigh_votes(votes)
    assert [e.weight for e in weighed] == [1.0, 1.0, 1.0, 0.0, 0.0]
    assert all(e.trusted for e in weighed)


def test_cap_counts_partial_weights_and_is_per_rule_and_repo() -> None:
    votes = [
        *many(vote(channel=Channel.REACTION, days_ago=10), 7, spacing_days=1),
        vote(repo="acme/web", days_ago=1),
        vote(rule_id="code-command-injection", days_ago=1),
    ]
    weighed = weigh_votes(votes)
    reactions = [e.weight for e in weighed if e.vote.channel is Channel.REACTION]
    assert reactions == [0.5] * 6 + [0.0]
    assert [e.weight for e in weighed if e.vote.channel is Channel.REPLY] == [1.0, 1.0]


def test_cap_window_slides_after_ninety_days() -> None:
    old = many(vote(days_ago=200), 3, spacing_days=1)
    weighed = weigh_votes([*old, vote(days_ago=100), vote(days_ago=1)])
    assert [e.weight for e in weighed] == [1.0, 1.0, 1.0, 1.0, 1.0]


def test_cap_is_per_person_whatever_the_login_case() -> None:
    weighed = weigh_votes([vote("Alice"), vote("alice"), vote("ALICE"), vote("alice ")])
    assert [e.weight for e in weighed] == [1.0, 1.0, 1.0, 0.0]


def test_pr_author_alone_never_clears_a_blocking_finding() -> None:
    own = [vote("carol", author=True), vote("carol", author=True, channel=Channel.BUTTON)]
    assert not blocking_cleared(own)
    assert not blocking_cleared([vote("eve", permission=Permission.READ)])
    assert not blocking_cleared([vote("bob", channel=Channel.REACTION)])
    assert not blocking_cleared([vote("bot[bot]", bot=True)])


def test_another_writer_or_a_fix_clears_a_blocking_finding() -> None:
    assert blocking_cleared([vote("carol", author=True), vote("bob")])
    assert blocking_cleared([vote("bob", channel=Channel.BUTTON)])
    fix = vote("carol", Label.USEFUL, author=True, channel=Channel.IMPLICIT_FIX)
    assert blocking_cleared([fix])


def test_permission_ranks() -> None:
    assert [p.can_write for p in Permission] == [False, False, False, True, True, True]
    assert replace(vote(), permission=Permission.MAINTAIN).permission.rank == 4


def test_reopen_withdraws_the_latest_dismissal_of_the_finding() -> None:
    first, second = vote("alice", fingerprint="f1", days_ago=3), vote("bob", fingerprint="f1", days_ago=2)
    other = vote("carol", fingerprint="f2", days_ago=1)
    confirm = vote("dan", Label.USEFUL, fingerprint="f1", days_ago=1)
    assert undo_last_dismissal([first, second, other, confirm], "f1") == [first, other, confirm]
    assert undo_last_dismissal([confirm], "f1") == [confirm]
