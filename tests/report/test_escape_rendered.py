"""Escaped text rendered by a CommonMark renderer (with GFM tables and strikethrough) reads back as
exactly the text it came from: no tags, links or emphasis appear, and nothing leaves a code span."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from app.report.escape import code_block, code_span, escape_inline, escape_with_code, one_line, show_hidden

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
MARKDOWN_HEAVY = st.text(
    alphabet=st.sampled_from(list("ab1 @#<>&`*_[]()!|~{}\\-+=.:/\n\t\u202e\u200b")) | st.characters(),
    max_size=80,
)
PING = re.compile(r"@[A-Za-z0-9]|#\d")


def _escape_html(text: str) -> str:
    return html.escape(text, quote=False).replace('"', "&quot;")


@settings(deadline=None)
@given(MARKDOWN_HEAVY)
def test_code_span_renders_as_one_code_element_holding_the_text(text: str) -> None:
    shown = show_hidden(one_line(text))
    rendered = MD.render(code_span(text, limit=10_000))
    assert rendered == f"<p><code>{_escape_html(shown or ' ')}</code></p>\n"


@settings(deadline=None)
@given(MARKDOWN_HEAVY)
def test_code_block_renders_as_one_pre_element_holding_the_text(text: str) -> None:
    shown = show_hidden(text.replace("\r\n", "\n").replace("\r", "\n")).rstrip("\n")
    rendered = MD.render(code_block(text, "python", limit=10_000))
    assert rendered == f'<pre><code class="language-python">{_escape_html(shown)}\n</code></pre>\n'


@settings(deadline=None)
@given(MARKDOWN_HEAVY)
def test_inline_text_renders_as_plain_text_without_pings(text: str) -> None:
    shown = show_hidden(one_line(text)).strip()
    rendered = MD.render(escape_inline(text, limit=10_000))
    if not shown:
        assert rendered == ""
        return
    assert rendered.startswith("<p>")
    assert rendered.endswith("</p>\n")
    inner = rendered[3:-5]
    assert "<" not in inner  # no element of any kind
    visible = html.unescape(inner)
    assert visible.replace("\u200b", "") == shown
    assert PING.search(visible) is None


@settings(deadline=None)
@given(MARKDOWN_HEAVY)
def test_text_with_code_renders_only_paragraph_and_code_and_pings_no_one(text: str) -> None:
    rendered = MD.render(escape_with_code(text, limit=10_000))
    if not rendered:
        return
    assert rendered.startswith("<p>")
    assert rendered.endswith("</p>\n")
    inner = rendered[3:-5]
    outside = re.sub(r"<code>[^<]*</code>", "", inner)
    assert "<" not in outside  # only code elements, nothing else
    assert PING.search(html.unescape(outside)) is None
    assert "\u202e" not in rendered


def test_code_in_a_message_stays_code() -> None:
    assert escape_with_code("runs `os.system` with @org") == "runs `os.system` with @&#8203;org"
    assert MD.render(escape_with_code("a `b` c")) == "<p>a <code>b</code> c</p>\n"
