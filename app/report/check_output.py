"""Everything the check run shows for one analysis: title, summary, conclusion, annotations, buttons."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from analyzers.contract.model import ChangeContext
from analyzers.contract.policy import RepoPolicy
from analyzers.gaps import Gap
from analyzers.record import record
from app.context.manifest import build_manifest, render_manifest_markdown
from app.report.actions import requested_actions
from app.report.annotations import build_annotations
from app.report.links import REPOSITORY_LINKS, Links
from app.report.markdown import OnIncomplete, conclusion_for, render_summary, render_title
from app.report.placement import Placed

MANIFEST_LIMIT = 20_000


@record
class CheckOutput:
    title: str
    summary: str
    conclusion: str
    annotations: list[dict[str, Any]]
    actions: list[dict[str, str]]


def skipped_files(ctx: ChangeContext, gaps: Sequence[Gap] = ()) -> list[str]:
    """Files not analysed that are not gaps (binary files, generated code), and why."""
    gap_paths = {gap.path for gap in gaps if gap.rule_id is None}
    return [
        f"`{f.path}`: {f.skipped_reason}" for f in ctx.files if f.skipped_reason and f.path not in gap_paths
    ]


def unlisted_files_gap(ctx: ChangeContext, total_files: int | None) -> list[Gap]:
    """The changed files past those read (GitHub lists at most 3,000; BULWARK_MAX_FILES may set fewer)."""
    if total_files is None or total_files <= len(ctx.files):
        return []
    reason = (
        f"{total_files - len(ctx.files)} of {total_files} changed files were not analysed: only the first "
        f"{len(ctx.files)} are read (GitHub lists at most 3,000 files of a pull request; "
        "BULWARK_MAX_FILES may set fewer)"
    )
    return [Gap(reason)]


def compose_check_output(
    ctx: ChangeContext,
    placed: Sequence[Placed],
    *,
    gaps: Sequence[Gap] = (),
    not_inline: Collection[str] = (),
    calibration_notes: Sequence[str] = (),
    total_files: int | None = None,
    incomplete_reason: str | None = None,
    links: Links = REPOSITORY_LINKS,
) -> CheckOutput:
    """What the check run shows. `gaps` (work that did not happen) or an `incomplete_reason` make the
    analysis incomplete: the conclusion is then the policy's `on_incomplete` (neutral by default), never
    success."""
    placements = [p.placement for p in placed]
    paths = {f.path for f in ctx.files}  # findings on PR text (title, body, comments) are summary-only
    gaps = [*gaps, *unlisted_files_gap(ctx, total_files)]
    incomplete = incomplete_reason is not None or bool(gaps)
    manifest = render_manifest_markdown(build_manifest(ctx), MANIFEST_LIMIT)
    summary = render_summary(
        placed,
        gaps=gaps,
        unavailable=ctx.facts.unavailable_checks,
        manifest=manifest,
        calibration_notes=calibration_notes,
        skipped=[*skipped_files(ctx, gaps), *ctx.notes],
        incomplete_reason=incomplete_reason,
        not_inline=not_inline,
        links=links,
    )
    return CheckOutput(
        title=render_title(placements, incomplete=incomplete),
        summary=summary,
        conclusion=conclusion_for(placements, incomplete=incomplete, on_incomplete=on_incomplete(ctx.policy)),
        annotations=build_annotations([p for p in placed if p.finding.path in paths], links),
        actions=requested_actions(placed),
    )


def on_incomplete(policy: RepoPolicy | None) -> OnIncomplete:
    """The policy's `on_incomplete` (neutral when there is no valid policy)."""
    value = getattr(policy, "on_incomplete", "neutral")
    return "failure" if value == "failure" else "neutral"
