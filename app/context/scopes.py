"""Map runs of added lines onto the syntax node that encloses them.

Only the changed region is visited: the smallest named node covering a run, then its ancestors. Code
languages give the enclosing function, method or class with a qualified name (`Parser.parse`);
configuration languages give a key path (`jobs.build.steps[2].run`, `resource.aws_s3_bucket.logs.acl`),
Dockerfiles the instruction (`RUN[3]`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from tree_sitter import Node, Point, Tree

from app.context.config_scopes import config_scope
from app.context.model import ChangedRange, Scope

CLASS_TYPES = frozenset(
    {"class_definition", "class_declaration", "class_specifier", "struct_specifier"}
    | {"interface_declaration", "enum_declaration", "trait_declaration", "record_declaration"}
    | {"struct_declaration", "class", "module", "impl_item", "trait_item", "mod_item"}
    | {"namespace_definition", "namespace_declaration", "struct_item", "enum_item"}
    | {"type_declaration", "object_declaration", "trait_definition"}
)
FUNCTION_TYPES = frozenset(
    {"function_definition", "function_declaration", "method_definition", "method_declaration"}
    | {"constructor_declaration", "generator_function_declaration", "function_item", "method"}
    | {"singleton_method", "arrow_function", "function_expression", "function", "lambda"}
    | {"local_function_statement", "func_literal"}
)
_ANONYMOUS = frozenset(
    {"arrow_function", "function_expression", "function", "lambda", "func_literal"}
)
_NAME_HOLDERS = ("variable_declarator", "assignment_expression", "pair", "public_field_definition")
CONFIG_LANGUAGES = frozenset({"yaml", "json", "toml", "hcl", "dockerfile"})
_MAX_DESCENT = 8
_MAX_CHILDREN = 1000


def added_runs(lines: Iterable[int]) -> list[tuple[int, int]]:
    """Consecutive runs of line numbers: [1, 2, 3, 7] -> [(1, 3), (7, 7)]."""
    runs: list[tuple[int, int]] = []
    for number in sorted(set(lines)):
        if runs and runs[-1][1] == number - 1:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    return runs


def _node_text(node: Node | None) -> str:
    if node is None or node.text is None:
        return ""
    return node.text.decode("utf-8", "replace")


def _declarator_name(node: Node) -> str:
    """The name inside a C/C++ declarator chain (`int *A::f(int)` -> `A::f`)."""
    current: Node | None = node
    while current is not None:
        if current.type in ("identifier", "field_identifier", "qualified_identifier"):
            return _node_text(current)
        if current.type in ("operator_name", "destructor_name", "type_identifier"):
            return _node_text(current)
        current = current.child_by_field_name("declarator")
    return ""


def _go_receiver(node: Node) -> str:
    receiver = node.child_by_field_name("receiver")
    if receiver is None:
        return ""
    for parameter in receiver.named_children:
        kind = parameter.child_by_field_name("type")
        while kind is not None and kind.type in ("pointer_type", "generic_type"):
            inner = kind.named_children
            kind = inner[0] if inner else None
        if kind is not None:
            return _node_text(kind)
    return ""


def _anonymous_name(node: Node) -> str:
    parent = node.parent
    if parent is None or parent.type not in _NAME_HOLDERS:
        return ""
    for field in ("name", "left", "key"):
        holder = parent.child_by_field_name(field)
        if holder is not None:
            return _node_text(holder)
    return ""


def node_name(node: Node) -> str:
    """The declared name of a function, method or class node ('' when it has none)."""
    if node.type in _ANONYMOUS:
        return _anonymous_name(node)
    if node.type == "impl_item":
        return _node_text(node.child_by_field_name("type"))
    name = node.child_by_field_name("name")
    if name is not None:
        return _node_text(name)
    declarator = node.child_by_field_name("declarator")
    if declarator is not None:
        return _declarator_name(declarator)
    if node.type == "type_declaration":
        for spec in node.named_children:
            return _node_text(spec.child_by_field_name("name"))
    return ""


def _enclosing_named(node: Node) -> list[tuple[Node, bool, str]]:
    """(node, is function, name) of every named function or class around `node`, innermost first."""
    found: list[tuple[Node, bool, str]] = []
    current: Node | None = node
    while current is not None:
        is_function = current.type in FUNCTION_TYPES
        if is_function or current.type in CLASS_TYPES:
            name = node_name(current)
            if name:
                found.append((current, is_function, name))
                receiver = _go_receiver(current) if current.type == "method_declaration" else ""
                if receiver:
                    found.append((current, False, receiver))
        current = current.parent
    return found


def code_scope(node: Node) -> Scope | None:
    """The function, method or class scope enclosing (or being) `node`; None at the top level."""
    found = _enclosing_named(node)
    if not found:
        return None
    innermost, is_function, _ = found[0]
    kind = "class"
    if is_function:
        kind = "method" if len(found) > 1 and not found[1][1] else "function"
    name = ".".join(name for _, _, name in reversed(found))
    return Scope(kind, name, innermost.start_point.row + 1, last_line(innermost))


def covering_node(tree: Tree, lines: Sequence[str], start: int, end: int) -> Node:
    """The smallest named node covering head lines `start`..`end` (1-based), ignoring indentation."""
    first = lines[start - 1] if start <= len(lines) else ""
    last = lines[end - 1] if end <= len(lines) else ""
    indent = len(first) - len(first.lstrip())
    start_point = Point(start - 1, len(first[:indent].encode("utf-8")))
    end_point = Point(end - 1, max(len(last.rstrip().encode("utf-8")) - 1, 0))
    node = tree.root_node.named_descendant_for_point_range(start_point, end_point)
    return _descend_same_lines(node if node is not None else tree.root_node)


def _descend_same_lines(node: Node) -> Node:
    """Step into a declaration's only part that spans the same lines (`const f = () => {…}`)."""
    for _ in range(_MAX_DESCENT):
        rows = (node.start_point.row, last_line(node))
        inner = [
            child
            for child in node.named_children
            if (child.start_point.row, last_line(child)) == rows and child.type != "comment"
        ]
        if len(inner) != 1 or node.type in FUNCTION_TYPES:
            return node
        node = inner[0]
    return node


def last_line(node: Node) -> int:
    """The 1-based last line a node occupies (a node ending at column 0 ends on the line before)."""
    row, column = node.end_point
    return max(row + (1 if column > 0 else 0), node.start_point.row + 1)


def _file_end(tree: Tree, lines: Sequence[str]) -> int:
    return max(len(lines), 1) if lines else last_line(tree.root_node)


def _node_scope(language: str, tree: Tree, lines: Sequence[str], node: Node) -> Scope:
    if language in CONFIG_LANGUAGES:
        found = config_scope(language, node)
        return found if found is not None else Scope("file", "", 1, _file_end(tree, lines))
    found = code_scope(node)
    return found if found is not None else Scope("module", "<module>", 1, _file_end(tree, lines))


def _trimmed(lines: Sequence[str], start: int, end: int) -> tuple[int, int] | None:
    while start <= end and (start > len(lines) or not lines[start - 1].strip()):
        start += 1
    while end >= start and (end > len(lines) or not lines[end - 1].strip()):
        end -= 1
    return (start, end) if start <= end else None


def scope_for(language: str, tree: Tree, lines: Sequence[str], start: int, end: int) -> Scope:
    """The enclosing scope of head lines `start`..`end`; the module or file when nothing closer."""
    trimmed = _trimmed(lines, start, end) or (start, end)
    node = covering_node(tree, lines, *trimmed)
    return _node_scope(language, tree, lines, node)


class _Splitter:
    """Splits a run that spans several top-level nodes into one range per node."""

    max_depth = 6

    def __init__(self, language: str, tree: Tree, lines: Sequence[str]) -> None:
        self.language, self.tree, self.lines = language, tree, lines

    def split(self, start: int, end: int, depth: int = 0) -> list[ChangedRange]:
        trimmed = _trimmed(self.lines, start, end)
        if trimmed is None:
            return [ChangedRange(start, end, None)]
        node = covering_node(self.tree, self.lines, *trimmed)
        scope = _node_scope(self.language, self.tree, self.lines, node)
        children = [
            child
            for child in node.named_children
            if child.start_point.row + 1 <= trimmed[1] and last_line(child) >= trimmed[0]
        ]
        if (
            scope.kind in ("function", "method", "instruction")
            or depth >= self.max_depth
            or not 1 <= len(children) <= _MAX_CHILDREN
        ):
            return [ChangedRange(start, end, scope)]
        pieces: list[ChangedRange] = []
        cursor = start
        for child in children:
            first, last = max(child.start_point.row + 1, cursor), min(last_line(child), end)
            if last < first:
                continue
            if first > cursor:
                pieces.append(ChangedRange(cursor, first - 1, scope))
            pieces.extend(self.split(first, last, depth + 1))
            cursor = last + 1
        if cursor <= end:
            pieces.append(ChangedRange(cursor, end, scope))
        return _merged(pieces, scope, self.lines)


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


def map_ranges(
    language: str | None, tree: Tree | None, lines: Sequence[str], added: Iterable[int]
) -> tuple[ChangedRange, ...]:
    """Ranges of added lines with their scopes; a run over several top-level nodes is split."""
    ranges: list[ChangedRange] = []
    splitter = _Splitter(language, tree, lines) if tree is not None and language else None
    for start, end in added_runs(added):
        if splitter is None:
            ranges.append(ChangedRange(start, end, None))
        else:
            ranges.extend(splitter.split(start, end))
    return tuple(ranges)
