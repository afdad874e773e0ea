"""Python statements lowered to blocks: branches, loops, `try`, `with`, `match`, imports."""

from __future__ import annotations

from collections.abc import Callable

from tree_sitter import Node

from analyzers.flow.builder import FunctionBuilder, Loop
from analyzers.flow.ir import (
    Binary,
    Block,
    Compare,
    Const,
    Element,
    FunctionRef,
    Import,
    Opaque,
    Operand,
    Return,
)
from analyzers.flow.python.expressions import ExpressionLowering, line, text

_SIMPLE = frozenset(
    {"pass_statement", "comment", "global_statement", "nonlocal_statement", "delete_statement"}
)
MAX_CONDITION_DEPTH = 24  # nested `and`/`or`/`not` split into branches; deeper ones are one value
_DEFINITIONS = frozenset({"function_definition", "class_definition", "decorated_definition"})


class StatementLowering(ExpressionLowering):
    """Lowers a body of statements. `nested(node)` registers a nested definition and returns its id;
    `module` is the dotted name of the file, for relative imports."""

    def __init__(self, builder: FunctionBuilder, nested: Callable[[Node], str], module: str) -> None:
        super().__init__(builder, nested)
        self.module = module

    def body(self, node: Node | None, depth: int = 0) -> None:
        if node is None:
            return
        for child in node.named_children:
            self.statement(child, depth + 1)

    def statement(self, node: Node, depth: int) -> None:
        kind = node.type
        if kind in _SIMPLE or not self.builder.spend(depth):
            return
        handler = _STATEMENTS.get(kind)
        if handler is not None:
            handler(self, node, depth)
        elif kind in _DEFINITIONS:
            self.definition(node)
        elif kind == "block":
            self.body(node, depth)
        else:
            self.expr(node, depth)

    # -- simple statements ----------------------------------------------------------------------
    def expression_statement(self, node: Node, depth: int) -> None:
        for child in node.named_children:
            if child.type == "assignment":
                self.assignment(child, depth)
            elif child.type == "augmented_assignment":
                self.augmented(child, depth)
            else:
                self.expr(child, depth)

    def assignment(self, node: Node, depth: int) -> None:
        right = node.child_by_field_name("right")
        if right is None:
            return  # an annotation only
        if right.type == "assignment":  # a = b = value
            self.assignment(right, depth + 1)
            value = self.expr(right.child_by_field_name("left"), depth)
        else:
            value = self.expr(right, depth)
        self.bind(node.child_by_field_name("left"), value, depth)

    def augmented(self, node: Node, depth: int) -> None:
        target = node.child_by_field_name("left")
        current = self.expr(target, depth)
        operator = text(node.child_by_field_name("operator")).rstrip("=")
        value = self.expr(node.child_by_field_name("right"), depth)
        self.bind(target, self.builder.temp(Binary(operator, current, value), line(node)), depth)

    def return_statement(self, node: Node, depth: int) -> None:
        inner = node.named_children
        value = self.expr(inner[0], depth) if inner else None
        self.builder.end(Return(value, line(node)))

    def raise_statement(self, node: Node, depth: int) -> None:
        for child in node.named_children:
            self.expr(child, depth)
        handler = self.builder.current.handler
        if handler is not None:
            self.builder.goto(self.builder.function.blocks[handler])
        self.builder.end(Return(None, line(node)))

    def assert_statement(self, node: Node, depth: int) -> None:
        inner = node.named_children
        if not inner:
            return
        test = self.expr(inner[0], depth)
        passed, failed = self.builder.new_block(), self.builder.new_block()
        self.builder.branch(test, passed, failed, line(node))
        self.builder.start(failed)
        self.builder.end(Return(None, line(node)))
        self.builder.start(passed)

    def jump(self, node: Node, _depth: int) -> None:
        if not self.builder.loops:
            return
        loop = self.builder.loops[-1]
        target = loop.exit if node.type == "break_statement" else loop.head
        self.builder.goto(self.builder.function.blocks[target])
        self.builder.end(Return(None, line(node)))

    def import_statement(self, node: Node, _depth: int) -> None:
        for name in node.children_by_field_name("name"):
            if name.type == "aliased_import":
                path = text(name.child_by_field_name("name"))
                self.builder.assign(text(name.child_by_field_name("alias")), Import(path), line(node))
            else:
                first = text(name).split(".")[0]
                self.builder.assign(first, Import(first), line(node))

    def import_from(self, node: Node, _depth: int) -> None:
        module = self.absolute(node.child_by_field_name("module_name"))
        for name in node.children_by_field_name("name"):
            if name.type == "aliased_import":
                source, alias = (
                    text(name.child_by_field_name("name")),
                    text(name.child_by_field_name("alias")),
                )
            else:
                source = alias = text(name)
            path = f"{module}.{source}" if module else source
            self.builder.assign(alias.split(".")[-1], Import(path), line(node))

    def absolute(self, node: Node | None) -> str:
        written = text(node)
        if not written.startswith("."):
            return written
        level = len(written) - len(written.lstrip("."))
        package = self.module.split(".")[: max(len(self.module.split(".")) - level, 0)]
        rest = written[level:]
        return ".".join([*package, rest] if rest else package)

    def definition(self, node: Node) -> None:
        definition = node.child_by_field_name("definition") if node.type == "decorated_definition" else node
        if definition is None:
            return
        self.builder.assign(
            text(definition.child_by_field_name("name")), FunctionRef(self.nested(node)), line(node)
        )

    # -- compound statements --------------------------------------------------------------------
    def if_statement(self, node: Node, depth: int) -> None:
        after = self.builder.new_block()
        self.conditional_chain(node, after, depth)
        self.builder.goto(after)
        self.builder.start(after)

    def conditional_chain(self, node: Node, after_block: object, depth: int) -> None:
        after = after_block
        then, orelse = self.builder.new_block(), self.builder.new_block()
        self.condition(node.child_by_field_name("condition"), then, orelse, line(node), depth)
        self.builder.start(then)
        self.body(node.child_by_field_name("consequence"), depth)
        self.builder.goto(after)  # type: ignore[arg-type]
        self.builder.start(orelse)
        for alternative in node.children_by_field_name("alternative"):
            if alternative.type == "elif_clause":
                self.conditional_chain(alternative, after, depth + 1)
                return
            self.body(alternative.child_by_field_name("body"), depth)

    def condition(
        self, node: Node | None, then: Block, orelse: Block, at: int, depth: int, level: int = 0
    ) -> None:
        """Branch to `then` or `orelse` on the test `node`, evaluating `and`/`or` operands one at a time:
        the right operand runs only where the left did not decide, so a check on the left
        (`not p.is_relative_to(base) or not p.is_file()`) already holds when the right is evaluated."""
        inner = node
        while inner is not None and inner.type == "parenthesized_expression" and inner.named_child_count == 1:
            inner = inner.named_children[0]
        if inner is not None and level < MAX_CONDITION_DEPTH and self.builder.spend(depth):
            if inner.type == "not_operator":
                self.condition(inner.child_by_field_name("argument"), orelse, then, at, depth, level + 1)
                return
            operator = text(inner.child_by_field_name("operator")) if inner.type == "boolean_operator" else ""
            if operator in ("and", "or"):
                right = self.builder.new_block()
                if operator == "and":
                    self.condition(inner.child_by_field_name("left"), right, orelse, at, depth, level + 1)
                else:
                    self.condition(inner.child_by_field_name("left"), then, right, at, depth, level + 1)
                self.builder.start(right)
                self.condition(inner.child_by_field_name("right"), then, orelse, at, depth, level + 1)
                return
        self.builder.branch(self.expr(node, depth), then, orelse, at)

    def for_statement(self, node: Node, depth: int) -> None:
        iterable = self.builder.lasting(self.expr(node.child_by_field_name("right"), depth), line(node))
        head, body, exit_ = (self.builder.new_block() for _ in range(3))
        self.builder.goto(head)
        self.builder.start(head)
        self.builder.branch(self.builder.unknown("loop", line(node)), body, exit_, line(node))
        self.builder.start(body)
        element = self.builder.temp(Element(iterable), line(node))
        self.bind(node.child_by_field_name("left"), element, depth)
        self.loop_body(node, Loop(head.index, exit_.index), depth)
        self.loop_exit(node, exit_, depth)

    def while_statement(self, node: Node, depth: int) -> None:
        head, body, exit_ = (self.builder.new_block() for _ in range(3))
        self.builder.goto(head)
        self.builder.start(head)
        self.condition(node.child_by_field_name("condition"), body, exit_, line(node), depth)
        self.builder.start(body)
        self.loop_body(node, Loop(head.index, exit_.index), depth)
        self.loop_exit(node, exit_, depth)

    def loop_body(self, node: Node, loop: Loop, depth: int) -> None:
        self.builder.loops.append(loop)
        self.body(node.child_by_field_name("body"), depth)
        self.builder.loops.pop()
        self.builder.goto(self.builder.function.blocks[loop.head])

    def loop_exit(self, node: Node, exit_: object, depth: int) -> None:
        self.builder.start(exit_)  # type: ignore[arg-type]
        alternative = node.child_by_field_name("alternative")
        if alternative is not None:
            self.body(alternative.child_by_field_name("body"), depth)

    def with_statement(self, node: Node, depth: int) -> None:
        for clause in node.named_children:
            if clause.type != "with_clause":
                continue
            for item in clause.named_children:
                value = item.child_by_field_name("value")
                if value is not None and value.type == "as_pattern":
                    inner = value.named_children
                    operand = self.expr(inner[0] if inner else None, depth)
                    self.bind(value.child_by_field_name("alias"), operand, depth)
                else:
                    self.expr(value, depth)
        self.body(node.child_by_field_name("body"), depth)

    def try_statement(self, node: Node, depth: int) -> None:
        dispatch, after = self.builder.new_block(), self.builder.new_block()
        body = self.builder.new_block()
        self.builder.goto(body)
        self.builder.handlers.append(dispatch.index)
        body.handler = dispatch.index
        self.builder.start(body)
        self.body(node.child_by_field_name("body"), depth)
        self.builder.handlers.pop()
        finally_ = [c for c in node.named_children if c.type == "finally_clause"]
        for child in node.named_children:
            if child.type == "else_clause":
                self.body(child.child_by_field_name("body"), depth)
        self.builder.goto(after)
        self.builder.start(dispatch)
        self.handlers(node, after, depth)
        self.builder.start(after)
        for clause in finally_:
            self.body(clause.named_children[-1] if clause.named_children else None, depth)

    def handlers(self, node: Node, after: object, depth: int) -> None:
        clauses = [c for c in node.named_children if c.type in ("except_clause", "except_group_clause")]
        for clause in clauses:
            handler, rest = self.builder.new_block(), self.builder.new_block()
            self.builder.branch(self.builder.unknown("exception", line(clause)), handler, rest, line(clause))
            self.builder.start(handler)
            value = clause.child_by_field_name("value")
            if value is not None and value.type == "as_pattern":
                error = self.builder.temp(Opaque("exception"), line(clause))
                self.bind(value.child_by_field_name("alias"), error, depth)
            self.body(clause.named_children[-1] if clause.named_children else None, depth)
            self.builder.goto(after)  # type: ignore[arg-type]
            self.builder.start(rest)
        outer = self.builder.handlers[-1] if self.builder.handlers else None
        if outer is not None:
            self.builder.goto(self.builder.function.blocks[outer])
        self.builder.end(Return(None, line(node)))

    def match_statement(self, node: Node, depth: int) -> None:
        subject = self.builder.lasting(self.expr(node.child_by_field_name("subject"), depth), line(node))
        after = self.builder.new_block()
        body = node.child_by_field_name("body")
        for clause in body.named_children if body is not None else []:
            if clause.type != "case_clause":
                continue
            test = self.case_test(clause, subject, depth)
            then, orelse = self.builder.new_block(), self.builder.new_block()
            self.builder.branch(test, then, orelse, line(clause))
            self.builder.start(then)
            self.body(clause.child_by_field_name("consequence"), depth)
            self.builder.goto(after)
            self.builder.start(orelse)
        self.builder.goto(after)
        self.builder.start(after)

    def case_test(self, clause: Node, subject: Operand, depth: int) -> Operand:
        patterns = [child for child in clause.named_children if child.type == "case_pattern"]
        tests = [self.pattern_test(pattern, subject, depth) for pattern in patterns]
        test = tests[0] if len(tests) == 1 else self.builder.unknown("case", line(clause))
        guard = clause.child_by_field_name("guard")
        if guard is not None:
            condition = self.expr(guard.named_children[0] if guard.named_children else None, depth)
            test = self.builder.temp(Binary("and", test, condition), line(clause))
        return test

    def pattern_test(self, pattern: Node, subject: Operand, depth: int) -> Operand:
        inner = pattern.named_children[0] if pattern.named_children else None
        at = line(pattern)
        if inner is None or text(pattern) == "_":
            return Const(True)
        if inner.type == "union_pattern":
            alternatives = [c for c in inner.named_children if c.type != "comment"]
            tests = [self.literal_test(c, subject, depth) for c in alternatives]
            result = tests[0]
            for test in tests[1:]:
                result = self.builder.temp(Binary("or", result, test), at)
            return result
        if inner.type in ("string", "integer", "float", "true", "false", "none", "concatenated_string"):
            return self.literal_test(inner, subject, depth)
        if inner.type == "dotted_name" and "." not in text(inner):
            self.builder.assign(text(inner), subject, at)  # a capture pattern binds the subject
            return Const(True)
        return self.builder.unknown("pattern", at)

    def literal_test(self, node: Node, subject: Operand, depth: int) -> Operand:
        if node.type in ("string", "integer", "float", "true", "false", "none", "concatenated_string"):
            return self.builder.temp(Compare("==", subject, self.expr(node, depth)), line(node))
        return self.builder.unknown("pattern", line(node))

    def finish(self) -> None:
        """End the last block: falling off the end returns None."""
        self.builder.end(Return(Const(None), self.builder.function.end_line))


_STATEMENTS: dict[str, Callable[[StatementLowering, Node, int], None]] = {
    "expression_statement": StatementLowering.expression_statement,
    "return_statement": StatementLowering.return_statement,
    "raise_statement": StatementLowering.raise_statement,
    "assert_statement": StatementLowering.assert_statement,
    "break_statement": StatementLowering.jump,
    "continue_statement": StatementLowering.jump,
    "import_statement": StatementLowering.import_statement,
    "import_from_statement": StatementLowering.import_from,
    "future_import_statement": lambda self, node, depth: None,
    "if_statement": StatementLowering.if_statement,
    "for_statement": StatementLowering.for_statement,
    "while_statement": StatementLowering.while_statement,
    "with_statement": StatementLowering.with_statement,
    "try_statement": StatementLowering.try_statement,
    "match_statement": StatementLowering.match_statement,
}
