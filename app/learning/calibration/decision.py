"""Placement decisions per (repo, rule, score bin): block, comment, annotate or shadow.

`decide(fit, repo, org, rule_id, bin_, now=..., policy=..., previous=...)` is deterministic: the same fit,
policy and previous cell state give the same decision. Order of precedence:

1. Policy (`.github/bulwark.yml`, base branch; `RuleSettings` of `rules.<id>`) wins: `disable` turns the
   rule off (placement None), `severity` replaces the rule's severity, `block: true` blocks (unless demoted,
   below), `block: false` forbids block proposals. `paths` and `ignore_paths` are applied per finding by
   `place_finding`, through the policy's own globs, before any learned decision.
2. A policy block is demoted to `comment` after two `fp` dismissals by distinct trusted users within 14 days.
3. Learned state, held by hysteresis (a shown state changes at most once a week per cell):
   - no repo-specific change before 5 effective labels from 2 distinct trusted voters (the organisation's
     pooled estimate decides until then);
   - `shadow` with >= 8 labels, >= 3 distinct trusted dismissers, a 95 % upper bound < 0.5 (which must
     hold without the largest dismisser's share too: one person never mutes), never protected;
   - `comment` when the posterior mean >= P*, else `annotate`;
   - a block is proposed (never applied) with >= 30 labels, >= 3 confirmers, 5 % lower bound >= 0.90 and
     severity >= high.
4. 10 % of `annotate` cells are shown inline each week, chosen by a hash of the cell and the ISO week, so
   evidence keeps coming; the propensity is recorded in the decision. Only cells that evidence could
   still move to `comment` take part: the 95 % upper bound (the organisation's, before repo-specific
   evidence) must reach P*. A cell known to be noisy is not shown inline to learn what is known.
5. With a noise budget (`budget`, off by default), a `comment` cell with no trusted label of its own is
   annotated while the installation's measured not-useful rate is over the budget (never a protected
   family's, a block or a demoted block); such a cell is explored no more.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime, timedelta

from analyzers.base import Finding, Severity
from analyzers.contract.policy import RepoPolicy, RuleSettings
from analyzers.record import record
from app.learning.calibration.beta import beta_quantile
from app.learning.calibration.budget import NoiseBudget, over_budget, unvoted
from app.learning.calibration.estimate import (
    KAPPA_ORG,
    Estimate,
    Fit,
    RuleInfo,
    target_precision,
)
from app.learning.calibration.influence import bounded
from app.report import placement as report_placement
from app.report.placement import (
    Learned,
    Placed,
    Placement,
)

MIN_LABELS = 5.0
MIN_VOTERS = 2
SHADOW_LABELS = 8.0
SHADOW_DISMISSERS = 3
SHADOW_UPPER = 0.5
BLOCK_LABELS = 30.0
BLOCK_CONFIRMERS = 3
BLOCK_LOWER = 0.90
DEMOTION_WINDOW = timedelta(days=14)
HYSTERESIS = timedelta(days=7)
EXPLORATION_SHARE = 0.10
ORG_EVIDENCE = 1.0  # pooled labels from the organisation's other repositories before they decide here

INLINE = frozenset({Placement.BLOCK, Placement.COMMENT})


@record
class CellState:
    """The learned placement shown for a cell, and when it last changed."""

    placement: Placement
    changed_at: datetime


@record
class Decision:
    repo: str
    rule_id: str
    bin: int
    placement: Placement | None  # None: the policy turns the rule off
    inline: bool  # shown as an inline comment (block, comment, or an explored annotate cell)
    propensity: float  # probability this cell's findings are shown inline under the policy
    target: float  # P*
    estimate: Estimate
    deciding_mean: float  # the mean the threshold was applied to
    repo_specific: bool  # enough evidence in this repo to move away from the pooled estimate
    state: CellState  # the learned state to keep for the next decision
    reasons: tuple[str, ...]
    proposal: str | None = None  # a policy line to suggest, e.g. "rules.x.block: true"
    explored: bool = False
    demoted: bool = False
    quieted: bool = False  # annotated by the installation's noise budget (`budget`): it places the findings

    @property
    def probability_comment(self) -> float:
        """Posterior probability that the cell's precision reaches P*: P(comment) of the replay.

        It moves smoothly with the evidence, where the placement jumps at thresholds.
        """
        return self.estimate.probability_at_least(self.target)


def decide(
    fit: Fit,
    repo: str,
    org: str,
    rule_id: str,
    bin_: int,
    *,
    now: datetime,
    policy: RuleSettings | None = None,
    previous: CellState | None = None,
    budget: NoiseBudget | None = None,
) -> Decision:
    """The placement of one cell; see the module docstring for the order of the rules. `budget`: the
    installation's noise budget for cells with no votes of their own (`budget`; None: off)."""
    policy = policy or RuleSettings()
    rule = fit.rule(rule_id)
    severity = Severity.parse(policy.severity) if policy.severity is not None else rule.severity
    target = target_precision(rule, severity)
    estimate = bounded(fit, fit.estimate(repo, org, rule_id, bin_), org, bin_, target)
    learned, mean, specific, reasons = _learned(estimate, rule, target)
    state, held = _hold(learned, previous, now)
    if held:
        reasons += (f"held at {state.placement} since {state.changed_at:%Y-%m-%d} (weekly hysteresis)",)
    demoted = policy.block is True and _demoted(fit, repo, rule_id, now)
    placement, why = _apply_policy(state.placement, policy, demoted)
    reasons += why
    quieted = False
    if placement is Placement.COMMENT and not demoted and budget is not None and not rule.is_protected:
        quieted, why = _quieted(fit, repo, org, rule_id, bin_, mean, target, budget)
        placement = Placement.ANNOTATE if quieted else placement
        reasons += why
    proposal = None
    if placement is not Placement.BLOCK and policy.block is None and not policy.disable:
        proposal = _proposal(estimate, rule, severity, specific)
    explorable = (
        placement is Placement.ANNOTATE and not quieted and _could_reach(estimate, rule, target, specific)
    )
    explored = explorable and _explored(repo, rule_id, bin_, now)
    return Decision(
        repo=repo,
        rule_id=rule_id,
        bin=bin_,
        placement=placement,
        inline=placement in INLINE or explored,
        propensity=_propensity(placement, explorable),
        target=target,
        estimate=estimate,
        deciding_mean=mean,
        repo_specific=specific,
        state=state,
        reasons=reasons,
        proposal=proposal,
        explored=explored,
        demoted=demoted,
        quieted=quieted,
    )


def _quieted(
    fit: Fit,
    repo: str,
    org: str,
    rule_id: str,
    bin_: int,
    mean: float,
    target: float,
    budget: NoiseBudget,
) -> tuple[bool, tuple[str, ...]]:
    """Whether the noise budget moves an inline cell with no votes of its own to `annotate`, and why."""
    if not unvoted(fit, repo, rule_id, bin_):
        return False, ()
    over, rate = over_budget(fit, org, budget)
    if not over or round(mean, 9) >= target + budget.margin:
        return False, ()
    return True, (
        f"no votes here yet and the installation's measured not-useful rate {rate:.0%} is over its "
        f"budget {budget.rate:.0%}: annotated",
    )


def _apply_policy(
    learned: Placement, policy: RuleSettings, demoted: bool
) -> tuple[Placement | None, tuple[str, ...]]:
    if policy.disable:
        return None, ("disabled by policy",)
    if policy.block is True and not demoted:
        return Placement.BLOCK, ("blocking by policy",)
    if demoted:
        return Placement.COMMENT, ("block demoted: two fp dismissals by distinct maintainers within 14 days",)
    return learned, ()


def has_evidence(decision: Decision, policy: RuleSettings | None = None) -> bool:
    """Whether the learned decision places the cell's findings: repo-specific evidence, at least
    `ORG_EVIDENCE` labels pooled from the organisation, or a blocking policy that votes may demote.
    Without evidence the default placement (severity and confidence) decides (`places`)."""
    est = decision.estimate
    pooled = est.org_useful + est.org_not_useful
    blocking = policy is not None and policy.block is True
    return decision.repo_specific or pooled >= ORG_EVIDENCE or blocking


def places(decision: Decision, policy: RuleSettings | None = None) -> bool:
    """Whether the decision, not the default, places the cell's findings: it has evidence, or the
    installation's noise budget quieted the cell (which keeps no state: evidence has not spoken)."""
    return decision.quieted or has_evidence(decision, policy)


def shown(decision: Decision) -> Placement | None:
    """The placement a learned decision gives its findings: an explored `annotate` cell is commented."""
    if decision.explored and decision.placement is Placement.ANNOTATE:
        return Placement.COMMENT
    return decision.placement


def place_finding(
    finding: Finding,
    policy: RepoPolicy | None,
    decision_of: Callable[[Finding], Decision | None] | None = None,
) -> Placed | None:
    """The one placement (`app.report.placement.place_finding`) with a cell's learned decision, used by
    the App, the replay and the simulator's figures. `decision_of` is asked only for findings the policy
    keeps; it gives the cell's decision (or None: no learning, the default decides), which places the
    finding when it has evidence or was quieted by the noise budget (`places`)."""

    def learned_of(kept: Finding) -> Learned | None:
        decision = decision_of(kept) if decision_of is not None else None
        settings = policy.rule_settings(kept.rule_id) if policy is not None else None
        if decision is None or not places(decision, settings):
            return None
        return Learned(shown(decision), decision.demoted)

    return report_placement.place_finding(finding, policy, learned_of)


def _learned(
    estimate: Estimate, rule: RuleInfo, target: float
) -> tuple[Placement, float, bool, tuple[str, ...]]:
    tally = estimate.tally
    specific = tally.labels >= MIN_LABELS and len(tally.voters) >= MIN_VOTERS
    if not specific:
        mean = estimate.org_mean  # the mean of Beta(κ1·m_o, κ1·(1 − m_o)), before this repo's votes
        reason = (
            f"{tally.labels:.1f} effective labels from {len(tally.voters)} trusted voters here: "
            "organisation estimate decides"
        )
        return _by_mean(mean, target), mean, False, (reason,)
    if _shadowed(estimate, rule):
        return Placement.SHADOW, estimate.mean, True, ("most maintainers here find it not useful",)
    return _by_mean(estimate.mean, target), estimate.mean, True, ()


def _by_mean(mean: float, target: float) -> Placement:
    # Rounded so that a mean equal to P* on paper is not lost to floating point.
    return Placement.COMMENT if round(mean, 9) >= target else Placement.ANNOTATE


def _shadowed(estimate: Estimate, rule: RuleInfo) -> bool:
    """The shadow conditions; the bound must hold even without the largest dismisser (no one mutes)."""
    tally = estimate.tally
    if rule.is_protected or tally.labels < SHADOW_LABELS:
        return False
    if len(tally.dismissers) < SHADOW_DISMISSERS or estimate.upper(0.95) >= SHADOW_UPPER:
        return False
    beta = estimate.beta - tally.capped_not_useful + tally.not_useful_without_top_dismisser
    # The estimate may already be pulled toward its value without that dismisser (`influence`), so
    # this can reach zero; a tiny β gives an upper bound near 1: not shadowed, the safe side.
    return beta_quantile(0.95, estimate.alpha, max(beta, 1e-9)) < SHADOW_UPPER


def _proposal(estimate: Estimate, rule: RuleInfo, severity: Severity, specific: bool) -> str | None:
    tally = estimate.tally
    if not specific or severity < Severity.HIGH:
        return None
    if tally.labels < BLOCK_LABELS or len(tally.confirmers) < BLOCK_CONFIRMERS:
        return None
    if estimate.lower(0.05) < BLOCK_LOWER:
        return None
    return f"rules.{rule.rule_id}.block: true"


def _demoted(fit: Fit, repo: str, rule_id: str, now: datetime) -> bool:
    recent = {
        voter
        for voter, at in fit.rule_tally(repo, rule_id).fp_dismissals
        if now - DEMOTION_WINDOW <= at <= now
    }
    return len(recent) >= 2


def _hold(learned: Placement, previous: CellState | None, now: datetime) -> tuple[CellState, bool]:
    if previous is None:
        return CellState(learned, now), False
    if previous.placement is learned:
        return previous, False
    if now - previous.changed_at >= HYSTERESIS:
        return CellState(learned, now), False
    return previous, True


def _explored(repo: str, rule_id: str, bin_: int, now: datetime) -> bool:
    year, week, _ = now.isocalendar()
    digest = hashlib.sha256(f"{repo}|{rule_id}|{bin_}|{year}-W{week:02d}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < EXPLORATION_SHARE


def _could_reach(estimate: Estimate, rule: RuleInfo, target: float, specific: bool) -> bool:
    """Whether evidence could still move the cell to `comment`: its 95 % upper bound reaches P*.

    Before repo-specific evidence the bound is the organisation's, Beta(κ0·m0 + S_o, κ0·(1 − m0) + F_o).
    """
    if specific:
        return estimate.upper(0.95) >= target
    prior = estimate.org_prior
    alpha = KAPPA_ORG * prior + estimate.org_useful
    beta = KAPPA_ORG * (1.0 - prior) + estimate.org_not_useful
    return beta_quantile(0.95, alpha, beta) >= target


def _propensity(placement: Placement | None, explorable: bool) -> float:
    if placement in INLINE:
        return 1.0
    if placement is Placement.ANNOTATE and explorable:
        return EXPLORATION_SHARE
    return 0.0
