"""Tree-sitter query files of the rules, compiled once per (language, query) through
`analyzers.contract.query` and matched in C.

Query files live in `analyzers/queries/<language>/<name>.scm`. TypeScript and TSX fall back to the
JavaScript file and C++ to the C file when they have none of their own, since their grammars extend those.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

from tree_sitter import Node, Tree

from analyzers.contract.query import Captures as Captures
from analyzers.contract.query import compile_query, matches

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


def canonical_language(language: str | None) -> str | None:
    """The folder name under `queries/` for a context language name, or None."""
    if language is None:
        return None
    lowered = language.lower()
    return _CANONICAL.get(lowered, lowered)


@cache
def query_source(language: str, name: str) -> str | None:
    """The text of the query `name` for `language` (or its fallback language), or None; read once."""
    for folder in (language, *_FALLBACK.get(language, ())):
        path = QUERY_DIR / folder / f"{name}.scm"
        if path.is_file():
            return path.read_text(encoding="utf-8")
    return None


def has_query(language: str | None, name: str) -> bool:
    canonical = canonical_language(language)
    return canonical is not None and query_source(canonical, name) is not None


_REQUIRES = re.compile(r"^;\s*requires:(.*)$", re.MULTILINE)
_LITERAL_PREDICATE = re.compile(r'\(#(?:eq|any-of)\?\s+@\w+((?:\s+"(?:[^"\\]|\\.)*")+)\s*\)')
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


@cache
def query_requirements(language: str | None, name: str) -> tuple[str, ...] | None:
    """Substrings of which at least one must occur in a file for query `name` to match there, or
    None when the query can match any file.

    Taken from a `; requires: a b` line of the query file when it has one, else derived from the
    query: each top-level pattern contributes the literals of its first `#eq?`/`#any-of?` predicate
    (a node's text must equal one of them, so one must occur in the file)."""
    canonical = canonical_language(language)
    source = query_source(canonical, name) if canonical is not None else None
    if source is None:
        return None
    declared = _REQUIRES.search(source)
    if declared is not None:
        return tuple(declared.group(1).split())
    required: list[str] = []
    for pattern in _top_level_patterns(source):
        predicate = _LITERAL_PREDICATE.search(pattern)
        if predicate is None:
            return None
        required.extend(_unescape(value) for value in _STRING.findall(predicate.group(1)))
    return tuple(dict.fromkeys(required)) or None


def query_may_match(language: str | None, name: str, text: str) -> bool:
    """Whether query `name` can match in `text`: it has no requirement words (`query_requirements`),
    or one of them occurs in `text`. A word derived from the query's literals is the whole text of a
    node, and a node ends where a token ends, which is never before a letter, digit or underscore: such
    a word counts only where none follows it (`iv` is no sign of an IV in `private`). A declared word
    (`; requires:`) counts anywhere, as part of a longer one too."""
    required = query_requirements(language, name)
    if required is None:
        return True
    whole = _whole_words(language, name)
    return any(word in text and (whole is None or whole[word].search(text)) for word in required)


_WORD_END = "[A-Za-z0-9_]"


@cache
def _whole_words(language: str | None, name: str) -> dict[str, re.Pattern[str]] | None:
    """For derived requirement words, each word's pattern where no word character follows it; None
    for declared ones."""
    canonical = canonical_language(language)
    source = query_source(canonical, name) if canonical is not None else None
    if source is None or _REQUIRES.search(source) is not None:
        return None
    ends = re.compile(_WORD_END)
    return {
        word: re.compile(re.escape(word) + (f"(?!{_WORD_END})" if ends.fullmatch(word[-1:]) else ""))
        for word in query_requirements(language, name) or ()
    }


# Node types of a syntax tree's root, per grammar: a pattern that starts at one of these may join
# nodes from different top-level statements.
_ROOT_TYPES = ("module", "program", "source_file", "translation_unit", "compilation_unit", "document")
_PATTERN_ROOT = re.compile(r"^\(\s*([A-Za-z_]+)")


@cache
def requirements_within_match(language: str | None, name: str) -> bool:
    """Whether the requirement words of query `name` (`query_requirements`) are literals of the
    nodes of each match, so a match can only be where they occur: true for derived requirements of a
    query whose patterns never start at the tree's root; a `; requires:` declaration only promises
    a word somewhere in the file."""
    canonical = canonical_language(language)
    source = query_source(canonical, name) if canonical is not None else None
    if source is None or _REQUIRES.search(source) is not None:
        return False
    for pattern in _top_level_patterns(source):
        root = _PATTERN_ROOT.match(pattern)
        if root is None or root.group(1) in _ROOT_TYPES:
            return False
    return True


def _top_level_patterns(source: str) -> list[str]:
    patterns: list[str] = []
    depth, start, in_string, escaped = 0, 0, False, False
    code = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith(";"))
    for index, char in enumerate(code):
        if in_string:
            escaped, in_string = (False, True) if escaped else (char == "\\", char != '"')
            continue
        if char == '"':
            in_string = True
        elif char in "([":
            start = index if depth == 0 else start
            depth += 1
        elif char in ")]":
            depth -= 1
            if depth == 0:
                patterns.append(code[start : index + 1])
    return patterns


def _unescape(value: str) -> str:
    return value.replace('\\"', '"').replace("\\\\", "\\")


def match_query(
    tree: Tree,
    language: str | None,
    name: str,
    node: Node | None = None,
    *,
    lines: Sequence[tuple[int, int]] | None = None,
) -> list[Captures]:
    """The matches of query `name` in `tree` (under `node`), in document order, as capture → nodes
    maps. `language` is the context's language id (it names the grammar). With `lines` (1-based
    inclusive runs), only matches that intersect those lines."""
    canonical = canonical_language(language)
    source = query_source(canonical, name) if canonical is not None else None
    if language is None or source is None:
        return []
    query = compile_query(language, source)
    root = node if node is not None else tree.root_node
    if lines is None:
        return [captures for _, captures in matches(query, root)]
    found: list[Captures] = []
    for run in lines:
        found.extend(captures for _, captures in matches(query, root, lines=run))
    return found


def line_runs(lines: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted line numbers grouped into runs of consecutive lines, as (first, last) pairs."""
    runs: list[tuple[int, int]] = []
    for line in sorted(lines):
        if runs and line == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], line)
        else:
            runs.append((line, line))
    return runs
