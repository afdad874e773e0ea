"""One voter's bound: no single trusted dismisser moves a cell's P(comment) by more than `MAX_VOTER_SHIFT`.

The dismisser cap of `estimate` limits what one person's votes count inside one cell, but a voter who
dismisses everything in several repositories of an organisation still moves a cell twice: through its own
tally and through the organisation's pool, and by lifting the caps of the other dismissers (a lone
dismisser counts 0.5; with a second one, both count in full). So the cell is also estimated without its
largest dismisser (repository and organisation together); when the two posteriors give P(precision >= P*)
further apart than the bound, the cell's Beta(α, β) is moved back toward the one without that voter, along
the straight line between them, until the bound holds. Confirmations are never bounded: the abuse this
guards against is a trusted writer who mutes.
"""

from __future__ import annotations

from dataclasses import replace

from app.learning.calibration.estimate import Estimate, Fit

MAX_VOTER_SHIFT = 0.3  # below the 0.4 of G1: the weekly hysteresis and exploration add their own moves
_STEPS = 30
ANCHOR_DEPTH = 1  # the estimate without the largest dismisser is bounded against the next one
BOUNDED_VOTERS = 2  # the dismissers, largest first, whose pull is bounded


def bounded(
    fit: Fit,
    estimate: Estimate,
    org: str,
    bin_: int,
    target: float,
    left_out: frozenset[str] = frozenset(),
    depth: int = ANCHOR_DEPTH,
) -> Estimate:
    """The estimate of the cell of `bin_` with each of its `BOUNDED_VOTERS` largest dismissers' pull on
    P(precision >= target) held to the bound, the largest first. Without a voter the bins may pool
    differently: the comparison is with the estimate the fit would give had they never voted, itself
    bounded against its own largest dismisser (`depth` levels), so that the bound holds against what the
    cell would show without that voter. The second voter matters where the first one's removal leaves
    a lone dismisser capped: a writer who is not the largest dismisser still lifts the others' caps."""
    count = BOUNDED_VOTERS if depth == ANCHOR_DEPTH else 1
    for voter in fit.dismissers(estimate.repo, org, estimate.rule_id, estimate.bins, left_out)[:count]:
        estimate = _held(fit, estimate, org, bin_, target, left_out | {voter}, depth)
    return estimate


def _held(
    fit: Fit, estimate: Estimate, org: str, bin_: int, target: float, gone: frozenset[str], depth: int
) -> Estimate:
    """`estimate` moved toward the cell without the voters `gone` until P(precision >= target) is within
    `MAX_VOTER_SHIFT` of it."""
    without = fit.estimate_without(estimate.repo, org, estimate.rule_id, bin_, gone)
    if depth > 0:
        without = bounded(fit, without, org, bin_, target, gone, depth - 1)
    anchor = without.probability_at_least(target)
    if abs(estimate.probability_at_least(target) - anchor) <= MAX_VOTER_SHIFT:
        return estimate
    low, high = 0.0, 1.0  # the share of the way from `without` to `estimate`
    for _ in range(_STEPS):
        middle = (low + high) / 2.0
        if abs(_between(without, estimate, middle).probability_at_least(target) - anchor) <= MAX_VOTER_SHIFT:
            low = middle
        else:
            high = middle
    return _between(without, estimate, low)


def _between(start: Estimate, end: Estimate, share: float) -> Estimate:
    return replace(
        end,
        alpha=start.alpha + share * (end.alpha - start.alpha),
        beta=start.beta + share * (end.beta - start.beta),
    )
