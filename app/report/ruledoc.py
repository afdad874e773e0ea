"""A rule's documentation, read from its docstring, for the short texts of a review comment.

The docstring carries the headings of `analyzers.base.DOC_HEADINGS`. A heading may be written bare
(`Why it is risky`), with a colon, as a Markdown heading (`## Why it is risky`), in bold, or underlined
with `-` or `=`; text may follow a heading's colon on the same line.
"""

from __future__ import annotations

import inspect
import re

from analyzers.base import DOC_HEADINGS
from analyzers.record import record
from analyzers.registry import rule_by_id

_HEADINGS = {heading.lower(): heading for heading in DOC_HEADINGS}
_HEADING_LINE = re.compile(r"^\s*(?:#+\s*)?(?:\*\*)?([A-Za-z ]+?)(?:\*\*)?\s*(?::\s*(.*))?$")
_UNDERLINE = re.compile(r"^\s*(-{3,}|={3,})\s*$")
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "cf.")
SENTENCE_LIMIT = 200
WHOLE_SENTENCE_LIMIT = 600  # a first sentence longer than this is left out (the rule page has it)


@record
class RuleDoc:
    sections: tuple[tuple[str, str], ...]  # (heading, text) in docstring order

    def section(self, heading: str) -> str:
        for name, text in self.sections:
            if name == heading:
                return text
        return ""

    @property
    def why(self) -> str:
        return whole_sentence(self.section("Why it is risky"))

    @property
    def fix(self) -> str:
        return whole_sentence(self.section("How to fix"))


def _heading_of(line: str) -> tuple[str, str] | None:
    match = _HEADING_LINE.match(line)
    if match is None:
        return None
    heading = _HEADINGS.get(match.group(1).strip().lower())
    return (heading, match.group(2) or "") if heading is not None else None


def parse_rule_doc(docstring: str | None) -> RuleDoc:
    """The docstring's sections under the known headings; text before the first heading is ignored."""
    sections: list[tuple[str, list[str]]] = []
    for line in inspect.cleandoc(docstring or "").splitlines():
        heading = _heading_of(line)
        if heading is not None:
            sections.append((heading[0], [heading[1]] if heading[1] else []))
        elif sections and not (_UNDERLINE.match(line) and not sections[-1][1]):
            sections[-1][1].append(line)
    return RuleDoc(tuple((name, "\n".join(lines).strip()) for name, lines in sections))


def first_sentence(text: str, limit: int = SENTENCE_LIMIT) -> str:
    """The first sentence of `text`'s first paragraph, on one line (common abbreviations do not end it),
    shortened to `limit` characters at a space outside code spans."""
    paragraph = " ".join(text.strip().split("\n\n", 1)[0].split())
    return shorten(paragraph[: _sentence_end(paragraph)], limit)


def whole_sentence(text: str, limit: int = WHOLE_SENTENCE_LIMIT) -> str:
    """The first sentence of `text`'s first paragraph, whole and ending with its mark, or "" when it
    is longer than `limit` or ends without one (a list, a fragment): never a sentence cut in the middle."""
    paragraph = " ".join(text.strip().split("\n\n", 1)[0].split())
    sentence = paragraph[: _sentence_end(paragraph)]
    if len(sentence) > limit or not sentence.endswith((".", "!", "?")):
        return ""
    return sentence


def _sentence_end(paragraph: str) -> int:
    """The index after the first sentence's end mark outside code spans (the length when none)."""
    in_code = False
    for index, char in enumerate(paragraph):
        if char == "`":
            in_code = not in_code
        elif (
            char in ".!?"
            and not in_code
            and paragraph[index + 1 : index + 2] in ("", " ")
            and not paragraph[: index + 1].endswith(_ABBREVIATIONS)
        ):
            return index + 1
    return len(paragraph)


def shorten(text: str, limit: int) -> str:
    """`text` cut at its last space outside a code span that leaves room for an ellipsis."""
    if len(text) <= limit:
        return text
    cut, in_code = 0, False
    for index, char in enumerate(text[: limit - 1]):
        if char == "`":
            in_code = not in_code
        elif char == " " and not in_code:
            cut = index
    return text[:cut].rstrip(",;:") + " …" if cut else text[: limit - 1] + "…"


def rule_doc(rule_id: str) -> RuleDoc | None:
    """The registered rule's parsed docs; None for an unknown id."""
    rule = rule_by_id(rule_id)
    return parse_rule_doc(rule.__doc__) if rule is not None else None
