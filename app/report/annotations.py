"""Check-run annotations for placed findings, and the batches of 50 GitHub accepts per request.

Annotation text is plain text (GitHub does not render Markdown there): hidden characters are shown as
`U+XXXX` and lengths are capped; no Markdown escaping is needed. Findings carry no columns, so none are
sent (GitHub accepts columns only when start and end line are equal). Shadowed findings get none.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from analyzers.base import Severity
from app.report.escape import plain
from app.report.links import REPOSITORY_LINKS, Links
from app.report.placement import Placed, Placement

BATCH_SIZE = 50  # GitHub's maximum number of annotations per check-run request
TITLE_LIMIT = 255
MESSAGE_LIMIT = 4_000
DETAILS_LIMIT = 4_000

T = TypeVar("T")


def annotation_level(placed: Placed) -> str:
    """failure only for blocking findings; warning from medium severity up; notice below."""
    if placed.placement is Placement.BLOCK:
        return "failure"
    return "warning" if placed.finding.severity >= Severity.MEDIUM else "notice"


def sort_key(placed: Placed) -> tuple[int, int, str, int, str]:
    """Most visible placement first, then most severe, then by path and line."""
    finding = placed.finding
    return (
        placed.placement.rank,
        -int(finding.severity),
        finding.path,
        finding.start_line,
        finding.rule_id,
    )


def _details(placed: Placed, links: Links) -> str:
    finding = placed.finding
    lines = [f"Rule: {finding.rule_id}"]
    if placed.meta is not None:
        lines[0] += f" v{placed.meta.version} ({links.rule(finding.rule_id)})"
    lines.append(f"Severity: {finding.severity.label} · confidence {finding.confidence:.2f}")
    lines.extend(f"Note: {note}" for note in finding.notes)
    if finding.evidence.strip():
        lines.extend(["Evidence:", finding.evidence.rstrip("\n")])
    return plain("\n".join(lines), DETAILS_LIMIT)


def build_annotation(placed: Placed, links: Links = REPOSITORY_LINKS) -> dict[str, Any]:
    finding = placed.finding
    start = max(1, finding.start_line)
    severity = finding.severity.label.capitalize()
    title = f"{severity}: {finding.rule_id}"
    if placed.meta is not None:
        title = f"{severity}: {placed.meta.summary} [{finding.rule_id}]"
    return {
        "path": finding.path,
        "start_line": start,
        "end_line": max(start, finding.end_line),
        "annotation_level": annotation_level(placed),
        "message": plain(finding.message, MESSAGE_LIMIT),
        "title": plain(title, TITLE_LIMIT),
        "raw_details": _details(placed, links),
    }


def build_annotations(findings: Iterable[Placed], links: Links = REPOSITORY_LINKS) -> list[dict[str, Any]]:
    """Annotations for every finding not shadowed, most important first."""
    visible = [p for p in findings if p.placement is not Placement.SHADOW]
    return [build_annotation(p, links) for p in sorted(visible, key=sort_key)]


def batches(items: Sequence[T], size: int = BATCH_SIZE) -> list[list[T]]:
    """`items` in consecutive batches of at most `size`."""
    if size < 1:
        raise ValueError("batch size must be positive")
    return [list(items[i : i + size]) for i in range(0, len(items), size)]
