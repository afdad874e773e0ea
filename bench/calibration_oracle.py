"""The ceiling of the calibration targets: a placement that knows every finding's true precision.

The simulator draws each finding's truth from a precision per (repository, rule) and confidence level
(`app.learning.simulator`); nothing in a finding's record reveals it but its rule, its confidence and the votes that
follow. This oracle redraws the same world from the seed and places each finding inline exactly when its
true precision reaches P* of its rule (a policy or default block stays a block; a finding the policy drops
stays dropped). No learner can know more, so where the oracle misses a target on a seed, that target
cannot hold on that seed without moving confirmed findings out of sight.

    .venv/bin/python -m bench.calibration_seeds --oracle --seeds 30
"""

from __future__ import annotations

import random

from app.learning.calibration import place_finding, target_precision
from app.learning.replay import ReplayReport, load
from app.learning.replay.engine import finding_of
from app.learning.replay.log import FindingRecord, Log
from app.learning.simulator import CONFIDENCE_LEVELS, _repos
from app.learning.simulator_profile import BURST_PRECISION, BURST_RULE, profile_named
from app.report.placement import Placement


def oracle_report(path: str, seed: int, profile: str) -> ReplayReport:
    """Score the oracle's placement of the log `simulate(path, seed=seed, profile=profile)` wrote."""
    chosen = profile_named(profile)
    world = _repos(random.Random(seed), chosen.repos, chosen)
    precision = {(repo.name, rule): value for repo in world for rule, value in repo.precision.items()}
    log = load(path)
    burst = _burst_pr(log, world[1].name) if chosen.burst else None
    report = ReplayReport()
    placed = []
    for finding in log.findings:
        truth = precision[(finding.repo, finding.rule_id)]
        if (finding.repo, finding.pr) == burst and finding.rule_id == BURST_RULE:
            truth = BURST_PRECISION
        placed.append((finding, _place(log, finding, truth)))
    report.score_week(placed, log.rules)
    return report


def _place(log: Log, finding: FindingRecord, base: float) -> tuple[Placement | None, bool, bool]:
    placed = place_finding(finding_of(log, finding), log.policies.get(finding.repo))
    if placed is None:
        return None, False, False
    if placed.placement is Placement.BLOCK:
        return Placement.BLOCK, True, False
    strong, _ = CONFIDENCE_LEVELS[finding.rule_id]
    true_precision = min(0.99, max(0.02, base + 0.2 * (finding.confidence - strong)))
    inline = true_precision >= target_precision(log.rules[finding.rule_id])
    return (Placement.COMMENT if inline else Placement.ANNOTATE), inline, False


def _burst_pr(log: Log, repo: str) -> tuple[str, int]:
    """The noisy release: the last pull request number of the log, in repository 1."""
    return repo, max(f.pr for f in log.findings)
