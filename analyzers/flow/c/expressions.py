"""C and C++ expressions lowered to operands: every nested expression becomes a temporary.

Pointers are not modelled: `&x` and `*p` stand for `x` and `p`, so a buffer filled through a pointer is
the buffer. Subscripts are also lowered as calls of the pseudo-functions `c.subscript` (a read) and
`c.subscript_store` (a write) given the index, so the models can name an index as a sink; `new T[n]`
is a call of `c.new_array` given the length, `delete p` a call of `c.delete`. A pointer named by a
variable and dereferenced (`p->x`, `*p`, `p[i]`, read or written) is given to the pseudo-function
`c.deref`, so the models can name a dereference of a freed or unchecked pointer; not on the right of
`&&` or `||`, which runs only when the left side held (`p && p->len`, `!p || p->len == 0`); a call
there carries the keyword `c.guarded`. The pseudo-call carries the keyword `c.deref` itself, so
models of any call (`*`) can leave it out.
"""

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
    Item,
    Opaque,
    Operand,
    Pack,
    SetAttr,
    SetItem,
    Unary,
    Var,
)
from analyzers.flow.transfer import UNSIGNED

_COMPARISONS = frozenset({"==", "!=", "<", "<=", ">", ">="})
_LOGICAL = {"&&": "and", "||": "or", "and": "and", "or": "or"}
_NUMBER = re.compile(r"^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)[uUlL]*$")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", '"': '"', "'": "'"}
_COMMENTS = frozenset({"comment"})
_CASTS = frozenset({"static_cast", "reinterpret_cast", "const_cast"})
READ = "c.subscript"
WRITE = "c.subscript_store"
NEW_ARRAY = "c.new_array"
DELETE = "c.delete"
DEREF = "c.deref"
GUARDED = "c.guarded"


def text(node: Node | None) -> str:
    if node is None or node.text is None:
        return ""
    return node.text.decode("utf-8", errors="replace")


def line(node: Node) -> int:
    return node.start_point.row + 1


def qualified(node: Node | None) -> str:
    """A name as the models spell it: `std::system` and `::system` are `system`, `a::B::g` is `a.B.g`."""
    written = "".join(text(node).split()).replace("::", ".").lstrip(".")
    written = re.sub(r"<[^<>]*>", "", written)  # template arguments
    return written.removeprefix("std.")


def number(written: str) -> Const:
    match = _NUMBER.match(written)
    if match is None:
        return Const(None)
    digits = match.group(1)
    try:
        return Const(
            int(digits, 16)
            if digits[:2] in ("0x", "0X")
            else int(digits, 8 if digits != "0" and digits.startswith("0") else 10)
        )
    except ValueError:
        return Const(None)


def _unescape(written: str) -> str:
    if "\\" not in written:
        return written
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), written)


class CExpressions:
    """Lowers expressions of one function into `builder`."""

    def __init__(self, builder: FunctionBuilder) -> None:
        self.builder = builder
        self.guarded = 0  # inside the right side of `&&`/`||`: dereferences there were checked first
        self.pointees: set[str] = set()  # names stored through (`*out = v`): they stand for `*out`
        self.unsigned: set[str] = set()  # names declared of an unsigned type (`unsigned char c;`)

    def floored(self, index: Operand, at: int) -> Operand:
        """An index as the sink sees it: a variable declared unsigned is never below zero."""
        if isinstance(index, Var) and index.name in self.unsigned:
            return self.builder.temp(Cast(index, UNSIGNED), at)
        return index

    def deref(self, pointer: Operand, node: Node) -> None:
        """Record that the pointer in variable `pointer` is dereferenced here (see `DEREF`)."""
        if self.guarded or not isinstance(pointer, Var) or not pointer.name:
            return
        if pointer.name.startswith("$") or pointer.name in self.pointees:
            return
        label = " ".join(text(node).split())[:80]
        self.builder.temp(
            Call(Var(DEREF), (pointer,), ((DEREF, Const(True)),), None, None, label), line(node)
        )

    def expr(self, node: Node | None, depth: int = 0) -> Operand:
        if node is None:
            return Const(None)
        if not self.builder.spend(depth):
            return self.builder.unknown("nesting bound", line(node))
        kind = node.type
        if kind in ("identifier", "field_identifier"):
            return Var(text(node))
        if kind == "qualified_identifier" or kind == "template_function":
            return Var(qualified(node))
        if kind == "this":
            return Var("this")
        if kind == "number_literal":
            return number(text(node))
        if kind in ("true", "false"):
            return Const(kind == "true")
        if kind in ("null", "nullptr"):
            return Const(None)
        if kind == "string_literal":
            return Const(self.string(node))
        if kind == "raw_string_literal":
            return Const(text(node))
        if kind == "concatenated_string":
            return Const("".join(self.string(c) for c in node.named_children if c.type == "string_literal"))
        if kind == "char_literal":
            return Const(_unescape(text(node)[1:-1]))
        if kind == "parenthesized_expression":
            inner = [c for c in node.named_children if c.type not in _COMMENTS]
            return self.expr(inner[-1], depth + 1) if inner else Const(None)
        result = self.compound(node, depth)
        if isinstance(result, Const | Var):
            return result
        return self.builder.temp(result, line(node))

    def string(self, node: Node) -> str:
        return "".join(
            _unescape(text(child))
            for child in node.named_children
            if child.type in ("string_content", "escape_sequence")
        )

    def compound(self, node: Node, depth: int) -> Expr:
        handler = _HANDLERS.get(node.type)
        if handler is not None:
            return handler(self, node, depth + 1)
        return Opaque(node.type)

    # -- the compound expressions ---------------------------------------------------------------
    def call(self, node: Node, depth: int) -> Expr:
        function = node.child_by_field_name("function")
        args = self.arguments(node.child_by_field_name("arguments"), depth)
        if function is not None and function.type == "field_expression":
            receiver = self.expr(function.child_by_field_name("argument"), depth)
            name = text(function.child_by_field_name("field"))
            return Call(
                receiver, tuple(args), self._guard(), name, None, " ".join(text(function).split())[:80]
            )
        if function is not None and function.type == "template_function" and len(args) == 1:
            name = text(function.child_by_field_name("name"))
            if name in _CASTS:  # `static_cast<char *>(p)`: the value itself
                return Cast(args[0], "".join(text(function.child_by_field_name("arguments")).split())[1:-1])
        callee = self.expr(function, depth)
        label = qualified(function) if function is not None else "call"
        return Call(callee, tuple(args), self._guard(), None, None, label[:80])

    def _guard(self) -> tuple[tuple[str, Operand], ...]:
        """The keyword `c.guarded` on a call on the right of `&&`/`||`, which runs only when the left
        side allowed it (`p && strcmp(p, "-")`): models can leave such calls out (`unless`)."""
        return ((GUARDED, Const(True)),) if self.guarded else ()

    def arguments(self, node: Node | None, depth: int) -> list[Operand]:
        if node is None:
            return []
        return [self.expr(child, depth) for child in node.named_children if child.type not in _COMMENTS]

    def field(self, node: Node, depth: int) -> Expr:
        obj = self.expr(node.child_by_field_name("argument"), depth)
        if text(node.child_by_field_name("operator")) == "->":
            self.deref(obj, node)
        return Attr(obj, text(node.child_by_field_name("field")))

    def index_of(self, node: Node, depth: int) -> tuple[Operand, Operand]:
        array = self.expr(node.child_by_field_name("argument"), depth)
        index_node = node.child_by_field_name("index")
        if index_node is None:
            indices = node.child_by_field_name("indices")
            inner = (
                [c for c in indices.named_children if c.type not in _COMMENTS] if indices is not None else []
            )
            index_node = inner[0] if inner else None
        return array, self.expr(index_node, depth)

    def subscript(self, node: Node, depth: int) -> Expr:
        array, index = self.index_of(node, depth)
        self.deref(array, node)
        if not isinstance(index, Const):
            label = " ".join(text(node).split())[:80]
            checked = self.floored(index, line(node))
            self.builder.temp(Call(Var(READ), (checked,), (), None, None, label), line(node))
        if isinstance(array, Var) and array.name in self.unsigned:  # an item of an unsigned array
            return Cast(self.builder.temp(Item(array, index), line(node)), UNSIGNED)
        return Item(array, index)

    def binary(self, node: Node, depth: int) -> Expr:
        operator = text(node.child_by_field_name("operator"))
        left = self.expr(node.child_by_field_name("left"), depth)
        logical = operator in _LOGICAL
        self.guarded += logical
        right = self.expr(node.child_by_field_name("right"), depth)
        self.guarded -= logical
        if operator in _COMPARISONS:
            return Compare(operator, left, right)
        return Binary(_LOGICAL.get(operator, operator), left, right)

    def unary(self, node: Node, depth: int) -> Expr:
        operand = self.expr(node.child_by_field_name("argument"), depth)
        operator = text(node.child_by_field_name("operator"))
        if operator in ("!", "not"):
            return Unary("not", operand)
        if operator == "-" and isinstance(operand, Const) and isinstance(operand.value, int):
            return Const(-operand.value)
        return Unary(operator, operand)

    def pointer(self, node: Node, depth: int) -> Expr:
        """`*p`: the object itself (pointers are not modelled); `&x`: `Unary("&", x)`, which holds the
        data of `x` and writes back to it, but not its flags (a call given `&p` may set `p` anew)."""
        operand = self.expr(node.child_by_field_name("argument"), depth)
        if text(node.child_by_field_name("operator")) == "&":
            return Unary("&", operand)
        self.deref(operand, node)
        return operand

    def update(self, node: Node, depth: int) -> Expr:
        target = node.child_by_field_name("argument")
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
        return value

    def store(self, target: Node | None, value: Operand, depth: int) -> None:
        written = target
        while target is not None and target.type in ("pointer_expression", "parenthesized_expression"):
            if target.type == "pointer_expression" and text(target.child_by_field_name("operator")) == "&":
                return  # `&x = ...` is not C
            written = target if target.type == "pointer_expression" else written
            inner = [c for c in target.named_children if c.type not in _COMMENTS]
            target = inner[-1] if inner else None
        if target is None:
            return
        at = line(target)
        if target.type == "identifier":
            if written is not None and written.type == "pointer_expression":
                self.deref(Var(text(target)), written)  # `*p = v`: a write through `p`
                self.pointees.add(text(target))  # from now on `p` holds `v`: `*p` reads `v`
            self.builder.assign(text(target), value, at)
        elif target.type == "field_expression":
            obj = self.expr(target.child_by_field_name("argument"), depth + 1)
            if text(target.child_by_field_name("operator")) == "->":
                self.deref(obj, target)
            self.builder.emit(SetAttr(obj, text(target.child_by_field_name("field")), value, at))
        elif target.type == "subscript_expression":
            array, index = self.index_of(target, depth + 1)
            self.deref(array, target)
            if not isinstance(index, Const):
                label = " ".join(text(target).split())[:80]
                self.builder.temp(Call(Var(WRITE), (self.floored(index, at),), (), None, None, label), at)
            self.builder.emit(SetItem(array, index, value, at))

    def conditional(self, node: Node, depth: int) -> Expr:
        test = self.expr(node.child_by_field_name("condition"), depth)
        result = f"$$c{line(node)}_{node.start_byte}"
        then, orelse, after = (self.builder.new_block() for _ in range(3))
        self.builder.branch(test, then, orelse, line(node))
        for block, name in ((then, "consequence"), (orelse, "alternative")):
            self.builder.start(block)
            self.builder.assign(result, self.expr(node.child_by_field_name(name), depth), line(node))
            self.builder.goto(after)
        self.builder.start(after)
        return Var(result)

    def cast(self, node: Node, depth: int) -> Expr:
        return Cast(
            self.expr(node.child_by_field_name("value"), depth),
            "".join(text(node.child_by_field_name("type")).split()),
        )

    def comma(self, node: Node, depth: int) -> Expr:
        self.expr(node.child_by_field_name("left"), depth)
        right = self.expr(node.child_by_field_name("right"), depth)
        return right

    def initializer(self, node: Node, depth: int) -> Expr:
        items = tuple(self.expr(c, depth) for c in node.named_children if c.type not in _COMMENTS)
        return Pack("list", items[:64], exact=len(items) <= 64)

    def new(self, node: Node, depth: int) -> Expr:
        declarator = node.child_by_field_name("declarator")
        if declarator is not None and declarator.type == "new_declarator":
            length = self.expr(declarator.child_by_field_name("length"), depth)
            return Call(Var(NEW_ARRAY), (length,), (), None, None, " ".join(text(node).split())[:80])
        args = self.arguments(node.child_by_field_name("arguments"), depth)
        written = qualified(node.child_by_field_name("type"))
        return Call(Var(written or "new"), tuple(args), (), None, None, f"new {written}"[:80], True)

    def delete(self, node: Node, depth: int) -> Expr:
        """`delete p`, `delete[] p`: the call `c.delete(p)`."""
        inner = [c for c in node.named_children if c.type not in _COMMENTS]
        operand = self.expr(inner[-1], depth) if inner else Const(None)
        return Call(Var(DELETE), (operand,), (), None, None, " ".join(text(node).split())[:80])

    def literal(self, node: Node, depth: int) -> Expr:
        """`(struct point){x, y}`: the values of its initializer."""
        value = node.child_by_field_name("value")
        return self.compound(value, depth) if value is not None else Opaque("literal")


_HANDLERS: dict[str, Callable[[CExpressions, Node, int], Expr]] = {
    "call_expression": CExpressions.call,
    "field_expression": CExpressions.field,
    "subscript_expression": CExpressions.subscript,
    "binary_expression": CExpressions.binary,
    "unary_expression": CExpressions.unary,
    "pointer_expression": CExpressions.pointer,
    "update_expression": CExpressions.update,
    "assignment_expression": CExpressions.assignment,
    "conditional_expression": CExpressions.conditional,
    "cast_expression": CExpressions.cast,
    "comma_expression": CExpressions.comma,
    "initializer_list": CExpressions.initializer,
    "compound_literal_expression": CExpressions.literal,
    "new_expression": CExpressions.new,
    "delete_expression": CExpressions.delete,
}
