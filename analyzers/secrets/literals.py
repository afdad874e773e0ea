"""String literals assigned to names, found on a tree-sitter tree around given lines."""

from __future__ import annotations

from collections.abc import Iterator

from tree_sitter import Node, Tree

from analyzers.record import record

STRING_TYPES = frozenset(
    {"string", "string_literal", "interpreted_string_literal", "raw_string_literal",
     "template_string", "encapsed_string", "string_value", "quoted_string", "raw_string",
     "string_lit"}
)  # fmt: skip
INTERPOLATION_TYPES = frozenset(
    {"interpolation", "template_substitution", "variable_name", "simple_expansion", "expansion"}
)
BINDING_TYPES = frozenset(
    {"assignment", "assignment_expression", "assignment_statement", "short_var_declaration",
     "var_spec", "const_spec", "variable_declarator", "keyword_argument", "pair", "keyed_element",
     "default_parameter", "typed_default_parameter", "element_value_pair",
     "array_element_initializer", "field_definition", "public_field_definition",
     "assignment_pattern", "property_declaration", "property_element", "const_element",
     "init_declarator", "variable_assignment", "operator_assignment"}
)  # fmt: skip
WRAPPER_TYPES = frozenset({"expression_list", "literal_value", "expression", "argument"})
_MAX_NODES = 5000


@record
class Binding:
    name: str
    value: str
    line: int


def _text(node: Node) -> str:
    return node.text.decode("utf-8", "replace") if node.text is not None else ""


def literal_value(node: Node) -> str | None:
    """The content of a string literal without its quotes; None when it interpolates."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type in INTERPOLATION_TYPES:
            return None
        stack.extend(current.named_children)
    text = _text(node)
    start = 0
    while start < len(text) and text[start] not in "\"'`":
        start += 1
    quote = text[start : start + 3] if text[start : start + 3] in ('"""', "'''") else text[start:]
    width = 3 if len(quote) == 3 and quote[0] * 3 == quote else 1
    body = text[start + width : len(text) - width]
    return body if len(text) >= start + 2 * width else None


def _binding_name(string: Node) -> str | None:
    child, parent = string, string.parent
    for _ in range(2):
        if parent is None:
            return None
        if parent.type in BINDING_TYPES:
            break
        if parent.type not in WRAPPER_TYPES:
            return None
        child, parent = parent, parent.parent
    if parent is None or parent.type not in BINDING_TYPES:
        return None
    previous = child.prev_named_sibling
    while previous is not None and previous.type in ("comment", "type", "type_annotation"):
        previous = previous.prev_named_sibling
    if previous is None:
        return None
    return _text(previous.named_children[0] if previous.type in WRAPPER_TYPES else previous)


def bindings_on_lines(tree: Tree, lines: frozenset[int]) -> Iterator[Binding]:
    """(name, literal) pairs whose literal starts on one of `lines` (1-based)."""
    rows = {line - 1 for line in lines}
    stack = [tree.root_node]
    seen = 0
    while stack and seen < _MAX_NODES:
        node = stack.pop()
        if not any(node.start_point.row <= row <= node.end_point.row for row in rows):
            continue
        seen += 1
        if node.type in STRING_TYPES and node.start_point.row in rows:
            value = literal_value(node)
            name = _binding_name(node)
            if value is not None and name is not None:
                yield Binding(name, value, node.start_point.row + 1)
            continue
        stack.extend(reversed(node.children))
