"""Names of functions, methods and classes in tree-sitter trees, across languages."""

from __future__ import annotations

from tree_sitter import Node

from analyzers.contract.model import Scope

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
_ANONYMOUS = frozenset({"arrow_function", "function_expression", "function", "lambda", "func_literal"})
_NAME_HOLDERS = ("variable_declarator", "assignment_expression", "pair", "public_field_definition")


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


def go_receiver(node: Node) -> str:
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
                receiver = go_receiver(current) if current.type == "method_declaration" else ""
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
    return Scope(kind, name, innermost.start_point.row + 1, _last_line(innermost))


def _last_line(node: Node) -> int:
    row, column = node.end_point
    return max(row + (1 if column > 0 else 0), node.start_point.row + 1)
