"""Map runs of added lines onto the syntax node that encloses them.

Only the changed region is visited: the smallest named node covering a run, then its ancestors, each
ancestor's contribution computed once per file. Code languages give the enclosing function, method or
class with a qualified name (`Parser.parse`); configuration languages give a key path
(`jobs.build.steps[2].run`, `resource.aws_s3_bucket.logs.acl`), Dockerfiles the instruction (`RUN[3]`).
A run that spans several nodes (two functions, three keys) is split into one range per node.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from tree_sitter import Node, Point, Tree

from analyzers.contract.model import ChangedRange, Scope
from analyzers.record import record
from app.context.config_scopes import config_step, dockerfile_scope, join_path, sequence_indices
from app.context.names import CLASS_TYPES, FUNCTION_TYPES, go_receiver, node_name

CONFIG_LANGUAGES = frozenset({"yaml", "json", "toml", "hcl", "dockerfile"})
_MAX_DESCENT = 8
_MAX_CHILDREN = 1000
_MAX_DEPTH = 6
_LEAF_KINDS = frozenset({"function", "method", "instruction"})


def added_runs(lines: Iterable[int]) -> list[tuple[int, int]]:
    """Consecutive runs of line numbers: [1, 2, 3, 7] -> [(1, 3), (7, 7)]."""
    runs: list[tuple[int, int]] = []
    for number in sorted(set(lines)):
        if runs and runs[-1][1] == number - 1:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    return runs


def last_line(node: Node) -> int:
    """The 1-based last line a node occupies (a node ending at column 0 ends on the line before)."""
    row, column = node.end_point
    return max(row + (1 if column > 0 else 0), node.start_point.row + 1)


def _descend_same_lines(node: Node) -> Node:
    """Step into a declaration's only part that spans the same lines (`const f = () => {…}`)."""
    for _ in range(_MAX_DESCENT):
        if node.type in FUNCTION_TYPES:
            return node
        row, end = node.start_point.row, last_line(node)
        inner: list[Node] = []
        child = node.named_child(0) if node.named_child_count else None
        while child is not None and child.start_point.row == row:
            if last_line(child) == end and child.type != "comment":
                inner.append(child)
            child = child.next_named_sibling
        if len(inner) != 1:
            return node
        node = inner[0]
    return node


def covering_node(tree: Tree, lines: Sequence[str], start: int, end: int) -> Node:
    """The smallest named node covering head lines `start`..`end` (1-based), ignoring indentation."""
    first = lines[start - 1] if start <= len(lines) else ""
    last = lines[end - 1] if end <= len(lines) else ""
    indent = len(first) - len(first.lstrip())
    start_point = Point(start - 1, len(first[:indent].encode("utf-8")))
    end_point = Point(end - 1, max(len(last.rstrip().encode("utf-8")) - 1, 0))
    node = tree.root_node.named_descendant_for_point_range(start_point, end_point)
    return _descend_same_lines(node if node is not None else tree.root_node)


def _trimmed(lines: Sequence[str], start: int, end: int) -> tuple[int, int] | None:
    while start <= end and (start > len(lines) or not lines[start - 1].strip()):
        start += 1
    while end >= start and (end > len(lines) or not lines[end - 1].strip()):
        end -= 1
    return (start, end) if start <= end else None


@record
class _Link:
    """One named level of a scope path, linked to the level around it."""

    outer: _Link | None
    part: str
    kind: str  # function or class (code); key or block (configuration)
    start: int
    end: int


class _Scoper:
    """Scopes of nodes in one tree; each node's path is computed once and shared by its children."""

    def __init__(self, language: str, tree: Tree, lines: Sequence[str]) -> None:
        self.language, self.tree, self.lines = language, tree, lines
        self.config = language in CONFIG_LANGUAGES
        end = max(len(lines), 1) if lines else last_line(tree.root_node)
        self.top = Scope("file", "", 1, end) if self.config else Scope("module", "<module>", 1, end)
        self.links: dict[int, _Link | None] = {}
        self.indices: dict[int, int] = {}

    def _own(self, node: Node) -> list[tuple[str, str]]:
        if self.config:
            step = config_step(node, self.indices.get(node.id))
            return [step] if step is not None else []
        is_function = node.type in FUNCTION_TYPES
        if not is_function and node.type not in CLASS_TYPES:
            return []
        name = node_name(node)
        if not name:
            return []
        receiver = go_receiver(node) if node.type == "method_declaration" else ""
        own = [(receiver, "class")] if receiver else []
        return [*own, (name, "function" if is_function else "class")]

    def _link(self, node: Node) -> _Link | None:
        pending: list[Node] = []
        current: Node | None = node
        while current is not None and current.id not in self.links:
            pending.append(current)
            current = current.parent
        link = self.links[current.id] if current is not None else None
        for item in reversed(pending):
            for part, kind in self._own(item):
                link = _Link(link, part, kind, item.start_point.row + 1, last_line(item))
            self.links[item.id] = link
        return link

    def scope(self, node: Node) -> Scope:
        if self.language == "dockerfile":
            return dockerfile_scope(node) or self.top
        link = self._link(node)
        if link is None:
            return self.top
        parts: list[str] = []
        current: _Link | None = link
        while current is not None:
            parts.append(current.part)
            current = current.outer
        parts.reverse()
        if self.config:
            return Scope(link.kind, join_path(parts), link.start, link.end)
        kind = link.kind
        if kind == "function" and link.outer is not None and link.outer.kind == "class":
            kind = "method"
        return Scope(kind, ".".join(parts), link.start, link.end)

    def split(self, start: int, end: int, hint: Node | None = None, depth: int = 0) -> list[ChangedRange]:
        """Ranges for head lines `start`..`end`, one per child node when they span several."""
        trimmed = _trimmed(self.lines, start, end)
        if trimmed is None:  # blank lines: the scope around them
            return [ChangedRange(start, end, self.scope(covering_node(self.tree, self.lines, start, end)))]
        node = _descend_same_lines(hint) if hint is not None else None
        if node is None:
            node = covering_node(self.tree, self.lines, *trimmed)
        scope = self.scope(node)
        if scope.kind in _LEAF_KINDS or depth >= _MAX_DEPTH or trimmed[0] == trimmed[1]:
            return [ChangedRange(start, end, scope)]
        children = self._children(node, *trimmed)
        if not 1 <= len(children) <= _MAX_CHILDREN:
            return [ChangedRange(start, end, scope)]
        if self.config:
            self.indices.update(sequence_indices(node))
        return _merged(self._pieces(children, start, end, scope, depth), scope, self.lines)

    def _children(self, node: Node, start: int, end: int) -> list[Node]:
        """Named children of `node` on lines `start`..`end`: a binary search for the first one."""
        low, high = 0, node.named_child_count
        while low < high:
            middle = (low + high) // 2
            child = node.named_child(middle)
            if child is not None and last_line(child) < start:
                low = middle + 1
            else:
                high = middle
        found: list[Node] = []
        index = low
        while index < node.named_child_count and len(found) <= _MAX_CHILDREN:
            child = node.named_child(index)
            if child is None or child.start_point.row >= end:
                break
            found.append(child)
            index += 1
        return found

    def _pieces(
        self, children: list[Node], start: int, end: int, scope: Scope, depth: int
    ) -> list[ChangedRange]:
        pieces: list[ChangedRange] = []
        cursor = start
        for child in children:
            child_start, child_end = child.start_point.row + 1, last_line(child)
            first, last = max(child_start, cursor), min(child_end, end)
            if last < first:
                continue
            if first > cursor:
                pieces.append(ChangedRange(cursor, first - 1, scope))
            whole = (first, last) == (child_start, child_end)
            pieces.extend(self.split(first, last, child if whole else None, depth + 1))
            cursor = last + 1
        if cursor <= end:
            pieces.append(ChangedRange(cursor, end, scope))
        return pieces


def _merged(pieces: list[ChangedRange], outer: Scope, lines: Sequence[str]) -> list[ChangedRange]:
    """Join neighbours with the same scope; a blank-only piece joins the piece before it."""
    merged: list[ChangedRange] = []
    for piece in pieces:
        scope = piece.scope if piece.scope is not None else outer
        adjacent = bool(merged) and merged[-1].end_line + 1 == piece.start_line
        blank = _trimmed(lines, piece.start_line, piece.end_line) is None
        if adjacent and (blank or merged[-1].scope == scope):
            merged[-1] = ChangedRange(merged[-1].start_line, piece.end_line, merged[-1].scope)
        else:
            merged.append(ChangedRange(piece.start_line, piece.end_line, scope))
    return merged


def scope_for(language: str, tree: Tree, lines: Sequence[str], start: int, end: int) -> Scope:
    """The enclosing scope of head lines `start`..`end`; the module or file when nothing closer."""
    trimmed = _trimmed(lines, start, end) or (start, end)
    return _Scoper(language, tree, lines).scope(covering_node(tree, lines, *trimmed))


def map_ranges(
    language: str | None, tree: Tree | None, lines: Sequence[str], added: Iterable[int]
) -> tuple[ChangedRange, ...]:
    """Ranges of added lines with their scopes; a run over several nodes is split per node."""
    if tree is None or language is None:
        return tuple(ChangedRange(start, end, None) for start, end in added_runs(added))
    scoper = _Scoper(language, tree, lines)
    ranges: list[ChangedRange] = []
    for start, end in added_runs(added):
        ranges.extend(scoper.split(start, end))
    return tuple(ranges)
