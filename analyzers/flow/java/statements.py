"""Java statements lowered to blocks: declarations, branches, loops, `switch`, `try`."""

from __future__ import annotations

from collections.abc import Callable

from tree_sitter import Node

from analyzers.flow.builder import FunctionBuilder, Loop
from analyzers.flow.ir import Binary, Block, Cast, Compare, Const, Element, Opaque, Operand, Return
from analyzers.flow.java.expressions import JavaExpressions, line, text, type_name

_SKIPPED = frozenset({"line_comment", "block_comment", "comment", ";", "empty_statement"})
_DEFINITIONS = frozenset({"class_declaration", "local_class_declaration", "interface_declaration",
                          "enum_declaration", "record_declaration"})  # fmt: skip


class JavaStatements(JavaExpressions):
    def __init__(self, builder: FunctionBuilder, nested: Callable[[Node], str]) -> None:
        super().__init__(builder, nested)

    def body(self, node: Node | None, depth: int = 0) -> None:
        if node is None:
            return
        if node.type != "block":
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
        elif kind in _DEFINITIONS:
            self.nested(node)
        else:
            self.expr(node, depth)

    def declaration(self, node: Node, depth: int) -> None:
        declared = type_name(node.child_by_field_name("type"))
        for declarator in node.children_by_field_name("declarator"):
            value = declarator.child_by_field_name("value")
            if value is None:
                continue
            lowered = self.expr(value, depth)
            name = text(declarator.child_by_field_name("name"))
            typed = (
                self.builder.temp(Cast(lowered, declared), line(declarator)) if declared != "var" else lowered
            )
            self.builder.assign(name, typed, line(declarator))

    def expression_statement(self, node: Node, depth: int) -> None:
        for child in node.named_children:
            self.expr(child, depth)

    def return_statement(self, node: Node, depth: int) -> None:
        inner = [c for c in node.named_children if c.type not in _SKIPPED]
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

    def if_statement(self, node: Node, depth: int) -> None:
        test = self.expr(node.child_by_field_name("condition"), depth)
        then, orelse, after = (self.builder.new_block() for _ in range(3))
        self.builder.branch(test, then, orelse, line(node))
        self.builder.start(then)
        self.body(node.child_by_field_name("consequence"), depth)
        self.builder.goto(after)
        self.builder.start(orelse)
        self.body(node.child_by_field_name("alternative"), depth)
        self.builder.goto(after)
        self.builder.start(after)

    def while_statement(self, node: Node, depth: int) -> None:
        head, body, exit_ = (self.builder.new_block() for _ in range(3))
        self.builder.goto(head)
        self.builder.start(head)
        test = self.expr(node.child_by_field_name("condition"), depth)
        self.builder.branch(test, body, exit_, line(node))
        self.loop(node, body, Loop(head.index, exit_.index), depth)
        self.builder.start(exit_)

    def do_statement(self, node: Node, depth: int) -> None:
        body, head, exit_ = (self.builder.new_block() for _ in range(3))
        self.builder.goto(body)
        self.loop(node, body, Loop(head.index, exit_.index), depth, back=head)
        self.builder.start(head)
        test = self.expr(node.child_by_field_name("condition"), depth)
        self.builder.branch(test, body, exit_, line(node))
        self.builder.start(exit_)

    def for_statement(self, node: Node, depth: int) -> None:
        for init in node.children_by_field_name("init"):
            self.statement(init, depth) if init.type == "local_variable_declaration" else self.expr(
                init, depth
            )
        head, body, step, exit_ = (self.builder.new_block() for _ in range(4))
        self.builder.goto(head)
        self.builder.start(head)
        condition = node.child_by_field_name("condition")
        test = self.expr(condition, depth) if condition is not None else Const(True)
        self.builder.branch(test, body, exit_, line(node))
        self.loop(node, body, Loop(step.index, exit_.index), depth, back=step)
        self.builder.start(step)
        for update in node.children_by_field_name("update"):
            self.expr(update, depth)
        self.builder.goto(head)
        self.builder.start(exit_)

    def enhanced_for(self, node: Node, depth: int) -> None:
        iterable = self.builder.lasting(self.expr(node.child_by_field_name("value"), depth), line(node))
        head, body, exit_ = (self.builder.new_block() for _ in range(3))
        self.builder.goto(head)
        self.builder.start(head)
        self.builder.branch(self.builder.unknown("loop", line(node)), body, exit_, line(node))
        self.builder.start(body)
        element = self.builder.temp(Element(iterable), line(node))
        declared = type_name(node.child_by_field_name("type"))
        self.builder.assign(
            text(node.child_by_field_name("name")),
            self.builder.temp(Cast(element, declared), line(node)),
            line(node),
        )
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
        subject = self.builder.lasting(self.expr(node.child_by_field_name("condition"), depth), line(node))
        body = node.child_by_field_name("body")
        groups = (
            [c for c in body.named_children if c.type in ("switch_block_statement_group", "switch_rule")]
            if body
            else []
        )
        after = self.builder.new_block()
        bodies = [self.builder.new_block() for _ in groups]
        outer = self.builder.loops[-1].head if self.builder.loops else -1
        fallback = after
        for group, target in zip(groups, bodies, strict=True):
            labels = [c for c in group.named_children if c.type == "switch_label"]
            if any(text(label).strip().startswith("default") for label in labels):
                fallback = target
                continue
            test = self.labels_test(labels, subject, depth)
            orelse = self.builder.new_block()
            self.builder.branch(test, target, orelse, line(group))
            self.builder.start(orelse)
        self.builder.goto(fallback)
        self.builder.loops.append(Loop(outer, after.index))
        for index, (group, target) in enumerate(zip(groups, bodies, strict=True)):
            self.builder.start(target)
            for child in group.named_children:
                if child.type != "switch_label":
                    self.statement(child, depth + 1)
            falls = (
                bodies[index + 1]
                if group.type == "switch_block_statement_group" and index + 1 < len(bodies)
                else after
            )
            self.builder.goto(falls)
        self.builder.loops.pop()
        self.builder.start(after)

    def labels_test(self, labels: list[Node], subject: Operand, depth: int) -> Operand:
        tests: list[Operand] = []
        for label in labels:
            for value in label.named_children:
                tests.append(self.builder.temp(Compare("==", subject, self.expr(value, depth)), line(label)))
        if not tests:
            return self.builder.unknown("case", line(labels[0]) if labels else 0)
        result = tests[0]
        for test in tests[1:]:
            result = self.builder.temp(Binary("or", result, test), line(labels[0]))
        return result

    def try_statement(self, node: Node, depth: int) -> None:
        dispatch, after, body = self.builder.new_block(), self.builder.new_block(), self.builder.new_block()
        self.builder.goto(body)
        self.builder.handlers.append(dispatch.index)
        body.handler = dispatch.index
        self.builder.start(body)
        resources = node.child_by_field_name("resources")
        for resource in resources.named_children if resources is not None else []:
            self.resource(resource, depth)
        self.body(node.child_by_field_name("body"), depth)
        self.builder.handlers.pop()
        self.builder.goto(after)
        self.builder.start(dispatch)
        for clause in (c for c in node.named_children if c.type == "catch_clause"):
            handler, rest = self.builder.new_block(), self.builder.new_block()
            self.builder.branch(self.builder.unknown("exception", line(clause)), handler, rest, line(clause))
            self.builder.start(handler)
            parameter = next((c for c in clause.named_children if c.type == "catch_formal_parameter"), None)
            if parameter is not None:
                error = self.builder.temp(Opaque("exception"), line(clause))
                self.builder.assign(text(parameter.child_by_field_name("name")), error, line(clause))
            self.body(clause.child_by_field_name("body"), depth)
            self.builder.goto(after)
            self.builder.start(rest)
        outer = self.builder.handlers[-1] if self.builder.handlers else None
        if outer is not None:
            self.builder.goto(self.builder.function.blocks[outer])
        self.builder.end(Return(None, line(node)))
        self.builder.start(after)
        for clause in (c for c in node.named_children if c.type == "finally_clause"):
            self.body(clause.named_children[-1] if clause.named_children else None, depth)

    def resource(self, node: Node, depth: int) -> None:
        value = node.child_by_field_name("value")
        if value is None:
            self.expr(node.named_children[0] if node.named_children else None, depth)
            return
        declared = type_name(node.child_by_field_name("type"))
        typed = self.builder.temp(Cast(self.expr(value, depth), declared), line(node))
        self.builder.assign(text(node.child_by_field_name("name")), typed, line(node))

    def inner(self, node: Node, depth: int) -> None:
        self.body(
            node.child_by_field_name("body") or (node.named_children[-1] if node.named_children else None),
            depth,
        )

    def finish(self) -> None:
        self.builder.end(Return(None, self.builder.function.end_line))


_STATEMENTS: dict[str, Callable[[JavaStatements, Node, int], None]] = {
    "local_variable_declaration": JavaStatements.declaration,
    "expression_statement": JavaStatements.expression_statement,
    "return_statement": JavaStatements.return_statement,
    "throw_statement": JavaStatements.throw_statement,
    "break_statement": JavaStatements.jump,
    "continue_statement": JavaStatements.jump,
    "if_statement": JavaStatements.if_statement,
    "while_statement": JavaStatements.while_statement,
    "do_statement": JavaStatements.do_statement,
    "for_statement": JavaStatements.for_statement,
    "enhanced_for_statement": JavaStatements.enhanced_for,
    "switch_expression": JavaStatements.switch,
    "switch_statement": JavaStatements.switch,
    "try_statement": JavaStatements.try_statement,
    "try_with_resources_statement": JavaStatements.try_statement,
    "block": lambda self, node, depth: self.body(node, depth),
    "labeled_statement": JavaStatements.inner,
    "synchronized_statement": JavaStatements.inner,
    "explicit_constructor_invocation": lambda self, node, depth: None,
}
