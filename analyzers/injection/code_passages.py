"""Passages of source files: comment blocks and runs of string literals, joined as a reader joins them.

Comments on consecutive lines are one passage (a comment continued over lines); string literals
joined by concatenation (`"a" + "b"`, `'a' .. 'b'`, adjacent literals, a list of parts) or assigned
on consecutive lines are one passage, so a sentence split into pieces reads whole again. Comments
and strings come from the syntax tree, or, without one, from the file's comment-syntax family.
Only what touches an added line is kept.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from functools import cache
from itertools import repeat
from operator import add, ne

from tree_sitter import Node, Point, Query, QueryError, Tree

from analyzers.contract.query import captures, compile_query
from analyzers.contract.syntax import get_language
from analyzers.injection.passages import MAX_PASSAGES, Passage
from analyzers.record import record
from analyzers.text.lexical import LexedText
from analyzers.text.nodes import node_text
from analyzers.text.places import FilePlaces

_COMMENT_MARKS = re.compile(
    r"(?m)^[ \t]{0,200}(?:#+|//+!?|/\*+!?|\*+/?|--+(?:\[\[)?|;+|%+|!|<!--|\{-|\(\*|')[ \t]?"
)
_COMMENT_ENDS = re.compile(r"(?:(?<!\*)\*+/|-->|-\}|\*\)|\]\])[ \t]{0,200}$", re.MULTILINE)
_QUOTE_OPEN = re.compile(r"^[A-Za-z@$]{0,3}(?:\"\"\"|'''|\"|'|`|\[\[)")
_QUOTE_CLOSE = re.compile(r"(?:\"\"\"|'''|\"|'|`|\]\])$")
_JOINER = re.compile(r"^[\s+.,|&\\()\[\]{}]{0,60}$")
_NEXT_PART = re.compile(r"^[\s;,]{0,20}\n[ \t]{0,40}(?:(?:const|let|var|val|local|my|final|static|string)\s{1,4}){0,2}"
                        r"[\w$.\[\]'\"]{1,60}\s{0,4}(?::\s{0,4}\w{1,30}\s{0,4})?[:+.]?=\s{0,4}$")  # fmt: skip
_ESCAPES = {"\\n": " ", "\\t": " ", '\\"': '"', "\\'": "'", "\\\\": "\\"}
_MAX_NODES = 200_000
_STARTS = bytes(0 if 0x80 <= byte <= 0xBF else 1 for byte in range(256))
_MAX_RANGES = 64  # more runs of added lines are merged where they are closest, and filtered


@record
class Piece:
    kind: str  # comment, string, docstring, undisplayed-string
    start: int  # offset in the joined text of the file
    end: int
    text: str


def code_passages(places: FilePlaces, added: frozenset[int]) -> list[Passage]:
    lexed = places.lexed()
    pieces = _tree_pieces(places, lexed, added) if places.source == "tree" else _lexical_pieces(lexed, added)
    passages: list[Passage] = []
    for group in _groups(lexed, pieces):
        kind = group[0].kind
        joined = "".join(_glue(lexed.text, one, two) + two.text for one, two in itertools.pairwise(group))
        text = group[0].text + joined
        start, end = lexed.line_of(group[0].start), lexed.line_of(max(group[-1].start, group[-1].end - 1))
        passages.append(Passage(start, end, text, kind))
        if len(passages) >= MAX_PASSAGES:
            break
    return passages


def _touches(lexed: LexedText, start: int, end: int, ordered: list[int]) -> bool:
    return _intersects(ordered, lexed.line_of(start), lexed.line_of(max(start, end - 1)))


def _lexical_pieces(lexed: LexedText, added: frozenset[int]) -> list[Piece]:
    pieces = []
    ordered = sorted(added)
    for region in lexed.regions:
        if not _touches(lexed, region.start, region.end, ordered):
            continue
        raw = lexed.region_text(region)
        kind: str = region.kind
        if kind == "string" and raw.startswith(('"""', "'''")) and _line_head(lexed, region.start) == "":
            kind = "docstring"
        pieces.append(Piece(kind, region.start, region.end, _clean(raw, kind)))
    return pieces


def _line_head(lexed: LexedText, offset: int) -> str:
    return lexed.text[lexed.text.rfind("\n", 0, offset) + 1 : offset].strip()


def _tree_pieces(places: FilePlaces, lexed: LexedText, added: frozenset[int]) -> list[Piece]:
    """Comments and strings of the tree on added lines: matched in C by one query per language over
    the ranges of added lines (a node inside one already taken is part of it), or, for a grammar
    without such node kinds, by a bounded walk."""
    tree = places.tree()
    if tree is None:
        return _lexical_pieces(lexed, added)
    query = _text_query(places.language)
    if query is None:
        return _walked_pieces(tree, lexed, added)
    nodes: dict[tuple[int, int], tuple[Node, Point, Point]] = {}
    ordered = sorted(added)
    for first, last in _line_ranges(added):
        for node in captures(query, tree.root_node, lines=(first, last)).get("text", []):
            start, end = node.start_point, node.end_point  # each read once: tree-sitter builds them
            if _intersects(ordered, start[0] + 1, end[0] + 1):
                nodes[(node.start_byte, -node.end_byte)] = (node, start, end)
    pieces: list[Piece] = []
    columns: dict[int, list[int] | None] = {}
    reach = -1
    for (start_byte, negative_end), (node, start, end) in sorted(nodes.items()):
        if start_byte < reach:
            continue
        reach = -negative_end
        kind = _node_kind(node)
        if kind is not None:
            pieces.append(_piece(lexed, node, kind, columns, start, end))
    return pieces


def _line_ranges(added: frozenset[int]) -> list[tuple[int, int]]:
    """Runs of consecutive added lines; when there are many, the runs closest together are merged
    until `_MAX_RANGES` remain (what a merged range holds between its runs is filtered after)."""
    ordered = sorted(added)
    if not ordered:
        return []
    # where a run breaks: the indexes of the numbers that do not follow the one before (found in
    # bulk: a change adds thousands of lines to a new file, in a few runs)
    breaks = list(
        itertools.compress(range(1, len(ordered)), map(ne, ordered[1:], map(add, ordered, repeat(1))))
    )
    ranges = [
        (ordered[first], ordered[last - 1]) for first, last in itertools.pairwise([0, *breaks, len(ordered)])
    ]
    if len(ranges) <= _MAX_RANGES:
        return ranges
    gaps = sorted(range(1, len(ranges)), key=lambda i: (ranges[i][0] - ranges[i - 1][1], i))
    cuts = sorted(gaps[len(gaps) - (_MAX_RANGES - 1) :])  # the widest gaps stay cuts
    merged, first = [], 0
    for cut in [*cuts, len(ranges)]:
        merged.append((ranges[first][0], ranges[cut - 1][1]))
        first = cut
    return merged


@cache
def _text_query(language: str | None) -> Query | None:
    """A query capturing every comment and string node kind of `language`'s grammar, or None."""
    if language is None:
        return None
    try:
        grammar = get_language(language)
    except KeyError:  # no grammar of that name here
        return None
    kinds = sorted(
        {
            name
            for kind in range(grammar.node_kind_count)
            if grammar.node_kind_is_named(kind)
            and grammar.node_kind_is_visible(kind)
            and (name := grammar.node_kind_for_id(kind))
            and not name.startswith("_")
            and _kind_of_type(name) is not None
        }
    )
    if not kinds:
        return None
    try:
        return compile_query(language, "[" + " ".join(f"({kind})" for kind in kinds) + "] @text")
    except (QueryError, ValueError):
        return None


def _walked_pieces(tree: Tree, lexed: LexedText, added: frozenset[int]) -> list[Piece]:
    pieces: list[Piece] = []
    columns: dict[int, list[int] | None] = {}
    ordered = sorted(added)
    stack, seen = [tree.root_node], 0
    while stack and seen < _MAX_NODES:
        node = stack.pop()
        seen += 1
        if not _intersects(ordered, node.start_point.row + 1, node.end_point.row + 1):
            continue
        kind = _node_kind(node)
        if kind is None:
            stack.extend(reversed(node.children))
            continue
        pieces.append(_piece(lexed, node, kind, columns))
    pieces.sort(key=lambda piece: piece.start)
    return pieces


def _piece(
    lexed: LexedText,
    node: Node,
    kind: str,
    columns: dict[int, list[int] | None],
    start_point: Point | None = None,
    end_point: Point | None = None,
) -> Piece:
    """The piece of a comment or string node (`start_point`, `end_point`: the node's, when read)."""
    start_point = node.start_point if start_point is None else start_point
    end_point = node.end_point if end_point is None else end_point
    start = lexed.offset(start_point[0] + 1, _char_column(lexed, start_point, columns))
    end = lexed.offset(end_point[0] + 1, _char_column(lexed, end_point, columns))
    return Piece(kind, start, end, _clean(node_text(node), kind))


def _intersects(ordered: list[int], first: int, last: int) -> bool:
    index = bisect_left(ordered, first)
    return index < len(ordered) and ordered[index] <= last


def _char_column(lexed: LexedText, point: tuple[int, int], columns: dict[int, list[int] | None]) -> int:
    """The character column of a byte column: the characters wholly within the line's first bytes.
    Each line is read once (`columns`: line → the byte offsets at which its characters end, None for
    an ASCII line), so a long line holding many nodes costs one pass, not one per node."""
    row, byte_column = point
    if row not in columns:
        line = lexed.line_text(row + 1)
        columns[row] = None if line.isascii() else _char_ends(line)
    ends = columns[row]
    return byte_column if ends is None else bisect_right(ends, byte_column)


def _char_ends(line: str) -> list[int]:
    """The byte offsets in the UTF-8 form of `line` at which each of its characters ends."""
    encoded = line.encode("utf-8")
    starts = encoded.translate(_STARTS)  # 1 where a character starts, 0 on continuation bytes
    return list(itertools.compress(range(1, len(encoded) + 1), starts[1:] + b"\x01"))


@cache
def _kind_of_type(kind: str) -> str | None:
    """ "comment" or "string" for a node type that holds text a reader reads, else None (a grammar
    has a few hundred node types: each is judged once per process)."""
    if "comment" in kind:
        return "comment"
    if not any(marker in kind for marker in ("string", "heredoc", "template_string", "raw_text", "scalar")):
        return None
    if kind.endswith(("_content", "_fragment", "_start", "_end")):
        return None
    return "string"


def _node_kind(node: Node) -> str | None:
    """The place of a comment or string node: comment, docstring, undisplayed-string or string."""
    kind = _kind_of_type(node.type)
    if kind != "string":
        return kind
    parent = node.parent
    if parent is not None and parent.type == "expression_statement":
        holder = parent.parent
        first = holder is not None and holder.named_child_count and holder.named_child(0) == parent
        return "docstring" if first else "undisplayed-string"
    return "string"


def _clean(raw: str, kind: str) -> str:
    if kind == "comment":
        return _COMMENT_ENDS.sub("", _COMMENT_MARKS.sub("", raw)).strip()
    text = _QUOTE_CLOSE.sub("", _QUOTE_OPEN.sub("", raw.strip()))
    if "\\" in text:  # every escape starts with a backslash
        for escape, plain in _ESCAPES.items():
            text = text.replace(escape, plain)
    return text


def _groups(lexed: LexedText, pieces: list[Piece]) -> list[list[Piece]]:
    groups: list[list[Piece]] = []
    for piece in pieces:
        last = groups[-1][-1] if groups else None
        if last is not None and _continues(lexed, last, piece):
            groups[-1].append(piece)
        else:
            groups.append([piece])
    return groups


def _continues(lexed: LexedText, one: Piece, two: Piece) -> bool:
    if (one.kind == "comment") != (two.kind == "comment"):
        return False
    gap = lexed.text[one.end : two.start]
    if one.kind == "comment":
        return gap.count("\n") <= 1 and not gap.strip()
    return bool(_JOINER.match(gap) or _NEXT_PART.match(gap))


def _glue(text: str, one: Piece, two: Piece) -> str:
    gap = text[one.end : two.start]
    return "" if ("+" in gap or ".." in gap) and one.kind != "comment" else " "
