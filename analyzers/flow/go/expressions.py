"""Go expressions lowered to operands: every nested expression becomes a temporary.

Selectors are attributes (`r.URL` names what the models call `net.http.Request.URL`), index
expressions items, composite literals displays (a struct literal is a dict of its fields), type
conversions (`template.HTML(x)`, `string(b)`) calls of the type, and function literals nested
functions. A call that returns a value and an error is, by the language's convention, its value:
`v, err := f()` binds `v` to the call and `err` to no data.
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
    Element,
    Expr,
    FunctionRef,
    Item,
    Opaque,
    Operand,
    Pack,
    SetAttr,
    SetItem,
    Slice,
    Unary,
    Var,
)

_COMPARISONS = frozenset({"==", "!=", "<", "<=", ">", ">="})
_LOGICAL = {"&&": "and", "||": "or"}
_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|[0-7]{3}|.)", re.DOTALL)
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "a": "\a"}
# Types whose conversion keeps the data: `string(b)`, `[]byte(s)`.
_TEXT_TYPES = frozenset({"string", "[]byte", "[]rune", "byte", "rune"})
_NUMBERS = frozenset({"int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64",
                      "float32", "float64", "bool", "uintptr"})  # fmt: skip
_LABEL = 80
_ERRORS = frozenset({"err", "_", "ok", "error"})


def text(node: Node | None) -> str:
    if node is None or node.text is None:
        return ""
    return node.text.decode("utf-8", errors="replace")


def line(node: Node) -> int:
    return node.start_point.row + 1


def label(node: Node | None) -> str:
    return " ".join(text(node).split())[:_LABEL]


def unescape(source: str) -> str:
    if "\\" not in source:
        return source
    return _ESCAPE.sub(_escaped, source)


def _escaped(match: re.Match[str]) -> str:
    code = match.group(1)
    if code in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[code]
    try:
        if code[0] in "uUx" and len(code) > 1:
            return chr(int(code[1:], 16))
        if len(code) == 3 and code.isdigit():
            return chr(int(code, 8))
    except ValueError:
        return code
    return code


def string_value(node: Node) -> str:
    """The value of an interpreted (`"..."`) or raw (`` `...` ``) string literal."""
    if node.type == "raw_string_literal":
        written = text(node)
        return written[1:-1] if len(written) >= 2 else ""
    return "".join(
        text(c) if c.type == "interpreted_string_literal_content" else unescape(text(c))
        for c in node.named_children
        if c.type in ("interpreted_string_literal_content", "escape_sequence")
    )


def number(node: Node) -> Const:
    written = text(node).replace("_", "").lower()
    try:
        if node.type == "float_literal":
            return Const(float(written))
        if written.startswith(("0x", "0o", "0b")):
            return Const(int(written, 0))
        if len(written) > 1 and written.startswith("0"):
            return Const(int(written, 8))
        return Const(int(written))
    except ValueError:
        return Const(None)


def type_name(node: Node | None) -> str:
    """A type as written, without pointers and type arguments (`*http.Request` -> `http.Request`)."""
    if node is None:
        return ""
    if node.type in ("pointer_type", "parenthesized_type"):
        inner = node.named_children
        return type_name(inner[-1]) if inner else ""
    if node.type == "generic_type":
        return type_name(node.child_by_field_name("type"))
    return "".join(text(node).split())


def _error_part(target: Node) -> Opaque:
    """What `err` in `v, err := f()` holds: an error's details (which must not reach a response),
    none of the call's data; `ok` and `_` hold nothing."""
    return Opaque("error" if text(target) in ("err", "error") else "pattern")


def error_like(node: Node | None) -> bool:
    """An operand that holds an error by convention (`err`, `nil`, `errors.New(...)`)."""
    if node is None:
        return False
    if node.type == "nil" or (node.type == "identifier" and text(node) in _ERRORS):
        return True
    if node.type == "call_expression":
        callee = text(node.child_by_field_name("function"))
        return callee in ("errors.New", "fmt.Errorf") or callee.endswith(".Wrap")
    return False


class GoExpressions:
    """Lowers expressions of one function into `builder`; `nested` registers a function literal."""

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
            name = text(node)
            if name in ("true", "false"):
                return Const(name == "true")
            return Const(None) if name == "nil" else Var(name)
        if kind in ("int_literal", "float_literal"):
            return number(node)
        if kind in ("true", "false"):
            return Const(kind == "true")
        if kind in ("nil", "iota"):
            return Const(None) if kind == "nil" else Const(0)
        if kind in ("interpreted_string_literal", "raw_string_literal"):
            return Const(string_value(node))
        if kind == "rune_literal":
            return Const(unescape(text(node)[1:-1]))
        if kind in ("parenthesized_expression", "literal_element"):
            inner = [c for c in node.named_children if c.type != "comment"]
            return self.expr(inner[0], depth + 1) if inner else Const(None)
        result = self.compound(node, depth)
        if isinstance(result, Const | Var):
            return result
        return self.builder.temp(result, line(node))

    def compound(self, node: Node, depth: int) -> Expr:
        handler = _HANDLERS.get(node.type)
        if handler is not None:
            return handler(self, node, depth + 1)
        if node.type == "func_literal":
            return FunctionRef(self.nested(node))
        return Opaque(node.type)

    # -- reads and calls ------------------------------------------------------------------------
    def selector(self, node: Node, depth: int) -> Expr:
        obj = self.expr(node.child_by_field_name("operand"), depth)
        return Attr(obj, text(node.child_by_field_name("field")))

    def index(self, node: Node, depth: int) -> Expr:
        obj = self.expr(node.child_by_field_name("operand"), depth)
        return Item(obj, self.expr(node.child_by_field_name("index"), depth))

    def slice(self, node: Node, depth: int) -> Expr:
        obj = self.expr(node.child_by_field_name("operand"), depth)
        start = node.child_by_field_name("start")
        end = node.child_by_field_name("end")
        return Slice(
            obj,
            self.expr(start, depth) if start is not None else None,
            self.expr(end, depth) if end is not None else None,
        )

    def call(self, node: Node, depth: int) -> Expr:
        callee = node.child_by_field_name("function")
        args, spread = self.arguments(node.child_by_field_name("arguments"), depth)
        if callee is not None and callee.type == "selector_expression":
            receiver = self.expr(callee.child_by_field_name("operand"), depth)
            method = text(callee.child_by_field_name("field"))
            return Call(receiver, args, (), method, spread, label(callee))
        if callee is not None and callee.type == "identifier":
            name = text(callee)
            if name in _TEXT_TYPES and len(args) == 1:
                return args[0]  # `string(b)`: the same data
            if name in _NUMBERS and len(args) == 1:
                return Opaque("pattern")  # a number holds no text of its input
        if callee is not None and callee.type in (
            "parenthesized_type",
            "slice_type",
            "array_type",
            "pointer_type",
        ):
            return args[0] if len(args) == 1 else Opaque("pattern")
        return Call(self.expr(callee, depth), args, (), None, spread, label(callee))

    def arguments(self, node: Node | None, depth: int) -> tuple[tuple[Operand, ...], Operand | None]:
        if node is None:
            return (), None
        args: list[Operand] = []
        spread: Operand | None = None
        children = [c for c in node.named_children if c.type != "comment"]
        for child in children:
            if child.type == "variadic_argument":
                inner = child.named_children
                spread = self.expr(inner[0] if inner else None, depth)
            elif child.type.endswith("_type") or child.type == "type_identifier":
                continue  # `make([]string, n)`, `new(T)`: the type is no data
            else:
                args.append(self.expr(child, depth))
        return tuple(args), spread

    def assertion(self, node: Node, depth: int) -> Expr:
        value = self.expr(node.child_by_field_name("operand"), depth)
        return Cast(value, type_name(node.child_by_field_name("type")))

    def conversion(self, node: Node, depth: int) -> Expr:
        written = type_name(node.child_by_field_name("type"))
        operand = self.expr(node.child_by_field_name("operand"), depth)
        if written in _TEXT_TYPES:
            return operand
        if written in _NUMBERS:
            return Opaque("pattern")
        return Call(Var(written), (operand,), label=written)

    # -- operators ------------------------------------------------------------------------------
    def binary(self, node: Node, depth: int) -> Expr:
        op = text(node.child_by_field_name("operator"))
        left = self.expr(node.child_by_field_name("left"), depth)
        right = self.expr(node.child_by_field_name("right"), depth)
        if op in _COMPARISONS:
            return Compare(op, left, right)
        return Binary(_LOGICAL.get(op, op), left, right)

    def unary(self, node: Node, depth: int) -> Expr:
        op = text(node.child_by_field_name("operator"))
        operand = self.expr(node.child_by_field_name("operand"), depth)
        if op == "!":
            return Unary("not", operand)
        if op in ("&", "*", "<-"):
            return Var(operand.name) if isinstance(operand, Var) else Unary("+", operand)
        if op == "-" and isinstance(operand, Const) and isinstance(operand.value, int | float):
            return Const(-operand.value)
        return Unary("~" if op == "^" else op, operand)

    # -- displays -------------------------------------------------------------------------------
    def composite(self, node: Node, depth: int) -> Expr:
        written = node.child_by_field_name("type")
        body = node.child_by_field_name("body")
        keyed = False
        keys: list[Operand] = []
        items: list[Operand] = []
        for child in body.named_children if body is not None else []:
            if child.type == "comment":
                continue
            if child.type == "keyed_element":
                keyed = True
                parts = [c for c in child.named_children if c.type != "comment"]
                if len(parts) < 2:
                    continue
                key_node = parts[0].named_children[0] if parts[0].named_children else parts[0]
                struct = written is not None and written.type not in ("map_type",)
                if struct and key_node.type in ("identifier", "field_identifier"):
                    keys.append(Const(text(key_node)))
                else:
                    keys.append(self.expr(key_node, depth))
                items.append(self.expr(parts[1], depth))
            else:
                items.append(self.expr(child, depth))
        kind = written.type if written is not None else ""
        if keyed or kind == "map_type":
            pack: Expr = Pack("dict", tuple(items), tuple(keys))
        else:
            pack = Pack("list", tuple(items))
        if written is not None and kind in ("type_identifier", "qualified_type", "generic_type"):
            return Cast(self.builder.temp(pack, line(node)), type_name(written))
        return pack

    # -- stores ---------------------------------------------------------------------------------
    def store(self, target: Node | None, value: Operand, depth: int) -> None:
        """Store `value` into an assignment target: a name, a field, an element."""
        if target is None or not self.builder.spend(depth):
            return
        at = line(target)
        kind = target.type
        if kind == "identifier":
            name = text(target)
            if name != "_":
                self.builder.assign(name, value, at)
        elif kind == "selector_expression":
            obj = self.expr(target.child_by_field_name("operand"), depth)
            self.builder.emit(SetAttr(obj, text(target.child_by_field_name("field")), value, at))
        elif kind == "index_expression":
            obj = self.expr(target.child_by_field_name("operand"), depth)
            key = self.expr(target.child_by_field_name("index"), depth)
            self.builder.emit(SetItem(obj, key, value, at))
        elif kind in ("parenthesized_expression", "unary_expression"):
            inner = target.child_by_field_name("operand") or (
                target.named_children[0] if target.named_children else None
            )
            self.store(inner, value, depth + 1)

    def store_all(self, targets: list[Node], values: list[Node], depth: int, at: int) -> None:
        """`a, b = x, y`; `v, err := f()` (the call is the value, by convention); `v, ok := m[k]`;
        `f, h, err := r.FormFile(...)` (each result an item of the call's value, the error none)."""
        if len(values) == len(targets):
            lowered = [self.expr(value, depth) for value in values]
            for target, value in zip(targets, lowered, strict=True):
                self.store(target, value, depth)
            return
        whole = self.expr(values[0], depth) if values else Const(None)
        kind = values[0].type if values else ""
        conventional = len(targets) == 2 and (
            kind in ("index_expression", "type_assertion_expression", "unary_expression")
            or text(targets[1]) in _ERRORS
        )
        for position, target in enumerate(targets):
            if conventional:
                part: Operand = whole if position == 0 else self.builder.temp(_error_part(target), at)
            elif text(target) in _ERRORS:  # an error holds none of the call's data, and checking it
                part = self.builder.temp(_error_part(target), at)  # must not mark the other results' data
            else:
                part = self.builder.temp(Item(whole, Const(position)), at)
            self.store(target, part, depth)

    def element(self, iterable: Operand, at: int) -> Operand:
        return self.builder.temp(Element(iterable), at)


_HANDLERS: dict[str, Callable[[GoExpressions, Node, int], Expr]] = {
    "selector_expression": GoExpressions.selector,
    "index_expression": GoExpressions.index,
    "slice_expression": GoExpressions.slice,
    "call_expression": GoExpressions.call,
    "type_assertion_expression": GoExpressions.assertion,
    "type_conversion_expression": GoExpressions.conversion,
    "binary_expression": GoExpressions.binary,
    "unary_expression": GoExpressions.unary,
    "composite_literal": GoExpressions.composite,
}
