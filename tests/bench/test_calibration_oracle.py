"""The oracle ceilings: the frontier oracle gives up confirmed findings only to meet the noise targets."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.simulator import simulate
from bench.calibration_oracle import oracle_report


def test_the_frontier_oracle_meets_both_noise_targets_and_moves_out_no_more_than_it_must(
    tmp_path: Path,
) -> None:
    path = tmp_path / "log.jsonl"
    simulate(path, seed=7, profile="default")
    threshold = oracle_report(str(path), 7, "default", "threshold")
    frontier = oracle_report(str(path), 7, "default", "frontier")
    assert frontier.inline_not_useful_rate <= 0.10
    assert frontier.inline_reduction >= 0.30
    assert frontier.inline <= threshold.inline
    assert frontier.confirmed_not_inline >= threshold.confirmed_not_inline
    assert frontier.protected_confirmed_hidden == 0


def test_an_unknown_oracle_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    simulate(path, seed=1, profile="default", findings=40)
    with pytest.raises(ValueError, match="unknown oracle"):
        oracle_report(str(path), 1, "default", "psychic")
