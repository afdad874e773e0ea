"""The hierarchical Beta estimate per (repo, rule, score bin), pooled from the organisation.

`fit(evidence, rules, now)` sums weighted votes into tallies (decayed with a 90-day half-life, halved per
newer rule version), then answers `Fit.estimate(repo, org, rule_id, score_bin)` with
m_o = (κ0·m0 + S_o)/(κ0 + S_o + F_o), α = κ1·m_o + S, β = κ1·(1 − m_o) + F. Within one (repo, rule), adjacent
bins are pooled where the mean falls as the score rises (pool adjacent violators).

The prior m0 of a cell (`cell_prior`) agrees with the default placement, so that votes move a cell from
where its findings already are: a cell the default shows inline (high severity and above; medium in the
strong confidence band, score bin 3) starts just above its target precision P*, so that all-useful evidence
keeps it inline and the first dismissals move it out; a cell below the strong band starts below P* by the
odds ratio measured between findings of data of unknown origin (confidence 0.60) and traced ones of the
same rules (`WEAK_BAND_ODDS`). A rule's explicit prior (`RuleInfo.prior`) replaces both.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import cached_property

from analyzers.base import Family, RuleMeta, Severity, rule_is_protected
from analyzers.record import record
from app.learning.calibration.beta import beta_cdf, beta_quantile
from app.learning.trust import Evidence, Label, normalise_login

BINS = 4
KAPPA_ORG = 10.0  # κ0
KAPPA_REPO = 5.0  # κ1
DEFAULT_PRIOR = 0.7  # m0 of a rule given no cell prior (kept for explicit priors and older logs)
STRONG_BIN = 3  # the strong confidence band: score >= 0.75
PRIOR_MARGIN = 0.05  # a cell shown inline by default starts this far above its P*
# Strong odds / weak odds of being a true finding, within rules, on OWASP Benchmark Java 1.2
# (bench/calibration_signals.json): code-command-injection 14 true / 8 false at confidence 0.60 (data of
# unknown origin) against 112 / 23 at 0.90 and 0.95, code-xss-sink 48 / 49 against 198 / 33; pooled within
# rules (Mantel-Haenszel): 5.13. tests/learning/calibration/test_prior.py recomputes it from that file.
WEAK_BAND_ODDS = 5.13
HALF_LIFE = timedelta(days=90)
# A cell with < 2 distinct trusted dismissers gives at most 0.5 of not-useful evidence; generally, no
# dismisser counts for more than 0.5 beyond the next one (with one dismisser the next one gives 0).
LONE_DISMISSER_CAP = 0.5


def score_bin(confidence: float) -> int:
    """The bin (0..3) of a confidence score in [0, 1]."""
    return min(BINS - 1, max(0, int(confidence * BINS)))


@record
class RuleInfo:
    """What calibration needs to know about a rule."""

    rule_id: str
    family: Family
    severity: Severity
    version: int = 1
    prior: float | None = None  # None: each cell's prior follows its default placement (`cell_prior`)
    protected: bool = False  # the rule's own flag (`RuleMeta.protected`)

    @property
    def is_protected(self) -> bool:
        return rule_is_protected(self.family, self.protected)

    @classmethod
    def from_meta(cls, meta: RuleMeta, prior: float | None = None) -> RuleInfo:
        return cls(meta.id, meta.family, meta.severity, meta.version, prior, meta.protected)


def target_precision(rule: RuleInfo, severity: Severity | None = None) -> float:
    """P* by family and severity (protected 0.50, high 0.70, informational drift 0.90, code 0.85)."""
    level = severity if severity is not None else rule.severity
    if rule.is_protected:
        return 0.50
    if level >= Severity.HIGH:
        return 0.70
    if rule.family is Family.DRIFT:
        return 0.90
    return 0.85


def shown_by_default(severity: Severity, bin_: int) -> bool:
    """Whether the default placement shows a finding of this severity and score bin inline
    (`app.report.placement.default_placement`: high and above always, medium from the strong band)."""
    return severity >= Severity.HIGH or (severity == Severity.MEDIUM and bin_ >= STRONG_BIN)


def cell_prior(rule: RuleInfo, bin_: int, severity: Severity | None = None) -> float:
    """m0 of one cell (see the module docstring); `severity` is the policy's, when it sets one."""
    if rule.prior is not None:
        return rule.prior
    level = severity if severity is not None else rule.severity
    start = min(0.99, target_precision(rule, level) + PRIOR_MARGIN)
    if shown_by_default(level, bin_):
        return start
    odds = start / (1.0 - start) / WEAK_BAND_ODDS
    return odds / (1.0 + odds)


@record
class Tally:
    """Weighted evidence of one cell (or one pooled run of cells) and who gave it."""

    useful: float = 0.0  # S before the lone-dismisser cap: Σ c·w·d
    not_useful: float = 0.0  # F before the cap
    confirmers: frozenset[str] = frozenset()  # distinct trusted voters with a useful vote
    dismissers: frozenset[str] = frozenset()  # distinct trusted voters with a not-useful vote
    dismissed_by: tuple[tuple[str, float], ...] = ()  # each dismisser's share of F, by login
    fp_dismissals: tuple[tuple[str, datetime], ...] = ()  # trusted `/dismiss fp`, in time order
    votes: int = 0  # every vote, counted or not
    untrusted_votes: int = 0
    confirmations: int = 0  # trusted useful votes
    dismissals: int = 0  # trusted not-useful votes

    @property
    def voters(self) -> frozenset[str]:
        return self.confirmers | self.dismissers

    @property
    def capped_not_useful(self) -> float:
        """F after the dismisser cap: the largest share is cut to the next one's plus 0.5."""
        shares = sorted((share for _, share in self.dismissed_by), reverse=True)
        if not shares:
            return self.not_useful
        return _capped(shares)

    @property
    def not_useful_without_top_dismisser(self) -> float:
        """F after the cap, as it would be without the dismisser who gave the most."""
        shares = sorted((share for _, share in self.dismissed_by), reverse=True)
        return _capped(shares[1:])

    @property
    def labels(self) -> float:
        """Effective labels: S + F after the lone-dismisser cap."""
        return self.useful + self.capped_not_useful

    def without(self, voter: str) -> Tally:
        """The tally without one voter's not-useful votes (their confirmations stay)."""
        share = dict(self.dismissed_by).get(voter, 0.0)
        if voter not in self.dismissers:
            return self
        return replace(
            self,
            not_useful=max(0.0, self.not_useful - share),
            dismissers=self.dismissers - {voter},
            dismissed_by=tuple(item for item in self.dismissed_by if item[0] != voter),
            fp_dismissals=tuple(item for item in self.fp_dismissals if item[0] != voter),
        )

    def merged(self, other: Tally) -> Tally:
        return Tally(
            self.useful + other.useful,
            self.not_useful + other.not_useful,
            self.confirmers | other.confirmers,
            self.dismissers | other.dismissers,
            _summed(self.dismissed_by, other.dismissed_by),
            tuple(sorted(self.fp_dismissals + other.fp_dismissals, key=lambda item: item[1])),
            self.votes + other.votes,
            self.untrusted_votes + other.untrusted_votes,
            self.confirmations + other.confirmations,
            self.dismissals + other.dismissals,
        )


@record
class Estimate:
    """The posterior Beta(α, β) of one cell's precision, with the evidence behind it."""

    repo: str
    rule_id: str
    bins: tuple[int, ...]  # more than one when adjacent bins were pooled
    tally: Tally
    org_useful: float  # S_o
    org_not_useful: float  # F_o
    org_mean: float  # m_o
    alpha: float
    beta: float
    org_prior: float = DEFAULT_PRIOR  # m0 of the cell (`cell_prior`)

    @property
    def mean(self) -> float:
        return self.alpha / (self.alpha + self.beta)

    def lower(self, level: float = 0.05) -> float:
        return beta_quantile(level, self.alpha, self.beta)

    def upper(self, level: float = 0.95) -> float:
        return beta_quantile(level, self.alpha, self.beta)

    def probability_at_least(self, target: float) -> float:
        """Posterior probability that the cell's precision is at least `target`."""
        return 1.0 - beta_cdf(target, self.alpha, self.beta)


def build_estimate(
    repo: str,
    rule_id: str,
    bins: tuple[int, ...],
    tally: Tally,
    org_sums: tuple[float, float],
    prior: float,
) -> Estimate:
    """α and β of calibration.md from this repo's tally and the organisation's (S_o, F_o)."""
    s_o, f_o = org_sums
    m_o = (KAPPA_ORG * prior + s_o) / (KAPPA_ORG + s_o + f_o)
    alpha = KAPPA_REPO * m_o + tally.useful
    beta = KAPPA_REPO * (1.0 - m_o) + tally.capped_not_useful
    return Estimate(repo, rule_id, bins, tally, s_o, f_o, m_o, alpha, beta, prior)


@dataclass
class Fit:
    """The tallies of every cell at one moment; estimates are computed on demand."""

    tallies: Mapping[tuple[str, str, int], Tally]
    repo_orgs: Mapping[str, str]
    rules: Mapping[str, RuleInfo]
    now: datetime
    _cache: dict[tuple[str, str], tuple[Estimate, ...]] = field(default_factory=dict, repr=False)
    _noise: dict[str, tuple[float, float]] = field(default_factory=dict, repr=False)

    def rule(self, rule_id: str) -> RuleInfo:
        return self.rules.get(rule_id) or RuleInfo(rule_id, Family.CODE, Severity.MEDIUM)

    def estimate(self, repo: str, org: str, rule_id: str, bin_: int) -> Estimate:
        """The estimate of the cell, after pooling adjacent bins of this (repo, rule)."""
        key = (repo, rule_id)
        if key not in self._cache:
            self._cache[key] = self._pooled(repo, org, rule_id)
        return next(e for e in self._cache[key] if bin_ in e.bins)

    def top_dismisser(
        self, repo: str, org: str, rule_id: str, bins: tuple[int, ...], without: frozenset[str] = frozenset()
    ) -> str | None:
        """The trusted voter with the largest not-useful share of the cell and its organisation's pool
        (voters in `without` left out)."""
        ranked = self.dismissers(repo, org, rule_id, bins, without)
        return ranked[0] if ranked else None

    def dismissers(
        self, repo: str, org: str, rule_id: str, bins: tuple[int, ...], without: frozenset[str] = frozenset()
    ) -> list[str]:
        """The trusted dismissers of the cell and its organisation's pool, largest not-useful share first
        (voters in `without` left out)."""
        shares: dict[str, float] = defaultdict(float)
        for other in {repo, *self._org_repos.get(org, ())}:
            for bin_ in bins:
                for voter, share in self.tallies.get((other, rule_id, bin_), Tally()).dismissed_by:
                    if voter not in without:
                        shares[voter] += share
        return sorted(sorted(shares), key=lambda voter: -shares[voter])

    def estimate_without(
        self, repo: str, org: str, rule_id: str, bin_: int, voters: str | frozenset[str]
    ) -> Estimate:
        """The estimate of the cell as if `voters` had dismissed nothing anywhere (bins pooled anew)."""
        left_out = frozenset({voters}) if isinstance(voters, str) else voters
        return next(e for e in self._pooled(repo, org, rule_id, left_out) if bin_ in e.bins)

    def measured_noise(self, org: str) -> tuple[float, float]:
        """The installation's measured noise: effective not-useful labels and all effective labels over
        the organisation's cells that the default shows inline (each cell capped on its own), without the
        organisation's largest dismisser, so that no one person sets the installation's rate."""
        if org not in self._noise:
            shares: dict[str, float] = defaultdict(float)
            cells = [
                (key, tally)
                for key, tally in sorted(self.tallies.items())
                if self.repo_orgs.get(key[0]) == org and shown_by_default(self.rule(key[1]).severity, key[2])
            ]
            for _, tally in cells:
                for voter, share in tally.dismissed_by:
                    shares[voter] += share
            top = max(sorted(shares), key=lambda voter: shares[voter], default=None)
            not_useful = labels = 0.0
            for _, tally in cells:
                kept = tally.without(top) if top is not None else tally
                not_useful += kept.capped_not_useful
                labels += kept.labels
            self._noise[org] = (not_useful, labels)
        return self._noise[org]

    def rule_tally(self, repo: str, rule_id: str) -> Tally:
        total = Tally()
        for bin_ in range(BINS):
            total = total.merged(self.tallies.get((repo, rule_id, bin_), Tally()))
        return total

    @cached_property
    def _org_repos(self) -> Mapping[str, tuple[str, ...]]:
        grouped: dict[str, list[str]] = defaultdict(list)
        for repo, org in self.repo_orgs.items():
            grouped[org].append(repo)
        return {org: tuple(sorted(repos)) for org, repos in grouped.items()}

    def _cell(self, repo: str, rule_id: str, bins: Iterable[int], without: frozenset[str]) -> Tally:
        cell = Tally()
        for bin_ in bins:
            cell = cell.merged(self.tallies.get((repo, rule_id, bin_), Tally()))
        for voter in sorted(without):
            cell = cell.without(voter)
        return cell

    def _org_sums(
        self, repo: str, org: str, rule_id: str, bins: Iterable[int], without: frozenset[str] = frozenset()
    ) -> tuple[float, float]:
        """S_o, F_o: each other repository's cell is capped on its own, then summed.

        The organisation's pool is a cell too: with fewer than 2 distinct trusted dismissers over all
        the other repositories, it contributes at most 0.5 of not-useful evidence.
        """
        useful = not_useful = 0.0
        dismissers: frozenset[str] = frozenset()
        for other in self._org_repos.get(org, ()):
            if other == repo:
                continue
            cell = self._cell(other, rule_id, bins, without)
            useful += cell.useful
            not_useful += cell.capped_not_useful
            dismissers |= cell.dismissers
        if len(dismissers) < 2:
            not_useful = min(not_useful, LONE_DISMISSER_CAP)
        return useful, not_useful

    def _block(
        self, repo: str, org: str, rule_id: str, bins: tuple[int, ...], without: frozenset[str] = frozenset()
    ) -> Estimate:
        tally = self._cell(repo, rule_id, bins, without)
        org_sums = self._org_sums(repo, org, rule_id, bins, without)
        return build_estimate(
            repo, rule_id, bins, tally, org_sums, self.prior(repo, org, rule_id, bins, without)
        )

    def prior(
        self, repo: str, org: str, rule_id: str, bins: tuple[int, ...], without: frozenset[str] = frozenset()
    ) -> float:
        """m0 of a run of bins: each bin's `cell_prior`, weighted by the labels behind it (here and in the
        organisation), so that pooling a bin with empty neighbours keeps its own prior."""
        rule = self.rule(rule_id)
        weights = [
            self._cell(repo, rule_id, (bin_,), without).labels
            + sum(self._org_sums(repo, org, rule_id, (bin_,), without))
            for bin_ in bins
        ]
        priors = [cell_prior(rule, bin_) for bin_ in bins]
        if sum(weights) <= 0.0:
            return sum(priors) / len(priors)
        return sum(w * p for w, p in zip(weights, priors, strict=True)) / sum(weights)

    def _pooled(
        self, repo: str, org: str, rule_id: str, without: frozenset[str] = frozenset()
    ) -> tuple[Estimate, ...]:
        """Adjacent bins pooled where the mean falls as the score rises; a bin without evidence (its mean
        is its prior) is left alone."""
        blocks: list[Estimate] = []
        for bin_ in range(BINS):
            blocks.append(self._block(repo, org, rule_id, (bin_,), without))
            while (
                len(blocks) > 1
                and _evident(blocks[-1])
                and _evident(blocks[-2])
                and blocks[-1].mean < blocks[-2].mean - 1e-12
            ):
                last, before = blocks.pop(), blocks.pop()
                blocks.append(self._block(repo, org, rule_id, before.bins + last.bins, without))
        return tuple(blocks)


def fit(evidence: Iterable[Evidence], rules: Mapping[str, RuleInfo], now: datetime) -> Fit:
    """Sum the evidence given before `now` into per-cell tallies."""
    tallies: dict[tuple[str, str, int], Tally] = defaultdict(Tally)
    repo_orgs: dict[str, str] = {}
    for item in evidence:
        vote = item.vote
        if vote.created_at > now:
            continue
        repo_orgs.setdefault(vote.repo, vote.org)
        key = (vote.repo, vote.rule_id, score_bin(vote.confidence))
        tallies[key] = tallies[key].merged(_tally_of(item, rules, now))
    return Fit(dict(tallies), repo_orgs, rules, now)


def _tally_of(item: Evidence, rules: Mapping[str, RuleInfo], now: datetime) -> Tally:
    vote = item.vote
    if not item.trusted:
        return Tally(votes=1, untrusted_votes=1)
    current = rules[vote.rule_id].version if vote.rule_id in rules else vote.rule_version
    age = max(0.0, (now - vote.created_at) / HALF_LIFE)
    weight = item.weight * 2.0 ** (-age) * 0.5 ** max(0, current - vote.rule_version)
    voter = normalise_login(vote.voter)
    if vote.label is Label.USEFUL:
        return Tally(useful=weight, confirmers=frozenset({voter}), votes=1, confirmations=1)
    fp = ((voter, vote.created_at),) if vote.reason.split(" ", 1)[0] == "fp" else ()
    return Tally(
        not_useful=weight,
        dismissers=frozenset({voter}),
        dismissed_by=((voter, weight),),
        fp_dismissals=fp,
        votes=1,
        dismissals=1,
    )


def _evident(block: Estimate) -> bool:
    return block.tally.labels > 0.0 or block.org_useful + block.org_not_useful > 0.0


def _capped(shares: list[float]) -> float:
    """Σ shares (largest first) with the largest cut to the next one's plus LONE_DISMISSER_CAP."""
    if not shares:
        return 0.0
    runner_up = shares[1] if len(shares) > 1 else 0.0
    return sum(shares[1:]) + min(shares[0], runner_up + LONE_DISMISSER_CAP)


def _summed(
    first: tuple[tuple[str, float], ...], second: tuple[tuple[str, float], ...]
) -> tuple[tuple[str, float], ...]:
    totals: dict[str, float] = dict(first)
    for voter, share in second:
        totals[voter] = totals.get(voter, 0.0) + share
    return tuple(sorted(totals.items()))
