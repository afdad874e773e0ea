"""A JavaScript or TypeScript file as the engine sees it: its functions, arrow functions, methods and
classes found with one query, each lowered only when the analysis first needs it.

The file's `<module>` function runs its top-level statements (imports, `require`, the routes an app
registers); a callback passed to `app.get(...)` is a function of its own, analysed as an entry with
its parameters typed by the models (`req` is a request). Methods take the object they run on as a
`receiver` parameter (`this`); constructors are the class's `__init__`. Parameters written as patterns
(`({ query }) =>`) get a stand-in name and are destructured at the start of the body.
"""

from __future__ import annotations

from functools import cache

from tree_sitter import Node, Query, Tree

from analyzers.contract.query import compile_query, matches
from analyzers.contract.syntax import get_language
from analyzers.flow.builder import FunctionBuilder
from analyzers.flow.ir import Assign, ClassInfo, Function, Module, Param, Return
from analyzers.flow.javascript.expressions import line, text
from analyzers.flow.javascript.statements import JavaScriptStatements
from analyzers.flow.words import mentioned

_FUNCTIONS = ("function_declaration", "generator_function_declaration", "function_expression", "function",
              "generator_function", "arrow_function", "method_definition")  # fmt: skip
_CLASSES = frozenset({"class_declaration", "class", "abstract_class_declaration"})
_SCOPES = frozenset(_FUNCTIONS) | _CLASSES
LANGUAGES = ("javascript", "typescript", "tsx")
# Names every script sees without an import: they name library calls, not data of unknown origin.
GLOBALS = frozenset({"document", "window", "location", "navigator", "history", "localStorage", "sessionStorage",
                     "console", "process", "Math", "JSON", "Date", "Object", "Array", "String", "Number",
                     "Boolean", "Promise", "RegExp", "Error", "Map", "Set", "WeakMap", "Symbol", "Buffer",
                     "URL", "URLSearchParams", "fetch", "eval", "Function", "setTimeout", "setInterval",
                     "setImmediate", "parseInt", "parseFloat", "isNaN", "isFinite", "encodeURIComponent",
                     "encodeURI", "decodeURIComponent", "decodeURI", "escape", "unescape", "require", "module",
                     "exports", "globalThis", "self", "crypto", "atob", "btoa", "XMLHttpRequest", "WebSocket",
                     "Response", "Request", "Headers", "FormData", "alert", "structuredClone", "queueMicrotask",
                     "__dirname", "__filename", "jsx", "DOMParser", "Blob", "TextEncoder", "TextDecoder"})  # fmt: skip


@cache
def _query(language: str) -> Query:
    known = get_language(language)
    kinds = [k for k in (*_FUNCTIONS, *sorted(_CLASSES)) if known.id_for_node_kind(k, True) is not None]
    return compile_query(language, "[" + " ".join(f"({k})" for k in kinds) + "] @definition")


def module_name(path: str) -> str:
    """`src/routes/users.ts` -> `src.routes.users`; `lib/index.js` -> `lib`."""
    stem = path.rsplit("/", 1)
    last = stem[-1]
    if "." in last:
        last = last.rsplit(".", 1)[0]
    parts = [part for part in ([*stem[0].split("/")] if len(stem) > 1 else []) + [last] if part]
    if len(parts) > 1 and parts[-1] == "index":
        parts.pop()
    return ".".join(parts)


def _importer(path: str) -> str:
    """The dotted name relative imports are resolved against: the file's own, `index` kept
    (`./db` from `lib/index.js` is `lib.db`)."""
    head, _, last = path.rpartition("/")
    stem = last.rsplit(".", 1)[0] if "." in last else last
    return ".".join(part for part in [*head.split("/"), stem] if part)


class JavaScriptModule:
    """The functions and classes of one parsed JavaScript or TypeScript file, lowered on demand."""

    language = "javascript"

    def __init__(self, path: str, tree: Tree, grammar: str = "javascript") -> None:
        self.module = Module(path=path, name=module_name(path), language="javascript")
        self.tree = tree
        self._nodes: dict[str, Node] = {}
        self._ids: dict[int, str] = {}
        self._mentions: dict[tuple[str, tuple[str, ...]], bool] = {}
        for _, captures in matches(_query(grammar), tree.root_node):
            for node in captures.get("definition", []):
                self._register(node)

    # -- discovery ------------------------------------------------------------------------------
    def _register(self, node: Node) -> str:
        known = self._ids.get(node.start_byte)
        if known is not None:
            return known
        scope = _enclosing(node)
        prefix = self._register(scope) if scope is not None else ""
        name = _name_of(node)
        joiner = "." if scope is None or scope.type in _CLASSES else ".<locals>."
        identifier = f"{prefix}{joiner}{name}" if prefix else name
        while identifier in self._nodes and self._nodes[identifier].start_byte != node.start_byte:
            identifier += "'"
        self._nodes[identifier] = node
        self._ids[node.start_byte] = identifier
        if node.type in _CLASSES:
            self.module.classes[identifier] = ClassInfo(identifier, name, _bases(node), start_line=line(node))
        elif scope is not None and scope.type in _CLASSES:
            owner = self.module.classes.get(self._ids[scope.start_byte])
            if owner is not None:
                owner.methods.setdefault(name, identifier)
        return identifier

    def nested(self, node: Node) -> str:
        return self._register(node)

    def class_info(self, identifier: str) -> ClassInfo | None:
        return self.module.classes.get(identifier)

    def decorated(self, identifier: str) -> bool:
        return False

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
            return self._lower(identifier, self.tree.root_node)
        node = self._nodes.get(identifier)
        if node is None or node.type in _CLASSES:
            return None
        return self._lower(identifier, node)

    def _lower(self, identifier: str, node: Node) -> Function:
        top = node.type == "program"
        scope = None if top else _enclosing(node)
        method = scope is not None and scope.type in _CLASSES
        params, patterns = _params(node)
        function = Function(
            id=identifier,
            name=identifier.rsplit(".", 1)[-1],
            path=self.module.path,
            module=self.module.name,
            start_line=line(node),
            end_line=node.end_point.row + 1,
            params=((Param("this", "receiver"),) if method else ()) + params,
            decorators=("staticmethod",) if method and _is_static(node) else (),
            class_name=self._ids.get(scope.start_byte) if method and scope is not None else None,
            parent=self._ids.get(scope.start_byte) if scope is not None and not method else None,
        )
        self.module.functions[identifier] = function
        builder = FunctionBuilder(function)
        lowering = JavaScriptStatements(builder, self.nested, _importer(self.module.path))
        lowering.destructure_params(patterns)
        body = node if top else node.child_by_field_name("body")
        if node.type == "arrow_function" and body is not None and body.type != "statement_block":
            builder.end(Return(lowering.expr(body), line(node)))
        else:
            lowering.body(body)
            lowering.finish()
        function.locals = frozenset(
            s.target
            for b in function.blocks
            for s in b.statements
            if isinstance(s, Assign) and not s.target.startswith("$")
        )
        return function


def _enclosing(node: Node) -> Node | None:
    current = node.parent
    while current is not None:
        if current.type in _SCOPES:
            return current
        current = current.parent
    return None


def _name_of(node: Node) -> str:
    if node.type == "method_definition":
        name = text(node.child_by_field_name("name"))
        return "__init__" if name == "constructor" else name
    named = node.child_by_field_name("name")
    if named is not None:
        return text(named)
    parent = node.parent
    if parent is not None and parent.type == "variable_declarator":
        return text(parent.child_by_field_name("name"))
    if node.type in _CLASSES:
        return f"<class>@{line(node)}"
    return f"<lambda>@{line(node)}"


def _bases(node: Node) -> tuple[str, ...]:
    heritage = next((c for c in node.named_children if c.type == "class_heritage"), None)
    if heritage is None:
        return ()
    clause = next((c for c in heritage.named_children if c.type == "extends_clause"), heritage)
    value = clause.child_by_field_name("value") or (
        clause.named_children[0] if clause.named_children else None
    )
    return (text(value),) if value is not None else ()


def _is_static(node: Node) -> bool:
    return any(child.type == "static" for child in node.children)


def _params(node: Node) -> tuple[tuple[Param, ...], list[tuple[str, Node]]]:
    """The parameters of a function, and the patterns to destructure from stand-in names."""
    holder = node.child_by_field_name("parameters")
    single = node.child_by_field_name("parameter")  # `x => ...`
    children = [single] if single is not None else (holder.named_children if holder is not None else [])
    params: list[Param] = []
    patterns: list[tuple[str, Node]] = []
    for index, child in enumerate(children):
        if child.type == "comment":
            continue
        pattern = (
            child.child_by_field_name("pattern")
            if child.type in ("required_parameter", "optional_parameter")
            else child
        )
        annotation = child.child_by_field_name("type")
        written = text(annotation).lstrip(":").strip() if annotation is not None else ""
        if pattern is None:
            continue
        default = pattern.type == "assignment_pattern" or child.child_by_field_name("value") is not None
        if pattern.type == "assignment_pattern":
            pattern = pattern.child_by_field_name("left") or pattern
        if pattern.type == "identifier":
            params.append(Param(text(pattern), "positional", default, written))
        elif pattern.type == "rest_pattern":
            inner = pattern.named_children[0] if pattern.named_children else None
            params.append(Param(text(inner) if inner is not None else f"@arg{index}", "star", False, written))
        elif pattern.type == "this":
            continue
        else:
            stand_in = " ".join(text(pattern).split())[:60] or f"@arg{index}"
            params.append(Param(stand_in, "positional", default, written))
            patterns.append((stand_in, pattern))
    return tuple(params), patterns
