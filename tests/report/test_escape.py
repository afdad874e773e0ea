"""What Bulwark posts stays harmless: no pings, no HTML, no escaping from code, hidden characters shown."""

from __future__ import annotations

import re

import pytest

from app.report.escape import (
    cap,
    code_block,
    code_span,
    escape_inline,
    fenced,
    has_hidden,
    is_hidden,
    plain,
    show_hidden,
)

MENTION = re.compile(r"(?<![\w`])@[A-Za-z0-9]")  # an @ directly followed by a name character


def test_mentions_outside_code_get_a_zero_width_space() -> None:
    assert escape_inline("ping @org/team and @alice") == ("ping @&#8203;org/team and @&#8203;alice")
    assert MENTION.search(escape_inline("@org/team")) is None


def test_issue_references_are_broken() -> None:
    assert escape_inline("fixes #12 and GH-7, see org/repo#3") == (
        "fixes #&#8203;12 and GH-&#8203;7, see org/repo#&#8203;3"
    )


def test_html_outside_code_becomes_entities() -> None:
    assert escape_inline("<img src=x onerror=alert(1)>") == ("&lt;img src=x onerror=alert\\(1\\)&gt;")
    assert escape_inline("<!-- bulwark:fingerprint=x -->") == ("&lt;\\!-- bulwark:fingerprint=x --&gt;")
    assert escape_inline("a & b") == "a &amp; b"


def test_markdown_syntax_outside_code_is_literal() -> None:
    assert escape_inline("[click](https://evil.example) **bold** `code` |x|") == (
        "\\[click\\]\\(https:&#8203;//evil.example\\) \\*\\*bold\\*\\* \\`code\\` \\|x\\|"
    )
    assert escape_inline("# title") == "\\# title"
    assert escape_inline("1. item") == "1\\. item"
    assert escape_inline("- item") == "\\- item"


def test_inline_text_stays_on_one_line() -> None:
    assert escape_inline("first\n\n# second\r\nthird") == "first  # second third"


def test_code_span_fence_is_longer_than_any_backtick_run() -> None:
    assert code_span("a`````b") == "``````a`````b``````"
    assert code_span("`x") == "`` `x ``"
    assert code_span("x ") == "` x  `"
    assert code_span("") == "` `"


def test_code_span_keeps_mentions_and_html_literal_on_one_line() -> None:
    assert code_span("@org/team <img src=x onerror=alert(1)>") == ("`@org/team <img src=x onerror=alert(1)>`")
    assert code_span("a\n\n<b>x</b>") == "`a  <b>x</b>`"


def test_code_block_fence_outgrows_the_content() -> None:
    assert code_block("x = '``````'\n", "python") == "```````python\nx = '``````'\n```````"
    assert code_block("plain") == "```\nplain\n```"
    assert fenced("```\ny", "sug`gestion") == "````suggestion\n```\ny\n````"


def test_bidi_controls_and_tag_characters_are_shown_as_code_points() -> None:
    text = "admin\u202e\u2066 = 1\U000e0041\U000e0042\u200b\ufe0f\u3164\x1b[31m"
    assert show_hidden(text) == ("adminU+202EU+2066 = 1U+E0041U+E0042U+200BU+FE0FU+3164U+001B[31m")
    assert code_span(text).startswith("`adminU+202E")
    assert escape_inline("\u2067x") == "U+2067x"
    assert plain("tab\tand\nline\u00a0", 100) == "tab\tand\nlineU+00A0"


@pytest.mark.parametrize(
    ("char", "hidden"),
    [
        ("\u202e", True),  # right-to-left override
        ("\u2069", True),  # pop directional isolate
        ("\U000e0020", True),  # tag space
        ("\u200d", True),  # zero-width joiner
        ("\u2800", True),  # braille blank
        ("\U000e0100", True),  # variation selector 17
        ("\n", False),
        ("\t", False),
        (" ", False),
        ("é", False),
        ("中", False),
        ("😀", False),
    ],
)
def test_hidden_characters(char: str, hidden: bool) -> None:
    assert is_hidden(char) is hidden
    assert has_hidden(f"a{char}b") is hidden


def test_long_input_is_capped_with_an_ellipsis() -> None:
    assert cap("abcdef", 4) == "abc…"
    assert cap("abcd", 4) == "abcd"
    assert cap("abc", 0) == ""
    assert escape_inline("x" * 10_000, 50) == "x" * 49 + "…"
    assert code_span("y" * 10_000, 20) == "`" + "y" * 19 + "…`"
    assert code_block("z\n" * 10_000, limit=100) == "```\n" + "z\n" * 49 + "z…\n```"


def test_escaped_length_stays_within_the_cap() -> None:
    escaped = escape_inline("@" * 1_000, 50)
    assert escaped == "@&#8203;" * 6 + "…"
    assert len(escaped) <= 50
    assert len(escape_inline("<" * 1_000, 40)) <= 40


def test_hostile_snippet_renders_harmlessly_in_every_form() -> None:
    snippet = "@org/team <img src=x onerror=alert(1)> `````x````` \u202eend"
    span = code_span(snippet)
    assert span == "``````@org/team <img src=x onerror=alert(1)> `````x````` U+202Eend``````"
    assert escape_inline(snippet) == (
        "@&#8203;org/team &lt;img src=x onerror=alert\\(1\\)&gt; \\`\\`\\`\\`\\`x\\`\\`\\`\\`\\` U+202Eend"
    )


def test_bare_urls_do_not_become_links() -> None:
    """GitHub links `scheme://…` and `www.…` by itself: a zero-width space after `:` or `www` stops it."""
    assert escape_inline("see https://evil.example/x and HTTP://b.example") == (
        "see https:&#8203;//evil.example/x and HTTP:&#8203;//b.example"
    )
    assert escape_inline("www.evil.example/login or WWW.Evil.example") == (
        "www&#8203;.evil.example/login or WWW&#8203;.Evil.example"
    )
    assert escape_inline("ftp://files.example, mail me: a@evil.example") == (
        "ftp:&#8203;//files.example, mail me: a@&#8203;evil.example"
    )
    assert escape_inline("ratio 3:2, awww.no, path a/b") == "ratio 3:2, awww.no, path a/b"
