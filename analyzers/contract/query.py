"""Tree-sitter queries: compiled once per process, run through `QueryCursor` (tree-sitter 0.25+).

Analyzers write `.scm` patterns and call `captures` or `matches`, optionally limited to a range of lines
(the changed region) so that only that part of the tree is visited.
"""

from __future__ import annotations

from functools import lru_cache

from tree_sitter import Node, Point, Query, QueryCursor

from analyzers.contract.syntax import get_language

Captures = dict[str, list[Node]]


@lru_cache(maxsize=512)
def compile_query(language: str, source: str) -> Query:
    """The compiled query for `source` in `language` (raises `tree_sitter.QueryError` if invalid)."""
    return Query(get_language(language), source)


def _cursor(query: Query, lines: tuple[int, int] | None) -> QueryCursor:
    cursor = QueryCursor(query)
    if lines is not None:
        start, end = lines
        cursor.set_point_range(Point(max(start - 1, 0), 0), Point(end, 0))
    return cursor


def captures(query: Query, node: Node, *, lines: tuple[int, int] | None = None) -> Captures:
    """Capture name -> nodes, for all matches under `node` (within 1-based `lines` when given)."""
    return _cursor(query, lines).captures(node)


def matches(query: Query, node: Node, *, lines: tuple[int, int] | None = None) -> list[tuple[int, Captures]]:
    """(pattern index, captures) for every match under `node` (within 1-based `lines` when given)."""
    return _cursor(query, lines).matches(node)
