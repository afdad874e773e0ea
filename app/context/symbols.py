"""Functions, methods and classes a change added, removed or changed.

A definition whose first line was added is new unless the same qualified name lost its first line on
the base side (then it was changed: a new signature, or a move). The base tree is parsed only when
lines were removed. Only the changed regions are queried.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from tree_sitter import Query, Tree

from analyzers.contract.model import ChangedFile, Scope
from analyzers.contract.query import captures, compile_query
from analyzers.contract.syntax import get_language
from analyzers.record import record
from app.context.classify import CODE_LANGUAGES
from app.context.names import CLASS_TYPES, FUNCTION_TYPES, code_scope
from app.context.scopes import added_runs, scope_for

_DEFINITION_TYPES = sorted((FUNCTION_TYPES | CLASS_TYPES) - {"lambda", "func_literal"})


@record
class SymbolChange:
    path: str
    name: str
    kind: str  # function, method, class
    change: str  # added, removed, changed
    line: int  # head line (base line for removed symbols)


@cache
def _definition_query(language: str) -> Query:
    grammar = get_language(language)
    kinds = [kind for kind in _DEFINITION_TYPES if grammar.id_for_node_kind(kind, True) is not None]
    return compile_query(language, "\n".join(f"({kind}) @definition" for kind in kinds))


def definitions_starting_on(language: str, tree: Tree, lines: Iterable[int]) -> dict[str, Scope]:
    """Qualified name -> scope of every named definition whose first line is in `lines`."""
    wanted = set(lines)
    found: dict[str, Scope] = {}
    query = _definition_query(language)
    for start, end in added_runs(wanted):
        nodes = captures(query, tree.root_node, lines=(start, end)).get("definition", [])
        for node in sorted(nodes, key=lambda n: n.start_byte):  # capture order varies between runs
            if node.start_point.row + 1 not in wanted:
                continue
            scope = code_scope(node)
            if scope is not None and scope.start_line == node.start_point.row + 1:
                found.setdefault(scope.name, scope)
    return found


def _touched_scopes(changed: ChangedFile) -> dict[str, Scope]:
    return {
        r.scope.name: r.scope
        for r in changed.ranges
        if r.scope is not None and r.scope.kind in ("function", "method", "class")
    }


def _removed_scopes(changed: ChangedFile, base_tree: Tree) -> dict[str, Scope]:
    language, lines = changed.language or "", changed.lines("base")
    found: dict[str, Scope] = {}
    for start, end in added_runs(changed.removed_lines):
        scope = scope_for(language, base_tree, lines, start, end)
        if scope.kind in ("function", "method", "class"):
            found.setdefault(scope.name, scope)
    return found


def _base_tree(changed: ChangedFile) -> Tree | None:
    if not changed.removed_lines or changed.base_text is None or changed.language is None:
        return None
    return changed.tree("base")


def symbol_changes(changed: ChangedFile) -> list[SymbolChange]:
    """The symbol-level summary of one code file."""
    if changed.language not in CODE_LANGUAGES or changed.skipped_reason:
        return []
    language = changed.language
    head_tree = changed.tree("head") if changed.added_lines else None
    new = definitions_starting_on(language, head_tree, changed.added_lines) if head_tree else {}
    base_tree = _base_tree(changed)
    gone = definitions_starting_on(language, base_tree, changed.removed_lines) if base_tree else {}
    added = {name: scope for name, scope in new.items() if name not in gone}
    removed = {name: scope for name, scope in gone.items() if name not in new}
    touched = _removed_scopes(changed, base_tree) if base_tree else {}
    touched.update(_touched_scopes(changed))
    touched.update({name: scope for name, scope in new.items() if name in gone})
    changed_names = {n: s for n, s in touched.items() if n not in added and n not in removed}
    out = [
        SymbolChange(changed.path, name, scope.kind, change, scope.start_line)
        for change, group in (("added", added), ("removed", removed), ("changed", changed_names))
        for name, scope in group.items()
    ]
    return sorted(set(out), key=lambda c: (c.line, c.name, c.change))
