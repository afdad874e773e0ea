"""C and C++ statements lowered to blocks: declarations, branches, loops, `switch`, `try`.

`goto` leaves its block for the label's, carrying only what memory was released there: the usual
`goto error` after a failed check must not let the unchecked value flow on, yet a `free(p)` before
`goto fail` meets the `free(p)` of the cleanup under the label (a double free); cleanup code is also
reached by falling into it. The branches of a preprocessor conditional inside a body run one after the
other, so data is followed through every configuration.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tree_sitter import Node

from analyzers.flow.builder import FunctionBuilder, Loop
from analyzers.flow.c.expressions import CExpressions, line, text
from analyzers.flow.ir import Block, Cast, Compare, Const, Element, Goto, Operand, Return
from analyzers.flow.transfer import UNSIGNED

MAX_LABELS = 64  # labels of one function given blocks; a `goto` to any further one leaves the function
_UNSIGNED = re.compile(r"unsigned|size_t$|uint\d*_t$|u_?int\d*$|uint$|uintptr_t$")

_SKIPPED = frozenset({"comment", ";", "preproc_include", "preproc_def", "preproc_function_def", "preproc_call",
                      "type_definition", "struct_specifier", "enum_specifier", "union_specifier",
                      "class_specifier", "alias_declaration", "using_declaration", "static_assert_declaration",
                      "attribute_declaration", "template_declaration", "function_definition",
                      "namespace_definition", "access_specifier", "preproc_else", "preproc_elif"})  # fmt: skip
_DECLARATORS = frozenset({"pointer_declarator", "reference_declarator", "array_declarator", "parenthesized_declarator",
                          "function_declarator", "attributed_declarator"})  # fmt: skip


def declared_name(node: Node | None) -> str:
    """The identifier a declarator declares (`*argv[]` -> `argv`)."""
    depth = 0
    while node is not None and node.type in _DECLARATORS and depth < 32:
        inner = node.child_by_field_name("declarator")
        if inner is None:
            inner = next(
                (c for c in node.named_children if c.type not in ("type_qualifier", "ms_pointer_modifier")),
                None,
            )
        node = inner
        depth += 1
    if node is None:
        return ""
    return text(node) if node.type in ("identifier", "field_identifier") else ""


class CStatements(CExpressions):
    def __init__(self, builder: FunctionBuilder) -> None:
        super().__init__(builder)
        self.labels: dict[str, Block] = {}

    def body(self, node: Node | None, depth: int = 0) -> None:
        if node is None:
            return
        if node.type != "compound_statement":
            self.statement(node, depth + 1)
            return
        for child in node.named_children:
            self.statement(child, depth + 1)

    def statement(self, node: Node, depth: int) -> None:
        kind = node.type
        if kind in _SKIPPED or not self.builder.spend(depth):
            return
        handler = _STATEMENTS.get(kind)
        if handler is not None:
            handler(self, node, depth)
        elif kind.startswith("preproc_"):
            for child in node.named_children:
                if child.type not in ("identifier", "preproc_defined", "binary_expression", "unary_expression",
                                      "parenthesized_expression", "number_literal", "call_expression",
                                      "preproc_arg"):  # fmt: skip
                    self.statement(child, depth + 1)
        elif kind.endswith("_statement") or kind == "ERROR":
            for child in node.named_children:
                self.statement(child, depth + 1)
        else:
            self.expr(node, depth)

    def declaration(self, node: Node, depth: int) -> None:
        written = "".join(text(node.child_by_field_name("type") or node).split())
        for declarator in node.children_by_field_name("declarator"):
            if _UNSIGNED.match(written):  # `unsigned n`, `unsigned char buf[4]`: values never below zero
                self.unsigned.add(declared_name(declarator) or "")
            if declarator.type != "init_declarator":
                name = declared_name(declarator)
                if name and declarator.type == "array_declarator":
                    self.builder.assign(name, Const(None), line(declarator))  # a fresh buffer: nothing in it
                continue
            value = declarator.child_by_field_name("value")
            name = declared_name(declarator.child_by_field_name("declarator"))
            if value is None or not name:
                continue
            if value.type == "argument_list":  # `std::string s(x)`
                inner = [c for c in value.named_children if c.type != "comment"]
                lowered = (
                    self.expr(inner[0], depth)
                    if len(inner) == 1
                    else self.builder.unknown("construct", line(value))
                )
            else:
                lowered = self.expr(value, depth)
            if _UNSIGNED.match(written):  # `unsigned n = ...`: never below zero
                lowered = self.builder.temp(Cast(lowered, UNSIGNED), line(declarator))
            self.builder.assign(name, lowered, line(declarator))

    def expression_statement(self, node: Node, depth: int) -> None:
        for child in node.named_children:
            if child.type == "call_expression" and self.assertion(child, depth):
                continue
            self.expr(child, depth)

    def assertion(self, node: Node, depth: int) -> bool:
        """`assert(p != NULL)` (or a project's `serverAssert`, `DEBUGASSERT`): the code after it runs
        only where the condition held, as after `if (!(p != NULL)) return;`."""
        function = node.child_by_field_name("function")
        arguments = node.child_by_field_name("arguments")
        if function is None or function.type != "identifier" or arguments is None:
            return False
        name = text(function).lower()
        if not (name.endswith("assert") or name.startswith("g_assert")):
            return False
        inner = [c for c in arguments.named_children if c.type != "comment"]
        if len(inner) != 1:
            return False
        test = self.expr(inner[0], depth)
        if isinstance(test, Const):
            return True  # `assert(0)`: no condition to learn from (and code after it is still read)
        held, failed = self.builder.new_block(), self.builder.new_block()
        self.builder.branch(test, held, failed, line(node))
        self.builder.start(failed)
        self.builder.end(Return(None, line(node)))
        self.builder.start(held)
        return True

    def return_statement(self, node: Node, depth: int) -> None:
        inner = [c for c in node.named_children if c.type != "comment"]
        value = self.expr(inner[0], depth) if inner else None
        self.builder.end(Return(value, line(node)))

    def throw_statement(self, node: Node, depth: int) -> None:
        for child in node.named_children:
            self.expr(child, depth)
        handler = self.builder.current.handler
        if handler is not None:
            self.builder.goto(self.builder.function.blocks[handler])
        self.builder.end(Return(None, line(node)))

    def jump(self, node: Node, _depth: int) -> None:
        if not self.builder.loops:
            return
        loop = self.builder.loops[-1]
        target = loop.exit if node.type == "break_statement" else loop.head
        if node.type == "continue_statement":
            target = next((each.head for each in reversed(self.builder.loops) if each.head >= 0), loop.exit)
        self.builder.goto(self.builder.function.blocks[target])
        self.builder.end(Return(None, line(node)))

    def condition(self, node: Node | None, depth: int) -> Operand:
        if node is not None and node.type == "condition_clause":
            value = node.child_by_field_name("value")
            inner = [c for c in node.named_children if c.type != "comment"]
            if value is None and inner:
                value = inner[-1]
            if value is not None and value.type == "declaration":
                self.declaration(value, depth)
                return self.builder.unknown("declared condition", line(value))
            return self.expr(value, depth)
        return self.expr(node, depth)

    def if_statement(self, node: Node, depth: int) -> None:
        test = self.condition(node.child_by_field_name("condition"), depth)
        then, orelse, after = (self.builder.new_block() for _ in range(3))
        self.builder.branch(test, then, orelse, line(node))
        self.builder.start(then)
        self.body(node.child_by_field_name("consequence"), depth)
        self.builder.goto(after)
        self.builder.start(orelse)
        alternative = node.child_by_field_name("alternative")
        if alternative is not None and alternative.type == "else_clause":
            inner = [c for c in alternative.named_children if c.type != "comment"]
            alternative = inner[0] if inner else None
        self.body(alternative, depth)
        self.builder.goto(after)
        self.builder.start(after)

    def while_statement(self, node: Node, depth: int) -> None:
        head, body, exit_ = (self.builder.new_block() for _ in range(3))
        self.builder.goto(head)
        self.builder.start(head)
        test = self.condition(node.child_by_field_name("condition"), depth)
        self.builder.branch(test, body, exit_, line(node))
        self.loop(node, body, Loop(head.index, exit_.index), depth)
        self.builder.start(exit_)

    def do_statement(self, node: Node, depth: int) -> None:
        body, head, exit_ = (self.builder.new_block() for _ in range(3))
        self.builder.goto(body)
        self.loop(node, body, Loop(head.index, exit_.index), depth, back=head)
        self.builder.start(head)
        test = self.condition(node.child_by_field_name("condition"), depth)
        self.builder.branch(test, body, exit_, line(node))
        self.builder.start(exit_)

    def for_statement(self, node: Node, depth: int) -> None:
        for init in node.children_by_field_name("initializer"):
            self.statement(init, depth) if init.type == "declaration" else self.expr(init, depth)
        head, body, step, exit_ = (self.builder.new_block() for _ in range(4))
        self.builder.goto(head)
        self.builder.start(head)
        condition = node.child_by_field_name("condition")
        test = (
            self.expr(condition, depth) if condition is not None else self.builder.unknown("loop", line(node))
        )
        self.builder.branch(test, body, exit_, line(node))
        self.loop(node, body, Loop(step.index, exit_.index), depth, back=step)
        self.builder.start(step)
        for update in node.children_by_field_name("update"):
            self.expr(update, depth)
        self.builder.goto(head)
        self.builder.start(exit_)

    def range_for(self, node: Node, depth: int) -> None:
        iterable = self.builder.lasting(self.expr(node.child_by_field_name("right"), depth), line(node))
        head, body, exit_ = (self.builder.new_block() for _ in range(3))
        self.builder.goto(head)
        self.builder.start(head)
        self.builder.branch(self.builder.unknown("loop", line(node)), body, exit_, line(node))
        self.builder.start(body)
        name = declared_name(node.child_by_field_name("declarator"))
        if name:
            self.builder.assign(name, self.builder.temp(Element(iterable), line(node)), line(node))
        self.loop(node, None, Loop(head.index, exit_.index), depth)
        self.builder.start(exit_)

    def loop(self, node: Node, body: Block | None, loop: Loop, depth: int, back: Block | None = None) -> None:
        if body is not None:
            self.builder.start(body)
        self.builder.loops.append(loop)
        self.body(node.child_by_field_name("body"), depth)
        self.builder.loops.pop()
        self.builder.goto(back if back is not None else self.builder.function.blocks[loop.head])

    def switch(self, node: Node, depth: int) -> None:
        subject = self.builder.lasting(
            self.condition(node.child_by_field_name("condition"), depth), line(node)
        )
        body = node.child_by_field_name("body")
        cases = [c for c in body.named_children if c.type == "case_statement"] if body is not None else []
        after = self.builder.new_block()
        bodies = [self.builder.new_block() for _ in cases]
        outer = self.builder.loops[-1].head if self.builder.loops else -1
        fallback = after
        for case, target in zip(cases, bodies, strict=True):
            value = case.child_by_field_name("value")
            if value is None:
                fallback = target
                continue
            test = self.builder.temp(Compare("==", subject, self.expr(value, depth)), line(case))
            orelse = self.builder.new_block()
            self.builder.branch(test, target, orelse, line(case))
            self.builder.start(orelse)
        self.builder.goto(fallback)
        self.builder.loops.append(Loop(outer, after.index))
        for index, (case, target) in enumerate(zip(cases, bodies, strict=True)):
            self.builder.start(target)
            value = case.child_by_field_name("value")
            for child in case.named_children:
                if value is None or child.id != value.id:
                    self.statement(child, depth + 1)
            self.builder.goto(bodies[index + 1] if index + 1 < len(bodies) else after)
        self.builder.loops.pop()
        self.builder.start(after)

    def try_statement(self, node: Node, depth: int) -> None:
        dispatch, after, body = self.builder.new_block(), self.builder.new_block(), self.builder.new_block()
        self.builder.goto(body)
        self.builder.handlers.append(dispatch.index)
        body.handler = dispatch.index
        self.builder.start(body)
        self.body(node.child_by_field_name("body"), depth)
        self.builder.handlers.pop()
        self.builder.goto(after)
        self.builder.start(dispatch)
        for clause in (c for c in node.named_children if c.type == "catch_clause"):
            handler, rest = self.builder.new_block(), self.builder.new_block()
            self.builder.branch(self.builder.unknown("exception", line(clause)), handler, rest, line(clause))
            self.builder.start(handler)
            self.body(clause.child_by_field_name("body"), depth)
            self.builder.goto(after)
            self.builder.start(rest)
        outer = self.builder.handlers[-1] if self.builder.handlers else None
        if outer is not None:
            self.builder.goto(self.builder.function.blocks[outer])
        self.builder.end(Return(None, line(node)))
        self.builder.start(after)

    def goto(self, node: Node, _depth: int) -> None:
        label = node.child_by_field_name("label")
        target = self._label(text(label)) if label is not None else None
        if target is None:
            self.builder.end(Return(None, line(node)))
            return
        self.builder.end(Goto(target.index, cleanup=True))

    def labeled(self, node: Node, depth: int) -> None:
        name = next((text(c) for c in node.named_children if c.type == "statement_identifier"), "")
        target = self._label(name) if name and node.type == "labeled_statement" else None
        if target is not None:
            self.builder.goto(target)  # falling into the cleanup code
            self.builder.start(target)
        for child in node.named_children:
            if child.type != "statement_identifier":
                self.statement(child, depth + 1)

    def _label(self, name: str) -> Block | None:
        """The block a label starts (made at its first `goto` or at the label itself)."""
        if len(self.labels) >= MAX_LABELS and name not in self.labels:
            return None
        if name not in self.labels:
            self.labels[name] = self.builder.new_block()
        return self.labels[name]

    def finish(self) -> None:
        self.builder.end(Return(None, self.builder.function.end_line))


_STATEMENTS: dict[str, Callable[[CStatements, Node, int], None]] = {
    "declaration": CStatements.declaration,
    "expression_statement": CStatements.expression_statement,
    "return_statement": CStatements.return_statement,
    "throw_statement": CStatements.throw_statement,
    "break_statement": CStatements.jump,
    "continue_statement": CStatements.jump,
    "if_statement": CStatements.if_statement,
    "while_statement": CStatements.while_statement,
    "do_statement": CStatements.do_statement,
    "for_statement": CStatements.for_statement,
    "for_range_loop": CStatements.range_for,
    "switch_statement": CStatements.switch,
    "try_statement": CStatements.try_statement,
    "compound_statement": lambda self, node, depth: self.body(node, depth),
    "labeled_statement": CStatements.labeled,
    "goto_statement": CStatements.goto,
    "case_statement": CStatements.labeled,
}
