"""The summary and a comment quoting hostile pull-request text, rendered: only Bulwark's own elements
and links appear, and no text outside code can ping anyone."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from markdown_it import MarkdownIt

from analyzers.base import DOCS_BASE_URL
from analyzers.gaps import Gap
from app.report.comment import render_comment
from app.report.markdown import render_summary
from app.report.placement import Placed, Placement
from app.report.ruledoc import parse_rule_doc
from tests.report.samples import SHELL, SHELL_DOC, TOKEN, finding

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
ALLOWED = frozenset(
    [
        "p",
        "h2",
        "h3",
        "h4",
        "strong",
        "code",
        "pre",
        "ul",
        "li",
        "a",
        "details",
        "summary",
        "sub",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    ]
)
PING = re.compile(r"@[A-Za-z0-9]|#\d")
HOSTILE = "@org/team <img src=x onerror=alert(1)> ```` `````x````` \u202e <!-- x --> #12 [a](b)"


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.links: list[str] = []
        self.text_outside_code: list[str] = []
        self.comments: list[str] = []
        self._code = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self._code += tag == "code"
        self.links.extend(value or "" for name, value in attrs if name == "href")

    def handle_endtag(self, tag: str) -> None:
        self._code -= tag == "code"

    def handle_data(self, data: str) -> None:
        if not self._code:
            self.text_outside_code.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def _elements(markdown: str) -> _Elements:
    parser = _Elements()
    parser.feed(MD.render(markdown))
    parser.close()
    return parser


def _hostile_findings() -> list[Placed]:
    return [
        Placed(
            finding(SHELL, "src/@org/x.py", 3, message=HOSTILE, evidence=HOSTILE),
            Placement.COMMENT,
            SHELL,
        ),
        Placed(finding(TOKEN, "k.env", 1, message=HOSTILE), Placement.SHADOW, TOKEN),
    ]


def test_summary_with_hostile_text_renders_harmlessly() -> None:
    summary = render_summary(
        _hostile_findings(),
        gaps=[Gap(HOSTILE, HOSTILE, "code-x")],
        unavailable=[HOSTILE],
        calibration_notes=[HOSTILE],
        skipped=[HOSTILE],
        incomplete_reason=HOSTILE,
    )
    found = _elements(summary)
    assert found.tags <= ALLOWED
    assert "img" not in found.tags
    assert found.comments == []
    assert all(link.startswith(DOCS_BASE_URL) for link in found.links)
    assert PING.search("".join(found.text_outside_code)) is None
    assert "\u202e" not in summary


def test_comment_with_hostile_text_renders_harmlessly() -> None:
    hostile = finding(
        SHELL, "x.py", 1, message=HOSTILE, evidence=HOSTILE, suggestion="run([x])  # @org/team\n"
    )
    body = render_comment(hostile, SHELL, parse_rule_doc(SHELL_DOC), counts_line=HOSTILE)
    found = _elements(body)
    assert found.tags <= ALLOWED
    assert found.comments == [f" bulwark:fingerprint={hostile.fingerprint} rule={SHELL.id} v=2 "]
    assert found.links == [SHELL.docs_url]
    assert PING.search("".join(found.text_outside_code)) is None
