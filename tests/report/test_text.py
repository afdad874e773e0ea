"""The terminal table of `bulwark scan --format text`."""

from __future__ import annotations

from analyzers.gaps import Gap
from app.report.placement import Placed, Placement
from app.report.text import render_text
from tests.report.samples import PINS, SHELL, finding

FINDINGS = [
    finding(PINS, ".github/workflows/ci.yml", 14, message="actions/checkout@v4 is not pinned"),
    finding(SHELL, "app/run.py", 12, 13, message="os.system with \x1b[2J[bold]x[/bold]"),
    finding("retired-rule", "old.py", 0, message="whole file"),
]


def test_table_is_exact_most_severe_first() -> None:
    gaps = [Gap("ValueError: bad", "app/run.py", "code-sql-string")]
    assert render_text(FINDINGS, gaps=gaps, width=80) == (
        "Severity   Rule                     Location               Message\n"
        "────────────────────────────────────────────────────────────────────────────────\n"
        "high       code-command-injection   app/run.py:12-13       os.system with\n"
        "                                                           U+001B[2J[bold]x[/bol\n"
        "                                                           d]\n"
        "medium     actions-unpinned-uses    .github/workflows/ci   actions/checkout@v4\n"
        "                                    .yml:14                is not pinned\n"
        "low        retired-rule             old.py                 whole file\n"
        "3 findings (1 high, 1 medium, 1 low).\n"
        "Analysis incomplete: this is not a pass. What did not run, where and why:\n"
        "incomplete: app/run.py: ValueError: bad (not run: code-sql-string)\n"
    )


def test_placed_findings_show_their_placement() -> None:
    text = render_text([Placed(FINDINGS[0], Placement.ANNOTATE, PINS)], width=80)
    assert text.splitlines()[0].split() == ["Severity", "Rule", "Location", "Message", "Shown", "as"]
    assert text.splitlines()[2].endswith("annotate")
    assert text.endswith("1 finding (1 medium).\n")


def test_no_findings() -> None:
    assert render_text([]) == "No findings.\n"


def test_colour_output_carries_no_escape_sequence_from_the_pull_request() -> None:
    text = render_text([FINDINGS[1]], color=True, width=120)
    assert "\x1b[31mhigh" in text
    assert "\x1b[2J" not in text
    assert "U+001B[2J[bold]" in text
