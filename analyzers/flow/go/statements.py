"""Go statements lowered to blocks: declarations (`:=`, `var`, multiple assignment), `if` with its
initializer, the three `for` forms and `range`, `switch` and type switches, `select`, `defer` and `go`
(their calls are made where they are written), `return` of one value or of a value and an error."""

from __future__ import annotations

from collections.abc import Callable

from tree_sitter import Node

from analyzers.flow.builder import FunctionBuilder, Loop
from analyzers.flow.go.expressions import GoExpressions, error_like, line, text, type_name
from analyzers.flow.ir import Binary, Cast, Compare, Const, Opaque, Operand, Pack, Return

_SKIPPED = frozenset({"comment", "empty_statement", "type_declaration", "const_declaration_placeholder",
                      "fallthrough_statement", "goto_statement", "import_declaration", "package_clause"})  # fmt: skip
_BLOCKS = frozenset({"block", "statement_list", "source_file"})


class GoStatements(GoExpressions):
    def __init__(self, builder: FunctionBuilder, nested: Callable[[Node], str]) -> None:
        super().__init__(builder, nested)

    def body(self, node: Node | None, depth: int = 0) -> None:
        if node is None:
            return
        if node.type not in _BLOCKS:
            self.statement(node, depth + 1)
            return
        for child in node.named_children:
            if child.type in _BLOCKS:
                self.body(child, depth + 1)
            else:
                self.statement(child, depth + 1)

    def statement(self, node: Node, depth: int) -> None:
        kind = node.type
        if kind in _SKIPPED or not self.builder.spend(depth):
            return
        handler = _STATEMENTS.get(kind)
        if handler is not None:
            handler(self, node, depth)
        elif kind in _BLOCKS:
            self.body(node, depth)
        else:
            self.expr(node, depth)

    # -- declarations and assignments -----------------------------------------------------------
    def short_var(self, node: Node, depth: int) -> None:
        self.store_all(_list(node.child_by_field_name("left")), _list(node.child_by_field_name("right")), depth,
                       line(node))  # fmt: skip

    def assignment(self, node: Node, depth: int) -> None:
        operator = text(node.child_by_field_name("operator"))
        targets = _list(node.child_by_field_name("left"))
        values = _list(node.child_by_field_name("right"))
        if operator in ("=", ":="):
            self.store_all(targets, values, depth, line(node))
            return
        for target, value_node in zip(targets, values, strict=False):
            current = self.expr(target, depth)
            value = self.expr(value_node, depth)
            updated = self.builder.temp(Binary(operator.rstrip("="), current, value), line(node))
            self.store(target, updated, depth)

    def var_declaration(self, node: Node, depth: int) -> None:
        for spec in _specs(node):
            names = spec.children_by_field_name("name")
            value = spec.child_by_field_name("value")
            written = type_name(spec.child_by_field_name("type"))
            if value is not None:
                self.store_all(names, _list(value), depth, line(spec))
                continue
            for name in names:  # the zero value of its type: no data, but a type for methods
                zero = self.builder.temp(Opaque("pattern"), line(spec))
                typed = self.builder.temp(Cast(zero, written), line(spec)) if written else zero
                self.store(name, typed, depth)

    def inc_dec(self, node: Node, depth: int) -> None:
        target = node.named_children[0] if node.named_children else None
        current = self.expr(target, depth)
        op = "+" if node.type == "inc_statement" else "-"
        self.store(target, self.builder.temp(Binary(op, current, Const(1)), line(node)), depth)

    def expression_statement(self, node: Node, depth: int) -> None:
        for child in node.named_children:
            self.expr(child, depth)

    def deferred(self, node: Node, depth: int) -> None:
        """`defer f(x)`, `go f(x)`: the call is made with the values of now (good enough for data)."""
        for child in node.named_children:
            self.expr(child, depth)

    def labeled(self, node: Node, depth: int) -> None:
        for child in node.named_children:
            if child.type != "label_name":
                self.statement(child, depth + 1)

    # -- control --------------------------------------------------------------------------------
    def return_statement(self, node: Node, depth: int) -> None:
        values = [c for c in node.named_children if c.type != "comment"]
        if len(values) == 1 and values[0].type == "expression_list":
            values = _list(values[0])
        at = line(node)
        if not values:
            self.builder.end(Return(None, at))
        elif len(values) == 1 or (len(values) == 2 and error_like(values[1])):
            value = self.expr(values[0], depth)
            if len(values) == 2:
                self.expr(values[1], depth)
            self.builder.end(Return(value, at))
        else:
            items = tuple(self.expr(value, depth) for value in values)
            self.builder.end(Return(self.builder.temp(Pack("tuple", items), at), at))

    def jump(self, node: Node, _depth: int) -> None:
        if not self.builder.loops:
            return
        loop = self.builder.loops[-1]
        target = loop.exit
        if node.type == "continue_statement":
            target = next((each.head for each in reversed(self.builder.loops) if each.head >= 0), loop.exit)
        self.builder.goto(self.builder.function.blocks[target])
        self.builder.end(Return(None, line(node)))

    def if_statement(self, node: Node, depth: int) -> None:
        initializer = node.child_by_field_name("initializer")
        if initializer is not None:
            self.statement(initializer, depth)
        test = self.expr(node.child_by_field_name("condition"), depth)
        then, orelse, after = (self.builder.new_block() for _ in range(3))
        self.builder.branch(test, then, orelse, line(node))
        self.builder.start(then)
        self.body(node.child_by_field_name("consequence"), depth)
        self.builder.goto(after)
        self.builder.start(orelse)
        alternative = node.child_by_field_name("alternative")
        if alternative is not None:
            if alternative.type == "if_statement":
                self.if_statement(alternative, depth + 1)
            else:
                self.body(alternative, depth)
        self.builder.goto(after)
        self.builder.start(after)

    def for_statement(self, node: Node, depth: int) -> None:
        clause = next((c for c in node.named_children if c.type in ("for_clause", "range_clause")), None)
        if clause is not None and clause.type == "range_clause":
            self.range_loop(node, clause, depth)
            return
        condition: Node | None = None
        update: Node | None = None
        if clause is not None:
            initializer = clause.child_by_field_name("initializer")
            if initializer is not None:
                self.statement(initializer, depth)
            condition = clause.child_by_field_name("condition")
            update = clause.child_by_field_name("update")
        else:
            condition = next((c for c in node.named_children if c.type not in ("block", "comment")), None)
        head, body, step, exit_ = (self.builder.new_block() for _ in range(4))
        self.builder.goto(head)
        self.builder.start(head)
        test = (
            self.expr(condition, depth) if condition is not None else self.builder.unknown("loop", line(node))
        )
        self.builder.branch(test, body, exit_, line(node))
        self.builder.start(body)
        self.builder.loops.append(Loop(step.index, exit_.index))
        self.body(node.child_by_field_name("body"), depth)
        self.builder.loops.pop()
        self.builder.goto(step)
        self.builder.start(step)
        if update is not None:
            self.statement(update, depth)
        self.builder.goto(head)
        self.builder.start(exit_)

    def range_loop(self, node: Node, clause: Node, depth: int) -> None:
        at = line(node)
        iterable = self.builder.lasting(self.expr(clause.child_by_field_name("right"), depth), at)
        head, body, exit_ = (self.builder.new_block() for _ in range(3))
        self.builder.goto(head)
        self.builder.start(head)
        self.builder.branch(self.builder.unknown("loop", at), body, exit_, at)
        self.builder.start(body)
        targets = _list(clause.child_by_field_name("left"))
        element = self.element(iterable, at)
        if len(targets) == 1:  # over a slice: the index; over a map: the key (data either way)
            self.store(targets[0], self.builder.temp(Opaque("pattern"), at), depth)
        elif len(targets) >= 2:
            self.store(targets[0], self.builder.temp(Opaque("pattern"), at), depth)
            self.store(targets[1], element, depth)
        self.builder.loops.append(Loop(head.index, exit_.index))
        self.body(node.child_by_field_name("body"), depth)
        self.builder.loops.pop()
        self.builder.goto(head)
        self.builder.start(exit_)

    def switch(self, node: Node, depth: int) -> None:
        at = line(node)
        initializer = node.child_by_field_name("initializer")
        if initializer is not None:
            self.statement(initializer, depth)
        value = node.child_by_field_name("value")
        subject = self.builder.lasting(self.expr(value, depth), at) if value is not None else None
        if node.type == "type_switch_statement":
            alias = node.child_by_field_name("alias")
            if alias is not None and subject is not None:
                for name in _list(alias):
                    self.store(name, subject, depth)
        cases = [c for c in node.named_children if c.type in _CASES]
        after = self.builder.new_block()
        bodies = [self.builder.new_block() for _ in cases]
        fallback = after
        for case, target in zip(cases, bodies, strict=True):
            if case.type == "default_case":
                fallback = target
                continue
            values = _list(case.child_by_field_name("value"))
            test: Operand
            if case.type != "expression_case" or not values:
                test = self.builder.unknown("case", line(case))
            else:
                tests = [self._case_test(subject, v, depth) for v in values]
                test = tests[0]
                for extra in tests[1:]:
                    test = self.builder.temp(Binary("or", test, extra), line(case))
            orelse = self.builder.new_block()
            self.builder.branch(test, target, orelse, line(case))
            self.builder.start(orelse)
        self.builder.goto(fallback)
        outer = self.builder.loops[-1].head if self.builder.loops else -1
        self.builder.loops.append(Loop(outer, after.index))
        for case, target in zip(cases, bodies, strict=True):
            self.builder.start(target)
            for child in case.named_children:
                if child.type == "statement_list":
                    self.body(child, depth + 1)
                elif child.type not in ("expression_list", "type_list", "comment") and child not in (
                    case.child_by_field_name("value"),
                    case.child_by_field_name("type"),
                ):
                    self.statement(child, depth + 1)
            self.builder.goto(after)
        self.builder.loops.pop()
        self.builder.start(after)

    def _case_test(self, subject: Operand | None, value_node: Node, depth: int) -> Operand:
        value = self.expr(value_node, depth)
        if subject is None:
            return value
        return self.builder.temp(Compare("==", subject, value), line(value_node))

    def select(self, node: Node, depth: int) -> None:
        after = self.builder.new_block()
        for case in [c for c in node.named_children if c.type in ("communication_case", "default_case")]:
            then, orelse = self.builder.new_block(), self.builder.new_block()
            self.builder.branch(self.builder.unknown("case", line(case)), then, orelse, line(case))
            self.builder.start(then)
            for child in case.named_children:
                self.statement(child, depth + 1)
            self.builder.goto(after)
            self.builder.start(orelse)
        self.builder.goto(after)
        self.builder.start(after)

    def finish(self) -> None:
        self.builder.end(Return(None, self.builder.function.end_line))


_CASES = frozenset({"expression_case", "default_case", "type_case"})


def _list(node: Node | None) -> list[Node]:
    if node is None:
        return []
    if node.type == "expression_list":
        return [c for c in node.named_children if c.type != "comment"]
    return [node]


def _specs(node: Node) -> list[Node]:
    found: list[Node] = []
    for child in node.named_children:
        if child.type in ("var_spec", "const_spec"):
            found.append(child)
        elif child.type == "var_spec_list":
            found.extend(c for c in child.named_children if c.type in ("var_spec", "const_spec"))
    return found


_STATEMENTS: dict[str, Callable[[GoStatements, Node, int], None]] = {
    "short_var_declaration": GoStatements.short_var,
    "assignment_statement": GoStatements.assignment,
    "var_declaration": GoStatements.var_declaration,
    "const_declaration": GoStatements.var_declaration,
    "inc_statement": GoStatements.inc_dec,
    "dec_statement": GoStatements.inc_dec,
    "expression_statement": GoStatements.expression_statement,
    "defer_statement": GoStatements.deferred,
    "go_statement": GoStatements.deferred,
    "send_statement": GoStatements.expression_statement,
    "labeled_statement": GoStatements.labeled,
    "return_statement": GoStatements.return_statement,
    "break_statement": GoStatements.jump,
    "continue_statement": GoStatements.jump,
    "if_statement": GoStatements.if_statement,
    "for_statement": GoStatements.for_statement,
    "expression_switch_statement": GoStatements.switch,
    "type_switch_statement": GoStatements.switch,
    "select_statement": GoStatements.select,
}
