"""JavaScript and TypeScript expressions lowered to operands: every nested expression becomes a
temporary. Member reads are attributes, so `req.query.id` names what the models call it; `require`
of a constant and `import` become imports; JSX is followed for the values it passes where the models
name an attribute (`dangerouslySetInnerHTML`), and is otherwise markup React escapes."""

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
    Import,
    Item,
    Opaque,
    Operand,
    Pack,
    SetAttr,
    SetItem,
    Unary,
    Var,
)

_COMPARISONS = {"==": "==", "===": "==", "!=": "!=", "!==": "!=", "<": "<", "<=": "<=", ">": ">", ">=": ">="}
_LOGICAL = {"&&": "and", "||": "or", "??": "or"}
_UNARY = {"!": "not", "-": "-", "+": "+", "~": "~"}
_WRAPPERS = frozenset({"parenthesized_expression", "await_expression", "non_null_expression", "as_expression",
                       "satisfies_expression", "type_assertion", "jsx_expression", "spread_element"})  # fmt: skip
_FUNCTIONS = frozenset({"arrow_function", "function_expression", "function", "generator_function", "class"})
_JSX = frozenset({"jsx_element", "jsx_self_closing_element", "jsx_fragment"})
_JSX_SINKS = frozenset({"dangerouslySetInnerHTML", "href", "src", "action", "formAction"})
_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]{1,6}\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", re.DOTALL)
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_LABEL = 80


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
    if code[0] in "ux" and len(code) > 1:
        try:
            return chr(int(code[1:].strip("{}"), 16))
        except ValueError:
            return code
    return code


def number(written: str) -> Const:
    cleaned = written.replace("_", "").lower().removesuffix("n")
    try:
        if cleaned.startswith(("0x", "0o", "0b")):
            return Const(int(cleaned, 0))
        if cleaned.isdigit():
            return Const(int(cleaned, 8) if len(cleaned) > 1 and cleaned.startswith("0") else int(cleaned))
        return Const(float(cleaned))
    except ValueError:
        return Const(None)


def import_path(written: str, module: str) -> str:
    """The dotted module an import names: `./db` from `src.routes.users` is `src.routes.db`, a package
    keeps its name (`node:fs` is `fs`, `next/server` is `next.server`)."""
    spec = written.removeprefix("node:")
    if not spec.startswith("."):
        return ".".join(part for part in spec.split("/") if part)
    parts = module.split(".")[:-1]
    for piece in spec.split("/"):
        if piece in ("", "."):
            continue
        if piece == "..":
            if parts:
                parts.pop()
            continue
        parts.append(piece)
    if parts:
        parts[-1] = _stem(parts[-1])
    return ".".join(part for part in parts if part)


def _stem(name: str) -> str:
    for suffix in (".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def string_value(node: Node) -> str:
    return "".join(
        text(c) if c.type == "string_fragment" else unescape(text(c))
        for c in node.named_children
        if c.type in ("string_fragment", "escape_sequence")
    )


class JavaScriptExpressions:
    """Lowers expressions of one function into `builder`; `nested` registers a nested function or
    class and returns its id; `module` is the file's dotted name (for relative imports)."""

    def __init__(self, builder: FunctionBuilder, nested: Callable[[Node], str], module: str) -> None:
        self.builder = builder
        self.nested = nested
        self.module = module

    def expr(self, node: Node | None, depth: int = 0) -> Operand:
        if node is None:
            return Const(None)
        if not self.builder.spend(depth):
            return self.builder.unknown("nesting bound", line(node))
        kind = node.type
        if kind in ("identifier", "shorthand_property_identifier"):
            name = text(node)
            return Const(None) if name == "undefined" else Var(name)
        if kind in ("this", "super"):
            return Var("this")
        if kind == "number":
            return number(text(node))
        if kind in ("true", "false"):
            return Const(kind == "true")
        if kind in ("null", "undefined"):
            return Const(None)
        if kind == "string":
            return Const(string_value(node))
        if kind == "regex":
            return Const(text(node.child_by_field_name("pattern")))
        if kind in _WRAPPERS:
            inner = [c for c in node.named_children if c.type != "comment"]
            if kind in ("as_expression", "satisfies_expression", "type_assertion"):
                inner = inner[:1] if kind != "type_assertion" else inner[-1:]
            return self.expr(inner[0], depth + 1) if inner else Const(None)
        result = self.compound(node, depth)
        if isinstance(result, Const | Var):
            return result
        return self.builder.temp(result, line(node))

    def compound(self, node: Node, depth: int) -> Expr:
        handler = _HANDLERS.get(node.type)
        if handler is not None:
            return handler(self, node, depth + 1)
        if node.type in _FUNCTIONS:
            return FunctionRef(self.nested(node))
        if node.type in _JSX:
            return self.jsx(node, depth + 1)
        return Opaque(node.type)

    # -- reads and calls ------------------------------------------------------------------------
    def member(self, node: Node, depth: int) -> Expr:
        obj = self.expr(node.child_by_field_name("object"), depth)
        return Attr(obj, text(node.child_by_field_name("property")))

    def subscript(self, node: Node, depth: int) -> Expr:
        obj = self.expr(node.child_by_field_name("object"), depth)
        index = node.child_by_field_name("index")
        if index is not None and index.type == "string":
            return Attr(obj, string_value(index))  # `req["query"]` is `req.query`
        return Item(obj, self.expr(index, depth))

    def call(self, node: Node, depth: int) -> Expr:
        callee = node.child_by_field_name("function")
        arguments = node.child_by_field_name("arguments")
        if arguments is not None and arguments.type == "template_string":  # a tagged template
            parts = [self.expr(c.named_children[0] if c.named_children else None, depth)
                     for c in arguments.named_children if c.type == "template_substitution"]  # fmt: skip
            return Call(self.expr(callee, depth), (Const(""), *parts), label=label(callee))
        if callee is not None and callee.type == "identifier" and text(callee) == "require":
            first = (
                arguments.named_children[0] if arguments is not None and arguments.named_children else None
            )
            if first is not None and first.type == "string":
                return Import(import_path(string_value(first), self.module))
        if callee is not None and callee.type == "import":  # import("mod")
            return Opaque("dynamic import")
        args, spread = self.arguments(arguments, depth)
        if callee is not None and callee.type == "member_expression":
            receiver = self.expr(callee.child_by_field_name("object"), depth)
            method = text(callee.child_by_field_name("property"))
            return Call(receiver, args, (), method, spread, label(callee))
        return Call(self.expr(callee, depth), args, (), None, spread, label(callee))

    def new(self, node: Node, depth: int) -> Expr:
        constructor = node.child_by_field_name("constructor")
        args, spread = self.arguments(node.child_by_field_name("arguments"), depth)
        return Call(
            self.expr(constructor, depth), args, (), None, spread, f"new {label(constructor)}"[:_LABEL], True
        )

    def arguments(self, node: Node | None, depth: int) -> tuple[tuple[Operand, ...], Operand | None]:
        if node is None:
            return (), None
        args: list[Operand] = []
        spread: Operand | None = None
        for child in node.named_children:
            if child.type == "comment":
                continue
            if child.type == "spread_element":
                spread = self.expr(child, depth)
            else:
                args.append(self.expr(child, depth))
        return tuple(args), spread

    # -- strings and operators ------------------------------------------------------------------
    def template(self, node: Node, depth: int) -> Expr:
        parts: list[Operand] = []
        for child in node.named_children:
            if child.type == "string_fragment":
                parts.append(Const(text(child)))
            elif child.type == "escape_sequence":
                parts.append(Const(unescape(text(child))))
            elif child.type == "template_substitution":
                inner = child.named_children
                parts.append(self.expr(inner[0] if inner else None, depth))
        if all(isinstance(part, Const) for part in parts):
            return Const("".join(str(part.value) for part in parts if isinstance(part, Const)))
        return Format(tuple(parts))

    def binary(self, node: Node, depth: int) -> Expr:
        op = text(node.child_by_field_name("operator"))
        left = self.expr(node.child_by_field_name("left"), depth)
        right = self.expr(node.child_by_field_name("right"), depth)
        if op in _COMPARISONS:
            return Compare(_COMPARISONS[op], left, right)
        if op == "instanceof":
            return Opaque("markup")
        if op == "in":
            return Compare("in", left, right)
        return Binary(_LOGICAL.get(op, op), left, right)

    def unary(self, node: Node, depth: int) -> Expr:
        op = text(node.child_by_field_name("operator"))
        operand = self.expr(node.child_by_field_name("argument"), depth)
        if op in _UNARY:
            return Unary(_UNARY[op], operand)
        return Opaque("markup")  # typeof, void, delete: no data of the operand's

    def update(self, node: Node, depth: int) -> Expr:
        target = node.child_by_field_name("argument")
        current = self.expr(target, depth)
        op = "-" if "--" in text(node) else "+"
        updated = self.builder.temp(Binary(op, current, Const(1)), line(node))
        self.bind(target, updated, depth)
        return updated

    def assignment(self, node: Node, depth: int) -> Expr:
        value = self.expr(node.child_by_field_name("right"), depth)
        self.bind(node.child_by_field_name("left"), value, depth)
        return value

    def augmented(self, node: Node, depth: int) -> Expr:
        target = node.child_by_field_name("left")
        op = text(node.child_by_field_name("operator")).removesuffix("=")
        current = self.expr(target, depth)
        right = self.expr(node.child_by_field_name("right"), depth)
        updated = self.builder.temp(Binary(_LOGICAL.get(op, op), current, right), line(node))
        self.bind(target, updated, depth)
        return updated

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

    def sequence(self, node: Node, depth: int) -> Expr:
        last: Operand = Const(None)
        for child in node.named_children:
            last = self.expr(child, depth)
        return last

    # -- displays -------------------------------------------------------------------------------
    def obj(self, node: Node, depth: int) -> Expr:
        keys: list[Operand] = []
        items: list[Operand] = []
        exact = True
        for child in node.named_children:
            if child.type == "pair":
                key = child.child_by_field_name("key")
                if key is None:
                    continue
                if key.type == "computed_property_name":
                    keys.append(self.expr(key.named_children[0] if key.named_children else None, depth))
                elif key.type == "string":
                    keys.append(Const(string_value(key)))
                else:
                    keys.append(Const(text(key)))
                items.append(self.expr(child.child_by_field_name("value"), depth))
            elif child.type == "shorthand_property_identifier":
                keys.append(Const(text(child)))
                items.append(Var(text(child)))
            elif child.type == "method_definition":
                keys.append(Const(text(child.child_by_field_name("name"))))
                items.append(self.builder.temp(FunctionRef(self.nested(child)), line(child)))
            elif child.type == "spread_element":
                exact = False
                keys.append(self.builder.unknown("spread", line(child)))
                items.append(self.expr(child, depth))
        return Pack("dict", tuple(items), tuple(keys), exact)

    def array(self, node: Node, depth: int) -> Expr:
        items = []
        exact = True
        for child in node.named_children:
            if child.type == "comment":
                continue
            exact = exact and child.type != "spread_element"
            items.append(self.expr(child, depth))
        return Pack("list", tuple(items), exact=exact)

    def jsx(self, node: Node, depth: int) -> Expr:
        """Markup: React escapes what it renders, so the element holds no data; the attributes the
        models name become calls of that name (`dangerouslySetInnerHTML(value)`)."""
        for child in node.named_children:
            if child.type in ("jsx_opening_element", "jsx_self_closing_element"):
                self.jsx_attributes(child, depth)
            elif child.type == "jsx_expression":
                self.expr(child, depth)
            elif child.type in _JSX:
                self.jsx(child, depth + 1)
        if node.type == "jsx_self_closing_element":
            self.jsx_attributes(node, depth)
        return Opaque("markup")

    def jsx_attributes(self, node: Node, depth: int) -> None:
        for attribute in node.children_by_field_name("attribute"):
            if attribute.type != "jsx_attribute" or len(attribute.named_children) < 2:
                continue
            name = text(attribute.named_children[0])
            value = self.expr(attribute.named_children[-1], depth)
            if name in _JSX_SINKS:
                self.builder.temp(Call(Var(f"jsx.{name}"), (value,), label=name), line(attribute))

    # -- stores and patterns --------------------------------------------------------------------
    def bind(self, target: Node | None, value: Operand, depth: int) -> None:
        """Store `value` into an assignment target: a name, a member, an item, or a pattern."""
        if target is None or not self.builder.spend(depth):
            return
        kind = target.type
        at = line(target)
        if kind in ("identifier", "shorthand_property_identifier_pattern"):
            self.builder.assign(text(target), value, at)
        elif kind == "member_expression":
            obj = self.expr(target.child_by_field_name("object"), depth)
            self.builder.emit(SetAttr(obj, text(target.child_by_field_name("property")), value, at))
        elif kind == "subscript_expression":
            obj = self.expr(target.child_by_field_name("object"), depth)
            index = target.child_by_field_name("index")
            if index is not None and index.type == "string":
                self.builder.emit(SetAttr(obj, string_value(index), value, at))
            else:
                self.builder.emit(SetItem(obj, self.expr(index, depth), value, at))
        elif kind == "object_pattern":
            self.object_pattern(target, value, depth)
        elif kind == "array_pattern":
            position = 0
            for child in target.named_children:
                if child.type == "rest_pattern":
                    rest = self.builder.temp(Pack("list", (), exact=False), at)
                    self.bind(child.named_children[0] if child.named_children else None, rest, depth + 1)
                    continue
                self.bind(child, self.builder.temp(Item(value, Const(position)), at), depth + 1)
                position += 1
        elif kind == "assignment_pattern":
            default = self.expr(target.child_by_field_name("right"), depth)
            joined = self.builder.temp(Binary("or", value, default), at)
            self.bind(target.child_by_field_name("left"), joined, depth + 1)
        elif kind in ("parenthesized_expression", "non_null_expression"):
            inner = target.named_children
            self.bind(inner[0] if inner else None, value, depth + 1)

    def object_pattern(self, target: Node, value: Operand, depth: int) -> None:
        at = line(target)
        for child in target.named_children:
            if child.type == "shorthand_property_identifier_pattern":
                self.builder.assign(text(child), self.builder.temp(Attr(value, text(child)), at), at)
            elif child.type == "pair_pattern":
                key = child.child_by_field_name("key")
                name = string_value(key) if key is not None and key.type == "string" else text(key)
                self.bind(
                    child.child_by_field_name("value"), self.builder.temp(Attr(value, name), at), depth + 1
                )
            elif child.type == "object_assignment_pattern":
                left = child.child_by_field_name("left")
                read = self.builder.temp(Attr(value, text(left)), at)
                default = self.expr(child.child_by_field_name("right"), depth)
                self.bind(left, self.builder.temp(Binary("or", read, default), at), depth + 1)
            elif child.type == "rest_pattern":
                inner = child.named_children[0] if child.named_children else None
                self.bind(inner, value, depth + 1)

    def element(self, iterable: Operand, at: int) -> Operand:
        return self.builder.temp(Element(iterable), at)


_HANDLERS: dict[str, Callable[[JavaScriptExpressions, Node, int], Expr]] = {
    "member_expression": JavaScriptExpressions.member,
    "subscript_expression": JavaScriptExpressions.subscript,
    "call_expression": JavaScriptExpressions.call,
    "new_expression": JavaScriptExpressions.new,
    "template_string": JavaScriptExpressions.template,
    "binary_expression": JavaScriptExpressions.binary,
    "unary_expression": JavaScriptExpressions.unary,
    "update_expression": JavaScriptExpressions.update,
    "assignment_expression": JavaScriptExpressions.assignment,
    "augmented_assignment_expression": JavaScriptExpressions.augmented,
    "ternary_expression": JavaScriptExpressions.ternary,
    "sequence_expression": JavaScriptExpressions.sequence,
    "object": JavaScriptExpressions.obj,
    "array": JavaScriptExpressions.array,
}
