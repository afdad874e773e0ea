"""The check run's summary, title and conclusion; the summary stays under GitHub's limit."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzers.base import Family, RuleMeta, Severity
from analyzers.gaps import Gap
from app.report.markdown import (
    SUMMARY_LIMIT,
    conclusion_for,
    finding_line,
    render_summary,
    render_title,
)
from app.report.placement import Placed, Placement
from app.report.section import size
from tests.report.samples import HOSTILE_SNIPPET, PINS, SHELL, TOKEN, finding
from tests.support.golden import Golden

GOLDEN = Path(__file__).parent / "golden"

PLACED = [
    Placed(
        finding(PINS, ".github/workflows/ci.yml", 14, message="actions/checkout@v4 is not pinned"),
        Placement.ANNOTATE,
        PINS,
    ),
    Placed(
        finding(
            SHELL, "app/run.py", 12, 13, message="os.system with a built string", evidence=HOSTILE_SNIPPET
        ),
        Placement.COMMENT,
        SHELL,
    ),
    Placed(
        finding(TOKEN, "config/dev.env", 3, message="A GitHub token (ghp_…) is committed"),
        Placement.BLOCK,
        TOKEN,
    ),
    Placed(
        finding(SHELL, "app/low.py", 40, message="os.popen of a name", severity=Severity.MEDIUM),
        Placement.ANNOTATE,
        SHELL,
    ),
    Placed(finding("retired-rule", "old.py", 0, message="whole file"), Placement.ANNOTATE, None),
    Placed(finding(PINS, "tools/x.yml", 2, message="pinned by tag"), Placement.SHADOW, PINS),
]
MANIFEST = "**Files:** 5 changed (3 code, 1 ci, 1 config)\n\n- New capability: process execution"


def test_summary_is_exact(golden: Golden) -> None:
    summary = render_summary(
        PLACED,
        gaps=[Gap("ValueError: bad node <b>@here</b>", "app/@x.py", "code-sql-string"), Gap("no reply")],
        unavailable=["pypi registry: timeout after 5 s"],
        manifest=MANIFEST,
        calibration_notes=["actions-unpinned-uses → annotate here: 1 confirm, 6 dismissals"],
        skipped=["vendor/big.min.js: GitHub sent no patch"],
        incomplete_reason="the pypi registry did not answer",
    )
    golden.check(GOLDEN / "summary.md", summary)


def test_summary_with_nothing_to_say() -> None:
    assert render_summary([]) == (
        "## Bulwark\n\n"
        "| blocking | commented | annotated | shadowed |\n"
        "| ---: | ---: | ---: | ---: |\n"
        "| 0 | 0 | 0 | 0 |\n"
    )


def test_hostile_snippet_stays_in_code_in_the_summary() -> None:
    line = finding_line(PLACED[1])
    assert line == (
        "- commented · [`code-command-injection`]"
        "(https://github.com/bulwark-app/bulwark/blob/main/docs/rules/code-command-injection.md)"
        " · `app/run.py:12-13`: os.system with a built string · "
        "``````notify(@org/team) <img src=x onerror=alert(1)> `````x````` U+202Eevil``````"
    )


def _many(count: int, placement: Placement) -> list[Placed]:
    return [
        Placed(finding(PINS, f"wf/{i:04d}.yml", 1, message="m" * 200), placement, PINS) for i in range(count)
    ]


def test_truncation_drops_the_least_important_sections_whole_with_a_note() -> None:
    summary = render_summary(
        _many(40, Placement.ANNOTATE) + _many(400, Placement.SHADOW),
        manifest="x" * 30_000,
        skipped=[f"gen/{i}.js: generated" for i in range(100)],
        full_report_url="https://bulwark.example/r/1",
    )
    assert size(summary) <= SUMMARY_LIMIT
    note = (
        "> **Cut to fit GitHub's 65,535-character limit:** the change manifest; "
        "263 of 400 shadowed findings. Every finding not shadowed is also an annotation on this "
        "check. [Full report](https://bulwark.example/r/1)"
    )
    assert note in summary
    assert "### What changed" not in summary
    assert "… and 263 more not shown." in summary
    assert summary.count("- annotated ·") == 40
    assert summary.count("- shadowed ·") == 137
    assert summary.count("gen/") == 100
    assert summary.endswith("</details>\n")


def test_truncation_cuts_findings_last_and_keeps_the_markdown_whole() -> None:
    summary = render_summary(
        _many(1_000, Placement.COMMENT),
        gaps=[Gap("boom", rule_id="r")],
        manifest="m" * 100,
    )
    assert size(summary) <= SUMMARY_LIMIT
    assert "the change manifest; 817 of 1,000 findings." in summary
    assert summary.count("- commented ·") == 183
    assert "### Analysis incomplete" in summary
    assert summary.endswith("… and 817 more not shown.\n")


@pytest.mark.parametrize("limit", [2_000, 5_000, 20_000])
def test_summary_fits_any_limit(limit: int) -> None:
    summary = render_summary(_many(300, Placement.ANNOTATE), manifest="é" * 10_000, limit=limit)
    assert size(summary) <= limit
    assert "Cut to fit" in summary


@pytest.mark.parametrize(
    ("placements", "incomplete", "expected"),
    [
        ([Placement.BLOCK, Placement.COMMENT], False, "failure"),
        ([Placement.BLOCK], True, "failure"),
        ([Placement.COMMENT, Placement.ANNOTATE, Placement.SHADOW], False, "success"),
        ([Placement.COMMENT], True, "neutral"),
        ([], True, "neutral"),
        ([], False, "success"),
    ],
)
def test_conclusion(placements: list[Placement], incomplete: bool, expected: str) -> None:
    assert conclusion_for(placements, incomplete=incomplete) == expected


def test_titles() -> None:
    assert render_title([], incomplete=False) == "No new findings"
    assert render_title([Placement.SHADOW], incomplete=False) == "No new findings (1 shadowed)"
    assert render_title([p.placement for p in PLACED], incomplete=False) == (
        "5 findings: 1 blocking, 1 commented, 3 annotated (1 shadowed)"
    )
    assert render_title([Placement.COMMENT], incomplete=True) == (
        "Analysis incomplete · 1 finding: 1 commented"
    )


def test_findings_without_an_inline_comment_say_so() -> None:
    summary = render_summary(PLACED[1:3], not_inline=[PLACED[2].finding.fingerprint])
    assert "- commented · [`code-command-injection`]" in summary
    assert (
        "- blocking (not inline: pull-request text, a line outside the diff, or past 50 comments) · [`secrets-github-token`]"
        in summary
    )


def test_findings_are_ordered_by_severity_then_confidence_across_families() -> None:
    hidden = RuleMeta("injection-hidden-x", Family.INJECTION, "Hidden instruction", Severity.CRITICAL)
    placed = [
        Placed(finding(SHELL, "a.py", 1, message="high sure", confidence=0.95), Placement.COMMENT, SHELL),
        Placed(finding(SHELL, "b.py", 1, message="high unsure", confidence=0.5), Placement.COMMENT, SHELL),
        Placed(finding(hidden, "z.md", 9, message="critical text"), Placement.COMMENT, hidden),
        Placed(finding(SHELL, "c.py", 1, message="high mid", confidence=0.8), Placement.COMMENT, SHELL),
    ]
    summary = render_summary(placed)
    order = [summary.index(text) for text in ("critical text", "high sure", "high mid", "high unsure")]
    assert order == sorted(order)
    assert "#### Critical" in summary
    assert "#### Risky code" not in summary  # no family headings


def test_no_heading_without_content() -> None:
    summary = render_summary([Placed(finding(SHELL, "a.py", 1), Placement.COMMENT, SHELL)])
    blocks = summary.strip().split("\n\n")
    for here, after in zip(blocks, [*blocks[1:], ""], strict=True):
        if here.startswith("#"):  # what follows a heading is content, or a deeper heading
            assert after, summary
            assert _level(after) == 0 or _level(after) > _level(here), summary


def _level(block: str) -> int:
    return len(block) - len(block.lstrip("#")) if block.startswith("#") else 0
