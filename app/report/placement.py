"""Where a finding is shown: block, comment, annotate or shadow.

Calibration decides placement from maintainers' replies; until a rule has evidence, the default comes from
severity and confidence, and the repository policy (`rules.<id>.block`, `rules.<id>.disable`, read from
the base branch) always wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from analyzers.base import Finding, RuleMeta, Severity
from analyzers.registry import rule_by_id

COMMENT_CONFIDENCE = 0.7  # a medium finding needs this confidence to be commented inline


class Placement(StrEnum):
    BLOCK = "block"  # check-run failure, inline comment
    COMMENT = "comment"  # inline review comment and annotation
    ANNOTATE = "annotate"  # annotation and summary only
    SHADOW = "shadow"  # stored and counted, listed collapsed

    @property
    def rank(self) -> int:
        """0 for the most visible placement."""
        return list(Placement).index(self)


@dataclass(frozen=True, slots=True)
class Placed:
    """A finding with its placement and its rule's metadata (None for an id no rule has)."""

    finding: Finding
    placement: Placement
    meta: RuleMeta | None


def rule_meta(rule_id: str) -> RuleMeta | None:
    rule = rule_by_id(rule_id)
    return rule.meta if rule is not None else None


def _rule_setting(policy: Any, rule_id: str, name: str) -> bool:
    """`policy.rules[rule_id].<name>`, for a policy model or a plain mapping; False when absent."""
    if policy is None:
        return False
    rules = policy.get("rules") if isinstance(policy, Mapping) else getattr(policy, "rules", None)
    if not isinstance(rules, Mapping):
        return False
    rule = rules.get(rule_id)
    if rule is None:
        return False
    value = rule.get(name) if isinstance(rule, Mapping) else getattr(rule, name, None)
    return bool(value)


def default_placement(finding: Finding, meta: RuleMeta | None, policy: Any) -> Placement | None:
    """The placement before calibration; None when the policy disables the rule (the finding is dropped)."""
    if _rule_setting(policy, finding.rule_id, "disable"):
        return None
    if _rule_setting(policy, finding.rule_id, "block"):
        return Placement.BLOCK
    if finding.severity >= Severity.HIGH:
        return Placement.COMMENT
    if finding.severity == Severity.MEDIUM:
        return Placement.COMMENT if finding.confidence >= COMMENT_CONFIDENCE else Placement.ANNOTATE
    return Placement.ANNOTATE


def place_all(findings: Iterable[Finding], policy: Any) -> list[Placed]:
    """Every finding with its default placement and rule metadata; disabled rules' findings dropped."""
    placed = []
    for finding in findings:
        meta = rule_meta(finding.rule_id)
        placement = default_placement(finding, meta, policy)
        if placement is not None:
            placed.append(Placed(finding, placement, meta))
    return placed
