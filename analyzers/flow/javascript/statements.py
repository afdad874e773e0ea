"""JavaScript and TypeScript statements lowered to blocks: declarations, branches, loops, `switch`,
`try`, imports and exports; nested functions and classes are bound to their names."""

from __future__ import annotations

from collections.abc import Callable

from tree_sitter import Node

from analyzers.flow.builder import FunctionBuilder, Loop
from analyzers.flow.ir import Block, Compare, Const, FunctionRef, Import, Opaque, Operand, Return, Var
from analyzers.flow.javascript.expressions import (
    JavaScriptExpressions,
    import_path,
    line,
    string_value,
    text,
)

_SKIPPED = frozenset({"comment", "empty_statement", "debugger_statement", "hash_bang_line", "type_alias_declaration",
                      "interface_declaration", "enum_declaration", "ambient_declaration", "module",
                      "internal_module", "import_alias", "abstract_method_signature"})  # fmt: skip
DEFINITIONS = frozenset({"function_declaration", "generator_function_declaration", "class_declaration",
                         "abstract_class_declaration"})  # fmt: skip


class JavaScriptStatements(JavaScriptExpressions):
    def __init__(self, builder: FunctionBuilder, nested: Callable[[Node], str], module: str) -> None:
        super().__init__(builder, nested, module)

    def body(self, node: Node | None, depth: int = 0) -> None:
        if node is None:
            return
        if node.type not in ("statement_block", "program", "class_static_block"):
            self.statement(node, depth + 1)
            return
        children = node.named_children
        for child in children:  # function declarations are bound before the code runs
            if child.type in DEFINITIONS:
                self.definition(child)
            elif child.type == "export_statement":
                inner = child.child_by_field_name("declaration")
                if inner is not None and inner.type in DEFINITIONS:
                    self.definition(inner)
        for child in children:
            if child.type not in DEFINITIONS:
                self.statement(child, depth + 1)

    def statement(self, node: Node, depth: int) -> None:
        kind = node.type
        if kind in _SKIPPED or not self.builder.spend(depth):
            return
        handler = _STATEMENTS.get(kind)
        if handler is not None:
            handler(self, node, depth)
        elif kind in DEFINITIONS:
            self.definition(node)
        else:
            self.expr(node, depth)

    def definition(self, node: Node) -> None:
        name = node.child_by_field_name("name")
        identifier = self.nested(node)
        if name is not None:
            self.builder.assign(text(name), FunctionRef(identifier), line(node))

    def declaration(self, node: Node, depth: int) -> None:
        for declarator in node.named_children:
            if declarator.type != "variable_declarator":
                continue
            value_node = declarator.child_by_field_name("value")
            value = self.expr(value_node, depth) if value_node is not None else Const(None)
            self.bind(declarator.child_by_field_name("name"), value, depth)

    def expression_statement(self, node: Node, depth: int) -> None:
        for child in node.named_children:
            self.expr(child, depth)

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
        target = loop.exit
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
        alternative = node.child_by_field_name("alternative")
        if alternative is not None:
            for child in alternative.named_children:
                self.body(child, depth)
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
        initializer = node.child_by_field_name("initializer")
        if initializer is not None:
            self.statement(initializer, depth)
        head, body, step, exit_ = (self.builder.new_block() for _ in range(4))
        self.builder.goto(head)
        self.builder.start(head)
        condition = node.child_by_field_name("condition")
        inner = (
            condition.named_children
            if condition is not None and condition.type == "expression_statement"
            else []
        )
        test: Operand = Const(True)
        if inner:
            test = self.expr(inner[0], depth)
        elif condition is not None and condition.type not in ("empty_statement", ";"):
            test = self.expr(condition, depth)
        self.builder.branch(test, body, exit_, line(node))
        self.loop(node, body, Loop(step.index, exit_.index), depth, back=step)
        self.builder.start(step)
        self.expr(node.child_by_field_name("increment"), depth)
        self.builder.goto(head)
        self.builder.start(exit_)

    def for_in(self, node: Node, depth: int) -> None:
        iterable = self.builder.lasting(self.expr(node.child_by_field_name("right"), depth), line(node))
        head, body, exit_ = (self.builder.new_block() for _ in range(3))
        self.builder.goto(head)
        self.builder.start(head)
        self.builder.branch(self.builder.unknown("loop", line(node)), body, exit_, line(node))
        self.builder.start(body)
        self.bind(node.child_by_field_name("left"), self.element(iterable, line(node)), depth)
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
        subject = self.builder.lasting(self.expr(node.child_by_field_name("value"), depth), line(node))
        body = node.child_by_field_name("body")
        groups = (
            [c for c in body.named_children if c.type in ("switch_case", "switch_default")] if body else []
        )
        after = self.builder.new_block()
        bodies = [self.builder.new_block() for _ in groups]
        outer = self.builder.loops[-1].head if self.builder.loops else -1
        fallback = after
        for group, target in zip(groups, bodies, strict=True):
            if group.type == "switch_default":
                fallback = target
                continue
            value = self.expr(group.child_by_field_name("value"), depth)
            test = self.builder.temp(Compare("==", subject, value), line(group))
            orelse = self.builder.new_block()
            self.builder.branch(test, target, orelse, line(group))
            self.builder.start(orelse)
        self.builder.goto(fallback)
        self.builder.loops.append(Loop(outer, after.index))
        for index, (group, target) in enumerate(zip(groups, bodies, strict=True)):
            self.builder.start(target)
            for child in group.children_by_field_name("body"):
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
        clause = node.child_by_field_name("handler")
        if clause is not None:
            parameter = clause.child_by_field_name("parameter")
            if parameter is not None:
                error = self.builder.temp(Opaque("exception"), line(clause))
                self.bind(parameter, error, depth)
            self.body(clause.child_by_field_name("body"), depth)
            self.builder.goto(after)
        else:
            outer = self.builder.handlers[-1] if self.builder.handlers else None
            if outer is not None:
                self.builder.goto(self.builder.function.blocks[outer])
            self.builder.end(Return(None, line(node)))
        self.builder.start(after)
        finalizer = node.child_by_field_name("finalizer")
        if finalizer is not None:
            self.body(finalizer.child_by_field_name("body"), depth)

    def labeled(self, node: Node, depth: int) -> None:
        self.body(node.child_by_field_name("body"), depth)

    def block(self, node: Node, depth: int) -> None:
        self.body(node, depth)

    def import_statement(self, node: Node, _depth: int) -> None:
        source = node.child_by_field_name("source")
        if source is None:
            return
        path = import_path(string_value(source), self.module)
        at = line(node)
        clause = next((c for c in node.named_children if c.type == "import_clause"), None)
        for child in clause.named_children if clause is not None else []:
            if child.type == "identifier":  # the default export: the module itself, for CommonJS
                self.builder.assign(text(child), Import(path), at)
            elif child.type == "namespace_import":
                names = [c for c in child.named_children if c.type == "identifier"]
                if names:
                    self.builder.assign(text(names[0]), Import(path), at)
            elif child.type == "named_imports":
                for spec in child.named_children:
                    if spec.type != "import_specifier":
                        continue
                    name = spec.child_by_field_name("name")
                    alias = spec.child_by_field_name("alias") or name
                    written = string_value(name) if name is not None and name.type == "string" else text(name)
                    self.builder.assign(text(alias), Import(f"{path}.{written}"), at)

    def export_statement(self, node: Node, depth: int) -> None:
        declaration = node.child_by_field_name("declaration")
        if declaration is not None:
            if declaration.type not in DEFINITIONS:
                self.statement(declaration, depth)
            return
        value = node.child_by_field_name("value")
        if value is not None:
            exported = self.expr(value, depth)
            self.builder.assign("default", exported, line(node))

    def finish(self) -> None:
        self.builder.end(Return(None, self.builder.function.end_line))

    def destructure_params(self, patterns: list[tuple[str, Node]], depth: int = 0) -> None:
        """Parameters written as patterns (`({ query }, res) =>`): the pattern bound from the
        parameter's stand-in name at the start of the body."""
        for name, pattern in patterns:
            self.bind(pattern, Var(name), depth)


_STATEMENTS: dict[str, Callable[[JavaScriptStatements, Node, int], None]] = {
    "lexical_declaration": JavaScriptStatements.declaration,
    "variable_declaration": JavaScriptStatements.declaration,
    "expression_statement": JavaScriptStatements.expression_statement,
    "return_statement": JavaScriptStatements.return_statement,
    "throw_statement": JavaScriptStatements.throw_statement,
    "break_statement": JavaScriptStatements.jump,
    "continue_statement": JavaScriptStatements.jump,
    "if_statement": JavaScriptStatements.if_statement,
    "while_statement": JavaScriptStatements.while_statement,
    "do_statement": JavaScriptStatements.do_statement,
    "for_statement": JavaScriptStatements.for_statement,
    "for_in_statement": JavaScriptStatements.for_in,
    "switch_statement": JavaScriptStatements.switch,
    "try_statement": JavaScriptStatements.try_statement,
    "statement_block": JavaScriptStatements.block,
    "labeled_statement": JavaScriptStatements.labeled,
    "import_statement": JavaScriptStatements.import_statement,
    "export_statement": JavaScriptStatements.export_statement,
    "with_statement": JavaScriptStatements.labeled,
}
