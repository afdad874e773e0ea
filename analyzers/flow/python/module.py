"""A Python file as the engine sees it: its functions and classes found with one query, each function
lowered only when the analysis first needs it."""

from __future__ import annotations

from functools import cache

from tree_sitter import Node, Tree

from analyzers.contract.query import compile_query, matches
from analyzers.flow.builder import FunctionBuilder
from analyzers.flow.ir import Assign, ClassInfo, Function, Module, Param, Return
from analyzers.flow.python.expressions import line, text
from analyzers.flow.python.statements import StatementLowering
from analyzers.flow.words import mentioned

_DEFINITIONS = "[(function_definition) (class_definition)] @definition"
_SCOPES = frozenset({"function_definition", "class_definition", "lambda"})


@cache
def _query() -> object:
    return compile_query("python", _DEFINITIONS)


def module_name(path: str) -> str:
    """`pkg/sub/mod.py` -> `pkg.sub.mod`; `pkg/__init__.py` -> `pkg`."""
    stem = path.rsplit(".", 1)[0] if path.endswith((".py", ".pyi", ".pyw")) else path
    parts = [part for part in stem.split("/") if part]
    if parts and parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


class PythonModule:
    """The functions and classes of one parsed Python file, lowered on demand."""

    language = "python"

    def __init__(self, path: str, tree: Tree) -> None:
        self.module = Module(path=path, name=module_name(path), language="python")
        self.tree = tree
        self._nodes: dict[str, Node] = {}
        self._ids: dict[int, str] = {}  # definition node start byte -> id
        self._mentions: dict[tuple[str, tuple[str, ...]], bool] = {}
        self._index()

    # -- discovery ------------------------------------------------------------------------------
    def _index(self) -> None:
        for _, captures in matches(_query(), self.tree.root_node):  # type: ignore[arg-type]
            for node in captures.get("definition", []):
                self._register(node)

    def _register(self, node: Node) -> str:
        known = self._ids.get(node.start_byte)
        if known is not None:
            return known
        name = text(node.child_by_field_name("name")) if node.type != "lambda" else f"<lambda>@{line(node)}"
        scope = _enclosing_scope(node)
        prefix = self._register(scope) if scope is not None else ""
        joiner = ".<locals>." if scope is not None and scope.type != "class_definition" else "."
        identifier = f"{prefix}{joiner}{name}" if prefix else name
        while identifier in self._nodes and self._nodes[identifier].start_byte != node.start_byte:
            identifier += "'"
        self._nodes[identifier] = node
        self._ids[node.start_byte] = identifier
        if node.type == "class_definition":
            self._class(identifier, node, scope)
        elif scope is not None and scope.type == "class_definition":
            owner = self.module.classes.get(self._ids[scope.start_byte])
            if owner is not None:
                owner.methods[name] = identifier
        return identifier

    def _class(self, identifier: str, node: Node, scope: Node | None) -> None:
        bases = node.child_by_field_name("superclasses")
        written = (
            tuple(text(b) for b in bases.named_children if b.type != "keyword_argument") if bases else ()
        )
        self.module.classes[identifier] = ClassInfo(
            identifier, text(node.child_by_field_name("name")), written
        )
        self.module.classes[identifier].start_line = line(node)

    # -- lowering -------------------------------------------------------------------------------
    def function(self, identifier: str) -> Function | None:
        """The lowered function `identifier` (`<module>` for the top level), or None."""
        known = self.module.functions.get(identifier)
        if known is not None:
            return known
        if identifier == self.module.top:
            return self._lower(identifier, self.tree.root_node, None)
        node = self._nodes.get(identifier)
        if node is None or node.type == "class_definition":
            return None
        return self._lower(identifier, node, node.parent)

    def nested(self, node: Node) -> str:
        """The id of a definition or lambda inside a function being lowered."""
        target = node.child_by_field_name("definition") if node.type == "decorated_definition" else node
        return self._register(target if target is not None else node)

    def class_info(self, identifier: str) -> ClassInfo | None:
        return self.module.classes.get(identifier)

    def decorated(self, identifier: str) -> bool:
        node = self._nodes.get(identifier)
        return node is not None and node.parent is not None and node.parent.type == "decorated_definition"

    def names(self) -> frozenset[str]:
        """The names of every function and class the file defines."""
        return frozenset(identifier.rsplit(".", 1)[-1] for identifier in self._nodes)

    def mentions(self, identifier: str, words: tuple[str, ...]) -> bool:
        """Whether the body of function `identifier` holds one of `words`."""
        key = (identifier, words)
        known = self._mentions.get(key)
        if known is None:
            node = self._nodes.get(identifier)
            inner = node.child_by_field_name("body") if node is not None else None
            body = text(inner if inner is not None else node)
            known = mentioned(body, words)
            self._mentions[key] = known
        return known

    def ids_at(self, lines: frozenset[int] | None) -> list[str]:
        """Ids of the functions whose own statements hold one of `lines` (every one when None),
        with `<module>` when the top level does."""
        chosen: list[str] = []
        covered: set[int] = set()
        for identifier, node in self._nodes.items():
            if node.type == "class_definition":
                continue
            first, last = node.start_point.row + 1, node.end_point.row + 1
            span = range(first, last + 1)
            if lines is None or any(number in lines for number in span):
                chosen.append(identifier)
                covered.update(span)
        if lines is None or any(number not in covered for number in lines):
            chosen.insert(0, self.module.top)
        return chosen

    def _lower(self, identifier: str, node: Node, parent_node: Node | None) -> Function:
        definition = node
        decorators: list[Node] = []
        if parent_node is not None and parent_node.type == "decorated_definition":
            decorators = [child for child in parent_node.named_children if child.type == "decorator"]
        scope = _enclosing_scope(node) if node.type != "module" else None
        function = Function(
            id=identifier,
            name=identifier.rsplit(".", 1)[-1],
            path=self.module.path,
            module=self.module.name,
            start_line=line(decorators[0] if decorators else definition),
            end_line=definition.end_point.row + 1,
            params=_params(definition.child_by_field_name("parameters")),
            decorators=tuple(_callee(d) for d in decorators),
            decorator_args=tuple(_string_args(d) for d in decorators),
            class_name=self._ids.get(scope.start_byte)
            if scope is not None and scope.type == "class_definition"
            else None,
            parent=self._ids.get(scope.start_byte)
            if scope is not None and scope.type != "class_definition"
            else None,
        )
        self.module.functions[identifier] = function
        builder = FunctionBuilder(function)
        lowering = StatementLowering(builder, self.nested, self.module.name)
        if node.type == "lambda":
            value = lowering.expr(node.child_by_field_name("body"))
            builder.end(Return(value, line(node)))
        else:
            lowering.body(node.child_by_field_name("body") if node.type != "module" else node)
            lowering.finish()
        function.locals = frozenset(
            s.target
            for b in function.blocks
            for s in b.statements
            if isinstance(s, Assign) and not s.target.startswith("$")
        )
        return function


def _enclosing_scope(node: Node) -> Node | None:
    current = node.parent
    while current is not None:
        if current.type in _SCOPES:
            return current
        current = current.parent
    return None


def _params(node: Node | None) -> tuple[Param, ...]:
    if node is None:
        return ()
    params: list[Param] = []
    keyword_only = False
    for child in node.named_children:
        kind = child.type
        if kind == "keyword_separator":
            keyword_only = True
            continue
        if kind == "positional_separator":
            continue
        name_node = child.child_by_field_name("name") or next(
            (c for c in child.named_children if c.type == "identifier"), child
        )
        annotation = text(child.child_by_field_name("type"))
        default = kind in ("default_parameter", "typed_default_parameter")
        if kind == "list_splat_pattern" or (
            kind == "typed_parameter" and text(child).startswith("*") and not text(child).startswith("**")
        ):
            params.append(Param(text(name_node), "star", False, annotation))
            keyword_only = True
        elif kind == "dictionary_splat_pattern" or (
            kind == "typed_parameter" and text(child).startswith("**")
        ):
            params.append(Param(text(name_node), "double", False, annotation))
        else:
            params.append(
                Param(text(name_node), "keyword" if keyword_only else "positional", default, annotation)
            )
    return tuple(params)


def _callee(decorator: Node) -> str:
    inner = decorator.named_children[0] if decorator.named_children else None
    if inner is not None and inner.type == "call":
        inner = inner.child_by_field_name("function")
    return text(inner)


def _string_args(decorator: Node) -> tuple[str, ...]:
    inner = decorator.named_children[0] if decorator.named_children else None
    arguments = inner.child_by_field_name("arguments") if inner is not None and inner.type == "call" else None
    if arguments is None:
        return ()
    found: list[str] = []
    for child in arguments.named_children:
        if child.type == "string":
            found.append("".join(text(c) for c in child.named_children if c.type == "string_content"))
    return tuple(found)
