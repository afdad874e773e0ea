"""The loss breakdown counts every not-useful inline and every confirmed quiet finding of the replay once."""

from __future__ import annotations

from pathlib import Path

from app.learning.replay import load, replay
from app.learning.simulator import simulate
from bench.calibration_losses import LEVELS, losses, table
from bench.calibration_oracle import true_precisions


def test_the_rows_add_up_to_the_replays_figures(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    simulate(path, seed=3, profile="default", findings=300)
    log = load(path)
    counts, labels = losses(log, true_precisions(log, 3, "default"))
    report = replay(path)
    sides = ("noisy", "precise")
    assert (
        sum(counts[("noise", where, side)] for where in LEVELS for side in sides) == report.inline_not_useful
    )
    assert (
        sum(counts[("quiet", where, side)] for where in LEVELS for side in sides)
        == report.confirmed_not_inline
    )
    assert sum(counts[("placed", where)] for where in LEVELS) == report.findings == len(labels)
    assert counts[("inline labelled",)] == report.inline_labelled
    assert counts[("placed", "default")] > 0
    assert counts[("placed", "organisation")] > 0
    lines = table("default", 1, counts, labels)
    assert lines[-1].startswith(f"inline not-useful {report.inline_not_useful_rate:.1%}")
