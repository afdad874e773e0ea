"""The shape shared by the `code` rules: one tree-sitter query per language finds the sinks.

A rule's query `analyzers/queries/<language>/<rule-id>.scm` captures `@sink` (the node to report) and,
where the risk depends on a value, `@value` (the expression whose origin decides). A match whose values
are all constant or sanitised is not a finding; otherwise the origin sets the confidence (see
`analyzers.runner`). Captures whose names start with `_` only serve the query's predicates.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from tree_sitter import Node

from analyzers.base import Analyzer, Finding
from analyzers.code.flow import FlowIndex, Origin
from analyzers.query import Captures, canonical_language, match_query
from app.context.model import ChangeContext, ChangedFile, FileKind, FileStatus

SKIPPED_KINDS = frozenset({FileKind.TEST, FileKind.GENERATED, FileKind.VENDORED, FileKind.DOCS})
_ORIGIN_PHRASES = {
    Origin.REQUEST: "a value taken from the request",
    Origin.BUILT: "a string built from non-constant parts",
    Origin.UNKNOWN: "a value of unknown origin",
}
_EVIDENCE_LIMIT = 200


class QueryRule(Analyzer):
    """Base of the query-driven rules; subclasses set `meta`, may refine `accept` and `describe`."""

    skipped_kinds: ClassVar[frozenset[FileKind]] = SKIPPED_KINDS
    literal_confidence: ClassVar[float] = 0.9  # for matches without a `@value` capture

    def analyze(self, ctx: ChangeContext) -> Iterator[Finding]:
        for changed in ctx.files:
            if self.applies_to(changed):
                yield from self.analyze_file(changed)

    def applies_to(self, changed: ChangedFile) -> bool:
        language = canonical_language(changed.language)
        if changed.status is FileStatus.REMOVED or language is None:
            return False
        family = "typescript" if language == "tsx" else language
        if self.meta.languages and family not in self.meta.languages:
            return False
        return not (changed.kinds & self.skipped_kinds)

    def analyze_file(self, changed: ChangedFile) -> Iterator[Finding]:
        tree = changed.tree("head")
        if tree is None:
            return
        lines = _changed_lines(changed)
        flow = FlowIndex(tree, canonical_language(changed.language))
        reported: set[tuple[int, int]] = set()
        for captures in match_query(tree, changed.language, self.meta.id):
            sink = _first(captures, "sink")
            if sink is None or (lines is not None and not _touches(sink, lines)):
                continue
            if (sink.start_byte, sink.end_byte) in reported or not self.accept(captures, flow):
                continue
            finding = self.judge(changed, sink, captures, flow)
            if finding is not None:
                reported.add((sink.start_byte, sink.end_byte))
                yield finding

    def accept(self, captures: Captures, flow: FlowIndex) -> bool:
        """A last check on a match beyond what the query can say; True by default."""
        return True

    def judge(self, changed: ChangedFile, sink: Node, captures: Captures, flow: FlowIndex) -> Finding | None:
        values = captures.get("value", [])
        origin: Origin | None = None
        confidence = self.literal_confidence
        if values:
            origin = max(flow.origin(value) for value in values)
            if origin <= Origin.SANITISED:
                return None
            confidence = origin.confidence
        start, end = sink.start_point.row + 1, sink.end_point.row + 1
        return self.finding(
            changed,
            start,
            self.describe(captures, origin),
            confidence=confidence,
            end_line=end,
            evidence=changed.line(start).strip()[:_EVIDENCE_LIMIT],
        )

    def describe(self, captures: Captures, origin: Origin | None) -> str:
        """The finding's message; by default the rule's summary and the value's origin."""
        if origin is None:
            return self.meta.summary
        return f"{self.meta.summary}: {_ORIGIN_PHRASES.get(origin, 'a non-constant value')}"


def _changed_lines(changed: ChangedFile) -> frozenset[int] | None:
    if changed.status is FileStatus.ADDED or changed.patch_missing:
        return None
    return changed.added_lines


def _touches(node: Node, lines: frozenset[int]) -> bool:
    first, last = node.start_point.row + 1, node.end_point.row + 1
    return any(line in lines for line in range(first, last + 1))


def _first(captures: Captures, name: str) -> Node | None:
    nodes = captures.get(name)
    return nodes[0] if nodes else None


def node_text(node: Node | None) -> str:
    """The source text of a node (empty for None)."""
    if node is None or node.text is None:
        return ""
    return node.text.decode("utf-8", errors="replace")
