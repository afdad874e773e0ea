"""Tree-sitter query files of the rules, compiled once per (language, query) and matched in C.

Query files live in `analyzers/queries/<language>/<name>.scm`. TypeScript and TSX fall back to the
JavaScript file and C++ to the C file when they have none of their own, since their grammars extend those.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from tree_sitter import Language, Node, Query, QueryCursor, Tree

QUERY_DIR = Path(__file__).parent / "queries"

# Names the context may use for a language, mapped to the folder of its queries.
_CANONICAL = {
    "py": "python",
    "js": "javascript",
    "jsx": "javascript",
    "ts": "typescript",
    "tsx": "tsx",
    "c++": "cpp",
    "sh": "bash",
    "shell": "bash",
    "golang": "go",
}
_FALLBACK = {"typescript": ("javascript",), "tsx": ("typescript", "javascript"), "cpp": ("c",)}

Captures = dict[str, list[Node]]


def canonical_language(language: str | None) -> str | None:
    """The folder name under `queries/` for a context language name, or None."""
    if language is None:
        return None
    lowered = language.lower()
    return _CANONICAL.get(lowered, lowered)


def query_source(language: str, name: str) -> str | None:
    """The text of the query `name` for `language` (or its fallback language), or None."""
    for folder in (language, *_FALLBACK.get(language, ())):
        path = QUERY_DIR / folder / f"{name}.scm"
        if path.is_file():
            return path.read_text(encoding="utf-8")
    return None


def has_query(language: str | None, name: str) -> bool:
    canonical = canonical_language(language)
    return canonical is not None and query_source(canonical, name) is not None


@cache
def compiled_query(grammar: Language, language: str, name: str) -> Query | None:
    """The compiled query `name` for a grammar, built on first use; None when there is no file."""
    source = query_source(language, name)
    return None if source is None else Query(grammar, source)


def match_query(tree: Tree, language: str | None, name: str, node: Node | None = None) -> list[Captures]:
    """The matches of query `name` in `tree` (under `node`), in document order, as capture → nodes maps."""
    canonical = canonical_language(language)
    if canonical is None:
        return []
    query = compiled_query(tree.language, canonical, name)
    if query is None:
        return []
    matches = QueryCursor(query).matches(node if node is not None else tree.root_node)
    return [captures for _, captures in matches]
