"""The check run's title, conclusion and Markdown summary.

The summary reads, most important first: counts by placement; why analysis did not complete (every
gap: what did not run, where and why) and how to re-run; checks that could not run; findings with links
to each rule's page, by severity then confidence across families (a critical hidden instruction before a
high risky-code finding); calibration notes; skipped files; shadowed findings (collapsed); the change
manifest. A heading is written only above what it heads. It is kept under GitHub's 65,535-character limit by cutting from the least important end, with a note of
what was cut. Text from the pull request is escaped (`app.report.escape`); the manifest arrives rendered.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from typing import Literal

from analyzers.base import Severity
from analyzers.gaps import Gap, GapGroup, grouped
from app.report.escape import cap, code_span, escape_inline, escape_with_code
from app.report.links import REPOSITORY_LINKS, Links
from app.report.placement import Placed, Placement
from app.report.section import Item, Section, fit, join, size

SUMMARY_LIMIT = 65_535
RERUN_HINT = "To re-run, choose **Re-run** on this check or push a new commit."
Conclusion = Literal["failure", "neutral", "success"]
OnIncomplete = Literal["neutral", "failure"]

_PLACEMENT_WORDS = {
    Placement.BLOCK: "blocking",
    Placement.COMMENT: "commented",
    Placement.ANNOTATE: "annotated",
    Placement.SHADOW: "shadowed",
}


def conclusion_for(
    placements: Iterable[Placement], *, incomplete: bool, on_incomplete: OnIncomplete = "neutral"
) -> Conclusion:
    """failure with a blocking finding; when analysis did not complete, `on_incomplete` (the policy's
    choice, neutral by default): an incomplete analysis is never a success; else success."""
    if Placement.BLOCK in set(placements):
        return "failure"
    return on_incomplete if incomplete else "success"


def _counts(placements: Iterable[Placement]) -> Counter[Placement]:
    return Counter(placements)


def render_title(placements: Iterable[Placement], *, incomplete: bool) -> str:
    """A one-line title: `2 findings: 1 blocking, 1 commented` or `No new findings`."""
    counts = _counts(placements)
    shown = sum(n for placement, n in counts.items() if placement is not Placement.SHADOW)
    parts = [f"{counts[p]} {_PLACEMENT_WORDS[p]}" for p in Placement if p is not Placement.SHADOW]
    parts = [part for part in parts if not part.startswith("0 ")]
    title = (
        f"{shown} finding{'s' if shown != 1 else ''}: {', '.join(parts)}" if shown else ("No new findings")
    )
    if counts[Placement.SHADOW]:
        title += f" ({counts[Placement.SHADOW]} shadowed)"
    return f"Analysis incomplete · {title}" if incomplete else title


def _headline(placed: Sequence[Placed]) -> str:
    counts = _counts(p.placement for p in placed)
    cells = " | ".join(f"{counts[p]}" for p in Placement)
    words = " | ".join(_PLACEMENT_WORDS[p] for p in Placement)
    return f"## Bulwark\n\n| {words} |\n| {' | '.join('---:' for _ in Placement)} |\n| {cells} |"


def _location(placed: Placed) -> str:
    finding = placed.finding
    if finding.start_line < 1 or finding.path.startswith("("):  # a whole file, or pull-request text
        return code_span(finding.path, 200)
    lines = str(finding.start_line)
    if finding.end_line > finding.start_line:
        lines += f"-{finding.end_line}"
    return code_span(f"{finding.path}:{lines}", 200)


def finding_line(placed: Placed, *, inline: bool = True, links: Links = REPOSITORY_LINKS) -> str:
    """One list item: placement, rule (linked to its page), location, message, evidence.

    `inline=False` marks a finding meant for an inline comment that could not be anchored on the diff.
    """
    finding = placed.finding
    rule = code_span(finding.rule_id, 80)
    if placed.meta is not None:
        rule = f"[{rule}]({links.rule(finding.rule_id)})"
    word = _PLACEMENT_WORDS[placed.placement]
    if not inline and placed.placement in (Placement.BLOCK, Placement.COMMENT):
        word = f"{word} (not inline: pull-request text, a line outside the diff, or past 50 comments)"
    line = f"- {word} · {rule} · {_location(placed)}: "
    line += escape_with_code(finding.message, 300)
    if finding.evidence.strip():
        line += f" · {code_span(finding.evidence.strip(), 100)}"
    for note in finding.notes:
        line += f" · note: {escape_with_code(note, 300)}"
    return line


def _finding_items(placed: Iterable[Placed], not_inline: Collection[str], links: Links) -> tuple[Item, ...]:
    """Findings by severity, then confidence, across families, under one heading per severity."""

    def key(p: Placed) -> tuple[int, float, int, str, int, str]:
        f = p.finding
        return (-int(f.severity), -f.confidence, p.placement.rank, f.path, f.start_line, f.rule_id)

    items = []
    for p in sorted(placed, key=key):
        severity = f"#### {Severity(p.finding.severity).label.capitalize()}"
        line = finding_line(p, inline=p.finding.fingerprint not in not_inline, links=links)
        items.append(Item(line, (severity,)))
    return tuple(items)


def _list(label: str, head: str, lines: Iterable[str], tail: str = "") -> Section:
    items = tuple(Item(f"- {line}") for line in lines)
    return Section(label, head, items, tail) if items else Section(label, "")


def _incomplete(reason: str | None, gaps: Sequence[Gap]) -> Section:
    if not reason and not gaps:
        return Section("", "")
    lead = escape_inline(reason, 600) if reason else "This analysis did not finish, so it is not a pass."
    head = f"### Analysis incomplete\n\n{lead}\n\n{RERUN_HINT}"
    items = tuple(Item(f"- {_gap_line(group)}") for group in grouped(gaps))
    if items:
        head += "\n\nWhat did not run, where and why:"
    return Section("the incomplete-analysis notice", head, items)


def _gap_line(group: GapGroup) -> str:
    where = f"{code_span(group.path, 200)}: " if group.path else "the whole change: "
    line = f"{where}{escape_inline(group.reason, 300)}"
    if group.rule_ids:
        rules = ", ".join(code_span(rule, 80) for rule in group.rule_ids[:12])
        more = len(group.rule_ids) - 12
        line += f" (not run: {rules}{f', and {more} more' if more > 0 else ''})"
    return line


def _shadowed(placed: Sequence[Placed], links: Links) -> Section:
    shadowed = sorted((p for p in placed if p.placement is Placement.SHADOW), key=_by_location)
    if not shadowed:
        return Section("", "")
    head = f"<details>\n<summary>Shadowed findings ({len(shadowed)}): counted, not shown elsewhere</summary>"
    items = tuple(Item(finding_line(p, links=links)) for p in shadowed)
    return Section("shadowed findings", head, items, "</details>")


def _sections(
    placed: Sequence[Placed],
    *,
    gaps: Sequence[Gap],
    unavailable: Sequence[str],
    manifest: str,
    calibration_notes: Sequence[str],
    skipped: Sequence[str],
    incomplete_reason: str | None,
    not_inline: Collection[str],
    links: Links,
) -> list[Section]:
    """The summary's sections, most important first; empty ones left out."""
    visible = [p for p in placed if p.placement is not Placement.SHADOW]
    sections = [
        _incomplete(incomplete_reason, gaps),
        _list("unavailable checks", "### Checks that could not run", map(escape_inline, unavailable)),
        _findings(visible, not_inline, links),
        _list("calibration notes", "### Calibration", map(escape_inline, calibration_notes)),
        _list("skipped files", "### Not analysed", map(escape_inline, skipped)),
        _shadowed(placed, links),
        _manifest(manifest),
    ]
    return [section for section in sections if section.head]


def _findings(visible: Sequence[Placed], not_inline: Collection[str], links: Links) -> Section:
    if not visible:
        return Section("", "")
    return Section("findings", "### Findings", _finding_items(visible, not_inline, links))


def _manifest(manifest: str) -> Section:
    text = manifest.strip().removeprefix("### Change manifest").strip()  # one heading, not two
    return Section("the change manifest", f"### What changed\n\n{text}") if text else Section("", "")


def _by_location(p: Placed) -> tuple[str, int, str]:
    return (p.finding.path, p.finding.start_line, p.finding.rule_id)


def _note(cut: Sequence[str], full_report_url: str | None) -> str:
    note = f"> **Cut to fit GitHub's {SUMMARY_LIMIT:,}-character limit:** {cap('; '.join(cut), 700)}."
    note += " Every finding not shadowed is also an annotation on this check."
    if full_report_url:
        note += f" [Full report]({full_report_url})"
    return note


def render_summary(
    placed: Sequence[Placed],
    *,
    gaps: Sequence[Gap] = (),
    unavailable: Sequence[str] = (),
    manifest: str = "",
    calibration_notes: Sequence[str] = (),
    skipped: Sequence[str] = (),
    incomplete_reason: str | None = None,
    full_report_url: str | None = None,
    not_inline: Collection[str] = (),
    limit: int = SUMMARY_LIMIT,
    links: Links = REPOSITORY_LINKS,
) -> str:
    """The check-run summary, at most `limit` UTF-8 bytes (so at most `limit` characters).

    `not_inline` holds the fingerprints of findings placed `comment` or `block` whose inline comment
    could not be anchored (lines outside the diff, or rejected by GitHub): the summary says so.
    """
    head = _headline(placed)
    sections = _sections(
        placed,
        gaps=gaps,
        unavailable=unavailable,
        manifest=manifest,
        calibration_notes=calibration_notes,
        skipped=skipped,
        incomplete_reason=incomplete_reason,
        not_inline=not_inline,
        links=links,
    )
    blocks, cut = fit(head, sections, limit)
    if cut:
        head = f"{head}\n\n{_note(cut, full_report_url)}"
    text = join([head, *blocks])
    if size(text) > limit:  # only when even the headline and note exceed a tiny limit
        text = text.encode("utf-8")[: limit - 4].decode("utf-8", "ignore") + "\n…\n"
    return text
