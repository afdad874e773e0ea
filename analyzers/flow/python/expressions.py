"""Python expressions lowered to operands: every nested expression becomes a temporary."""

from __future__ import annotations

import re
from collections.abc import Callable

from tree_sitter import Node

from analyzers.flow.builder import FunctionBuilder
from analyzers.flow.ir import (
    Attr,
    Binary,
    Call,
    Compare,
    Const,
    Element,
    Expr,
    Format,
    FunctionRef,
    Item,
    Opaque,
    Operand,
    Pack,
    Slice,
    Unary,
    Var,
)

_WRAPPERS = frozenset({"parenthesized_expression", "await", "expression_statement"})
_PACKS = {"list": "list", "tuple": "tuple", "set": "set", "expression_list": "tuple", "pattern_list": "tuple"}
_COMPREHENSIONS = {
    "list_comprehension": "list",
    "set_comprehension": "set",
    "generator_expression": "list",
    "dictionary_comprehension": "dict",
}
_SCALARS: dict[str, Callable[[str], Const]] = {
    "true": lambda _: Const(True),
    "false": lambda _: Const(False),
    "none": lambda _: Const(None),
    "ellipsis": lambda _: Const(None),
}


def text(node: Node | None) -> str:
    if node is None or node.text is None:
        return ""
    return node.text.decode("utf-8", errors="replace")


def line(node: Node) -> int:
    return node.start_point.row + 1


def number(source: str) -> Const:
    """The value of a numeric literal (None for imaginary ones and what does not parse); integer
    literals longer than 4,300 digits are refused by `int` itself."""
    written = source.replace("_", "").lower()
    try:
        if written.endswith(("j", "l")):
            return Const(None)
        if written.startswith(("0x", "0o", "0b")):
            return Const(int(written, 0))
        if written.isdigit():
            return Const(int(written))
        return Const(float(written))
    except ValueError:
        return Const(None)


class ExpressionLowering:
    """Lowers expressions of one function into `builder`; `nested` lowers a lambda."""

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
        if kind in ("integer", "float"):
            return number(text(node))
        if kind in _SCALARS:
            return _SCALARS[kind](text(node))
        if kind in ("string", "concatenated_string"):
            return self.string(node, depth)
        if kind in _WRAPPERS:
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

    # -- strings --------------------------------------------------------------------------------
    def string(self, node: Node, depth: int) -> Operand:
        parts: list[Operand] = []
        pieces = node.named_children if node.type == "concatenated_string" else [node]
        for piece in pieces:
            raw = "r" in text(piece.children[0] if piece.children else None).lower()
            for child in piece.named_children:
                if child.type == "interpolation":
                    parts.append(self.expr(child.child_by_field_name("expression"), depth + 1))
                elif child.type in ("string_content", "escape_sequence"):
                    parts.append(Const(text(child) if raw else unescape(text(child))))
        if all(isinstance(part, Const) for part in parts):
            return Const("".join(str(part.value) for part in parts if isinstance(part, Const)))
        return self.builder.temp(Format(tuple(parts)), line(node))

    # -- the compound expressions ---------------------------------------------------------------
    def attribute(self, node: Node, depth: int) -> Expr:
        obj = self.expr(node.child_by_field_name("object"), depth)
        return Attr(obj, text(node.child_by_field_name("attribute")))

    def subscript(self, node: Node, depth: int) -> Expr:
        obj = self.expr(node.child_by_field_name("value"), depth)
        keys = node.children_by_field_name("subscript")
        if len(keys) == 1 and keys[0].type == "slice":
            lower, upper = self.slice_bounds(keys[0], depth)
            return Slice(obj, lower, upper)
        if len(keys) == 1:
            return Item(obj, self.expr(keys[0], depth))
        return Item(obj, self.builder.unknown("multiple subscripts", line(node)))

    def slice_bounds(self, node: Node, depth: int) -> tuple[Operand | None, Operand | None]:
        bounds: list[Node | None] = [None, None]
        position = 0
        for child in node.children:
            if child.type == ":":
                position += 1
            elif position < 2 and child.is_named:
                bounds[position] = child
        return tuple(self.expr(b, depth) if b is not None else None for b in bounds)  # type: ignore[return-value]

    def call(self, node: Node, depth: int) -> Expr:
        function = node.child_by_field_name("function")
        arguments = node.child_by_field_name("arguments")
        method: str | None = None
        if function is not None and function.type == "attribute":
            callee = self.expr(function.child_by_field_name("object"), depth)
            method = text(function.child_by_field_name("attribute"))
        else:
            callee = self.expr(function, depth)
        args: list[Operand] = []
        keywords: list[tuple[str, Operand]] = []
        spread: list[Operand] = []
        if arguments is not None and arguments.type == "generator_expression":
            args.append(self.builder.temp(self.comprehension(arguments, depth), line(arguments)))
        elif arguments is not None:
            for child in arguments.named_children:
                if child.type == "keyword_argument":
                    name = text(child.child_by_field_name("name"))
                    keywords.append((name, self.expr(child.child_by_field_name("value"), depth)))
                elif child.type in ("list_splat", "dictionary_splat"):
                    spread.extend(self.expr(inner, depth) for inner in child.named_children[:1])
                elif child.type != "comment":
                    args.append(self.expr(child, depth))
        joined = spread[0] if len(spread) == 1 else None
        if len(spread) > 1:
            joined = self.builder.temp(Pack("list", tuple(spread), exact=False), line(node))
        return Call(callee, tuple(args), tuple(keywords), method, joined, text(function)[:80])

    def binary(self, node: Node, depth: int) -> Expr:
        left = self.expr(node.child_by_field_name("left"), depth)
        right = self.expr(node.child_by_field_name("right"), depth)
        return Binary(text(node.child_by_field_name("operator")), left, right)

    def boolean(self, node: Node, depth: int) -> Expr:
        left = self.expr(node.child_by_field_name("left"), depth)
        right = self.expr(node.child_by_field_name("right"), depth)
        return Binary(text(node.child_by_field_name("operator")), left, right)

    def negation(self, node: Node, depth: int) -> Expr:
        return Unary("not", self.expr(node.child_by_field_name("argument"), depth))

    def unary(self, node: Node, depth: int) -> Expr:
        operand = self.expr(node.child_by_field_name("argument"), depth)
        operator = text(node.child_by_field_name("operator"))
        if operator == "-" and isinstance(operand, Const) and isinstance(operand.value, int | float):
            return Const(-operand.value)
        return Unary(operator, operand)

    def comparison(self, node: Node, depth: int) -> Expr:
        operands = [child for child in node.named_children if child.type != "comment"]
        operators = [" ".join(text(op).split()) for op in node.children_by_field_name("operators")]
        values = [self.expr(child, depth) for child in operands]
        if len(values) < 2 or len(operators) != len(values) - 1:
            return Opaque("comparison")
        result: Expr = Compare(operators[0], values[0], values[1])
        for index in range(1, len(operators)):
            previous = self.builder.temp(result, line(node))
            following = self.builder.temp(
                Compare(operators[index], values[index], values[index + 1]), line(node)
            )
            result = Binary("and", previous, following)
        return result

    def conditional(self, node: Node, depth: int) -> Expr:
        body, condition, alternative = [*node.named_children, None, None, None][:3]
        test = self.expr(condition, depth)
        result = f"$$c{line(node)}_{node.start_byte}"
        then, orelse, after = (self.builder.new_block() for _ in range(3))
        self.builder.branch(test, then, orelse, line(node))
        for block, value in ((then, body), (orelse, alternative)):
            self.builder.start(block)
            self.builder.assign(result, self.expr(value, depth), line(node))
            self.builder.goto(after)
        self.builder.start(after)
        return Var(result)

    def pack(self, node: Node, depth: int) -> Expr:
        items: list[Operand] = []
        exact = True
        for child in node.named_children:
            if child.type in ("list_splat", "list_splat_pattern"):
                exact = False
                items.extend(self.expr(inner, depth) for inner in child.named_children[:1])
            elif child.type != "comment":
                items.append(self.expr(child, depth))
        return Pack(_PACKS.get(node.type, "list"), tuple(items), exact=exact)

    def dictionary(self, node: Node, depth: int) -> Expr:
        keys: list[Operand] = []
        values: list[Operand] = []
        exact = True
        for child in node.named_children:
            if child.type == "pair":
                keys.append(self.expr(child.child_by_field_name("key"), depth))
                values.append(self.expr(child.child_by_field_name("value"), depth))
            elif child.type == "dictionary_splat":
                exact = False
                keys.append(self.builder.unknown("dictionary splat", line(child)))
                values.extend(self.expr(inner, depth) for inner in child.named_children[:1])
        return Pack("dict", tuple(values), tuple(keys), exact=exact)

    def comprehension(self, node: Node, depth: int) -> Expr:
        """One pass over the element: clauses bind their targets to an element of the iterable."""
        for child in node.named_children:
            if child.type == "for_in_clause":
                iterable = self.expr(child.child_by_field_name("right"), depth)
                element = self.builder.temp(Element(iterable), line(child))
                self.bind(child.child_by_field_name("left"), element, depth)
            elif child.type == "if_clause":
                for inner in child.named_children:
                    self.expr(inner, depth)
        body = node.child_by_field_name("body")
        kind = _COMPREHENSIONS.get(node.type, "list")
        if kind == "dict" and body is not None and body.type == "pair":
            key = self.expr(body.child_by_field_name("key"), depth)
            value = self.expr(body.child_by_field_name("value"), depth)
            return Pack("dict", (value,), (key,), exact=False)
        return Pack(kind, (self.expr(body, depth),), exact=False)

    def walrus(self, node: Node, depth: int) -> Expr:
        value = self.expr(node.child_by_field_name("value"), depth)
        name = text(node.child_by_field_name("name"))
        self.builder.assign(name, value, line(node))
        return Var(name)

    def lambda_(self, node: Node, depth: int) -> Expr:
        return FunctionRef(self.nested(node))

    # -- targets --------------------------------------------------------------------------------
    def bind(self, target: Node | None, value: Operand, depth: int) -> None:
        """Assign `value` to an assignment target (a name, attribute, item or unpacking pattern)."""
        from analyzers.flow.ir import SetAttr, SetItem

        if target is None or not self.builder.spend(depth):
            return
        kind = target.type
        at = line(target)
        if kind == "identifier":
            self.builder.assign(text(target), value, at)
        elif kind == "attribute":
            obj = self.expr(target.child_by_field_name("object"), depth + 1)
            self.builder.emit(SetAttr(obj, text(target.child_by_field_name("attribute")), value, at))
        elif kind == "subscript":
            obj = self.expr(target.child_by_field_name("value"), depth + 1)
            keys = target.children_by_field_name("subscript")
            key = self.expr(keys[0], depth + 1) if len(keys) == 1 and keys[0].type != "slice" else None
            self.builder.emit(SetItem(obj, key or self.builder.unknown("slice", at), value, at))
        elif kind in ("pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "expression_list"):
            self.unpack(target, value, depth)
        elif kind in ("list_splat_pattern", "list_splat", "parenthesized_expression", "as_pattern_target"):
            for inner in target.named_children[:1]:
                self.bind(inner, value, depth + 1)

    def unpack(self, target: Node, value: Operand, depth: int) -> None:
        elements = [child for child in target.named_children if child.type != "comment"]
        starred = any(child.type in ("list_splat_pattern", "list_splat") for child in elements)
        for index, child in enumerate(elements):
            if starred:
                part = self.builder.temp(Element(value), line(child))
                if child.type in ("list_splat_pattern", "list_splat"):
                    part = self.builder.temp(Pack("list", (part,), exact=False), line(child))
            else:
                part = self.builder.temp(Item(value, Const(index)), line(child))
            self.bind(child, part, depth + 1)


_ESCAPE = re.compile(
    r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|N\{[^}]{1,60}\}|.)", re.DOTALL
)
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


def unescape(source: str) -> str:
    """The characters a Python string literal's escapes stand for (`\\'` is `'`)."""
    if "\\" not in source:
        return source
    return _ESCAPE.sub(_escaped, source)


def _escaped(match: re.Match[str]) -> str:
    code = match.group(1)
    if code in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[code]
    if code[0] in "xuU" and len(code) > 1:
        return chr(int(code[1:], 16)) if int(code[1:], 16) <= 0x10FFFF else match.group(0)
    if code[0] in "01234567":
        return chr(int(code, 8))
    if code == "\n":
        return ""
    if code.startswith("N{"):
        return match.group(0)
    return code


_HANDLERS: dict[str, Callable[[ExpressionLowering, Node, int], Expr]] = {
    "attribute": ExpressionLowering.attribute,
    "subscript": ExpressionLowering.subscript,
    "call": ExpressionLowering.call,
    "binary_operator": ExpressionLowering.binary,
    "boolean_operator": ExpressionLowering.boolean,
    "not_operator": ExpressionLowering.negation,
    "unary_operator": ExpressionLowering.unary,
    "comparison_operator": ExpressionLowering.comparison,
    "conditional_expression": ExpressionLowering.conditional,
    "list": ExpressionLowering.pack,
    "tuple": ExpressionLowering.pack,
    "set": ExpressionLowering.pack,
    "expression_list": ExpressionLowering.pack,
    "dictionary": ExpressionLowering.dictionary,
    "list_comprehension": ExpressionLowering.comprehension,
    "set_comprehension": ExpressionLowering.comprehension,
    "generator_expression": ExpressionLowering.comprehension,
    "dictionary_comprehension": ExpressionLowering.comprehension,
    "named_expression": ExpressionLowering.walrus,
    "lambda": ExpressionLowering.lambda_,
}
