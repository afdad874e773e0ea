"""The calibration replay over simulated logs of many seeds: how much the targets depend on the draw.

Each seed writes a log with `app.learning.simulator.simulate` (24 repositories, 900 findings by default) and
replays it; one line per seed, then how many seeds meet each target and the replay's wall time.

    .venv/bin/python -m bench.replay --seeds 10
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from app.learning.replay import ReplayReport, replay
from app.learning.simulator import simulate


def measure(seed: int, folder: Path, repos: int, findings: int) -> tuple[ReplayReport, float]:
    path = folder / f"seed-{seed}.jsonl"
    simulate(path, repos=repos, findings=findings, seed=seed)
    started = time.perf_counter()
    report = replay(path)
    return report, time.perf_counter() - started


def describe(seed: int, report: ReplayReport) -> str:
    missed = [name for name, ok in report.targets.items() if not ok]
    return (
        f"seed {seed:>3}: inline not-useful {report.inline_not_useful_rate:6.1%} "
        f"(placed {report.placed_not_useful_rate:5.1%}, explored {report.explored_not_useful_rate:5.1%}) "
        f"hidden {report.hidden_rate:4.1%} down {report.inline_reduction:5.1%} "
        f"G1 shift {report.g1_max_shift:.2f} mutes {report.g1_mutes} "
        f"G2 {report.g2_changed_cells}/{report.g2_blocking_cleared_by_author} G3 {report.g3_changed_cells}"
        + (f"  missed: {', '.join(missed)}" if missed else "")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="calibration replay over simulated logs")
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--repos", type=int, default=24)
    parser.add_argument("--findings", type=int, default=900)
    args = parser.parse_args()
    reports: list[ReplayReport] = []
    times: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        for seed in range(1, args.seeds + 1):
            report, elapsed = measure(seed, Path(folder), args.repos, args.findings)
            reports.append(report)
            times.append(elapsed)
            print(describe(seed, report))
    for name in reports[0].targets:
        met = sum(report.targets[name] for report in reports)
        print(f"target {name}: met in {met} of {len(reports)} seeds")
    print(f"replay wall time: median {statistics.median(times):.2f} s per log")


if __name__ == "__main__":
    main()
