"""A rule's documentation, read from its docstring, for the short texts of a review comment.

The docstring carries the headings of `analyzers.base.DOC_HEADINGS`. A heading may be written bare
(`Why it is risky`), with a colon, as a Markdown heading (`## Why it is risky`), in bold, or underlined
with `-` or `=`; text may follow a heading's colon on the same line.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass

from analyzers.base import DOC_HEADINGS
from analyzers.registry import rule_by_id

_HEADINGS = {heading.lower(): heading for heading in DOC_HEADINGS}
_HEADING_LINE = re.compile(r"^\s*(?:#+\s*)?(?:\*\*)?([A-Za-z ]+?)(?:\*\*)?\s*(?::\s*(.*))?$")
_UNDERLINE = re.compile(r"^\s*(-{3,}|={3,})\s*$")
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "cf.")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


@dataclass(frozen=True, slots=True)
class RuleDoc:
    sections: tuple[tuple[str, str], ...]  # (heading, text) in docstring order

    def section(self, heading: str) -> str:
        for name, text in self.sections:
            if name == heading:
                return text
        return ""

    @property
    def why(self) -> str:
        return first_sentence(self.section("Why it is risky"))

    @property
    def fix(self) -> str:
        return first_sentence(self.section("How to fix"))


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


def first_sentence(text: str, limit: int = 240) -> str:
    """The first sentence of `text`'s first paragraph, on one line (common abbreviations do not end it)."""
    paragraph = " ".join(text.strip().split("\n\n", 1)[0].split())
    for match in _SENTENCE_END.finditer(paragraph):
        candidate = paragraph[: match.end()]
        if not candidate.endswith(_ABBREVIATIONS):
            paragraph = candidate
            break
    return paragraph if len(paragraph) <= limit else paragraph[: limit - 1] + "…"


def rule_doc(rule_id: str) -> RuleDoc | None:
    """The registered rule's parsed docs; None for an unknown id."""
    rule = rule_by_id(rule_id)
    return parse_rule_doc(rule.__doc__) if rule is not None else None
