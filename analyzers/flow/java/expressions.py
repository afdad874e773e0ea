"""Java expressions lowered to operands: every nested expression becomes a temporary."""

from __future__ import annotations

import re
from collections.abc import Callable

from tree_sitter import Node

from analyzers.flow.builder import FunctionBuilder
from analyzers.flow.ir import (
    Attr,
    Binary,
    Call,
    Cast,
    Compare,
    Const,
    Expr,
    Format,
    FunctionRef,
    Item,
    Opaque,
    Operand,
    Pack,
    SetAttr,
    SetItem,
    Unary,
    Var,
)

_COMPARISONS = frozenset({"==", "!=", "<", "<=", ">", ">="})
_LOGICAL = {"&&": "and", "||": "or"}
_INTEGERS = frozenset({"decimal_integer_literal", "hex_integer_literal", "octal_integer_literal",
                       "binary_integer_literal"})  # fmt: skip
_FLOATS = frozenset({"decimal_floating_point_literal", "hex_floating_point_literal"})
_ESCAPE = re.compile(r"\\(u+[0-9a-fA-F]{4}|[0-7]{1,3}|.)", re.DOTALL)
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "s": " ", "0": "\0"}


def text(node: Node | None) -> str:
    if node is None or node.text is None:
        return ""
    return node.text.decode("utf-8", errors="replace")


def line(node: Node) -> int:
    return node.start_point.row + 1


def type_name(node: Node | None) -> str:
    """A type as written, without its type arguments or array brackets (`java.util.Map<K, V>` ->
    `java.util.Map`); an array type keeps `[]`."""
    if node is None:
        return ""
    if node.type == "generic_type":
        inner = next((c for c in node.named_children if c.type != "type_arguments"), None)
        return type_name(inner)
    if node.type == "array_type":
        return type_name(node.child_by_field_name("element")) + "[]"
    return "".join(text(node).split())


def unescape(source: str) -> str:
    if "\\" not in source:
        return source
    return _ESCAPE.sub(_escaped, source)


def _escaped(match: re.Match[str]) -> str:
    code = match.group(1)
    if code in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[code]
    if code[0] == "u":
        return chr(int(code.lstrip("u"), 16))
    if code[0] in "01234567":
        return chr(int(code, 8))
    return code


def number(node: Node) -> Const:
    written = text(node).replace("_", "").lower()
    try:
        if node.type in _FLOATS:
            return Const(float(written.rstrip("fd")))
        written = written.rstrip("l")
        if written.startswith(("0x", "0b")):
            return Const(int(written, 0))
        if len(written) > 1 and written.startswith("0"):
            return Const(int(written, 8))
        return Const(int(written))
    except ValueError:
        return Const(None)


class JavaExpressions:
    """Lowers expressions of one method into `builder`; `nested` registers a lambda or local class."""

    def __init__(self, builder: FunctionBuilder, nested: Callable[[Node], str]) -> None:
        self.builder = builder
        self.nested = nested

    def expr(self, node: Node | None, depth: int = 0) -> Operand:
        if node is None:
            return Const(None)
        if not self.builder.spend(depth):
            return self.builder.unknown("nesting bound", line(node))
        kind = node.type
        if kind == "identifier":
            return Var(text(node))
        if kind in ("this", "super"):
            return Var("this")
        if kind in _INTEGERS or kind in _FLOATS:
            return number(node)
        if kind in ("true", "false"):
            return Const(kind == "true")
        if kind == "null_literal":
            return Const(None)
        if kind == "string_literal":
            return self.string(node)
        if kind == "character_literal":
            return Const(unescape(text(node)[1:-1]))
        if kind == "text_block":
            return Const(text(node)[3:-3])
        if kind == "parenthesized_expression":
            inner = node.named_children
            return self.expr(inner[0], depth + 1) if inner else Const(None)
        result = self.compound(node, depth)
        if isinstance(result, Const | Var):
            return result
        return self.builder.temp(result, line(node))

    def compound(self, node: Node, depth: int) -> Expr:
        handler = _HANDLERS.get(node.type)
        if handler is not None:
            return handler(self, node, depth + 1)
        return Opaque(node.type)

    def string(self, node: Node) -> Operand:
        parts = [
            unescape(text(child))
            for child in node.named_children
            if child.type in ("string_fragment", "escape_sequence")
        ]
        return Const("".join(parts))

    # -- the compound expressions ---------------------------------------------------------------
    def invocation(self, node: Node, depth: int) -> Expr:
        receiver_node = node.child_by_field_name("object")
        receiver = self.expr(receiver_node, depth) if receiver_node is not None else Var("this")
        name = text(node.child_by_field_name("name"))
        args = self.arguments(node.child_by_field_name("arguments"), depth)
        label = f"{text(receiver_node)}.{name}" if receiver_node is not None else name
        return Call(receiver, tuple(args), (), name, None, " ".join(label.split())[:80])

    def creation(self, node: Node, depth: int) -> Expr:
        written = type_name(node.child_by_field_name("type"))
        args = self.arguments(node.child_by_field_name("arguments"), depth)
        return Call(
            self.type_operand(written, line(node)), tuple(args), (), None, None, f"new {written}"[:80], True
        )

    def type_operand(self, written: str, at: int) -> Operand:
        """A type named in an expression, as the value its name stands for (`java.io.File`)."""
        parts = [part for part in written.removesuffix("[]").split(".") if part]
        if not parts:
            return self.builder.unknown("type", at)
        operand: Operand = Var(parts[0])
        for part in parts[1:]:
            operand = self.builder.temp(Attr(operand, part), at)
        return operand

    def arguments(self, node: Node | None, depth: int) -> list[Operand]:
        if node is None:
            return []
        return [
            self.expr(child, depth)
            for child in node.named_children
            if child.type not in ("comment", "line_comment", "block_comment")
        ]

    def field(self, node: Node, depth: int) -> Expr:
        obj = self.expr(node.child_by_field_name("object"), depth)
        return Attr(obj, text(node.child_by_field_name("field")))

    def access(self, node: Node, depth: int) -> Expr:
        array = self.expr(node.child_by_field_name("array"), depth)
        return Item(array, self.expr(node.child_by_field_name("index"), depth))

    def binary(self, node: Node, depth: int) -> Expr:
        left = self.expr(node.child_by_field_name("left"), depth)
        right = self.expr(node.child_by_field_name("right"), depth)
        operator = text(node.child_by_field_name("operator"))
        if operator in _COMPARISONS:
            return Compare(operator, left, right)
        return Binary(_LOGICAL.get(operator, operator), left, right)

    def unary(self, node: Node, depth: int) -> Expr:
        operand = self.expr(node.child_by_field_name("operand"), depth)
        operator = text(node.child_by_field_name("operator"))
        if operator == "!":
            return Unary("not", operand)
        if operator == "-" and isinstance(operand, Const) and isinstance(operand.value, int | float):
            return Const(-operand.value)
        return Unary(operator, operand)

    def update(self, node: Node, depth: int) -> Expr:
        target = next((child for child in node.named_children), None)
        current = self.expr(target, depth)
        changed = self.builder.temp(Binary("+" if "++" in text(node) else "-", current, Const(1)), line(node))
        self.store(target, changed, depth)
        return current

    def assignment(self, node: Node, depth: int) -> Expr:
        target = node.child_by_field_name("left")
        operator = text(node.child_by_field_name("operator"))
        value = self.expr(node.child_by_field_name("right"), depth)
        if operator != "=":
            current = self.expr(target, depth)
            value = self.builder.temp(Binary(operator.rstrip("="), current, value), line(node))
        self.store(target, value, depth)
        return value if isinstance(value, Var | Const) else Opaque("assignment")

    def store(self, target: Node | None, value: Operand, depth: int) -> None:
        if target is None:
            return
        at = line(target)
        if target.type == "identifier":
            self.builder.assign(text(target), value, at)
        elif target.type == "field_access":
            obj = self.expr(target.child_by_field_name("object"), depth + 1)
            self.builder.emit(SetAttr(obj, text(target.child_by_field_name("field")), value, at))
        elif target.type == "array_access":
            array = self.expr(target.child_by_field_name("array"), depth + 1)
            index = self.expr(target.child_by_field_name("index"), depth + 1)
            self.builder.emit(SetItem(array, index, value, at))

    def ternary(self, node: Node, depth: int) -> Expr:
        test = self.expr(node.child_by_field_name("condition"), depth)
        result = f"$$c{line(node)}_{node.start_byte}"
        then, orelse, after = (self.builder.new_block() for _ in range(3))
        self.builder.branch(test, then, orelse, line(node))
        for block, field in ((then, "consequence"), (orelse, "alternative")):
            self.builder.start(block)
            self.builder.assign(result, self.expr(node.child_by_field_name(field), depth), line(node))
            self.builder.goto(after)
        self.builder.start(after)
        return Var(result)

    def cast(self, node: Node, depth: int) -> Expr:
        return Cast(
            self.expr(node.child_by_field_name("value"), depth), type_name(node.child_by_field_name("type"))
        )

    def array(self, node: Node, depth: int) -> Expr:
        initializer = node.child_by_field_name("value")
        if initializer is None:
            return Pack("list", (), exact=False)
        return self.initializer(initializer, depth)

    def initializer(self, node: Node, depth: int) -> Expr:
        items = tuple(self.expr(child, depth) for child in node.named_children if child.type != "comment")
        return Pack("list", items)

    def lambda_(self, node: Node, depth: int) -> Expr:
        return FunctionRef(self.nested(node))

    def instance_of(self, node: Node, depth: int) -> Expr:
        self.expr(node.child_by_field_name("left"), depth)
        return Opaque("instanceof")

    def template(self, node: Node, depth: int) -> Expr:
        parts = [self.expr(child, depth) for child in node.named_children]
        return Format(tuple(parts))


_HANDLERS: dict[str, Callable[[JavaExpressions, Node, int], Expr]] = {
    "method_invocation": JavaExpressions.invocation,
    "object_creation_expression": JavaExpressions.creation,
    "field_access": JavaExpressions.field,
    "array_access": JavaExpressions.access,
    "binary_expression": JavaExpressions.binary,
    "unary_expression": JavaExpressions.unary,
    "update_expression": JavaExpressions.update,
    "assignment_expression": JavaExpressions.assignment,
    "ternary_expression": JavaExpressions.ternary,
    "cast_expression": JavaExpressions.cast,
    "array_creation_expression": JavaExpressions.array,
    "array_initializer": JavaExpressions.initializer,
    "lambda_expression": JavaExpressions.lambda_,
    "instanceof_expression": JavaExpressions.instance_of,
    "string_template_expression": JavaExpressions.template,
}
