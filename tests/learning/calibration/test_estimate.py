"""The hierarchical Beta estimate: prior, organisation pooling, decay, versions, caps, bin pooling."""

from __future__ import annotations

from dataclasses import replace

import pytest

from analyzers.base import Family, Severity
from app.learning.calibration import RuleInfo, score_bin
from app.learning.trust import Channel, Label
from tests.learning.calibration.votes import ORG, REPO, RULE, RULES, fitted, many, vote

USEFUL = Label.USEFUL


def test_score_bins() -> None:
    assert [score_bin(c) for c in (0.0, 0.24, 0.25, 0.5, 0.74, 0.75, 1.0)] == [0, 0, 1, 2, 2, 3, 3]


def test_no_evidence_gives_the_rule_prior() -> None:
    est = fitted([]).estimate(REPO, ORG, RULE, 3)
    assert (est.alpha, est.beta) == pytest.approx((3.5, 1.5))
    assert est.mean == pytest.approx(0.7)
    rules = {RULE: RuleInfo(RULE, Family.CODE, Severity.MEDIUM, prior=0.9)}
    assert fitted([], rules=rules).estimate(REPO, ORG, RULE, 3).mean == pytest.approx(0.9)


def test_repo_evidence_adds_to_alpha_and_beta() -> None:
    votes = [
        *many(vote("alice", USEFUL, days_ago=0), 2),
        vote("bob", days_ago=0),
        vote("carol", days_ago=0),
    ]
    est = fitted(votes).estimate(REPO, ORG, RULE, 3)
    assert (est.alpha, est.beta) == pytest.approx((5.5, 3.5))
    assert est.tally.confirmers == {"alice"}
    assert est.tally.dismissers == {"bob", "carol"}


def test_organisation_pooling_uses_the_other_repositories() -> None:
    other = [
        vote("alice", USEFUL, repo="acme/web", days_ago=0),
        vote("bob", USEFUL, repo="acme/web", days_ago=0),
    ]
    votes = [*many(other[0], 2), *many(other[1], 2)]
    model = fitted(votes)
    est = model.estimate(REPO, ORG, RULE, 3)
    m_o = (10 * 0.7 + 4) / (10 + 4)
    assert est.org_mean == pytest.approx(m_o)
    assert (est.alpha, est.beta) == pytest.approx((5 * m_o, 5 * (1 - m_o)))
    # acme/web's own evidence is not counted twice, and another organisation learns nothing.
    web = model.estimate("acme/web", ORG, RULE, 3)
    assert (web.org_mean, web.alpha) == pytest.approx((0.7, 3.5 + 4))
    assert model.estimate("globex/api", "globex", RULE, 3).mean == pytest.approx(0.7)


def test_organisation_pool_with_one_dismisser_gives_at_most_half() -> None:
    votes = [vote("alice", repo=repo, days_ago=0) for repo in ("acme/web", "acme/db") for _ in range(3)]
    est = fitted(votes).estimate(REPO, ORG, RULE, 3)
    assert est.org_not_useful == pytest.approx(0.5)
    assert est.org_mean == pytest.approx(7 / 10.5)


def test_decay_halves_every_ninety_days() -> None:
    votes = [vote("alice", USEFUL, days_ago=90), vote("bob", USEFUL, days_ago=180)]
    est = fitted(votes).estimate(REPO, ORG, RULE, 3)
    assert est.tally.useful == pytest.approx(0.5 + 0.25)


def test_new_rule_version_halves_accumulated_sums() -> None:
    votes = [vote("alice", USEFUL, days_ago=0, version=1), vote("bob", USEFUL, days_ago=0, version=2)]
    v2 = {RULE: replace(RULES[RULE], version=2)}
    v3 = {RULE: replace(RULES[RULE], version=3)}
    assert fitted(votes, rules=v2).estimate(REPO, ORG, RULE, 3).tally.useful == pytest.approx(1.5)
    assert fitted(votes, rules=v3).estimate(REPO, ORG, RULE, 3).tally.useful == pytest.approx(0.75)


def test_cell_with_one_trusted_dismisser_gives_at_most_half() -> None:
    lone = many(vote("alice", days_ago=0), 3)
    est = fitted(lone).estimate(REPO, ORG, RULE, 3)
    assert (est.tally.not_useful, est.tally.capped_not_useful) == pytest.approx((3.0, 0.5))
    assert est.beta == pytest.approx(1.5 + 0.5)
    two = fitted([*lone, *many(vote("bob", days_ago=0), 3)]).estimate(REPO, ORG, RULE, 3)
    assert two.beta == pytest.approx(1.5 + 6.0)


def test_no_dismisser_counts_more_than_half_beyond_the_next_one() -> None:
    votes = [*many(vote("alice", days_ago=0), 3), vote("bob", days_ago=0)]
    est = fitted(votes).estimate(REPO, ORG, RULE, 3)
    assert est.tally.not_useful == pytest.approx(4.0)
    assert est.tally.capped_not_useful == pytest.approx(1.0 + 1.5)  # alice: bob's 1.0 + 0.5
    three = [*votes, vote("carol", days_ago=0), vote("carol", days_ago=0)]
    est = fitted(three).estimate(REPO, ORG, RULE, 3)
    assert est.tally.capped_not_useful == pytest.approx(1.0 + 2.0 + 2.5)


def test_untrusted_votes_are_counted_but_weigh_nothing() -> None:
    from app.learning.trust import Permission

    votes = [vote("eve", permission=Permission.READ), vote("dep[bot]", bot=True), vote("al", author=True)]
    est = fitted(votes).estimate(REPO, ORG, RULE, 3)
    assert (est.alpha, est.beta) == pytest.approx((3.5, 1.5))
    assert (est.tally.votes, est.tally.untrusted_votes) == (3, 3)


def test_votes_after_now_are_ignored() -> None:
    assert fitted([vote("alice", USEFUL, days_ago=-1)]).estimate(REPO, ORG, RULE, 3).alpha == 3.5


def test_bins_are_pooled_where_the_mean_falls_as_the_score_rises() -> None:
    low = many(vote("alice", USEFUL, confidence=0.6, days_ago=0), 3)
    high = [vote(who, confidence=0.9, days_ago=0) for who in ("bob", "carol", "dave")]
    model = fitted([*low, *high])
    pooled = model.estimate(REPO, ORG, RULE, 3)
    # Bins 2 and 3 pool to a mean of 0.59; the empty bins 0 and 1 have no evidence (their mean is only
    # their prior) and are left alone.
    assert pooled.bins == (2, 3)
    assert model.estimate(REPO, ORG, RULE, 2) == pooled
    assert model.estimate(REPO, ORG, RULE, 1).bins == (1,)
    assert (pooled.alpha, pooled.beta) == pytest.approx((3.5 + 3, 1.5 + 3))


def test_increasing_bins_are_not_pooled() -> None:
    votes = [
        *many(vote("alice", confidence=0.3, days_ago=0), 2),
        vote("bob", confidence=0.3, days_ago=0),
        *many(vote("dave", USEFUL, confidence=0.9, days_ago=0), 3),
    ]
    model = fitted(votes)
    assert model.estimate(REPO, ORG, RULE, 1).bins == (1,)  # an empty bin 0 is not evidence to pool with
    assert model.estimate(REPO, ORG, RULE, 2).bins == (2,)
    assert model.estimate(REPO, ORG, RULE, 3).bins == (3,)
    assert model.estimate(REPO, ORG, RULE, 3).mean == pytest.approx(6.5 / 8)


def test_interval_brackets_the_mean() -> None:
    votes = [vote(who, USEFUL, days_ago=0, channel=Channel.BUTTON) for who in ("a", "b", "c")]
    est = fitted(votes).estimate(REPO, ORG, RULE, 3)
    assert est.lower() < est.mean < est.upper()
    assert est.probability_at_least(0.0) == pytest.approx(1.0)
