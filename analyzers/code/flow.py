"""A light, intra-function data flow on tree-sitter trees: where does a value come from?

It serves the query rules in the languages the data-flow engine does not lower yet (JavaScript,
TypeScript, Go, Ruby, PHP, C/C++, shell); Python and Java go through `analyzers.flow`. Its `Origin`
scale is the one every rule grades on.

`FlowIndex.origin(node)` classifies an expression as a constant literal, a sanitised value, a value of
unknown origin, a string built from a literal and non-constant parts (concatenation, interpolation,
`%`/`.format`/`Sprintf`), or a value derived from the incoming request (Flask/Django `request.*`,
Express `req.*`, Go `r.URL`/`r.FormValue`, PHP `$_GET`/`$_POST`, Rails `params`, Java servlet
`getParameter`). A name is followed to its last assignment before the use in the same function, then to
the module level; anything else is unknown. Decided on the syntax tree, never on the text of a line.
"""

from __future__ import annotations

from enum import IntEnum

from tree_sitter import Node, Tree

from analyzers.code.sources import (
    CONVERTERS,
    REQUEST_PATTERN,
    SANITISER_PATTERN,
    is_formatter_call,
    is_route_parameter,
)
from analyzers.query import match_query


class Origin(IntEnum):
    CONSTANT = 0
    SANITISED = 1
    UNKNOWN = 2
    BUILT = 3  # a literal combined with non-constant values
    REQUEST = 4

    @property
    def confidence(self) -> float:
        return _CONFIDENCE[self]


_CONFIDENCE = {
    Origin.CONSTANT: 0.0,
    Origin.SANITISED: 0.2,
    Origin.UNKNOWN: 0.6,
    Origin.BUILT: 0.9,
    Origin.REQUEST: 0.95,
}

STRING_TYPES = frozenset(
    {
        "string", "string_literal", "interpreted_string_literal", "raw_string_literal",
        "template_string", "encapsed_string", "concatenated_string", "text_block", "heredoc",
        "nowdoc", "raw_string", "char_literal", "character_literal", "ansi_c_string",
        "translated_string", "string_array", "subshell", "shell_command_expression",
        "chained_string", "concatenated_string_literal",
    }
)  # fmt: skip
_LITERAL_PARTS = frozenset(
    {
        "string_start", "string_content", "string_end", "escape_sequence", "string_fragment",
        "string_value", "heredoc_body", "heredoc_start", "heredoc_end", "heredoc_content",
        "nowdoc_body", "nowdoc_string", "string_literal", "string", "raw_string_literal",
        "interpreted_string_literal", "text_interpolation", "`",
        "interpreted_string_literal_content", "raw_string_literal_content",
    }
)  # fmt: skip
_SCALARS = frozenset(
    {
        "integer", "float", "number", "true", "false", "none", "null", "nil", "integer_literal",
        "int_literal", "float_literal", "decimal_integer_literal", "hex_integer_literal",
        "decimal_floating_point_literal", "boolean", "boolean_literal", "null_literal",
        "number_literal", "simple_symbol", "symbol", "word", "iota",
    }
)  # fmt: skip
_BINARY = frozenset({"binary_operator", "binary_expression", "binary", "concatenation"})
_WRAPPERS = frozenset(
    {
        "parenthesized_expression", "expression_statement", "argument", "await_expression",
        "type_assertion", "as_expression", "non_null_expression", "cast_expression",
        "satisfies_expression", "expression_list",
    }
)  # fmt: skip
_CONDITIONAL = frozenset({"conditional_expression", "ternary_expression", "conditional"})
_SEQUENCES = frozenset(
    {"list", "tuple", "array", "array_creation_expression", "array_initializer", "initializer_list"}
)
_CALLS = frozenset(
    {
        "call", "call_expression", "method_invocation", "function_call_expression",
        "member_call_expression", "scoped_call_expression", "nullsafe_member_call_expression",
        "new_expression", "object_creation_expression",
    }
)  # fmt: skip
_NAMES = frozenset({"identifier", "variable_name", "simple_expansion", "expansion", "constant"})
FUNCTION_TYPES = frozenset(
    {
        "function_definition", "function_declaration", "method_declaration", "method_definition",
        "arrow_function", "function_expression", "function", "method", "singleton_method",
        "func_literal", "lambda", "constructor_declaration", "anonymous_function",
        "anonymous_function_creation_expression", "generator_function_declaration",
        "lambda_expression", "block", "do_block",
    }
)  # fmt: skip
_FUNCTION_SCOPES = FUNCTION_TYPES - {"block", "do_block"}

_PIECE_WRAPPERS = frozenset(
    {"interpolation", "template_substitution", "argument", "parenthesized_expression", "concatenated_string"}
)
_MAX_DEPTH = 12


class FlowIndex:
    """Origins of values in one syntax tree (built per file, queries run on first use)."""

    def __init__(self, tree: Tree, language: str | None) -> None:
        self._tree = tree
        self._language = language
        self.language = language
        self._assignments: list[tuple[str, Node, Node | None]] | None = None

    def origin(self, node: Node | None, depth: int = 0) -> Origin:
        """Where the value of the expression `node` comes from."""
        if node is None or depth > _MAX_DEPTH:
            return Origin.UNKNOWN
        kind = node.type
        if kind in _WRAPPERS or kind == "interpolation" or kind == "template_substitution":
            return self._combine(self._named(node), depth, built=False)
        if kind in STRING_TYPES:
            return self._string(node, depth)
        if kind in _SCALARS:
            return Origin.CONSTANT
        if kind in _BINARY or kind == "concatenated_string":
            return self._combine(self._named(node), depth, built=True)
        if kind in _CONDITIONAL:
            return self._combine(self._named(node)[1:] or self._named(node), depth, built=False)
        if kind == "array_creation_expression":
            initial = [child for child in node.named_children if child.type == "array_initializer"]
            return self._combine(initial, depth, built=False)  # sized arrays start zeroed
        if kind in _SEQUENCES:
            return self._combine(self._named(node), depth, built=False)
        if kind == "type_conversion_expression":
            return self.origin(node.child_by_field_name("operand"), depth + 1)
        if kind in _CALLS:
            return self._call(node, depth)
        if kind in _NAMES:
            return self._name(node, depth)
        text = _text(node)
        if REQUEST_PATTERN.search(text):
            return Origin.REQUEST
        inner = self._named(node)
        if inner and self.origin(inner[0], depth + 1) is Origin.REQUEST:
            return Origin.REQUEST
        return Origin.UNKNOWN

    def resolved(self, node: Node) -> Node:
        """`node`, or for a name the value it was last assigned in scope (followed a few steps)."""
        current = node
        for _ in range(_MAX_DEPTH):
            if current.type not in _NAMES and current.type not in _WRAPPERS:
                break
            if current.type in _WRAPPERS:
                inner = self._named(current)
                if len(inner) != 1:
                    break
                current = inner[0]
                continue
            value = self._last_assignment(_variable_name(current), current)
            if value is None:
                break
            current = value
        return current

    def built_parts(self, node: Node, depth: int = 0) -> list[Node]:
        """The non-literal pieces a string value is built from: operands of concatenation,
        interpolated expressions and formatting arguments (a plain value is its own piece)."""
        current = self.resolved(node) if depth < _MAX_DEPTH else node
        kind = current.type
        if kind in _SCALARS or (kind in STRING_TYPES and self._string(current, depth) is Origin.CONSTANT):
            return []
        if kind in STRING_TYPES:
            inner = [c for c in current.named_children if c.type not in _LITERAL_PARTS]
        elif kind in _BINARY or kind in _PIECE_WRAPPERS:
            inner = self._named(current)
        elif kind in _CALLS and _is_formatting(current):
            arguments = current.child_by_field_name("arguments")
            receiver = _receiver(current, current.child_by_field_name("function"))
            named = self._named(arguments) if arguments is not None else []
            inner = [*([receiver] if receiver is not None else []), *named]
        elif kind == "keyword_argument":
            value = current.child_by_field_name("value")
            inner = [value] if value is not None else []
        else:
            return [current]
        return [piece for child in inner for piece in self.built_parts(child, depth + 1)]

    def _named(self, node: Node) -> list[Node]:
        return [child for child in node.named_children if child.type != "comment"]

    def _string(self, node: Node, depth: int) -> Origin:
        parts = [child for child in node.named_children if child.type not in _LITERAL_PARTS]
        if not parts:
            return Origin.CONSTANT
        return self._combine([node, *parts], depth, built=True, literal=node)

    def _combine(self, parts: list[Node], depth: int, *, built: bool, literal: Node | None = None) -> Origin:
        origins = [Origin.CONSTANT if part is literal else self.origin(part, depth + 1) for part in parts]
        if not origins or all(origin is Origin.CONSTANT for origin in origins):
            return Origin.CONSTANT
        worst = max(origins)
        if worst is Origin.REQUEST or not built:
            return worst
        has_literal = literal is not None or any(part.type in STRING_TYPES for part in parts)
        if has_literal and worst >= Origin.UNKNOWN:
            return Origin.BUILT
        return worst

    def _call(self, node: Node, depth: int) -> Origin:
        callee = node.child_by_field_name("function") or node.child_by_field_name("name")
        method = node.child_by_field_name("method")
        callee_text = _text(method) if method is not None else _text(callee) if callee else ""
        arguments = node.child_by_field_name("arguments")
        full_callee = _callee_text(node, arguments)
        if SANITISER_PATTERN.search(callee_text) or SANITISER_PATTERN.search(full_callee):
            return Origin.SANITISED
        if REQUEST_PATTERN.search(full_callee):
            return Origin.REQUEST
        args = self._named(arguments) if arguments is not None else []
        if CONVERTERS.search(callee_text) or CONVERTERS.search(full_callee):
            receiver = _receiver(node, callee)
            if receiver is not None and _text(receiver)[:1].isupper():
                receiver = None  # a class (`Buffer.from`), not a value
            parts = ([receiver] if receiver is not None else []) + args
            if all(self.origin(part, depth + 1) is Origin.CONSTANT for part in parts):
                return Origin.CONSTANT
        if is_formatter_call(callee_text, full_callee):
            receiver = _receiver(node, callee)
            parts = ([receiver] if receiver is not None else []) + args
            return self._combine(parts, depth, built=True)
        worst = max((self.origin(arg, depth + 1) for arg in args), default=Origin.UNKNOWN)
        return Origin.REQUEST if worst is Origin.REQUEST else Origin.UNKNOWN

    def _name(self, node: Node, depth: int) -> Origin:
        text = _text(node)
        if REQUEST_PATTERN.search(text):
            return Origin.REQUEST
        name = _variable_name(node)
        value = self._last_assignment(name, node)
        if value is not None:
            return self.origin(value, depth + 1)
        return Origin.REQUEST if is_route_parameter(name, enclosing_function(node)) else Origin.UNKNOWN

    def _last_assignment(self, name: str, use: Node) -> Node | None:
        if self._assignments is None:
            self._assignments = self._collect_assignments()
        home = enclosing_function(use)
        local: Node | None = None
        module: Node | None = None
        for assigned, value, function in self._assignments:
            if assigned != name or (value.start_byte >= use.start_byte and function == home):
                continue
            if _contains(value, use):
                continue
            if home is not None and function == home:
                local = value
            elif function is None:
                module = value
        return local if local is not None else module

    def _collect_assignments(self) -> list[tuple[str, Node, Node | None]]:
        found: list[tuple[str, Node, Node | None]] = []
        for captures in match_query(self._tree, self._language, "assignments"):
            names = captures.get("name", [])
            values = captures.get("value", [])
            for index, name in enumerate(names):
                if not values:
                    continue
                value = values[index] if index < len(values) else values[0]
                found.append((_variable_name(name), value, enclosing_function(name)))
        found.sort(key=lambda item: item[1].start_byte)
        return found


def _callee_text(node: Node, arguments: Node | None) -> str:
    """The text of a call before its argument list (`request.args.get`, `r.URL.Query().Get`)."""
    text = node.text or b""
    if arguments is not None:
        text = text[: arguments.start_byte - node.start_byte]
    return text.decode("utf-8", errors="replace").strip()


def _is_formatting(call: Node) -> bool:
    arguments = call.child_by_field_name("arguments")
    callee = _callee_text(call, arguments)
    return is_formatter_call(callee.rsplit(".", 1)[-1], callee) and arguments is not None


def _receiver(node: Node, callee: Node | None) -> Node | None:
    receiver = node.child_by_field_name("object") or node.child_by_field_name("receiver")
    if receiver is None and callee is not None and callee.type in {"attribute", "member_expression"}:
        receiver = callee.child_by_field_name("object")
    return receiver


def enclosing_function(node: Node) -> Node | None:
    """The nearest function-like ancestor of `node`, or None at module level."""
    current = node.parent
    while current is not None:
        if current.type in _FUNCTION_SCOPES:
            return current
        current = current.parent
    return None


def _contains(outer: Node, inner: Node) -> bool:
    return outer.start_byte <= inner.start_byte and inner.end_byte <= outer.end_byte


def _variable_name(node: Node) -> str:
    if node.type in {"simple_expansion", "expansion"}:
        for child in node.named_children:
            if child.type == "variable_name":
                return _text(child)
    return _text(node)


def _text(node: Node | None) -> str:
    if node is None or node.text is None:
        return ""
    return node.text.decode("utf-8", errors="replace")
