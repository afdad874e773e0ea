"""Where a finding is shown: block, comment, annotate or shadow.

Calibration decides placement from maintainers' replies; until a rule has evidence, the default comes from
severity and confidence, and the repository policy (`rules.<id>.block`, `rules.<id>.disable`, read from
the base branch) always wins. Secure by default: a critical finding with confidence of at least 0.9 blocks
unless the policy says otherwise (`blocking.severity`, `blocking.confidence`, `rules.<id>.block: false`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from enum import StrEnum

from analyzers.base import Finding, RuleMeta, Severity
from analyzers.contract.policy import DEFAULT_POLICY, RepoPolicy, RuleSettings
from analyzers.record import record
from analyzers.registry import rule_by_id

# A medium finding needs this confidence (the strong band, score bin 3 of calibration) to be commented inline.
# Below it are findings such as data of unknown origin (0.60), 52 % precise on the OWASP Benchmark Java answer
# key against 77-92 % for traced ones (bench/calibration_signals.json): under the 0.85 a medium comment needs.
COMMENT_CONFIDENCE = 0.75


class Placement(StrEnum):
    BLOCK = "block"  # check-run failure, inline comment
    COMMENT = "comment"  # inline review comment and annotation
    ANNOTATE = "annotate"  # annotation and summary only
    SHADOW = "shadow"  # stored and counted, listed collapsed

    @property
    def rank(self) -> int:
        """0 for the most visible placement."""
        return list(Placement).index(self)


@record
class Placed:
    """A finding with its placement and its rule's metadata (None for an id no rule has)."""

    finding: Finding
    placement: Placement
    meta: RuleMeta | None


def rule_meta(rule_id: str) -> RuleMeta | None:
    rule = rule_by_id(rule_id)
    return rule.meta if rule is not None else None


def default_placement(finding: Finding, meta: RuleMeta | None, policy: RepoPolicy | None) -> Placement | None:
    """The placement before calibration; None when the policy turns the rule off for the finding's path
    (`rules.<id>.disable`, `.paths`, `.ignore_paths`): the finding is dropped."""
    settings = policy.rule_settings(finding.rule_id) if policy is not None else RuleSettings()
    if policy is not None and not policy.rule_applies(finding.rule_id, finding.path):
        return None
    if not settings.applies_to(finding.path):
        return None
    if policy is not None and policy.blocks(finding.rule_id, finding.path):
        return Placement.BLOCK
    blocking = policy.blocking if policy is not None else DEFAULT_POLICY.blocking
    if settings.block is not False and blocking.blocks(finding.severity.label, finding.confidence):
        return Placement.BLOCK
    if finding.severity >= Severity.HIGH:
        return Placement.COMMENT
    if finding.severity == Severity.MEDIUM:
        return Placement.COMMENT if finding.confidence >= COMMENT_CONFIDENCE else Placement.ANNOTATE
    return Placement.ANNOTATE


def with_policy_severity(finding: Finding, policy: RepoPolicy | None) -> Finding:
    """The finding at the severity the policy sets for its rule (`rules.<id>.severity`), if any."""
    if policy is None:
        return finding
    chosen = policy.rule_settings(finding.rule_id).severity
    if chosen is None or Severity.parse(chosen) == finding.severity:
        return finding
    note = f"severity set to {chosen} by the repository policy"
    return replace(finding, severity=Severity.parse(chosen), notes=(*finding.notes, note))


@record
class Learned:
    """What calibration learned for a finding's cell, when it has evidence: the placement it shows
    (None: off), and whether votes demoted a block."""

    placement: Placement | None
    demoted: bool = False


def place_finding(
    finding: Finding,
    policy: RepoPolicy | None,
    learned_of: Callable[[Finding], Learned | None] | None = None,
) -> Placed | None:
    """The one placement of a finding: the App (with what calibration learned, through
    `app.learning.calibration.place_finding`), the replay, the simulator and `bulwark scan` (without) call it.

    The policy's severity first, then the default placement (the policy's own globs for `paths`,
    `ignore_paths` and `disable`: None drops the finding), then the learned placement of the finding's
    cell when there is one. `learned_of` is asked only for findings the policy keeps.
    """
    finding = with_policy_severity(finding, policy)
    meta = rule_meta(finding.rule_id)
    placement = default_placement(finding, meta, policy)
    if placement is None:
        return None
    learned = learned_of(finding) if learned_of is not None else None
    if learned is not None:
        if placement is Placement.BLOCK and learned.placement is not None and not learned.demoted:
            placement = Placement.BLOCK  # learning never lifts a block; two fp dismissals demote it
        else:
            placement = learned.placement
    return Placed(finding, placement, meta) if placement is not None else None


def place_all(findings: Iterable[Finding], policy: RepoPolicy | None) -> list[Placed]:
    """`place_finding` for every finding, nothing learned: disabled rules' findings dropped."""
    return [placed for finding in findings if (placed := place_finding(finding, policy)) is not None]
