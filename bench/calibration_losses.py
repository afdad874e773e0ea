"""Where the App's placement loses, finding by finding: which level decided, and was the cell truly precise.

Each seed's log (`app.learning.simulator.simulate`) is placed as the replay places it (`decide_log`: the App's
placement, week by week), and each labelled finding is put in one row by the level that decided its cell:

- `default`: no evidence yet, the default placement (severity and confidence) decided;
- `organisation`: the organisation's pooled estimate decided (the repository's cell has fewer than
  `MIN_LABELS` effective labels from `MIN_VOTERS` trusted voters);
- `repository`: the repository's own posterior decided;
- `exploration`: an `annotate` cell shown inline by the weekly exploration.

and by whether its cell's true precision (`bench.calibration_oracle.true_precisions`) reaches P* of its rule.
The table counts the not-useful findings shown inline and the confirmed findings kept out of the review,
summed over the seeds, with each level's share of all placements and the effective labels a repository's
cell held when it decided (median and 90th percentile). No timing: the figures do not depend on the machine.

    .venv/bin/python -m bench.calibration_losses --seeds 30 --profiles default,hard
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from collections import Counter
from pathlib import Path

from app.learning.calibration import Decision, has_evidence, target_precision
from app.learning.replay import load
from app.learning.replay.engine import decide_log
from app.learning.replay.log import FindingRecord, Log
from app.learning.simulator import simulate
from app.learning.trust import Label
from bench.calibration_oracle import true_precisions

LEVELS = ("default", "organisation", "repository", "exploration")


def level(log: Log, finding: FindingRecord, decision: Decision, explored: bool) -> str:
    """The level that decided the placement of `finding` (see the module docstring)."""
    if explored:
        return "exploration"
    policy = log.policies.get(finding.repo)
    settings = policy.rule_settings(finding.rule_id) if policy is not None else None
    if not has_evidence(decision, settings):
        return "default"
    return "repository" if decision.repo_specific else "organisation"


def losses(log: Log, truths: list[float]) -> tuple[Counter[tuple[str, ...]], list[float]]:
    """Counts of one log: ("placed", level), ("noise", level, truth side) for not-useful findings shown
    inline, ("quiet", level, truth side) for confirmed findings not inline; and the effective labels of
    the repository's cell behind each placement."""
    counts: Counter[tuple[str, ...]] = Counter()
    labels: list[float] = []
    placed = decide_log(log)
    for (finding, (_, inline, explored), decision), truth in zip(placed, truths, strict=True):
        where = level(log, finding, decision, explored)
        counts[("placed", where)] += 1
        labels.append(decision.estimate.tally.labels)
        side = "precise" if truth >= target_precision(log.rules[finding.rule_id]) else "noisy"
        if inline and finding.label is Label.NOT_USEFUL:
            counts[("noise", where, side)] += 1
        if not inline and finding.label is Label.USEFUL:
            counts[("quiet", where, side)] += 1
        counts[("inline labelled",)] += inline and finding.label is not None
        counts[("confirmed",)] += finding.label is Label.USEFUL
    return counts, labels


def seed_losses(profile: str, seed: int, folder: str) -> tuple[Counter[tuple[str, ...]], list[float]]:
    path = Path(folder) / f"{profile}-{seed}.jsonl"
    simulate(path, seed=seed, profile=profile)
    log = load(path)
    return losses(log, true_precisions(log, seed, profile))


def table(profile: str, seeds: int, counts: Counter[tuple[str, ...]], labels: list[float]) -> list[str]:
    inline, confirmed = counts[("inline labelled",)], counts[("confirmed",)]
    placed = sum(counts[("placed", where)] for where in LEVELS)
    deciles = statistics.quantiles(labels, n=10) if len(labels) > 1 else [0.0] * 9
    lines = [
        f"profile {profile}, {seeds} seeds: {inline} labelled inline, {confirmed} confirmed; a repository "
        f"cell's effective labels when placing: median {statistics.median(labels):.2f}, "
        f"90th percentile {deciles[8]:.2f}",
        f"| {'decided by':<12} | placed | noise, noisy cell | noise, precise cell | quiet, noisy cell "
        "| quiet, precise cell |",
        f"| {'-' * 12} | -----: | ---: | ---: | ---: | ---: |",
    ]
    for where in LEVELS:
        share = counts[("placed", where)] / placed if placed else 0.0
        cells = [counts[(kind, where, side)] for kind in ("noise", "quiet") for side in ("noisy", "precise")]
        lines.append(f"| {where:<12} | {share:6.1%} | {cells[0]} | {cells[1]} | {cells[2]} | {cells[3]} |")
    noise = sum(counts[("noise", where, side)] for where in LEVELS for side in ("noisy", "precise"))
    quiet = sum(counts[("quiet", where, side)] for where in LEVELS for side in ("noisy", "precise"))
    lines.append(
        f"inline not-useful {noise / inline if inline else 0.0:.1%} ({noise} of {inline}); confirmed not "
        f"inline {quiet / confirmed if confirmed else 0.0:.1%} ({quiet} of {confirmed})"
    )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description="where the App's placement loses, by deciding level")
    parser.add_argument("--seeds", type=int, default=30)
    parser.add_argument("--first", type=int, default=1)
    parser.add_argument("--profiles", default="default,hard")
    args = parser.parse_args()
    seeds = range(args.first, args.first + args.seeds)
    with tempfile.TemporaryDirectory() as folder:
        for profile in args.profiles.split(","):
            counts: Counter[tuple[str, ...]] = Counter()
            labels: list[float] = []
            for seed in seeds:
                more, cell_labels = seed_losses(profile, seed, folder)
                counts.update(more)
                labels += cell_labels
            print("\n".join(table(profile, len(seeds), counts, labels)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
