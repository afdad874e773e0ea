"""Modules that code imports: Python `import`/`from … import`, JavaScript and TypeScript `import`,
`export … from`, `require()` and `import()`. Only the subtrees that hold added lines are walked."""

from __future__ import annotations

import sys
from collections.abc import Collection, Iterator

from tree_sitter import Node

from analyzers.contract.model import ChangedFile, Side
from analyzers.contract.query import captures, compile_query
from analyzers.query import line_runs
from analyzers.record import record
from analyzers.supply_chain.names import NPM, PYPI

PYTHON_LANGUAGES = frozenset({"python"})
JS_LANGUAGES = frozenset({"javascript", "typescript", "tsx"})
PYTHON_STDLIB = frozenset(sys.stdlib_module_names) | {"__future__"}
NODE_BUILTINS = frozenset(
    {"assert", "async_hooks", "buffer", "child_process", "cluster", "console", "constants"}
    | {"crypto", "dgram", "diagnostics_channel", "dns", "domain", "events", "fs", "http", "http2"}
    | {"https", "inspector", "module", "net", "os", "path", "perf_hooks", "process", "punycode"}
    | {"querystring", "readline", "repl", "stream", "string_decoder", "sys", "timers", "tls"}
    | {"trace_events", "tty", "url", "util", "v8", "vm", "wasi", "worker_threads", "zlib", "test"}
)


@record
class ImportedModule:
    ecosystem: str  # pypi for Python modules, npm for JavaScript packages
    module: str  # the top-level module (Python) or the package name (npm)
    line: int  # 1-based head line
    builtin: bool  # stdlib or runtime built-in
    guarded: bool = False  # inside `try` (an optional import) or `if TYPE_CHECKING:`


def imported_modules(
    changed: ChangedFile, side: Side = "head", *, lines: Collection[int] | None = None
) -> list[ImportedModule]:
    """Imports in one side of the file; with `lines`, only those starting on these lines (head
    side by default: the pull request's added lines)."""
    language = changed.language
    if language not in PYTHON_LANGUAGES | JS_LANGUAGES or changed.skipped_reason:
        return []
    wanted = changed.added_lines if lines is None and side == "head" else lines
    if wanted is not None and not wanted:
        return []
    tree = changed.tree(side)
    if tree is None:
        return []
    reader = _python_imports if language in PYTHON_LANGUAGES else _js_imports
    query = compile_query(language, _PYTHON_QUERY if language in PYTHON_LANGUAGES else _JS_QUERY)
    spans = line_runs(wanted) if wanted is not None else [None]
    nodes = {
        node.id: node
        for span in spans
        for node in captures(query, tree.root_node, lines=span).get("node", [])
    }
    found = []
    for node in sorted(nodes.values(), key=lambda n: n.start_byte):
        for item in reader(node):
            if wanted is None or item.line in wanted:
                found.append(item)
    return found


# Import statements and loader calls, found by tree-sitter (C) rather than a walk in Python.
_PYTHON_QUERY = "[(import_statement) (import_from_statement)] @node"
_JS_QUERY = """
(import_statement) @node
(export_statement source: (string)) @node
(call_expression function: (identifier) @fn (#eq? @fn "require")) @node
(call_expression function: (import)) @node
"""


def _python_imports(node: Node) -> Iterator[ImportedModule]:
    if node.type == "import_statement":
        for child in node.named_children:
            name = child.child_by_field_name("name") if child.type == "aliased_import" else child
            if name is not None and name.type == "dotted_name":
                yield _python_module(name)
    elif node.type == "import_from_statement":
        module = node.child_by_field_name("module_name")
        if module is not None and module.type == "dotted_name":
            yield _python_module(module)


def _python_module(node: Node) -> ImportedModule:
    top = _text(node).split(".", 1)[0].strip()
    return ImportedModule(PYPI, top, node.start_point.row + 1, top in PYTHON_STDLIB, _guarded(node))


def _guarded(node: Node) -> bool:
    """Whether the import sits in a `try` block or under `if TYPE_CHECKING:`."""
    parent = node.parent
    while parent is not None:
        if parent.type == "try_statement":
            return True
        if parent.type == "if_statement":
            condition = parent.child_by_field_name("condition")
            if condition is not None and "TYPE_CHECKING" in _text(condition):
                return True
        parent = parent.parent
    return False


def _js_imports(node: Node) -> Iterator[ImportedModule]:
    source: Node | None = None
    if node.type in {"import_statement", "export_statement"}:
        source = node.child_by_field_name("source")
    elif node.type == "call_expression":
        function = node.child_by_field_name("function")
        arguments = node.child_by_field_name("arguments")
        is_loader = function is not None and (
            function.type == "import" or (function.type == "identifier" and _text(function) == "require")
        )
        if is_loader and arguments is not None and arguments.named_child_count == 1:
            source = arguments.named_children[0]
    if source is None or source.type != "string":
        return
    package = js_package(_text(source)[1:-1])
    if package is not None:
        builtin = package.removeprefix("node:") in NODE_BUILTINS or package.startswith("node:")
        yield ImportedModule(NPM, package, source.start_point.row + 1, builtin, _guarded(node))


def js_package(specifier: str) -> str | None:
    """The npm package of a bare import specifier (`lodash/fp` -> lodash), None for paths and URLs."""
    if not specifier or specifier.startswith((".", "/", "~", "#", "@/")) or "://" in specifier:
        return None
    parts = specifier.split("/")
    if specifier.startswith("@"):
        return "/".join(parts[:2]) if len(parts) >= 2 else None
    return parts[0]


def _text(node: Node) -> str:
    return (node.text or b"").decode("utf-8", "replace")
