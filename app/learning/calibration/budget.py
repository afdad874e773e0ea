"""A per-installation noise budget for cells nobody has voted on (`BULWARK_CALIBRATION_NOISE_BUDGET`).

A cell with no trusted label of its own is placed by its default (severity and confidence) or by its
organisation's pool. With a budget set, such a cell keeps its findings inline only while the installation's
measured not-useful rate (`Fit.measured_noise`: trusted, decayed labels over the cells the default shows
inline, without the organisation's largest dismisser) stays at or under the budget; above it, the cell needs
a deciding mean of P* + `margin` to stay inline, and is annotated otherwise. The rate is trusted from
`MIN_INSTALLATION_LABELS` effective labels on. Protected families, blocks and demoted blocks are never
quieted by it. Off by default: measured over the simulator's seeds (bench/calibration_feasibility.md) it buys
less noise than it costs in confirmed findings kept out of the review.
"""

from __future__ import annotations

from analyzers.record import record
from app.learning.calibration.estimate import Fit

MIN_INSTALLATION_LABELS = 10.0
DEFAULT_MARGIN = 1.0  # above budget, a cell with no votes of its own is never inline by default or pool


@record
class NoiseBudget:
    """The installation's not-useful rate above which unvoted cells must clear P* + `margin` to show inline."""

    rate: float
    margin: float = DEFAULT_MARGIN


def over_budget(fit: Fit, org: str, budget: NoiseBudget) -> tuple[bool, float]:
    """Whether the installation's measured not-useful rate exceeds the budget, and the rate."""
    not_useful, labels = fit.measured_noise(org)
    if labels < MIN_INSTALLATION_LABELS:
        return False, 0.0
    rate = not_useful / labels
    return rate > budget.rate, rate


def unvoted(fit: Fit, repo: str, rule_id: str, bin_: int) -> bool:
    """Whether the cell holds no trusted label of its own (the pool or the default places it)."""
    tally = fit.tallies.get((repo, rule_id, bin_))
    return tally is None or tally.labels <= 0.0
