"""Review comment bodies, their hidden marker, and anchoring on diff lines only."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from analyzers.base import Family, Finding, RuleMeta, Severity, TraceStep
from app.report.comment import (
    BODY_LIMIT,
    Commented,
    Marker,
    comment_fingerprints,
    parse_marker,
    render_comment,
    render_comments,
    render_marker,
    review_comment_payload,
    telling_steps,
)
from app.report.ruledoc import parse_rule_doc
from tests.report.samples import HOSTILE_SNIPPET, SHELL, SHELL_DOC, finding
from tests.support.golden import Golden

GOLDEN = Path(__file__).parent / "golden"
SHELL_FINDING = finding(
    SHELL,
    "app/run.py",
    12,
    13,
    message="os.system() runs a string built from `name` for @org/team",
    evidence='os.system("convert " + name)',
    suggestion='subprocess.run(["convert", name], check=True)\n',
    fingerprint="3f2a9c01b7e4d5a6",
)


def _shell_comment(item: Finding = SHELL_FINDING) -> str:
    doc = parse_rule_doc(SHELL_DOC)
    return render_comment(item, SHELL, doc, counts_line="this repository: 4 useful, 1 not useful")


def test_comment_body_is_exact(golden: Golden) -> None:
    golden.check(GOLDEN / "comment.md", _shell_comment())


def test_the_title_is_said_once() -> None:
    item = replace(SHELL_FINDING, message=f"{SHELL.summary}: `name` reaches os.system")
    body = _shell_comment(item)
    assert body.count(SHELL.summary) == 1
    assert "\n\n`name` reaches os.system\n\n" in body
    alone = _shell_comment(replace(SHELL_FINDING, message=SHELL.summary))
    assert alone.count(SHELL.summary) == 1


def test_code_in_a_message_is_a_code_span_not_escaped_backticks() -> None:
    body = _shell_comment()
    assert "built from `name` for" in body
    assert "\\`" not in body


def test_how_to_reply_is_left_to_the_review_body() -> None:
    assert "/dismiss" not in _shell_comment()


def test_several_findings_on_one_line_make_one_comment_listing_them() -> None:
    other = replace(SHELL_FINDING, rule_id="code-x", message="second", fingerprint="9e8d")
    body = render_comments(
        [Commented(SHELL_FINDING, SHELL, parse_rule_doc(SHELL_DOC)), Commented(other, None, None)]
    )
    assert body.startswith("**2 findings on this line**")
    assert body.count("**High: ") == 2
    assert "**High: `code-x`**" in body
    assert "```suggestion" not in body  # two findings: no single change to suggest
    assert comment_fingerprints(body) == ["3f2a9c01b7e4d5a6", "9e8d"]


def test_grouped_fingerprints_cannot_be_forged_by_quoted_text() -> None:
    forged = "<!-- bulwark:also=victim -->"
    body = _shell_comment(finding(SHELL, "x.py", 1, evidence=forged, message=forged, fingerprint="real"))
    assert comment_fingerprints(body) == ["real"]
    assert comment_fingerprints(f"{forged}\nno marker") == []


def test_comment_for_an_unknown_rule_has_no_docs_and_version_zero() -> None:
    item = finding("retired-rule", "a.py", 3, message="old", fingerprint="ab12")
    assert render_comment(item, None, None) == (
        "**Low: `retired-rule`**\n\nold\n\n"
        "<sub>Bulwark `retired-rule`</sub>\n"
        "<!-- bulwark:fingerprint=ab12 rule=retired-rule v=0 -->"
    )


def test_hostile_evidence_stays_inside_its_code_span() -> None:
    body = _shell_comment(finding(SHELL, "x.py", 1, evidence=HOSTILE_SNIPPET, fingerprint="f1"))
    assert "Found: ``````notify(@org/team) <img src=x onerror=alert(1)> `````x````` U+202Eevil``````" in body
    assert "\u202e" not in body


def test_suggestion_with_hidden_characters_is_left_out() -> None:
    item = finding(SHELL, "x.py", 1, suggestion="run([cmd])\u200b\n", fingerprint="f2")
    assert "```suggestion" not in _shell_comment(item)


def test_long_suggestion_is_left_out_to_keep_the_body_short() -> None:
    item = finding(SHELL, "x.py", 1, suggestion="x = 1\n" * 300, fingerprint="f3")
    body = _shell_comment(item)
    assert "```suggestion" not in body
    assert len(body) <= BODY_LIMIT


def test_body_stays_short_with_every_part_at_its_cap() -> None:
    item = finding(SHELL, "x.py", 1, message="@" * 5_000, evidence="`" * 5_000, fingerprint="f" * 64)
    body = render_comment(item, SHELL, parse_rule_doc(SHELL_DOC), counts_line="<" * 5_000)
    assert len(body) <= BODY_LIMIT
    assert parse_marker(body) == Marker("f" * 64, SHELL.id, 2)


def test_marker_round_trip() -> None:
    marker = Marker("3f2a9c01b7e4d5a6", "code-command-injection", 2)
    assert render_marker(marker) == (
        "<!-- bulwark:fingerprint=3f2a9c01b7e4d5a6 rule=code-command-injection v=2 -->"
    )
    assert parse_marker(render_marker(marker)) == marker
    assert parse_marker(_shell_comment()) == marker
    assert parse_marker(_shell_comment() + "\n\n") == marker


def test_marker_cannot_be_forged_by_quoted_text_or_broken_by_odd_values() -> None:
    forged = "<!-- bulwark:fingerprint=evil rule=x v=9 -->"
    body = _shell_comment(finding(SHELL, "x.py", 1, evidence=forged, fingerprint="real"))
    assert parse_marker(body) == Marker("real", SHELL.id, 2)
    assert parse_marker(f"{forged}\nreply text") is None
    assert parse_marker("no marker") is None
    odd = Marker("a b-->c", "Bad Rule", 1)
    assert render_marker(odd) == "<!-- bulwark:fingerprint=ab--c rule=adule v=1 -->"


DIFF = {"app/run.py": frozenset({10, 11, 12, 13, 14, 30})}


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (12, 12, {"line": 12, "side": "RIGHT"}),
        (12, 14, {"line": 14, "side": "RIGHT", "start_line": 12, "start_side": "RIGHT"}),
        (30, 30, {"line": 30, "side": "RIGHT"}),
        (14, 15, None),  # runs out of the hunk
        (14, 30, None),  # spans two hunks
        (20, 20, None),  # outside the diff
        (0, 0, None),  # file-level
    ],
)
def test_anchoring_only_on_diff_lines(start: int, end: int, expected: dict[str, object] | None) -> None:
    item = finding(SHELL, "app/run.py", start, end)
    payload = review_comment_payload(item, "body", DIFF)
    if expected is None:
        assert payload is None
    else:
        assert payload == {"path": "app/run.py", "body": "body", **expected}


def test_no_anchor_in_a_file_outside_the_diff() -> None:
    assert review_comment_payload(finding(SHELL, "other.py", 12), "body", DIFF) is None


def test_long_explanations_are_dropped_last_first_before_the_message() -> None:
    doc = parse_rule_doc(
        "## Why it is risky\n\n" + "Risky " * 60 + ".\n\n## How to fix\n\n" + "Fix " * 80 + ".\n"
    )
    rule = RuleMeta("code-" + "x" * 75, Family.CODE, "S" * 200, Severity.HIGH)
    item = finding(rule, "x.py", 1, message="m" * 240, evidence="e" * 120, fingerprint="f" * 64)
    body = render_comment(item, rule, doc, counts_line="c" * 120)
    assert len(body) <= BODY_LIMIT
    assert "**Why it matters:**" in body
    assert "**How to fix:**" not in body


def test_a_data_flow_comment_shows_the_telling_steps_of_its_path() -> None:
    trace = (
        TraceStep("app.py", 7, "`request.args` read"),
        TraceStep("app.py", 8, "passed to `lookup`"),
        TraceStep("db.py", 3, "returned from `quote_name`"),
        TraceStep("db.py", 4, "passed to `build`"),
        TraceStep("db.py", 9, "reaches `cursor.execute`"),
    )
    body = render_comment(replace(SHELL_FINDING, trace=trace), SHELL, None)
    path_line = next(line for line in body.splitlines() if line.startswith("**Path:**"))
    assert path_line.count(" → ") == 3
    assert "`app.py:7`" in path_line
    assert "`db.py:9`" in path_line
    assert "`db.py:4`" not in path_line  # four steps at most: the source, two calls, the sink
    assert telling_steps(trace[:2]) == trace[:2]
