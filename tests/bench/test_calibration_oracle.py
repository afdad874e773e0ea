"""The oracle ceilings: the frontier oracle gives up confirmed findings only to meet the noise targets."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from app.learning.calibration import place_finding, score_bin
from app.learning.replay import load
from app.learning.replay.engine import finding_of
from app.learning.replay.log import Log
from app.learning.simulator import simulate
from app.report.placement import Placement
from bench.calibration_oracle import known_precisions, oracle_report, true_precisions


def test_the_frontier_oracle_moves_out_the_least_precise_findings_until_the_noise_targets_hold(
    tmp_path: Path,
) -> None:
    path = tmp_path / "log.jsonl"
    simulate(path, seed=7, profile="default")
    threshold = oracle_report(str(path), 7, "default", "threshold")
    frontier = oracle_report(str(path), 7, "default", "frontier")
    assert frontier.inline_not_useful_rate <= 0.10
    assert 0.30 <= frontier.inline_reduction < 0.30 + 2 / frontier.findings  # stops as soon as both hold
    assert frontier.confirmed_not_inline_rate <= 0.25
    assert frontier.protected_confirmed_hidden == threshold.protected_confirmed_hidden == 0
    assert frontier.placements["block"] == threshold.placements["block"] > 0


def test_an_unknown_oracle_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    simulate(path, seed=1, profile="default", findings=40)
    with pytest.raises(ValueError, match="unknown oracle"):
        oracle_report(str(path), 1, "default", "psychic")


@pytest.fixture(scope="module")
def seven(tmp_path_factory: pytest.TempPathFactory) -> tuple[Log, list[float]]:
    """Seed 7's log and each finding's true precision."""
    path = tmp_path_factory.mktemp("oracle") / "log.jsonl"
    simulate(path, seed=7, profile="default")
    log = load(path)
    return log, true_precisions(log, 7, "default")


def test_the_discovery_oracle_knows_a_cells_truth_only_after_a_writer_voted_on_it(
    seven: tuple[Log, list[float]],
) -> None:
    log, truths = seven
    known = known_precisions(log, truths)
    voted: dict[tuple[str, str, int], datetime] = {}
    for vote in log.votes:
        if vote.permission.can_write and not vote.voter_is_bot:
            cell = (vote.repo, vote.rule_id, score_bin(vote.confidence))
            voted[cell] = min(voted.get(cell, vote.created_at), vote.created_at)
    first = log.findings[0]
    assert first.cell not in voted or voted[first.cell] >= first.at
    same = [t for f, t in zip(log.findings, truths, strict=True) if f.cell[1:] == first.cell[1:]]
    assert known[0] == pytest.approx(sum(same) / len(same))  # nobody voted yet: the world's mean
    later = [
        (k, t) for f, k, t in zip(log.findings, known, truths, strict=True) if voted.get(f.cell, f.at) < f.at
    ]
    assert later
    assert all(k == t for k, t in later)


def test_the_discovery_oracle_pays_for_discovering_noise_and_still_meets_the_noise_targets_on_seed_7(
    tmp_path: Path,
) -> None:
    path = tmp_path / "log.jsonl"
    simulate(path, seed=7, profile="default")
    frontier = oracle_report(str(path), 7, "default", "frontier")
    discovery = oracle_report(str(path), 7, "default", "discovery")
    assert discovery.inline_not_useful_rate <= 0.10
    assert discovery.inline_reduction >= 0.30
    assert discovery.confirmed_not_inline_rate <= 0.25
    assert discovery.placements["block"] == frontier.placements["block"] > 0
    assert discovery.protected_confirmed_hidden == 0


def test_the_knowledge_layers_know_a_cells_truth_or_its_pools_mean_and_nothing_else(
    seven: tuple[Log, list[float]],
) -> None:
    log, truths = seven
    every = known_precisions(log, truths)
    own = known_precisions(log, truths, pool=False)
    pooled = known_precisions(log, truths, own=False)
    for full, cell, pool, truth in zip(every, own, pooled, truths, strict=True):
        assert cell is None or cell == full == truth  # the cell's truth once voted on, else nothing
        assert pool is not None  # the organisation's or the world's mean, voted on or not
        assert cell is not None or pool == full  # before a vote on the cell, what the pools know
    assert None in own
    assert any(c is not None and p != c for c, p in zip(own, pooled, strict=True))


def test_an_oracle_that_knows_nothing_of_a_cell_places_it_by_default(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    simulate(path, seed=7, profile="default", findings=200)
    lines = path.read_text(encoding="utf-8").splitlines()
    quiet = tmp_path / "quiet.jsonl"  # nobody votes or comments: nothing is known of any cell
    quiet.write_text(
        "\n".join(line for line in lines if json.loads(line)["type"] not in ("vote", "comment")) + "\n",
        encoding="utf-8",
    )
    log = load(quiet)
    assert not log.votes
    by_default = [place_finding(finding_of(log, f), log.policies.get(f.repo)) for f in log.findings]
    inline = sum(p is not None and p.placement in (Placement.BLOCK, Placement.COMMENT) for p in by_default)
    report = oracle_report(str(quiet), 7, "default", "known-cell")
    assert report.inline == inline < report.findings
    assert oracle_report(str(quiet), 7, "default", "known-pool").inline != inline  # the pools know
