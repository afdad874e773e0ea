"""The noise part of a cell's estimate (`app.learning.calibration.mixture`): its parameters are the ones
judged findings on ordinary code give, and votes move it as the guards require."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from app.learning.calibration.estimate import WEAK_BAND_ODDS
from app.learning.calibration.mixture import (
    NOISE_LEVEL,
    NOISE_SHARE,
    excess,
    noise_level,
    pooled_share,
)
from app.learning.trust import Label
from tests.learning.calibration.votes import ORG, REPO, RULE, fitted, many, vote

JUDGED = Path(__file__).parents[3] / "bench" / "noise_judged.jsonl"
USEFUL_VERDICTS = {"true", "debatable"}  # as bench.noise counts them


def judged_pairs(still_reported: bool) -> dict[tuple[str, str], list[bool]]:
    """Per (repository, rule), whether each judged finding was useful."""
    pairs: dict[tuple[str, str], list[bool]] = defaultdict(list)
    for line in JUDGED.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if still_reported and row["severity_after"] == "not reported":
            continue
        pairs[(row["repo"], row["rule"])].append(row["verdict"] in USEFUL_VERDICTS)
    return pairs


def mostly_noise(useful: list[bool]) -> bool:
    return sum(useful) < len(useful) / 2


def test_the_noise_share_is_the_judged_one() -> None:
    pairs = judged_pairs(still_reported=True)
    noisy = [pair for pair, useful in pairs.items() if mostly_noise(useful)]
    assert (len(noisy), len(pairs)) == (5, 23)
    assert len(noisy) / len(pairs) == pytest.approx(NOISE_SHARE)


def test_the_noise_level_is_the_judged_one() -> None:
    noisy = [useful for useful in judged_pairs(still_reported=False).values() if mostly_noise(useful)]
    findings = [verdict for useful in noisy for verdict in useful]
    assert (len(noisy), sum(findings), len(findings)) == (35, 11, 221)
    assert sum(findings) / len(findings) == pytest.approx(NOISE_LEVEL)


def test_the_weak_band_divides_the_noise_odds() -> None:
    weak = noise_level(WEAK_BAND_ODDS, strong=False)
    assert (NOISE_LEVEL / (1 - NOISE_LEVEL)) / (weak / (1 - weak)) == pytest.approx(WEAK_BAND_ODDS)
    assert noise_level(WEAK_BAND_ODDS, strong=True) == NOISE_LEVEL


def test_only_a_share_above_the_world_one_weighs() -> None:
    assert excess(NOISE_SHARE) == 0.0
    assert excess(0.01) == 0.0
    assert excess(1.0) == pytest.approx(1.0)
    assert pooled_share(())[0] == pytest.approx(NOISE_SHARE)
    share, count = pooled_share([(3.0, 0.99), (0.0, 0.99)])  # a repository without labels tells nothing
    assert count == 1
    assert share == pytest.approx((NOISE_SHARE + 0.75 * 0.99) / 1.75)


def test_one_dismisser_never_moves_the_noise_part() -> None:
    lone = many(vote("alice", days_ago=0), 4)
    est = fitted(lone).estimate(REPO, ORG, RULE, 3)
    assert est.noise == pytest.approx(NOISE_SHARE)


def test_dismissals_weigh_more_where_the_organisation_found_the_rule_noisy() -> None:
    # In three other repositories two people dismissed the rule: the organisation's share rises.
    noisy_org = [
        vote(voter, repo=repo, days_ago=1)
        for repo in ("acme/web", "acme/db", "acme/ops")
        for voter in ("bob", "carol")
    ]
    quiet = fitted(noisy_org).estimate(REPO, ORG, RULE, 3)
    assert quiet.noise_share > NOISE_SHARE
    assert quiet.noise == pytest.approx(quiet.noise_share)  # no vote here yet
    assert quiet.org_decision_mean < quiet.org_mean
    # Where the other repositories confirmed it, the same two dismissals here move the cell less.
    precise_org = [
        vote(voter, Label.USEFUL, repo=repo, days_ago=1)
        for repo in ("acme/web", "acme/db", "acme/ops")
        for voter in ("bob", "carol")
    ]
    here = [vote("dan", days_ago=0), vote("erin", days_ago=0)]
    after_noisy = fitted([*noisy_org, *here]).estimate(REPO, ORG, RULE, 3)
    after_precise = fitted([*precise_org, *here]).estimate(REPO, ORG, RULE, 3)
    assert after_precise.noise_share < NOISE_SHARE < after_noisy.noise_share
    assert after_precise.noise < after_noisy.noise
    assert after_precise.org_decision_mean > after_noisy.org_decision_mean
