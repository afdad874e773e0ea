"""Which findings become inline comments on this push, and where they are anchored.

Findings whose last line is the same share one comment (most severe first).

A fingerprint already commented in this pull request is not commented again (its comment carries over,
even after a rebase moved it); a finding placed `comment` or `block` whose lines are not all in
GitHub's diff goes to the summary instead. Files GitHub did not diff (no patch) never get inline
comments: one undiffable file makes a whole review fail.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import field
from typing import Any

from analyzers.contract.model import ChangeContext
from analyzers.record import record
from app.report.comment import Commented, render_comments, review_comment_payload
from app.report.links import REPOSITORY_LINKS, Links
from app.report.placement import Placed, Placement
from app.report.ruledoc import rule_doc

INLINE = frozenset({Placement.COMMENT, Placement.BLOCK})
MAX_COMMENTS_PER_REVIEW = 50


@record
class PriorComment:
    fingerprint: str
    comment_id: int
    thread_id: str


@record
class PlannedComment:
    fingerprints: tuple[str, ...]  # the findings it lists, the first one's marker ends it
    payload: dict[str, Any]


@record
class ReviewPlan:
    comments: list[PlannedComment] = field(default_factory=list)
    carried: dict[str, PriorComment] = field(default_factory=dict)
    not_inline: set[str] = field(default_factory=set)

    @property
    def commented(self) -> set[str]:
        """The fingerprints this plan's comments speak for."""
        return {fp for comment in self.comments for fp in comment.fingerprints}


def diff_lines(ctx: ChangeContext, *, added_only: bool = False) -> dict[str, set[int]]:
    """Head-side lines of GitHub's diff per path (added and context lines, or added only)."""
    lines: dict[str, set[int]] = {}
    for changed in ctx.files:
        if changed.patch_missing or changed.binary or changed.skipped_reason:
            continue
        found = set(changed.added_lines)
        if not added_only:
            found.update(n for hunk in changed.hunks for n in hunk.context)
        lines[changed.path] = found
    return lines


def importance(item: Placed) -> tuple[int, int, float, str]:
    """Most severe first, then most confident, then by rule id."""
    finding = item.finding
    return (-int(finding.severity), item.placement.rank, -finding.confidence, finding.rule_id)


def plan_review(
    placed: Sequence[Placed],
    ctx: ChangeContext,
    prior: Mapping[str, PriorComment],
    *,
    counts_line: Callable[[str], str] = lambda _rule_id: "",
    added_only: bool = False,
    links: Links = REPOSITORY_LINKS,
) -> ReviewPlan:
    """New inline comments, one per line: the findings anchored on the same last line share one."""
    plan = ReviewPlan()
    anchors = diff_lines(ctx, added_only=added_only)
    lines: dict[tuple[str, int], list[Placed]] = {}
    for item in placed:
        if item.placement not in INLINE:
            continue
        fingerprint = item.finding.fingerprint
        if fingerprint in prior:
            plan.carried[fingerprint] = prior[fingerprint]
            continue
        key = (item.finding.path, max(item.finding.start_line, item.finding.end_line))
        lines.setdefault(key, []).append(item)
    for key in sorted(lines, key=lambda k: min(importance(item) for item in lines[k])):
        group = sorted(lines[key], key=importance)
        fingerprints = tuple(item.finding.fingerprint for item in group)
        body = render_comments(
            [
                Commented(
                    item.finding,
                    item.meta,
                    rule_doc(item.finding.rule_id),
                    counts_line(item.finding.rule_id),
                )
                for item in group
            ],
            links=links,
        )
        payload = review_comment_payload(group[0].finding, body, anchors)
        if payload is None or len(plan.comments) >= MAX_COMMENTS_PER_REVIEW:
            plan.not_inline.update(fingerprints)
        else:
            plan.comments.append(PlannedComment(fingerprints, payload))
    return plan
