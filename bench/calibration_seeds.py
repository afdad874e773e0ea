"""Every calibration target over many seeds of both simulator profiles: min, median and max per target.

Each seed writes a log with `app.learning.simulator.simulate` (profile `default`: 24 repositories, 900 findings;
profile `hard`: see `app.learning.simulator_profile`) and replays it through the App's placement. The table gives
each target's figure over the seeds and in how many seeds it holds; the run exits 1 when any target misses
on any seed. No timing: the figures do not depend on the machine.

    .venv/bin/python -m bench.calibration_seeds --seeds 30 --jobs 2
    .venv/bin/python -m bench.calibration_seeds --seeds 30 --oracle threshold   # the ceilings
    .venv/bin/python -m bench.calibration_seeds --seeds 30 --oracle frontier    # (bench.calibration_oracle)
    .venv/bin/python -m bench.calibration_seeds --seeds 30 --oracle discovery   # pays for discovering noise
    .venv/bin/python -m bench.calibration_seeds --seeds 30 --noise-budget 0.10 --per-seed  # a variant

`--noise-budget RATE[:MARGIN]` replays with the installation's noise budget for cells with no votes of
their own (`app.learning.calibration.budget`, `BULWARK_CALIBRATION_NOISE_BUDGET`); `--per-seed` adds a row
per seed with the three noise figures.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from app.learning.calibration import NoiseBudget
from app.learning.replay import ReplayReport, replay
from app.learning.replay.report import (
    MAX_CONFIRMED_NOT_INLINE,
    MAX_G1_SHIFT,
    MAX_HIDDEN,
    MAX_NOT_USEFUL,
    MIN_REDUCTION,
)
from app.learning.simulator import simulate
from bench.calibration_oracle import ORACLES, oracle_report

# name, figure of a report, whether the figure meets the target
Figure = tuple[str, Callable[[ReplayReport], float], Callable[[float], bool], str]
FIGURES: tuple[Figure, ...] = (
    ("inline not-useful", lambda r: r.inline_not_useful_rate, lambda v: v <= MAX_NOT_USEFUL, "%"),
    ("confirmed hidden (shadow)", lambda r: r.hidden_rate, lambda v: v <= MAX_HIDDEN, "%"),
    ("protected confirmed hidden", lambda r: r.protected_confirmed_hidden, lambda v: v == 0, "n"),
    ("inline per PR down", lambda r: r.inline_reduction, lambda v: v >= MIN_REDUCTION, "%"),
    (
        "confirmed not inline",
        lambda r: r.confirmed_not_inline_rate,
        lambda v: v <= MAX_CONFIRMED_NOT_INLINE,
        "%",
    ),
    ("G1 mutes", lambda r: r.g1_mutes, lambda v: v == 0, "n"),
    ("G1 max shift", lambda r: r.g1_max_shift, lambda v: v <= MAX_G1_SHIFT, "f"),
    (
        "G2 changes",
        lambda r: r.g2_changed_cells + r.g2_blocking_cleared_by_author,
        lambda v: v == 0,
        "n",
    ),
    ("G3 changes", lambda r: r.g3_changed_cells, lambda v: v == 0, "n"),
)


def run_seed(job: tuple[str, int, str, str, NoiseBudget | None]) -> ReplayReport:
    profile, seed, folder, oracle, budget = job
    path = Path(folder) / f"{profile}-{seed}.jsonl"
    simulate(path, seed=seed, profile=profile)
    return oracle_report(str(path), seed, profile, oracle) if oracle else replay(path, budget)


def budget_of(text: str) -> NoiseBudget | None:
    """`RATE` or `RATE:MARGIN` (see `NoiseBudget`); empty: None."""
    if not text:
        return None
    rate, _, margin = text.partition(":")
    return NoiseBudget(float(rate), float(margin)) if margin else NoiseBudget(float(rate))


def seed_rows(profile: str, seeds: range, reports: list[ReplayReport]) -> list[str]:
    lines = [
        f"profile {profile}, per seed",
        "| seed | inline not-useful | confirmed not inline | inline per PR down | hidden | G1 shift |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for seed, r in zip(seeds, reports, strict=True):
        lines.append(
            f"| {seed} | {r.inline_not_useful_rate:.1%} | {r.confirmed_not_inline_rate:.1%} | "
            f"{r.inline_reduction:.1%} | {r.hidden_rate:.1%} | {r.g1_max_shift:.3f} |"
        )
    return lines


def render(value: float, kind: str) -> str:
    if kind == "%":
        return f"{value:.1%}"
    if kind == "f":
        return f"{value:.3f}"
    return f"{value:g}"


def table(profile: str, reports: list[ReplayReport]) -> tuple[list[str], bool]:
    lines = [
        f"profile {profile}, {len(reports)} seeds",
        f"| {'target':<28} | {'min':>7} | {'median':>7} | {'max':>7} | seeds met |",
        f"| {'-' * 28} | {'-' * 6}: | {'-' * 6}: | {'-' * 6}: | ---: |",
    ]
    every = True
    for name, figure, ok, kind in FIGURES:
        values = [float(figure(r)) for r in reports]
        met = sum(ok(v) for v in values)
        every &= met == len(values)
        low, middle, high = min(values), statistics.median(values), max(values)
        lines.append(
            f"| {name:<28} | {render(low, kind):>7} | {render(middle, kind):>7} | "
            f"{render(high, kind):>7} | {met}/{len(values)} |"
        )
    return lines, every


def main() -> int:
    parser = argparse.ArgumentParser(description="calibration targets over simulated seeds")
    parser.add_argument("--seeds", type=int, default=30)
    parser.add_argument("--first", type=int, default=1)
    parser.add_argument("--profiles", default="default,hard")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument(
        "--oracle", choices=ORACLES, default="", help="score a placement that knows the truth (a ceiling)"
    )
    parser.add_argument(
        "--noise-budget", default="", help="RATE[:MARGIN] for cells with no votes of their own"
    )
    parser.add_argument("--per-seed", action="store_true", help="a row per seed with the noise figures")
    args = parser.parse_args()
    budget = budget_of(args.noise_budget)
    seeds = range(args.first, args.first + args.seeds)
    every = True
    with tempfile.TemporaryDirectory() as folder, ProcessPoolExecutor(args.jobs) as pool:
        for profile in args.profiles.split(","):
            jobs = [(profile, seed, folder, args.oracle, budget) for seed in seeds]
            reports = list(pool.map(run_seed, jobs))
            for seed, report in zip(seeds, reports, strict=True):
                missed = [name for name, ok in report.targets.items() if not ok]
                if missed:
                    print(
                        f"{profile} seed {seed}: missed {', '.join(missed)} (not-useful "
                        f"{report.inline_not_useful_rate:.1%}, down {report.inline_reduction:.1%}, "
                        f"confirmed not inline {report.confirmed_not_inline_rate:.1%})"
                    )
            lines, met = table(profile + (f" ({args.oracle} oracle)" if args.oracle else ""), reports)
            every &= met
            print("\n".join(lines))
            if args.per_seed:
                print("\n".join(seed_rows(profile, seeds, reports)))
    return 0 if every else 1


if __name__ == "__main__":
    sys.exit(main())
