"""Everything the check run shows for one analysis: title, summary, conclusion, annotations, buttons."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from app.context.manifest import build_manifest, render_manifest_markdown
from app.context.model import ChangeContext
from app.report.actions import requested_actions
from app.report.annotations import build_annotations
from app.report.markdown import conclusion_for, render_summary, render_title
from app.report.placement import Placed

MANIFEST_LIMIT = 20_000


@dataclass(frozen=True, slots=True)
class CheckOutput:
    title: str
    summary: str
    conclusion: str
    annotations: list[dict[str, Any]]
    actions: list[dict[str, str]]


def skipped_files(ctx: ChangeContext, total_files: int | None = None) -> list[str]:
    """What was not analysed, and why."""
    notes = [f"`{f.path}`: {f.skipped_reason}" for f in ctx.files if f.skipped_reason]
    if total_files is not None and total_files > len(ctx.files):
        notes.append(
            f"{total_files - len(ctx.files)} of {total_files} changed files were not analysed: only the first "
            f"{len(ctx.files)} are read (GitHub lists at most 3,000 files of a pull request; "
            "BULWARK_MAX_FILES may set fewer)"
        )
    return notes


def compose_check_output(
    ctx: ChangeContext,
    placed: Sequence[Placed],
    *,
    errors: Sequence[tuple[str, str]] = (),
    not_inline: Collection[str] = (),
    calibration_notes: Sequence[str] = (),
    total_files: int | None = None,
    incomplete_reason: str | None = None,
) -> CheckOutput:
    placements = [p.placement for p in placed]
    paths = {f.path for f in ctx.files}  # findings on PR text (title, body, comments) are summary-only
    incomplete = incomplete_reason is not None
    manifest = render_manifest_markdown(build_manifest(ctx), MANIFEST_LIMIT)
    summary = render_summary(
        placed,
        errors=errors,
        unavailable=ctx.facts.unavailable_checks,
        manifest=manifest,
        calibration_notes=calibration_notes,
        skipped=[*skipped_files(ctx, total_files), *ctx.errors],
        incomplete_reason=incomplete_reason,
        not_inline=not_inline,
    )
    return CheckOutput(
        title=render_title(placements, incomplete=incomplete),
        summary=summary,
        conclusion=conclusion_for(placements, incomplete=incomplete),
        annotations=build_annotations([p for p in placed if p.finding.path in paths]),
        actions=requested_actions(placed),
    )
