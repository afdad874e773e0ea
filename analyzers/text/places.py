"""Where a character of a changed file stands, in every text file: code, a comment or a string.

One answer for parsed and unparsed languages: the syntax tree when the file's language has a grammar
here (and the parse finished), else the lexical scanner of the file's comment-syntax family
(`analyzers.text.lexical`). Prose (Markdown, plain text, files of no known family) has no code;
markup (HTML, XML, SVG) has comments and displayed text, which counts as a string.
"""

from __future__ import annotations

import re
from typing import Literal

from tree_sitter import Tree

from analyzers.contract.model import ChangeContext, ChangedFile, FileKind
from analyzers.contract.syntax import DEFAULT_MAX_BYTES
from analyzers.derived import per_change
from analyzers.text import lexical
from analyzers.text.lines import MAX_TEXT_LINES
from analyzers.text.nodes import Place, enclosing_text, node_at, node_text

Source = Literal["tree", "lexical"]
_WORD = re.compile(r"[^\W\d]\w{0,200}")
_MAX_NODES = 200_000
IDENTIFIER_TYPES = ("identifier", "constant", "name", "field_identifier", "variable_name")


def skip_reason(file: ChangedFile) -> str | None:
    """Why the hidden-character rules do not read a file (binary, generated, no text), or None."""
    if file.binary or file.is_kind(FileKind.BINARY):
        return "binary"
    if file.is_kind(FileKind.GENERATED):
        return "generated"
    if file.head_text is None:
        return "no text on the head side"
    return None


class FilePlaces:
    """Places in the head side of one source file, from its tree or its comment-syntax family."""

    __slots__ = ("_file", "_lexed", "_lexed_family", "family", "source")

    def __init__(self, file: ChangedFile, source: Source, family: str | None) -> None:
        self._file = file
        self.source = source
        self.family = family
        self._lexed: lexical.LexedText | None = None
        self._lexed_family: str | None = None

    def _lexer(self) -> lexical.LexedText:
        if self._lexed is None or (self._lexed_family is None and self.source == "lexical"):
            self._lexed = lexical.LexedText(self._file.lines("head")[:MAX_TEXT_LINES], self.family or "c")
            self._lexed_family = self.family or "c"
        return self._lexed

    def lexed(self) -> lexical.LexedText:
        """Lines and offsets of the file; with its comments and strings when it has no tree."""
        if self.source == "lexical":
            return self._lexer()
        if self._lexed is None:
            self._lexed = lexical.LexedText(self._file.lines("head")[:MAX_TEXT_LINES], None)
        return self._lexed

    def tree(self) -> Tree | None:
        return self._file.tree("head") if self.source == "tree" else None

    @property
    def language(self) -> str | None:
        """The grammar's language name when the places come from a tree."""
        return self._file.language if self.source == "tree" else None

    def place(self, number: int, line: str, column: int) -> Place:
        return self.holder(number, line, column)[0]

    def holder(self, number: int, line: str, column: int) -> tuple[Place, str | None]:
        """The place of a character and the whole comment or string holding it (None in code)."""
        if self.source == "tree":
            tree = self._file.tree("head")
            if tree is not None:
                place, node = enclosing_text(node_at(tree, number, line, column))
                return place, node_text(node) if node is not None else None
        lexed = self._lexer()
        region = lexed.region_at(number, column)
        if region is None:
            return ("string", line) if self.family == "markup" else ("code", None)
        return region.kind, lexed.region_text(region)

    def identifiers(self) -> dict[str, set[int]]:
        """Identifier text → head line numbers: tree leaves, or words in the code between comments
        and strings."""
        tree = self._file.tree("head") if self.source == "tree" else None
        if tree is not None:
            return _tree_identifiers(tree)
        found: dict[str, set[int]] = {}
        if self.family == "markup":
            return found
        lexed = self._lexer()
        for start, end in lexed.code_spans():
            for match in _WORD.finditer(lexed.text, start, end):
                found.setdefault(match.group(0), set()).add(lexed.line_of(match.start()))
        return found

    def is_identifier_at(self, number: int, line: str, column: int) -> bool:
        tree = self._file.tree("head") if self.source == "tree" else None
        if tree is not None:
            node = node_at(tree, number, line, column)
            return node is not None and node.type.endswith(IDENTIFIER_TYPES)
        return self.place(number, line, column) == "code" and self.family != "markup"


def _tree_identifiers(tree: object) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {}
    stack = [tree.root_node]  # type: ignore[attr-defined]
    seen = 0
    while stack and seen < _MAX_NODES:
        node = stack.pop()
        seen += 1
        if node.child_count == 0:
            if node.type.endswith(IDENTIFIER_TYPES):
                found.setdefault(node_text(node), set()).add(node.start_point.row + 1)
            continue
        stack.extend(node.children)
    return found


@per_change
def _places(ctx: ChangeContext) -> dict[str, FilePlaces | None]:
    return {}


def places_of(ctx: ChangeContext, file: ChangedFile, *, generated: bool = False) -> FilePlaces | None:
    """The places of a source file of the change (kept for the change), or None for prose and binary
    files, and for generated ones unless `generated` (a rule that a generated-file marker must not switch
    off: the pull request writes the marker too)."""
    if file.is_kind(FileKind.GENERATED) and not generated:
        return None
    kept = _places(ctx)
    if file.path not in kept:
        kept[file.path] = _build(file)
    return kept[file.path]


def _build(file: ChangedFile) -> FilePlaces | None:
    reason = skip_reason(file)
    if reason is not None and reason != "generated":
        return None
    family = lexical.family_of(file.path, file.head_text)
    if _big_lockfile(file):
        return FilePlaces(file, "lexical", family) if family is not None else None
    if file.language is not None and not file.skipped_reason and file.tree("head") is not None:
        return FilePlaces(file, "tree", family)
    if family is None:
        return None
    return FilePlaces(file, "lexical", family)


def _big_lockfile(file: ChangedFile) -> bool:
    """A lockfile past the size of a syntax tree (lockfiles are read up to a larger cap): its places
    come from its comment-syntax family, in one linear pass."""
    text = file.head_text
    if not file.is_kind(FileKind.LOCKFILE) or text is None or len(text) <= DEFAULT_MAX_BYTES // 4:
        return False
    return len(text.encode("utf-8", "surrogatepass")) > DEFAULT_MAX_BYTES
