"""The noise part of a cell's estimate: the probability that a (repository, rule) is mostly noise.

A rule is, in one repository, either near its good precision (the hierarchical Beta of `estimate`, whose
prior agrees with the default placement) or mostly noise: a house convention makes most of its findings
there not useful. So each cell's precision is a two-part mixture,

    p ~ (1 − q) · Beta(α_good, β_good) + q · Beta(κ1·n_b + S, κ1·(1 − n_b) + F),

where q is the posterior probability that the (repository, rule) is a noise pair. Its prior is the
organisation's share π of noise pairs for that rule, pooled from the other repositories' own q (each
weighted by its labels, L/(1 + L)) around the world's share `NOISE_SHARE` with the weight of
`SHARE_WEIGHT` repositories; the repository's own votes (after the dismisser cap: a lone dismisser counts
0.5) then move q by their Beta-binomial likelihood under each part. A dismissal where the organisation's
other repositories found the rule noisy moves a cell out quickly; where they confirmed it, π is small and
it takes several.

The parameters come from judged findings on ordinary code (`bench/noise_judged.jsonl`, one verdict per
finding; "true" and "debatable" count as useful, as in `bench.noise`):

- `NOISE_SHARE` 5/23: of the 23 (repository, rule) pairs still reported after the noise work
  (`severity_after` not "not reported"), 5 have fewer than half of their findings judged useful;
- `NOISE_LEVEL` 11/221 = 0.050: the useful share of the findings of every judged pair that is mostly noise
  (35 pairs, 221 findings; the still-reported ones alone are 0 of 7, too few to use);
- in a band below the strong one the noise level's odds are divided by `WEAK_BAND_ODDS` (5.13, measured on
  OWASP Benchmark Java), as the good part's prior is (`cell_prior`).

tests/learning/calibration/test_mixture.py recomputes the first two from that file.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from analyzers.record import record

NOISE_SHARE = 5 / 23  # π0: the world's share of noise (repository, rule) pairs
NOISE_LEVEL = 11 / 221  # n: the precision of a noise pair at the rule's strong confidence
SHARE_WEIGHT = 1.0  # κπ: the world share counts as this many repositories of the organisation


@record
class Counts:
    """One cell's evidence for the mixture: its capped useful and not-useful weights and both priors."""

    useful: float
    not_useful: float
    good_prior: float  # mean of the good part before this repository's votes (m_o)
    noise_prior: float  # n_b: the noise level of the cell's band


@record
class Noise:
    """q of a (repository, rule) and what it came from."""

    probability: float  # q: posterior probability that the pair is mostly noise
    share: float  # π: the organisation's share of noise pairs for the rule (the prior of q)
    repos: int  # other repositories of the organisation whose votes moved π
    labels: float = 0.0  # their effective labels on the rule, before any weighting


def excess(probability: float) -> float:
    """The weight of the noise part: q beyond the world's share, (q − π0)/(1 − π0), at least 0.

    The good part's prior (`cell_prior`, the default placement) is already the precision of a typical
    pair, of which a share π0 is noise; only evidence that this pair is more likely noise than that moves
    its mean down: m = (1 − w)·m_good + w·m_noise with w = `excess(q)`.
    """
    return max(0.0, (probability - NOISE_SHARE) / (1.0 - NOISE_SHARE))


def noise_level(strong_odds_ratio: float, strong: bool) -> float:
    """n_b: `NOISE_LEVEL` in the strong band; below it, its odds divided by the band's odds ratio."""
    if strong:
        return NOISE_LEVEL
    odds = NOISE_LEVEL / (1.0 - NOISE_LEVEL) / strong_odds_ratio
    return odds / (1.0 + odds)


def log_likelihood_ratio(cells: Iterable[Counts], kappa: float) -> float:
    """log P(votes | noise) − log P(votes | good), summed over a pair's cells (Beta-binomial, each part
    with `kappa` prior labels around its mean)."""
    total = 0.0
    for cell in cells:
        if cell.useful + cell.not_useful <= 0.0:
            continue
        total += _marginal(cell, cell.noise_prior, kappa) - _marginal(cell, cell.good_prior, kappa)
    return total


def posterior(share: float, log_ratio: float) -> float:
    """q from the prior share π and the log likelihood ratio of the votes."""
    share = min(1.0 - 1e-9, max(1e-9, share))
    logit = math.log(share / (1.0 - share)) + log_ratio
    if logit >= 0.0:
        return 1.0 / (1.0 + math.exp(-logit))
    odds = math.exp(logit)
    return odds / (1.0 + odds)


def pooled_share(others: Iterable[tuple[float, float]]) -> tuple[float, int]:
    """π of an organisation for a rule from its other repositories' (labels, q at the world share)."""
    weight = SHARE_WEIGHT
    total = SHARE_WEIGHT * NOISE_SHARE
    count = 0
    for labels, probability in others:
        if labels <= 0.0:
            continue
        share = labels / (1.0 + labels)
        weight += share
        total += share * probability
        count += 1
    return total / weight, count


def mixed_moments(noise: float, good: tuple[float, float], bad: tuple[float, float]) -> tuple[float, float]:
    """α, β of the Beta with the mean and variance of (1 − q)·Beta(good) + q·Beta(bad)."""
    mean = (1.0 - noise) * _mean(good) + noise * _mean(bad)
    second = (1.0 - noise) * _second(good) + noise * _second(bad)
    variance = max(second - mean * mean, 1e-12)
    size = max(mean * (1.0 - mean) / variance - 1.0, 1e-6)
    return mean * size, (1.0 - mean) * size


def _marginal(cell: Counts, mean: float, kappa: float) -> float:
    a, b = kappa * mean, kappa * (1.0 - mean)
    return _log_beta(a + cell.useful, b + cell.not_useful) - _log_beta(a, b)


def _log_beta(a: float, b: float) -> float:
    return math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)


def _mean(parameters: tuple[float, float]) -> float:
    a, b = parameters
    return a / (a + b)


def _second(parameters: tuple[float, float]) -> float:
    a, b = parameters
    return a * (a + 1.0) / ((a + b) * (a + b + 1.0))
