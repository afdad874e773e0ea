"""The ceiling of the calibration targets: placements that know every finding's true precision.

The simulator draws each finding's truth from a precision per (repository, rule) and confidence level
(`app.learning.simulator`); nothing in a finding's record reveals it but its rule, its confidence and the votes that
follow. Two oracles redraw the same world from the seed:

- `threshold` places each finding inline exactly when its true precision reaches P* of its rule (a policy
  or default block stays a block; a finding the policy drops stays dropped).
- `frontier` starts with every finding the policy keeps inline and moves out of the review the findings
  of lowest true precision (never a block, never a protected family's), one at a time, until comments are
  down by `MIN_REDUCTION` and at most `MAX_NOT_USEFUL` of the labelled inline findings are not useful.
  Moving the least precise findings first gives up the fewest confirmed findings per not-useful one
  removed, so where the frontier oracle still misses "confirmed not inline <= 25 %", no placement that
  knows no more than each finding's precision meets the three noise targets together on that seed: only
  a signal that tells a finding's truth apart within its (repository, rule, confidence) could. (Its
  stopping point reads the labels, which only makes it a more generous ceiling.)

- `discovery` is the frontier oracle with the knowledge a learner from votes could have at best: a
  finding's true precision once a trusted writer has voted on an earlier finding of its (repository, rule,
  confidence bin) cell; before that, the mean true precision of its (rule, bin) in its organisation when
  a cell of that organisation was voted on, else in the whole world. It moves out the findings of lowest
  known precision first. One vote never reveals a precision, so this is far more generous than any
  learner; where it misses a target on a seed, no placement that learns from votes meets it there: what
  remains is the cost of discovering a noisy cell (its findings placed before anyone voted on it).

- `known`, `known-cell`, `known-pool` place like the App, by P* of each rule, on what the discovery oracle
  knows, or on one layer of it, to tell which knowledge the App lacks: `known` knows all of it;
  `known-cell` knows a cell's true precision once a writer voted on it and keeps the default placement
  before (no pooling); `known-pool` knows the organisation's or the world's mean and never a cell's own.

No learner can know more than the first two oracles, so where they miss a target on a seed, that target cannot
hold on that seed without such a signal.

    .venv/bin/python -m bench.calibration_seeds --seeds 30 --oracle threshold
    .venv/bin/python -m bench.calibration_seeds --seeds 30 --oracle frontier
    .venv/bin/python -m bench.calibration_seeds --seeds 30 --oracle known-cell
"""

from __future__ import annotations

import math
import random
import statistics
from collections import defaultdict
from datetime import datetime

from app.learning.calibration import place_finding, score_bin, target_precision
from app.learning.replay import ReplayReport, load
from app.learning.replay.engine import finding_of
from app.learning.replay.log import Cell, FindingRecord, Log
from app.learning.replay.report import MAX_NOT_USEFUL, MIN_REDUCTION
from app.learning.simulator import CONFIDENCE_LEVELS, _repos, finding_precision
from app.learning.simulator_profile import BURST_PRECISION, BURST_RULE, profile_named
from app.learning.trust import Label
from app.report.placement import Placement

ORACLES = ("threshold", "frontier", "discovery", "known", "known-cell", "known-pool")
# What each `known` oracle knows: (a cell's truth once voted on, the organisation's or world's mean)
KNOWLEDGE = {"known": (True, True), "known-cell": (True, False), "known-pool": (False, True)}
Shown = tuple[Placement | None, bool, bool]


def oracle_report(path: str, seed: int, profile: str, oracle: str = "threshold") -> ReplayReport:
    """Score an oracle's placement of the log `simulate(path, seed=seed, profile=profile)` wrote."""
    log = load(path)
    truths = true_precisions(log, seed, profile)
    if oracle not in ORACLES:
        raise ValueError(f"unknown oracle {oracle!r}; known: {', '.join(ORACLES)}")
    cut = oracle == "threshold"
    pairs = zip(log.findings, truths, strict=True)
    placed = [(finding, place_known(log, finding, truth, cut)) for finding, truth in pairs]
    if oracle == "frontier":
        placed = _frontier(log, placed, truths)
    if oracle == "discovery":
        known = [value for value in known_precisions(log, truths) if value is not None]
        placed = _frontier(log, placed, known)  # with the pools known, every finding has a value
    if oracle in KNOWLEDGE:
        own, pool = KNOWLEDGE[oracle]
        values = known_precisions(log, truths, own=own, pool=pool)
        placed = [
            (finding, place_known(log, finding, value))
            for finding, value in zip(log.findings, values, strict=True)
        ]
    report = ReplayReport()
    report.score_week(placed, log.rules)
    return report


def true_precisions(log: Log, seed: int, profile: str) -> list[float]:
    """Each finding's true precision, in the log's order, redrawn from the seed's world."""
    chosen = profile_named(profile)
    world = _repos(random.Random(seed), chosen.repos, chosen)
    precision = {(repo.name, rule): value for repo in world for rule, value in repo.precision.items()}
    burst = _burst_pr(log, world[1].name) if chosen.burst else None
    values = []
    for finding in log.findings:
        base = precision[(finding.repo, finding.rule_id)]
        if (finding.repo, finding.pr) == burst and finding.rule_id == BURST_RULE:
            base = BURST_PRECISION
        strong, _ = CONFIDENCE_LEVELS[finding.rule_id]
        values.append(finding_precision(base, finding.confidence == strong))
    return values


def known_precisions(
    log: Log, truths: list[float], *, own: bool = True, pool: bool = True
) -> list[float | None]:
    """What a learner from votes could know of each finding's precision at its time, at best (see the
    module docstring, `discovery`): the truth once its cell was voted on, else an organisation's or the
    world's mean for its rule and confidence bin. Without `own` a voted cell has its organisation's mean;
    without `pool` a cell nobody voted on has None (nothing known)."""
    first_vote: dict[Cell, datetime] = {}
    for vote in log.votes:
        if vote.permission.can_write and not vote.voter_is_bot:
            cell = (vote.repo, vote.rule_id, score_bin(vote.confidence))
            first_vote[cell] = min(first_vote.get(cell, vote.created_at), vote.created_at)
    org_first: dict[Cell, datetime] = {}  # (organisation, rule, bin): its first vote in any repository
    org_truths: dict[Cell, list[float]] = defaultdict(list)
    world_truths: dict[tuple[str, int], list[float]] = defaultdict(list)
    for finding, truth in zip(log.findings, truths, strict=True):
        _, rule_id, bin_ = finding.cell
        key = (finding.org, rule_id, bin_)
        if finding.cell in first_vote:
            org_first[key] = min(org_first.get(key, first_vote[finding.cell]), first_vote[finding.cell])
        org_truths[key].append(truth)
        world_truths[(rule_id, bin_)].append(truth)
    known: list[float | None] = []
    for finding, truth in zip(log.findings, truths, strict=True):
        _, rule_id, bin_ = finding.cell
        key = (finding.org, rule_id, bin_)
        voted = first_vote.get(finding.cell, finding.at) < finding.at
        if voted and own:
            known.append(truth)
        elif voted or (pool and org_first.get(key, finding.at) < finding.at):
            known.append(statistics.fmean(org_truths[key]))
        elif pool:
            known.append(statistics.fmean(world_truths[(rule_id, bin_)]))
        else:
            known.append(None)
    return known


def place_known(log: Log, finding: FindingRecord, true_precision: float | None, cut: bool = True) -> Shown:
    """Policy drops and blocks as the App; else inline when `cut` is off or the precision reaches P*;
    a precision of None keeps the default placement."""
    placed = place_finding(finding_of(log, finding), log.policies.get(finding.repo))
    if placed is None:
        return None, False, False
    if placed.placement is Placement.BLOCK:
        return Placement.BLOCK, True, False
    if true_precision is None:
        return placed.placement, placed.placement is Placement.COMMENT, False
    inline = not cut or true_precision >= target_precision(log.rules[finding.rule_id])
    return (Placement.COMMENT if inline else Placement.ANNOTATE), inline, False


def _frontier(
    log: Log, placed: list[tuple[FindingRecord, Shown]], truths: list[float]
) -> list[tuple[FindingRecord, Shown]]:
    """Move inline findings out, least precise first, until both noise targets hold (or none is left)."""
    allowed = math.floor((1.0 - MIN_REDUCTION) * len(placed) + 1e-9)  # inline findings at most
    inline = [finding for finding, shown in placed if shown[1]]
    count = len(inline)
    labelled = sum(finding.label is not None for finding in inline)
    noisy = sum(finding.label is Label.NOT_USEFUL for finding in inline)
    movable = sorted(
        (truth, index)
        for index, ((finding, shown), truth) in enumerate(zip(placed, truths, strict=True))
        if shown[0] is Placement.COMMENT and not log.rules[finding.rule_id].is_protected
    )
    result = list(placed)
    for _, index in movable:
        if count <= allowed and noisy <= MAX_NOT_USEFUL * labelled:
            break
        finding = result[index][0]
        result[index] = (finding, (Placement.ANNOTATE, False, False))
        count -= 1
        labelled -= finding.label is not None
        noisy -= finding.label is Label.NOT_USEFUL
    return result


def _burst_pr(log: Log, repo: str) -> tuple[str, int]:
    """The noisy release: the last pull request number of the log, in repository 1."""
    return repo, max(f.pr for f in log.findings)
