"""Can any placement meet inline not-useful <= 10 % and confirmed-not-inline <= 25 % on a seed, knowing only
what the App could know?

Within one (repository, rule, confidence bin) cell the simulator's findings are exchangeable: each is true
with its cell's precision, drawn alone (`app.learning.simulator`). A placement that reads no label can
therefore only rank findings by what it knows of their precision, and the best such placement moves out of
the review the findings it knows to be least precise first (the one that gives up the fewest confirmed
findings per not-useful one removed). This bench sweeps that frontier, one finding at a time, from "every
finding the policy keeps is inline" to "every movable finding is annotated" (never a block, never a
protected family's finding), and reports for each seed whether some point of it meets the three noise
targets together (inline not-useful <= 10 %, confirmed not inline <= 25 %, inline per PR down >= 30 %), and
its best pair: the point nearest both targets (smallest max(not-useful / 10 %, confirmed-not-inline / 25 %)
with comments down >= 30 %). A seed where no point qualifies is out of reach of every placement that knows
no more than the variant assumes.

What a variant knows of each finding's precision:

- `truth`: its true precision (`bench.calibration_oracle.true_precisions`); more than any learner.
- `discovery`: its cell's true precision once a trusted writer voted on the cell, before that its
  organisation's (or the world's) mean for the rule and bin (`known_precisions`); more than any learner
  from votes can know, so a seed it misses is out of reach of the App's cell-level placement.

and, with `--odds`, one signal of each finding beyond its cell, drawn from its eventual label: a binary
signal whose "precise" value is carried by a share `a` of true findings and `b` of false ones, with
odds ratio a(1-b)/(b(1-a)) equal to the value given; the placement updates its knowledge by Bayes' rule.
The measured signal is the confidence value inside the strong band: on the OWASP Benchmark
(`bench/calibration_signals.json`) findings traced through calls (0.90) are truer than findings traced in
one function (0.95), within rules (Mantel-Haenszel odds ratio and the share `a` recomputed from the file by
`measured_signal`). The simulator's rules report one strong level, so the bench lends every finding such a
signal: a generous reading of what a per-finding signal of that strength can buy. The file measured no
separation for the data-flow trace within a rule (every finding of a rule carries the same trace kind) and
none for AI provenance.

    .venv/bin/python -m bench.calibration_feasibility --seeds 30 --profiles default,hard
    .venv/bin/python -m bench.calibration_feasibility --seeds 30 --odds measured,3,5,10,30 --draws 5 --per-seed

The first draw of a signal gives the columns "seeds met" and the pairs; with `--draws N` a seed is also
counted as met in every draw, or listed as missed in every draw.

No timing: the figures do not depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from analyzers.record import record
from app.learning.replay import load
from app.learning.replay.log import FindingRecord, Log
from app.learning.replay.report import MAX_CONFIRMED_NOT_INLINE, MAX_NOT_USEFUL, MIN_REDUCTION
from app.learning.simulator import simulate
from app.learning.trust import Label
from app.report.placement import Placement
from bench.calibration_oracle import Shown, known_precisions, place_known, true_precisions

SIGNALS = Path(__file__).with_name("calibration_signals.json")
KNOWLEDGE = ("truth", "discovery")
LOW, HIGH = "0.90", "0.95"  # confidence inside the strong band: traced through calls, traced in one function


@record
class Point:
    """One point of the frontier: the three noise figures after moving `moved` findings out."""

    moved: int
    not_useful: float
    confirmed_not_inline: float
    reduction: float

    @property
    def meets(self) -> bool:
        return (
            self.not_useful <= MAX_NOT_USEFUL
            and self.confirmed_not_inline <= MAX_CONFIRMED_NOT_INLINE
            and self.reduction >= MIN_REDUCTION
        )

    @property
    def distance(self) -> float:
        """How far the worse of the two targets is, as a multiple of its bound (1: on the bound)."""
        return max(self.not_useful / MAX_NOT_USEFUL, self.confirmed_not_inline / MAX_CONFIRMED_NOT_INLINE)


@record
class Signal:
    """A binary signal of a finding: the share of true (`a`) and false (`b`) findings on its precise side."""

    a: float
    b: float

    @property
    def odds(self) -> float:
        return self.a * (1.0 - self.b) / (self.b * (1.0 - self.a))

    @classmethod
    def with_odds(cls, a: float, odds: float) -> Signal:
        b_odds = a / (1.0 - a) / odds
        return cls(a, b_odds / (1.0 + b_odds))

    def update(self, precision: float, precise: bool) -> float:
        """The precision of a finding of `precision` once its signal is known (Bayes' rule)."""
        true = precision * (self.a if precise else 1.0 - self.a)
        false = (1.0 - precision) * (self.b if precise else 1.0 - self.b)
        return true / (true + false) if true + false > 0.0 else precision


def measured_signal(path: Path = SIGNALS) -> Signal:
    """The 0.90 / 0.95 split of the strong band on the OWASP Benchmark, within rules: the Mantel-Haenszel
    odds ratio over the rules that report both, and the pooled share of their true findings at 0.90."""
    data = json.loads(path.read_text(encoding="utf-8"))
    cells: dict[tuple[str, str], dict[str, tuple[int, int]]] = defaultdict(dict)
    for name, benchmark in data["benchmarks"].items():
        for row in benchmark["rows"]:
            if row["signal"] == "confidence":
                cells[(name, row["rule"])][row["value"]] = (row["true"], row["false"])
    numerator = denominator = 0.0
    true_low = true_all = 0
    for values in cells.values():
        if LOW not in values or HIGH not in values:
            continue
        (t_low, f_low), (t_high, f_high) = values[LOW], values[HIGH]
        total = t_low + f_low + t_high + f_high
        numerator += t_low * f_high / total
        denominator += f_low * t_high / total
        true_low += t_low
        true_all += t_low + t_high
    return Signal.with_odds(true_low / true_all, numerator / denominator)


def signal_values(log: Log, truths: Sequence[float], signal: Signal, seed: int, draw: int = 0) -> list[bool]:
    """Each finding's signal (True: the precise side), drawn from its eventual label (from its true
    precision when it has none), the same for a seed and draw."""
    rng = random.Random(f"signal-{seed}-{draw}")
    drawn = []
    for finding, truth in zip(log.findings, truths, strict=True):
        if finding.label is Label.USEFUL:
            share = signal.a
        elif finding.label is Label.NOT_USEFUL:
            share = signal.b
        else:
            share = truth * signal.a + (1.0 - truth) * signal.b
        drawn.append(rng.random() < share)
    return drawn


def frontier(log: Log, values: Sequence[float]) -> list[Point]:
    """The noise figures as the findings known least precise are moved out of the review, one by one."""
    placed: list[tuple[FindingRecord, Shown]] = [
        (finding, place_known(log, finding, value, cut=False))
        for finding, value in zip(log.findings, values, strict=True)
    ]
    inline = sum(shown[1] for _, shown in placed)
    labelled = sum(shown[1] and finding.label is not None for finding, shown in placed)
    noisy = sum(shown[1] and finding.label is Label.NOT_USEFUL for finding, shown in placed)
    confirmed = sum(finding.label is Label.USEFUL for finding, _ in placed)
    quiet = sum(not shown[1] and finding.label is Label.USEFUL for finding, shown in placed)
    movable = sorted(
        (value, index)
        for index, ((finding, shown), value) in enumerate(zip(placed, values, strict=True))
        if shown[0] is Placement.COMMENT and not log.rules[finding.rule_id].is_protected
    )

    def point(moved: int) -> Point:
        return Point(
            moved,
            noisy / labelled if labelled else 0.0,
            quiet / confirmed if confirmed else 0.0,
            1.0 - inline / len(placed) if placed else 0.0,
        )

    points = [point(0)]
    for moved, (_, index) in enumerate(movable, start=1):
        finding = placed[index][0]
        inline -= 1
        labelled -= finding.label is not None
        noisy -= finding.label is Label.NOT_USEFUL
        quiet += finding.label is Label.USEFUL
        points.append(point(moved))
    return points


def best(points: Sequence[Point]) -> Point:
    """The point nearest both targets among those with comments down enough (else among all)."""
    enough = [p for p in points if p.reduction >= MIN_REDUCTION] or list(points)
    return min(enough, key=lambda p: (p.distance, p.moved))


def knowledge(log: Log, truths: list[float], name: str) -> list[float]:
    if name == "truth":
        return truths
    return [value if value is not None else 0.0 for value in known_precisions(log, truths)]


@record
class Outcome:
    profile: str
    seed: int
    variant: str
    meets: bool
    met_draws: int  # of the signal's draws (1 without a signal), how many meet the three targets
    draws: int
    best: Point  # of the first draw
    lowest_quiet: Point | None  # the least confirmed-not-inline with not-useful <= 10 % and down >= 30 %
    lowest_noise: Point | None  # the least not-useful with confirmed-not-inline <= 25 % and down >= 30 %


def outcomes(profile: str, seed: int, folder: str, odds: Sequence[str], draws: int = 1) -> list[Outcome]:
    path = Path(folder) / f"{profile}-{seed}.jsonl"
    simulate(path, seed=seed, profile=profile)
    log = load(path)
    truths = true_precisions(log, seed, profile)
    measured = measured_signal()
    results = []
    for name in KNOWLEDGE:
        base = knowledge(log, truths, name)
        for strength in ("none", *odds):
            runs = [frontier(log, base)]
            if strength != "none":
                ratio = measured.odds if strength == "measured" else float(strength)
                signal = Signal.with_odds(measured.a, ratio)
                runs = []
                for draw in range(draws):
                    drawn = signal_values(log, truths, signal, seed, draw)
                    values = [signal.update(v, s) for v, s in zip(base, drawn, strict=True)]
                    runs.append(frontier(log, values))
            met = [any(p.meets for p in points) for points in runs]
            points = runs[0]
            down = [p for p in points if p.reduction >= MIN_REDUCTION]
            quiet = [p for p in down if p.not_useful <= MAX_NOT_USEFUL]
            noise = [p for p in down if p.confirmed_not_inline <= MAX_CONFIRMED_NOT_INLINE]
            results.append(
                Outcome(
                    profile,
                    seed,
                    f"{name}, signal {strength}",
                    met[0],
                    sum(met),
                    len(met),
                    best(points),
                    min(quiet, key=lambda p: p.confirmed_not_inline) if quiet else None,
                    min(noise, key=lambda p: p.not_useful) if noise else None,
                )
            )
    return results


def pair(point: Point | None) -> str:
    if point is None:
        return "none"
    return f"{point.not_useful:.2%} / {point.confirmed_not_inline:.1%}"


def summary(profile: str, results: list[Outcome]) -> list[str]:
    lines = [
        f"profile {profile}: seeds where some point meets not-useful <= 10 %, confirmed not inline <= 25 % "
        "and down >= 30 %; best pair (not-useful / confirmed not inline) of the median and the worst seed",
        "| knows | seeds met | seeds missed | seeds met in every draw | missed in every draw | best pair, "
        "median seed | worst seed's best pair |",
        "| --- | ---: | --- | ---: | --- | --- | --- |",
    ]
    by_variant: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in results:
        by_variant[outcome.variant].append(outcome)
    for variant, rows in by_variant.items():
        met = sum(row.meets for row in rows)
        missed = ", ".join(str(row.seed) for row in rows if not row.meets) or "-"
        every = sum(row.met_draws == row.draws for row in rows)
        never = ", ".join(str(row.seed) for row in rows if row.met_draws == 0) or "-"
        ranked = sorted(rows, key=lambda row: row.best.distance)
        middle = ranked[(len(ranked) - 1) // 2]
        lines.append(
            f"| {variant} | {met}/{len(rows)} | {missed} | {every}/{len(rows)} | {never} | "
            f"{pair(middle.best)} (seed {middle.seed}) | {pair(ranked[-1].best)} (seed {ranked[-1].seed}) |"
        )
    return lines


def per_seed(profile: str, results: list[Outcome], variants: Sequence[str]) -> list[str]:
    lines = [
        f"profile {profile}, per seed: met?, best pair; least confirmed-not-inline at not-useful <= 10 %; "
        "least not-useful at confirmed-not-inline <= 25 % (all with down >= 30 %)",
        "| seed | " + " | ".join(variants) + " |",
        "| ---: |" + " --- |" * len(variants),
    ]
    table = {(row.seed, row.variant): row for row in results}
    for seed in sorted({row.seed for row in results}):
        cells = []
        for variant in variants:
            row = table[(seed, variant)]
            draws = f" ({row.met_draws}/{row.draws} draws)" if row.draws > 1 else ""
            cells.append(
                f"{'yes' if row.meets else 'NO'}{draws} {pair(row.best)}; "
                f"{pair(row.lowest_quiet)}; {pair(row.lowest_noise)}"
            )
        lines.append(f"| {seed} | " + " | ".join(cells) + " |")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description="whether any knowable placement meets the noise targets")
    parser.add_argument("--seeds", type=int, default=30)
    parser.add_argument("--first", type=int, default=1)
    parser.add_argument("--profiles", default="default,hard")
    parser.add_argument(
        "--odds",
        default="measured",
        help="per-finding signal strengths: 'measured' or odds ratios, comma-separated",
    )
    parser.add_argument("--draws", type=int, default=1, help="draws of the signal per seed and strength")
    parser.add_argument("--per-seed", action="store_true", help="one row per seed for the main variants")
    args = parser.parse_args()
    odds = [value for value in args.odds.split(",") if value]
    measured = measured_signal()
    print(
        f"measured signal (OWASP, confidence {LOW} against {HIGH} within rules): odds ratio {measured.odds:.2f}, "
        f"share of true findings on the precise side {measured.a:.3f}, of false ones {measured.b:.3f}"
    )
    seeds = range(args.first, args.first + args.seeds)
    with tempfile.TemporaryDirectory() as folder:
        for profile in args.profiles.split(","):
            results = [row for seed in seeds for row in outcomes(profile, seed, folder, odds, args.draws)]
            print("\n".join(summary(profile, results)), flush=True)
            if args.per_seed:
                main_variants = [
                    f"{name}, signal {s}" for name in ("discovery",) for s in ("none", *odds[:1])
                ]
                print("\n".join(per_seed(profile, results, main_variants)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
