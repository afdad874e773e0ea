"""A Go file as the engine sees it: its functions, methods, function literals and struct types found
with one query, each lowered only when the analysis first needs it.

The file's `<module>` function binds its imports (`net/http` is the module `net.http`, named `http`;
a version suffix `/v4` is dropped) and its package-level names. A method (`func (s *Server) Get(...)`)
belongs to the class of its receiver's type and takes the receiver as its `receiver` parameter; a
struct type is a class whose methods are the file's methods on it. Parameters keep their declared
type (`*http.Request` is written `http.Request`), which is how the models type a handler's request.
"""

from __future__ import annotations

from functools import cache

from tree_sitter import Node, Query, Tree

from analyzers.flow.builder import FunctionBuilder
from analyzers.flow.go.expressions import line, string_value, text, type_name
from analyzers.flow.go.statements import GoStatements
from analyzers.flow.ir import Assign, ClassInfo, Function, FunctionRef, Import, Module, Param

_FUNCTIONS = ("function_declaration", "method_declaration", "func_literal")
_SCOPES = frozenset(_FUNCTIONS)
# Names every Go file sees without an import: built-in functions and types, not data of unknown origin.
BUILTINS = frozenset({"append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len", "make", "max",
                      "min", "new", "panic", "print", "println", "real", "recover", "string", "int", "int64",
                      "float64", "byte", "rune", "error", "bool", "any"})  # fmt: skip


@cache
def _query() -> Query:
    from analyzers.contract.query import compile_query

    kinds = " ".join(f"({k})" for k in (*_FUNCTIONS, "type_spec"))
    return compile_query("go", f"[{kinds}] @definition")


def module_name(path: str) -> str:
    """`internal/api/users.go` -> `internal.api.users`."""
    head, _, last = path.rpartition("/")
    stem = last.rsplit(".", 1)[0] if "." in last else last
    return ".".join(part for part in [*head.split("/"), stem] if part)


def import_ref(written: str) -> tuple[str, str]:
    """The dotted module an import path names, and the name it is used by
    (`github.com/labstack/echo/v4` -> (`github.com.labstack.echo`, `echo`))."""
    parts = [part for part in written.split("/") if part]
    if len(parts) > 1 and parts[-1][:1] == "v" and parts[-1][1:].isdigit():
        parts.pop()
    name = parts[-1] if parts else written
    if name.startswith("go-"):
        name = name[3:]
    name = name.split(".")[0] if "." in name and len(parts) > 1 else name
    return ".".join(parts), name.replace("-", "")


class GoModule:
    """The functions and struct types of one parsed Go file, lowered on demand."""

    language = "go"

    def __init__(self, path: str, tree: Tree) -> None:
        from analyzers.contract.query import matches

        self.module = Module(path=path, name=module_name(path), language="go")
        self.tree = tree
        self._nodes: dict[str, Node] = {}
        self._ids: dict[int, str] = {}
        self._mentions: dict[tuple[str, tuple[str, ...]], bool] = {}
        found = [
            node
            for _, captures in matches(_query(), tree.root_node)
            for node in captures.get("definition", [])
        ]
        for node in found:  # types first, so methods find their class
            if node.type == "type_spec" and _struct(node):
                name = text(node.child_by_field_name("name"))
                self.module.classes[name] = ClassInfo(name, name, _embedded(node), start_line=line(node))
        for node in found:
            if node.type != "type_spec":
                self._register(node)

    # -- discovery ------------------------------------------------------------------------------
    def _register(self, node: Node) -> str:
        known = self._ids.get(node.start_byte)
        if known is not None:
            return known
        scope = _enclosing(node)
        prefix = self._register(scope) if scope is not None else ""
        if node.type == "method_declaration":
            owner = _receiver_type(node)
            name = text(node.child_by_field_name("name"))
            identifier = f"{owner}.{name}" if owner else name
            info = self.module.classes.get(owner)
            if info is None and owner:
                info = self.module.classes[owner] = ClassInfo(owner, owner, (), start_line=line(node))
            if info is not None:
                info.methods.setdefault(name, identifier)
        elif node.type == "function_declaration":
            identifier = text(node.child_by_field_name("name"))
        else:
            name = f"<lambda>@{line(node)}"
            identifier = f"{prefix}.<locals>.{name}" if prefix else name
        while identifier in self._nodes and self._nodes[identifier].start_byte != node.start_byte:
            identifier += "'"
        self._nodes[identifier] = node
        self._ids[node.start_byte] = identifier
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
            body = text(self._nodes.get(identifier))
            known = self._mentions[key] = any(word in body for word in words)
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
            return self._lower_top()
        node = self._nodes.get(identifier)
        return self._lower(identifier, node) if node is not None else None

    def _lower_top(self) -> Function:
        root = self.tree.root_node
        function = Function(self.module.top, self.module.top, self.module.path, self.module.name, 1,
                            root.end_point.row + 1)  # fmt: skip
        self.module.functions[function.id] = function
        builder = FunctionBuilder(function)
        lowering = GoStatements(builder, self.nested)
        imports: list[str] = []
        for child in root.named_children:
            if child.type == "import_declaration":
                for spec in _import_specs(child):
                    path_node = spec.child_by_field_name("path")
                    if path_node is None:
                        continue
                    ref, name = import_ref(string_value(path_node))
                    alias = spec.child_by_field_name("name")
                    if alias is not None and text(alias) not in ("_", "."):
                        name = text(alias)
                    imports.append(ref)
                    builder.assign(name, Import(ref), line(spec))
            elif child.type == "function_declaration":
                name = text(child.child_by_field_name("name"))
                builder.assign(name, FunctionRef(self._register(child)), line(child))
            elif child.type in ("var_declaration", "const_declaration"):
                lowering.statement(child, 0)
        self.module.imports = tuple(imports)
        lowering.finish()
        function.locals = _locals(function)
        return function

    def _lower(self, identifier: str, node: Node) -> Function:
        scope = _enclosing(node)
        method = node.type == "method_declaration"
        receiver = _receiver(node) if method else ()
        function = Function(
            id=identifier,
            name=identifier.rsplit(".", 1)[-1],
            path=self.module.path,
            module=self.module.name,
            start_line=line(node),
            end_line=node.end_point.row + 1,
            params=receiver + _params(node.child_by_field_name("parameters")),
            class_name=_receiver_type(node) or None if method else None,
            parent=self._ids.get(scope.start_byte) if scope is not None else None,
        )
        self.module.functions[identifier] = function
        builder = FunctionBuilder(function)
        lowering = GoStatements(builder, self.nested)
        lowering.body(node.child_by_field_name("body"))
        lowering.finish()
        function.locals = _locals(function)
        return function


def _locals(function: Function) -> frozenset[str]:
    return frozenset(
        s.target
        for b in function.blocks
        for s in b.statements
        if isinstance(s, Assign) and not s.target.startswith("$")
    )


def _enclosing(node: Node) -> Node | None:
    current = node.parent
    while current is not None:
        if current.type in _SCOPES:
            return current
        current = current.parent
    return None


def _struct(node: Node) -> bool:
    kind = node.child_by_field_name("type")
    return kind is not None and kind.type in ("struct_type", "type_identifier", "qualified_type")


def _embedded(node: Node) -> tuple[str, ...]:
    """Embedded fields of a struct: its methods come with them, as from a base class."""
    kind = node.child_by_field_name("type")
    if kind is None or kind.type != "struct_type":
        return ()
    bases: list[str] = []
    for fields in kind.named_children:
        for field in fields.named_children if fields.type == "field_declaration_list" else []:
            if field.type == "field_declaration" and field.child_by_field_name("name") is None:
                bases.append(type_name(field.child_by_field_name("type")))
    return tuple(base for base in bases if base)


def _receiver(node: Node) -> tuple[Param, ...]:
    holder = node.child_by_field_name("receiver")
    declarations = [c for c in holder.named_children if c.type == "parameter_declaration"] if holder else []
    if not declarations:
        return ()
    name = declarations[0].child_by_field_name("name")
    return (Param(text(name) if name is not None else "_", "receiver"),)


def _receiver_type(node: Node) -> str:
    holder = node.child_by_field_name("receiver")
    declarations = [c for c in holder.named_children if c.type == "parameter_declaration"] if holder else []
    if not declarations:
        return ""
    return type_name(declarations[0].child_by_field_name("type")).split("[")[0]


def _params(holder: Node | None) -> tuple[Param, ...]:
    params: list[Param] = []
    for index, declaration in enumerate(holder.named_children if holder is not None else []):
        if declaration.type not in ("parameter_declaration", "variadic_parameter_declaration"):
            continue
        written = type_name(declaration.child_by_field_name("type"))
        names = declaration.children_by_field_name("name")
        kind = "star" if declaration.type == "variadic_parameter_declaration" else "positional"
        if not names:
            params.append(Param(f"@arg{index}", kind, False, written))
        for name in names:
            params.append(Param(text(name), kind, False, written))
    return tuple(params)


def _import_specs(node: Node) -> list[Node]:
    found: list[Node] = []
    for child in node.named_children:
        if child.type == "import_spec":
            found.append(child)
        elif child.type == "import_spec_list":
            found.extend(c for c in child.named_children if c.type == "import_spec")
    return found
