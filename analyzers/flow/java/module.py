"""A Java file as the engine sees it: its classes and methods found with one query, each method lowered
only when the analysis first needs it.

The file's `<module>` function binds what a Java file makes visible by name: its imports, its classes
(nested ones too, by simple name), and the static fields and the methods of its top-level classes, so
`Utils.TESTFILES_DIR` and `Utils.encode(x)` resolve through the module named after the file. Methods take
the object they run on as a `receiver` parameter (`this`); constructors are the class's `__init__`.
"""

from __future__ import annotations

from functools import cache

from tree_sitter import Node, Query, Tree

from analyzers.contract.query import compile_query, matches
from analyzers.flow.builder import FunctionBuilder
from analyzers.flow.ir import Assign, ClassInfo, Function, FunctionRef, Import, Module, Param, Return
from analyzers.flow.java.expressions import line, text, type_name
from analyzers.flow.java.statements import JavaStatements
from analyzers.flow.words import mentioned

_DEFINITIONS = """[(class_declaration) (interface_declaration) (enum_declaration) (record_declaration)
(method_declaration) (constructor_declaration) (compact_constructor_declaration)] @definition"""
_CLASSES = frozenset({"class_declaration", "interface_declaration", "enum_declaration", "record_declaration"})
_METHODS = frozenset({"method_declaration", "constructor_declaration", "compact_constructor_declaration"})
_SCOPES = _CLASSES | _METHODS | {"lambda_expression"}


@cache
def _query() -> Query:
    return compile_query("java", _DEFINITIONS)


def module_name(path: str) -> str:
    """`src/main/java/org/app/Utils.java` -> `src.main.java.org.app.Utils` (imports find it by suffix)."""
    stem = path.rsplit(".", 1)[0] if path.endswith(".java") else path
    return ".".join(part for part in stem.split("/") if part)


class JavaModule:
    """The classes and methods of one parsed Java file, lowered on demand."""

    language = "java"

    def __init__(self, path: str, tree: Tree) -> None:
        self.module = Module(path=path, name=module_name(path), language="java")
        self.tree = tree
        self.wildcards = tuple(  # packages imported whole (`import java.io.*;`)
            "".join(text(c).removeprefix("import").removesuffix(";").split()).removesuffix(".*")
            for c in tree.root_node.named_children
            if c.type == "import_declaration"
            and text(c).rstrip(";").strip().endswith(".*")
            and " static " not in f" {text(c)} "
        )
        self._nodes: dict[str, Node] = {}
        self._ids: dict[int, str] = {}
        self._mentions: dict[tuple[str, tuple[str, ...]], bool] = {}
        for _, captures in matches(_query(), tree.root_node):
            for node in captures.get("definition", []):
                self._register(node)

    # -- discovery ------------------------------------------------------------------------------
    def _register(self, node: Node) -> str:
        known = self._ids.get(node.start_byte)
        if known is not None:
            return known
        scope = _enclosing(node)
        prefix = self._register(scope) if scope is not None else ""
        if node.type == "lambda_expression":
            name = f"<lambda>@{line(node)}"
        elif node.type in ("constructor_declaration", "compact_constructor_declaration"):
            name = "__init__"
        else:
            name = text(node.child_by_field_name("name"))
        joiner = "." if scope is None or scope.type in _CLASSES else ".<locals>."
        identifier = f"{prefix}{joiner}{name}" if prefix else name
        while identifier in self._nodes and self._nodes[identifier].start_byte != node.start_byte:
            identifier += "'"
        self._nodes[identifier] = node
        self._ids[node.start_byte] = identifier
        if node.type in _CLASSES:
            superclass = node.child_by_field_name("superclass")
            bases = tuple(type_name(c) for c in superclass.named_children) if superclass is not None else ()
            self.module.classes[identifier] = ClassInfo(identifier, name, bases, start_line=line(node))
        elif scope is not None and scope.type in _CLASSES:
            owner = self.module.classes.get(self._ids[scope.start_byte])
            if owner is not None:
                owner.methods.setdefault(name, identifier)
        return identifier

    def class_info(self, identifier: str) -> ClassInfo | None:
        return self.module.classes.get(identifier)

    def nested(self, node: Node) -> str:
        return self._register(node)

    def decorated(self, identifier: str) -> bool:
        node = self._nodes.get(identifier)
        modifiers = next((c for c in node.named_children if c.type == "modifiers"), None) if node else None
        return modifiers is not None and any("annotation" in c.type for c in modifiers.named_children)

    def names(self) -> frozenset[str]:
        return frozenset(identifier.rsplit(".", 1)[-1] for identifier in self._nodes)

    def mentions(self, identifier: str, words: tuple[str, ...]) -> bool:
        key = (identifier, words)
        known = self._mentions.get(key)
        if known is None:
            node = self._nodes.get(identifier)
            inner = node.child_by_field_name("body") if node is not None else None
            body = text(inner if inner is not None else node)
            known = self._mentions[key] = mentioned(body, words)
        return known

    def ids_at(self, lines: frozenset[int] | None) -> list[str]:
        chosen = [self.module.top]
        for identifier, node in self._nodes.items():
            if node.type in _CLASSES:
                continue
            span = range(node.start_point.row + 1, node.end_point.row + 2)
            if lines is None or any(number in lines for number in span):
                chosen.append(identifier)
        return chosen

    # -- lowering -------------------------------------------------------------------------------
    def function(self, identifier: str) -> Function | None:
        known = self.module.functions.get(identifier)
        if known is not None:
            return known
        if identifier == self.module.top:
            return self._top()
        node = self._nodes.get(identifier)
        if node is None or node.type in _CLASSES:
            return None
        return self._lower(identifier, node)

    def _lower(self, identifier: str, node: Node) -> Function:
        scope = _enclosing(node)
        modifiers = next((c for c in node.named_children if c.type == "modifiers"), None)
        annotations = _annotations(modifiers)
        static = modifiers is not None and any(c.type == "static" for c in modifiers.children)
        function = Function(
            id=identifier,
            name=identifier.rsplit(".", 1)[-1],
            path=self.module.path,
            module=self.module.name,
            start_line=line(node),
            end_line=node.end_point.row + 1,
            params=(Param("this", "receiver"), *_params(node.child_by_field_name("parameters"))),
            decorators=(*annotations, *(("staticmethod",) if static else ())),
            class_name=self._ids.get(scope.start_byte)
            if scope is not None and scope.type in _CLASSES
            else None,
            parent=self._ids.get(scope.start_byte)
            if scope is not None and scope.type not in _CLASSES
            else None,
        )
        self.module.functions[identifier] = function
        builder = FunctionBuilder(function)
        lowering = JavaStatements(builder, self.nested)
        body = node.child_by_field_name("body")
        function.abstract = body is None
        if node.type == "lambda_expression" and body is not None and body.type != "block":
            builder.end(Return(lowering.expr(body), line(node)))
        else:
            lowering.body(body)
            lowering.finish()
        return function

    def _top(self) -> Function:
        """Bindings of the file's names: imports, classes, and the top-level classes' statics."""
        function = Function(id=self.module.top, name=self.module.top, path=self.module.path, module=self.module.name,
                            start_line=1, end_line=self.tree.root_node.end_point.row + 1)  # fmt: skip
        self.module.functions[self.module.top] = function
        builder = FunctionBuilder(function)
        lowering = JavaStatements(builder, self.nested)
        for child in self.tree.root_node.named_children:
            if child.type == "import_declaration":
                _bind_import(builder, child)
        for identifier, info in self.module.classes.items():
            builder.assign(info.name, FunctionRef(identifier), info.start_line)
        for top in (c for c in self.tree.root_node.named_children if c.type in _CLASSES):
            self._statics(builder, lowering, top)
        lowering.finish()
        return function

    def _statics(self, builder: FunctionBuilder, lowering: JavaStatements, node: Node) -> None:
        body = node.child_by_field_name("body")
        for member in body.named_children if body is not None else []:
            if member.type == "field_declaration" and "static" in text(member).split("=")[0].split():
                lowering.declaration(member, 0)
            elif member.type == "method_declaration":
                identifier = self._ids.get(member.start_byte)
                if identifier is not None:
                    builder.assign(identifier.rsplit(".", 1)[-1], FunctionRef(identifier), line(member))


def _enclosing(node: Node) -> Node | None:
    current = node.parent
    while current is not None:
        if current.type in _SCOPES:
            return current
        current = current.parent
    return None


def _annotations(modifiers: Node | None) -> tuple[str, ...]:
    if modifiers is None:
        return ()
    return tuple(
        text(c.child_by_field_name("name")) for c in modifiers.named_children if "annotation" in c.type
    )


def _params(node: Node | None) -> tuple[Param, ...]:
    if node is None:
        return ()
    params: list[Param] = []
    for child in node.named_children:
        if child.type == "identifier":  # a lambda's bare parameter
            params.append(Param(text(child)))
            continue
        if child.type not in ("formal_parameter", "spread_parameter"):
            continue
        name = child.child_by_field_name("name") or next(
            (c for c in child.named_children if c.type == "variable_declarator"), None
        )
        if name is not None and name.type == "variable_declarator":
            name = name.child_by_field_name("name")
        modifiers = next((c for c in child.named_children if c.type == "modifiers"), None)
        kind = "star" if child.type == "spread_parameter" else "positional"
        params.append(
            Param(
                text(name), kind, False, type_name(child.child_by_field_name("type")), _annotations(modifiers)
            )
        )
    return tuple(params)


def _bind_import(builder: FunctionBuilder, node: Node) -> None:
    written = "".join(text(node).removeprefix("import").removesuffix(";").split())
    static = written.startswith("static")
    path = written.removeprefix("static") if static else written
    if path.endswith(".*"):
        return
    builder.emit(Assign(path.rsplit(".", 1)[-1], Import(path), line(node)))
