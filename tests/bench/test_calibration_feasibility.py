"""The feasibility sweep: the frontier of knowable placements, and the measured per-finding signal."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.learning.replay import load
from app.learning.simulator import simulate
from bench.calibration_feasibility import Signal, frontier, measured_signal, outcomes
from bench.calibration_oracle import oracle_report, true_precisions


def test_the_measured_signal_is_the_strong_bands_split_on_owasp() -> None:
    signal = measured_signal()
    assert signal.odds == pytest.approx(2.26, abs=0.01)
    assert signal.a == pytest.approx(366 / 1028, abs=0.001)  # true findings traced through calls
    assert 0.0 < signal.b < signal.a


def test_a_signal_updates_a_precision_by_bayes_rule() -> None:
    signal = Signal.with_odds(0.4, 4.0)
    assert signal.odds == pytest.approx(4.0)
    high, low = signal.update(0.8, True), signal.update(0.8, False)
    assert low < 0.8 < high
    assert (high / (1 - high)) / (low / (1 - low)) == pytest.approx(4.0)  # the two sides of a cell
    assert Signal.with_odds(0.4, 1.0).update(0.8, True) == pytest.approx(0.8)


def test_the_sweep_starts_with_everything_inline_and_reaches_the_frontier_oracle(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    simulate(path, seed=7, profile="default")
    log = load(path)
    truths = true_precisions(log, 7, "default")
    points = frontier(log, truths)
    assert points[0].moved == 0
    assert points[0].reduction < 0.05  # only the findings the policy drops are not inline
    assert [p.confirmed_not_inline for p in points] == sorted(p.confirmed_not_inline for p in points)
    oracle = oracle_report(str(path), 7, "default", "frontier")
    first = next(p for p in points if p.not_useful <= 0.10 and p.reduction >= 0.30)
    assert first.confirmed_not_inline == pytest.approx(oracle.confirmed_not_inline_rate)
    assert first.not_useful == pytest.approx(oracle.inline_not_useful_rate)


def test_knowing_the_truth_meets_the_targets_on_seed_7_with_and_without_a_signal(tmp_path: Path) -> None:
    rows = {row.variant: row for row in outcomes("default", 7, str(tmp_path), ["measured"], draws=2)}
    assert rows["truth, signal none"].meets
    assert rows["truth, signal measured"].draws == 2
    assert rows["discovery, signal none"].best.distance >= rows["truth, signal none"].best.distance
