"""The terminal text of `bulwark scan --format text`."""

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
LONG_PATH = "services/payments/internal/handlers/refunds/very_long_module_name_for_refunds.py"


def test_compact_text_is_exact_most_severe_first() -> None:
    gaps = [Gap("ValueError: bad", "app/run.py", "code-sql-string")]
    skipped = ["registry look-ups: offline; not run: package age, known-malicious packages"]
    assert render_text(FINDINGS, gaps=gaps, skipped=skipped, width=80) == (
        "high      app/run.py:12-13  code-command-injection\n"
        "    os.system with U+001B[2J[bold]x[/bold]\n"
        "\n"
        "medium    .github/workflows/ci.yml:14  actions-unpinned-uses\n"
        "    actions/checkout@v4 is not pinned\n"
        "\n"
        "low       old.py  retired-rule\n"
        "    whole file\n"
        "\n"
        "3 findings (1 high, 1 medium, 1 low).\n"
        "not checked: registry look-ups: offline; not run: package age, known-malicious\n"
        "    packages\n"
        "Analysis incomplete: this is not a pass. What did not run, where and why:\n"
        "incomplete: app/run.py: ValueError: bad (not run: code-sql-string)\n"
    )


def test_lines_fit_the_width_and_no_path_is_split() -> None:
    message = f"the value read in {LONG_PATH} reaches a shell through three calls and a format string"
    items = [finding(SHELL, LONG_PATH, 3, message=message)]
    for width in (40, 60, 80, 120):
        text = render_text(items, width=width)
        lines = text.splitlines()
        assert sum(LONG_PATH in line for line in lines) == 2  # the head line and the message, whole
        assert all(len(line) <= width for line in lines if LONG_PATH not in line)
        assert "the value read in" in " ".join(" ".join(lines[1:4]).split())
    assert len(render_text(items, width=40).splitlines()) > len(render_text(items, width=120).splitlines())
    head, rule = render_text(items, width=80).splitlines()[:2]  # the rule moves under a long location
    assert (head, rule) == (f"high      {LONG_PATH}:3", "    code-command-injection")
    assert render_text(items, width=140).splitlines()[0] == f"high      {LONG_PATH}:3  code-command-injection"


def test_without_a_width_each_message_is_one_line() -> None:
    message = "word " * 60
    text = render_text([finding(SHELL, "a.py", 1, message=message)], width=None)
    assert text.splitlines()[1] == "    " + message.strip()


def test_verbose_shows_why_fix_and_link_for_each_finding() -> None:
    text = render_text(FINDINGS[:2], verbose=True, width=80)
    blocks = text.split("\n\n")
    for block, rule in zip(blocks, ("code-command-injection", "actions-unpinned-uses"), strict=False):
        labels = [line.split()[0] for line in block.splitlines()[2:] if not line.startswith("         ")]
        assert labels == ["why:", "fix:", "see:"], block
        assert block.splitlines()[-1].endswith(f"/{rule}.md")
    assert "why: A shell interprets" in text
    compact = render_text(FINDINGS[:2], width=80)
    assert "why:" not in compact
    assert "see:" not in compact


def test_placed_findings_show_their_placement() -> None:
    text = render_text([Placed(FINDINGS[0], Placement.ANNOTATE, PINS)], width=80)
    assert text.splitlines()[0] == "medium    .github/workflows/ci.yml:14  actions-unpinned-uses  (annotate)"
    assert text.endswith("1 finding (1 medium).\n")


def test_no_findings() -> None:
    assert render_text([]) == "No findings.\n"


def test_colour_output_carries_no_escape_sequence_from_the_pull_request() -> None:
    text = render_text([FINDINGS[1]], color=True, width=120)
    assert "\x1b[31mhigh" in text
    assert "\x1b[2J" not in text
    assert "U+001B[2J[bold]" in text
