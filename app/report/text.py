"""Findings as plain text for a terminal (`bulwark scan --format text`).

One block per finding, most severe first: a head line with severity, location, rule and (for placed
findings) how the App would show it, then the message wrapped to the width. With `verbose`, the block
also says why the pattern is risky, how to fix it, where the rule's page is and, for data-flow
findings, the path the data took. Lines are wrapped at
spaces only: a path or a rule id is never split, a word longer than the line runs past it. Then the
totals, the checks that did not run (said, not a gap) and the gaps (the analysis is incomplete).

Text from the pull request is shown with hidden characters as `U+XXXX`, which also neutralises terminal
escape sequences (ESC is a control character).
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from analyzers.base import Finding, RuleMeta, Severity
from analyzers.gaps import Gap, gap_sentence, grouped
from app.report.escape import plain
from app.report.links import REPOSITORY_LINKS, Links
from app.report.placement import Placed

MIN_WIDTH = 40
PARAGRAPH_LIMIT = 800
DEFAULT_WIDTH = 80
INDENT = "    "
_SEVERITY_COLOURS = {
    Severity.CRITICAL: "1;31",
    Severity.HIGH: "31",
    Severity.MEDIUM: "33",
    Severity.LOW: "36",
    Severity.INFO: "2",
}
_LABEL_WIDTH = max(len(s.label) for s in Severity)


def _location(finding: Finding) -> str:
    if finding.start_line < 1:
        return finding.path
    if finding.end_line > finding.start_line:
        return f"{finding.path}:{finding.start_line}-{finding.end_line}"
    return f"{finding.path}:{finding.start_line}"


def _as_placed(item: Finding | Placed) -> tuple[Finding, str, RuleMeta | None]:
    if isinstance(item, Placed):
        return item.finding, item.placement.value, item.meta
    return item, "", None


def _wrap(text: str, width: int | None, indent: str = INDENT, first: str | None = None) -> list[str]:
    """`text` wrapped at spaces only (no word, path or URL is ever split or hyphenated); width None:
    on one line."""
    if width is None:
        return [(indent if first is None else first) + " ".join(text.split())]
    return textwrap.wrap(
        text,
        width=width,
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [(indent if first is None else first).rstrip()]


def _head(finding: Finding, placement: str, color: bool, width: int | None) -> list[str]:
    """Severity, location, rule (and placement) on one line; the rule on a second line when the
    first would pass the width (the location is never split)."""
    severity = Severity(finding.severity)
    label = f"{severity.label:<{_LABEL_WIDTH}}"
    shown = f"\x1b[{_SEVERITY_COLOURS[severity]}m{label}\x1b[0m" if color else label
    where = plain(_location(finding), 300)
    rule = finding.rule_id + (f"  ({placement})" if placement else "")
    if width is not None and len(f"{label}  {where}  {rule}") > width:
        return [f"{shown}  {where}", f"{INDENT}{rule}"]
    return [f"{shown}  {where}  {rule}"]


def _explained(finding: Finding, meta: RuleMeta | None, width: int | None, links: Links) -> list[str]:
    """Why, how to fix and the rule's page, for `verbose`: from the rule's own documentation."""
    from app.report.ruledoc import rule_doc  # reads every rule's docstring: only when asked for

    doc = rule_doc(finding.rule_id)
    meta = meta or _meta_of(finding.rule_id)
    lines: list[str] = []
    for label, text in (
        ("why:", _paragraph(doc.section("Why it is risky")) if doc else ""),
        ("fix:", _paragraph(doc.section("How to fix")) if doc else ""),
        ("see:", links.rule(meta.id) if meta else ""),
    ):
        if text:
            lines += _wrap(text, width, INDENT + "     ", first=f"{INDENT}{label} ")
    if len(finding.trace) > 1:
        lines.append(f"{INDENT}flow: from the source of the data to where it is used")
        for step in finding.trace:
            where = plain(f"{step.path}:{step.line}" if step.line >= 1 else step.path, 300)
            lines += _wrap(plain(step.note, 300), width, INDENT + "        ", first=f"{INDENT}  {where}  ")
    for note in finding.notes:
        lines += _wrap(plain(note, 300), width, INDENT + "      ", first=f"{INDENT}note: ")
    return lines


def _paragraph(text: str) -> str:
    """The first paragraph of a docs section, on one line, whole up to `PARAGRAPH_LIMIT` characters."""
    from app.report.ruledoc import shorten

    return shorten(" ".join(text.strip().split("\n\n", 1)[0].split()), PARAGRAPH_LIMIT)


def _meta_of(rule_id: str) -> RuleMeta | None:
    from app.report.placement import rule_meta

    return rule_meta(rule_id)


def _totals(rows: Sequence[tuple[Finding, str, RuleMeta | None]]) -> str:
    if not rows:
        return "No findings."
    counts = {s: sum(1 for f, _, _ in rows if f.severity == s) for s in reversed(Severity)}
    parts = ", ".join(f"{n} {s.label}" for s, n in counts.items() if n)
    return f"{len(rows)} finding{'s' if len(rows) != 1 else ''} ({parts})."


def render_text(
    findings: Sequence[Finding | Placed],
    *,
    gaps: Sequence[Gap] = (),
    skipped: Sequence[str] = (),
    width: int | None = DEFAULT_WIDTH,
    color: bool = False,
    verbose: bool = False,
    links: Links = REPOSITORY_LINKS,
) -> str:
    """Each finding (most severe first), the totals, what was not checked, then the gaps.

    `skipped`: checks that did not run and are not gaps (offline, a file not analysed), in words.
    `width` None: no wrapping (for a pipe or a log, one line per message)."""
    width = None if width is None else max(width, MIN_WIDTH)
    rows = sorted(
        (_as_placed(item) for item in findings),
        key=lambda row: (-int(row[0].severity), row[0].path, row[0].start_line, row[0].rule_id),
    )
    lines: list[str] = []
    for finding, placement, meta in rows:
        lines += _head(finding, placement, color, width)
        lines += _wrap(plain(finding.message, 600), width)
        if verbose:
            lines += _explained(finding, meta, width, links)
        lines.append("")
    lines.append(_totals(rows))
    for item in skipped:
        lines += _wrap(plain(item, 600), width, INDENT, first="not checked: ")
    if gaps:
        lines.append("Analysis incomplete: this is not a pass. What did not run, where and why:")
    for group in grouped(gaps):
        lines += _wrap(plain(gap_sentence(group), 600), width, INDENT, first="incomplete: ")
    return "".join(line.rstrip() + "\n" for line in lines)
