"""Findings as a plain-text table for a terminal (`bulwark scan --format text`).

Text from the pull request is shown with hidden characters as `U+XXXX`, which also neutralises terminal
escape sequences (ESC is a control character), and is never read as rich markup.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from analyzers.base import Finding, Severity
from analyzers.gaps import Gap, gap_sentence, grouped
from app.report.escape import plain
from app.report.placement import Placed

_SEVERITY_STYLES = {
    Severity.CRITICAL: "bold red",
    Severity.HIGH: "red",
    Severity.MEDIUM: "yellow",
    Severity.LOW: "cyan",
    Severity.INFO: "dim",
}


def _location(finding: Finding) -> str:
    if finding.start_line < 1:
        return finding.path
    if finding.end_line > finding.start_line:
        return f"{finding.path}:{finding.start_line}-{finding.end_line}"
    return f"{finding.path}:{finding.start_line}"


def _as_placed(item: Finding | Placed) -> tuple[Finding, str]:
    if isinstance(item, Placed):
        return item.finding, item.placement.value
    return item, ""


def _table(rows: Sequence[tuple[Finding, str]], with_placement: bool) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("Severity", no_wrap=True)
    table.add_column("Rule", no_wrap=True)
    table.add_column("Location", overflow="fold")
    table.add_column("Message", overflow="fold", ratio=1)
    if with_placement:
        table.add_column("Shown as", no_wrap=True)
    for finding, placement in rows:
        severity = Severity(finding.severity)
        cells = [
            Text(severity.label, style=_SEVERITY_STYLES[severity]),
            Text(finding.rule_id),
            Text(plain(_location(finding), 200)),
            Text(plain(finding.message, 300)),
        ]
        if with_placement:
            cells.append(Text(placement))
        table.add_row(*cells)
    return table


def _totals(rows: Sequence[tuple[Finding, str]]) -> str:
    if not rows:
        return "No findings."
    counts = {s: sum(1 for f, _ in rows if f.severity == s) for s in reversed(Severity)}
    parts = ", ".join(f"{n} {s.label}" for s, n in counts.items() if n)
    return f"{len(rows)} finding{'s' if len(rows) != 1 else ''} ({parts})."


def render_text(
    findings: Sequence[Finding | Placed],
    *,
    gaps: Sequence[Gap] = (),
    width: int = 100,
    color: bool = False,
) -> str:
    """A table of findings (most severe first), their totals, then what did not run (the gaps)."""
    rows = sorted(
        (_as_placed(item) for item in findings),
        key=lambda row: (-int(row[0].severity), row[0].path, row[0].start_line, row[0].rule_id),
    )
    out = io.StringIO()
    console = Console(
        file=out,
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
        _environ={},
    )
    if rows:
        console.print(_table(rows, with_placement=any(p for _, p in rows)))
    console.print(Text(_totals(rows)))
    if gaps:
        console.print(Text("Analysis incomplete: this is not a pass. What did not run, where and why:"))
    for group in grouped(gaps):
        console.print(Text(f"incomplete: {plain(gap_sentence(group), 600)}"))
    return "".join(line.rstrip() + "\n" for line in out.getvalue().splitlines())
