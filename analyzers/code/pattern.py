"""The shape shared by the `code` rules: one tree-sitter query per language finds the sinks.

A rule's query `analyzers/queries/<language>/<rule-id>.scm` captures `@sink` (the node to report) and,
where the risk depends on a value, `@value` (the expression whose origin decides). A match whose values
are all constant or sanitised (or weaker than the rule's `min_origin`) is not a finding; otherwise the
origin sets the confidence (see `analyzers.runner`). `@static` marks a value that is risky only when it
is constant (a fixed IV). Other capture names select the message from `messages`; names starting with
`_` only serve the query's predicates and `accept`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from tree_sitter import Node

from analyzers.base import Analyzer, Finding
from analyzers.code.flow import FlowIndex, Origin
from analyzers.contract.limits import InputLimitError
from analyzers.contract.model import ChangeContext, ChangedFile, FileKind, FileStatus
from analyzers.derived import per_change
from analyzers.gaps import read_each
from analyzers.query import (
    Captures,
    canonical_language,
    line_runs,
    match_query,
    query_may_match,
    requirements_within_match,
)

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
    min_origin: ClassVar[Origin] = Origin.UNKNOWN  # weaker values are not findings
    messages: ClassVar[dict[str, str]] = {}  # capture name -> message, first present wins
    marker_confidence: ClassVar[dict[str, float]] = {}  # capture name -> confidence without @value
    one_per_line: ClassVar[bool] = False  # report nested matches starting on one line once
    lower_unknown: ClassVar[bool] = True  # a value of unknown origin lowers severity one step

    current_path: str = ""  # the file being analysed, for `accept`

    def analyze(self, ctx: ChangeContext) -> Iterator[Finding]:
        regions = changed_regions(ctx)
        for changed in ctx.files:
            if self.applies_to(changed):
                yield from self.analyze_file(changed, regions.get(changed.path))

    def applies_to(self, changed: ChangedFile) -> bool:
        language = canonical_language(changed.language)
        if changed.status is FileStatus.REMOVED or language is None:
            return False
        family = "typescript" if language == "tsx" else language
        if self.meta.languages and family not in self.meta.languages:
            return False
        return not (changed.kinds & self.skipped_kinds)

    def analyze_file(self, changed: ChangedFile, region: str | None = None) -> Iterator[Finding]:
        """Findings in one file; `region`, when given, is the text of the top-level statements
        that hold the changed lines (`changed_regions`), where a match's own literals must be."""
        text = changed.head_text or ""
        if region is not None and requirements_within_match(changed.language, self.meta.id):
            text = region
        if not query_may_match(changed.language, self.meta.id, text):
            return
        tree = changed.tree("head")
        if tree is None:
            return
        lines = _changed_lines(changed)
        self.current_path = changed.path
        flow = FlowIndex(tree, canonical_language(changed.language))
        reported: set[tuple[int, int]] = set()
        lines_reported: set[int] = set()
        runs = None if lines is None else line_runs(lines)
        for captures in match_query(tree, changed.language, self.meta.id, lines=runs):
            sink = _first(captures, "sink")
            if sink is None or (lines is not None and not _touches(sink, lines)):
                continue
            if (sink.start_byte, sink.end_byte) in reported or not self.accept(captures, flow):
                continue
            if self.one_per_line and sink.start_point.row in lines_reported:
                continue
            finding = self.judge(changed, sink, captures, flow)
            if finding is not None:
                reported.add((sink.start_byte, sink.end_byte))
                lines_reported.add(sink.start_point.row)
                yield finding

    def accept(self, captures: Captures, flow: FlowIndex) -> bool:
        """A last check on a match beyond what the query can say; True by default."""
        return True

    def confidence_for(self, origin: Origin) -> float:
        """The confidence of a finding whose value has `origin` (the scale of `analyzers.runner`)."""
        return origin.confidence

    def judge(self, changed: ChangedFile, sink: Node, captures: Captures, flow: FlowIndex) -> Finding | None:
        origin: Origin | None = None
        severity = None
        confidence = next(
            (value for name, value in self.marker_confidence.items() if name in captures),
            self.literal_confidence,
        )
        values = captures.get("value", [])
        if values:
            origin = max(flow.origin(value) for value in values)
            if origin < self.min_origin:
                return None
            confidence = self.confidence_for(origin)
            if origin is Origin.UNKNOWN and self.lower_unknown:
                severity = self.meta.severity.lowered()
        statics = captures.get("static", [])
        if any(flow.origin(node) is not Origin.CONSTANT for node in statics):
            return None
        start, end = sink.start_point.row + 1, sink.end_point.row + 1
        return self.finding(
            changed,
            start,
            self.describe(captures, origin),
            confidence=confidence,
            end_line=end,
            severity=severity,
            evidence=changed.line(start).strip()[:_EVIDENCE_LIMIT],
        )

    def describe(self, captures: Captures, origin: Origin | None) -> str:
        """The finding's message: the message of the first marker capture, or the summary, and the
        value's origin."""
        base = next((text for name, text in self.messages.items() if name in captures), self.meta.summary)
        if origin is None:
            return base
        return f"{base}: {_ORIGIN_PHRASES.get(origin, 'a non-constant value')}"


@per_change
def changed_regions(ctx: ChangeContext) -> dict[str, str]:
    """Per modified file, the head text of the top-level statements that hold its changed lines,
    when that is well short of the whole file. Every node but the root lies inside one top-level
    statement, so a match whose sink touches a changed line has all its nodes in this text."""
    read = read_each(ctx, "changed statements not found", ctx.files, _region_of)
    return {changed.path: region for changed, region in read if region is not None}


def _region_of(changed: ChangedFile) -> str | None:
    """The region of one file; None when there is none, or when its tree is past a limit (a region
    is only a shortcut: each rule that needs the tree meets the limit itself and says so)."""
    lines = _changed_lines(changed)
    try:
        tree = changed.tree("head") if lines else None
    except InputLimitError:
        return None
    if tree is None or lines is None:
        return None
    all_lines = changed.lines("head")
    spans = _statement_spans(tree.root_node, line_runs(lines))
    if sum(last - first + 1 for first, last in spans) * 4 >= len(all_lines) * 3:
        return None
    return "\n".join("\n".join(all_lines[first - 1 : last]) for first, last in spans)


def _statement_spans(root: Node, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """1-based line spans of the root's children that overlap `runs`, merged."""
    spans: list[tuple[int, int]] = []
    index = 0
    for child in root.children:
        first, last = child.start_point.row + 1, child.end_point.row + 1
        while index < len(runs) and runs[index][1] < first:
            index += 1
        if index == len(runs):
            break
        if runs[index][0] <= last:
            if spans and first <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(last, spans[-1][1]))
            else:
                spans.append((first, last))
    return spans


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


def ancestor_text(node: Node, types: frozenset[str]) -> str:
    """The text of the nearest ancestor of one of `types` (the root's text when there is none)."""
    current = node
    while current.parent is not None and current.type not in types:
        current = current.parent
    return node_text(current)


def root_text(node: Node) -> str:
    """The text of the whole tree that holds `node`."""
    current = node
    while current.parent is not None:
        current = current.parent
    return node_text(current)


def capture_text(captures: Captures, name: str) -> str:
    """The text of the first node captured as `name` (empty when absent)."""
    return node_text(_first(captures, name))
