"""The oracle ceilings: the frontier oracle gives up confirmed findings only to meet the noise targets."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.learning.simulator import simulate
from bench.calibration_oracle import oracle_report


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
