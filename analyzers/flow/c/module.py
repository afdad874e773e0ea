"""A C or C++ file as the engine sees it: its function definitions found with one query (inside
namespaces, classes, `extern "C"` blocks and preprocessor conditionals too), each lowered only when
the analysis first needs it.

The file's `<module>` function binds the name of every function it defines, so a call of a function of
the same file is followed. C has no imports: a call into another file is a library call. Both
languages share the models of `analyzers/models/c/`.
"""

from __future__ import annotations

import re
from functools import cache

from tree_sitter import Node, Query, Tree

from analyzers.contract.query import compile_query, matches
from analyzers.flow.builder import FunctionBuilder
from analyzers.flow.c.expressions import line, qualified, text
from analyzers.flow.c.statements import CStatements, declared_name
from analyzers.flow.ir import Assign, ClassInfo, Function, FunctionRef, Module, Param
from analyzers.flow.words import mentioned

_DEFINITIONS = "(function_definition) @definition"
_CLASSES = frozenset({"class_specifier", "struct_specifier", "union_specifier"})
MODELS = "c"  # the folder of models both languages read
_DELETE = re.compile(r"\bdelete\b")  # `delete p` frees without a call


@cache
def _query(language: str) -> Query:
    return compile_query(language, _DEFINITIONS)


def module_name(path: str) -> str:
    stem = path.rsplit(".", 1)[0] if "." in path.rsplit("/", 1)[-1] else path
    return ".".join(part for part in stem.split("/") if part)


def _function_declarator(node: Node | None) -> Node | None:
    depth = 0
    while node is not None and node.type != "function_declarator" and depth < 32:
        node = node.child_by_field_name("declarator")
        depth += 1
    return node


class CModule:
    """The function definitions of one parsed C or C++ file, lowered on demand."""

    language = MODELS

    def __init__(self, path: str, tree: Tree, grammar: str) -> None:
        self.module = Module(path=path, name=module_name(path), language=MODELS)
        self.tree = tree
        self._nodes: dict[str, Node] = {}
        self._mentions: dict[tuple[str, tuple[str, ...]], bool] = {}
        for _, captures in matches(_query(grammar), tree.root_node):
            for node in captures.get("definition", []):
                self._register(node)

    def _register(self, node: Node) -> None:
        declarator = _function_declarator(node.child_by_field_name("declarator"))
        if declarator is None or node.child_by_field_name("body") is None:
            return
        name = qualified(declarator.child_by_field_name("declarator"))
        if not name:
            return
        owner = _owner(node)
        identifier = f"{owner}.{name}" if owner else name
        while identifier in self._nodes:
            identifier += "'"  # an overload, or a definition in another preprocessor branch
        self._nodes[identifier] = node

    def class_info(self, identifier: str) -> ClassInfo | None:
        return None

    def decorated(self, identifier: str) -> bool:
        return False

    def names(self) -> frozenset[str]:
        return frozenset(identifier.rstrip("'").rsplit(".", 1)[-1] for identifier in self._nodes)

    def mentions(self, identifier: str, words: tuple[str, ...]) -> bool:
        key = (identifier, words)
        known = self._mentions.get(key)
        if known is None:
            node = self._nodes.get(identifier)
            body = node.child_by_field_name("body") if node is not None else None
            declarator = node.child_by_field_name("declarator") if node is not None else None
            known = self._mentions[key] = body is not None and (
                mentioned(text(body), words)
                or "argv" in text(declarator)
                or _DELETE.search(text(body)) is not None  # `main`: a source itself
            )
        return known

    def ids_at(self, lines: frozenset[int] | None) -> list[str]:
        chosen = [self.module.top]
        for identifier, node in self._nodes.items():
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
        return self._lower(identifier, node) if node is not None else None

    def _lower(self, identifier: str, node: Node) -> Function:
        declarator = _function_declarator(node.child_by_field_name("declarator"))
        function = Function(
            id=identifier,
            name=identifier.rstrip("'").rsplit(".", 1)[-1],
            path=self.module.path,
            module=self.module.name,
            start_line=line(node),
            end_line=node.end_point.row + 1,
            params=_params(declarator.child_by_field_name("parameters") if declarator is not None else None),
        )
        self.module.functions[identifier] = function
        lowering = CStatements(FunctionBuilder(function))
        lowering.body(node.child_by_field_name("body"))
        lowering.finish()
        assigned = {s.target for b in function.blocks for s in b.statements if isinstance(s, Assign)}
        function.locals = frozenset(
            {name for name in assigned if not name.startswith("$")} | {p.name for p in function.params}
        )
        return function

    def _top(self) -> Function:
        function = Function(id=self.module.top, name=self.module.top, path=self.module.path, module=self.module.name,
                            start_line=1, end_line=self.tree.root_node.end_point.row + 1)  # fmt: skip
        self.module.functions[self.module.top] = function
        builder = FunctionBuilder(function)
        for identifier, node in self._nodes.items():
            if identifier.endswith("'"):
                continue
            builder.assign(identifier.rsplit(".", 1)[-1], FunctionRef(identifier), line(node))
        CStatements(builder).finish()
        return function


def _owner(node: Node) -> str:
    """The names of the classes and namespaces around a definition (`ns.Class`)."""
    names: list[str] = []
    current = node.parent
    while current is not None and len(names) < 16:
        if current.type in _CLASSES or current.type == "namespace_definition":
            name = current.child_by_field_name("name")
            if name is not None:
                names.append(qualified(name))
        current = current.parent
    return ".".join(reversed(names))


def _params(node: Node | None) -> tuple[Param, ...]:
    if node is None:
        return ()
    params: list[Param] = []
    for child in node.named_children:
        if child.type == "variadic_parameter":
            params.append(Param("...", "star"))
            continue
        if child.type not in ("parameter_declaration", "optional_parameter_declaration"):
            continue
        name = declared_name(child.child_by_field_name("declarator"))
        if name:
            params.append(Param(name, "positional", child.type == "optional_parameter_declaration"))
    return tuple(params)
