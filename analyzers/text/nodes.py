"""Where a character sits on a syntax tree: in a comment, in a string, or in code."""

from __future__ import annotations

from typing import Literal

from tree_sitter import Node, Tree

Place = Literal["comment", "string", "code"]
_STRING_MARKERS = (
    "string", "heredoc", "template", "raw_text", "character_literal", "char_literal", "scalar",
)  # fmt: skip


def byte_column(line: str, column: int) -> int:
    """The UTF-8 byte offset of character `column` of `line` (tree-sitter points count bytes)."""
    return len(line[:column].encode("utf-8"))


def node_at(tree: Tree, line_number: int, line: str, column: int) -> Node | None:
    point = (line_number - 1, byte_column(line, column))
    end = (line_number - 1, byte_column(line, column + 1))
    return tree.root_node.descendant_for_point_range(point, end)


def place_of(node: Node | None) -> Place:
    """The innermost comment or string that holds `node`, else code."""
    current = node
    while current is not None:
        kind = current.type
        if "comment" in kind:
            return "comment"
        if any(marker in kind for marker in _STRING_MARKERS):
            return "string"
        current = current.parent
    return "code"


def enclosing_text(node: Node | None) -> tuple[Place, Node | None]:
    """The place of `node` and the comment or string node itself (None for code)."""
    current = node
    while current is not None:
        kind = current.type
        if "comment" in kind:
            return "comment", current
        if any(marker in kind for marker in _STRING_MARKERS):
            outer = current
            while outer.parent is not None and any(m in outer.parent.type for m in _STRING_MARKERS):
                outer = outer.parent
            return "string", outer
        current = current.parent
    return "code", None


def node_text(node: Node) -> str:
    return node.text.decode("utf-8", "replace") if node.text is not None else ""
