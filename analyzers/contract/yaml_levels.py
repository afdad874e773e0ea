"""How deep the block structure of a YAML text nests, counted before tree-sitter-yaml reads it.

tree-sitter-yaml's scanner keeps one stack entry per open block collection and crashes the process
(not an exception: the whole worker) at 254 entries. What fills that stack is nesting, not columns: a
Helm dashboard indented 300 columns deep by a few levels is harmless, while `- k:` lines two columns
apart fill it twice as fast as their columns grow (a sequence may sit at the column of the mapping
that holds it). So the count here follows the block structure line by line, as a YAML reader would:

- a line's indentation closes every collection that starts right of it; a mapping key at the column
  of an open sequence closes that sequence too;
- each `- `, `? ` and `: ` marker at the start of a line (after the indentation or an earlier
  marker, anchors and tags between them) opens a collection, and what follows the markers counts as
  one more (a mapping, or a scalar counted as one: never fewer levels than the scanner opens);
- blank lines, comment lines and the content of a block scalar (`key: |`, `- >-`) open nothing; a
  block scalar with an explicit indentation indicator (`|2`) is not skipped (its end depends on a
  column this count does not know), so its lines count as structure;
- flow collections (`[`, `{`) open no block levels: the parser, not the scanner, holds them.

The count errs upward: a line it cannot place counts as deeper, never shallower. It is one pass over
the text, with no pattern: linear in the text whatever it holds.
"""

from __future__ import annotations

# Block levels past which a YAML text is not parsed (the scanner crashes at 254 stack entries; real
# manifests, workflows and Helm charts stay under 40).
YAML_MAX_LEVELS = 200

_MARKERS = frozenset("-?:")
_BLANKS = " \t"
_SCALAR_INDICATORS = frozenset("|>")
_CHOMPING = frozenset("+-")


def yaml_block_levels(text: str) -> int:
    """The deepest stack of open block collections any line of `text` reaches (see the module)."""
    stack: list[tuple[int, bool]] = []  # (column, is a sequence) of each open collection
    deepest = 0
    scalar_owner: int | None = None  # inside a block scalar: its content lies right of this column
    scalar_indent: int | None = None  # the content's own column, fixed by its first line
    start = 0
    size = len(text)
    while start <= size:
        end = text.find("\n", start)
        if end < 0:
            end = size
        line = text[start:end]
        start = end + 1
        content = line.lstrip(_BLANKS)
        if not content:
            continue
        indent = len(line) - len(content)  # a tab counts as a column, as the scanner counts it
        if scalar_owner is not None:
            if scalar_indent is None and indent > scalar_owner:
                scalar_indent = indent
            if scalar_indent is not None and indent >= scalar_indent:
                continue
            scalar_owner = scalar_indent = None
        if content.startswith("#"):
            continue
        starts, rest_column = _node_starts(line, indent)
        first_is_sequence = starts[0][1]
        while stack and (
            stack[-1][0] > indent or (stack[-1][0] == indent and stack[-1][1] and not first_is_sequence)
        ):
            stack.pop()
        for column, is_sequence in starts:
            if stack and stack[-1][0] == column and (stack[-1][1] or not is_sequence):
                continue  # a sibling of the open collection (a sequence may open under a mapping)
            stack.append((column, is_sequence))
        deepest = max(deepest, len(stack))
        owner = _block_scalar_owner(line, starts, rest_column)
        if owner is not None:
            scalar_owner, scalar_indent = owner, None
    return deepest


def _node_starts(line: str, indent: int) -> tuple[list[tuple[int, bool]], int]:
    """The (column, is a sequence) of each collection the line opens, and the column where what
    follows its markers starts (the line's length when nothing does)."""
    starts: list[tuple[int, bool]] = []
    position = indent
    size = len(line)
    while position < size:
        char = line[position]
        if char in _MARKERS and (position + 1 == size or line[position + 1] in _BLANKS):
            starts.append((position, char == "-"))
            position = _skip_properties(line, _skip_blanks(line, position + 1))
            continue
        if char != "#":
            starts.append((position, False))
        break
    if not starts:
        starts.append((indent, False))
    return starts, position


def _skip_blanks(line: str, position: int) -> int:
    while position < len(line) and line[position] in _BLANKS:
        position += 1
    return position


def _skip_properties(line: str, position: int) -> int:
    """Past anchors (`&a`) and tags (`!t`) that may stand between two markers (`- &a - x`)."""
    while position < len(line) and line[position] in "&!":
        while position < len(line) and line[position] not in _BLANKS:
            position += 1
        position = _skip_blanks(line, position)
    return position


def _block_scalar_owner(line: str, starts: list[tuple[int, bool]], rest_column: int) -> int | None:
    """When the line opens a block scalar without an explicit indentation (`key: |`, `- >-`,
    `--- |`), the column its content must lie right of; None otherwise."""
    rest = line[rest_column:]
    comment = rest.find(" #")
    if comment >= 0:
        rest = rest[:comment]
    words = rest.split()
    if not words or not _is_indicator(words[-1]):
        return None
    before = words[:-1]
    while before and before[-1][0] in "&!":
        before.pop()  # properties of the scalar: `key: &a !!str |`
    if not before:  # the scalar follows markers only: `- |` belongs to the sequence before it
        owners = [column for column, _sequence in starts if column < rest_column]
        return owners[-1] if owners else -1
    if len(before) == 1 and before[0] == "---":
        return -1
    if before[-1].endswith(":"):
        return starts[-1][0]  # the key's column
    return None


def _is_indicator(word: str) -> bool:
    """`|`, `>`, with a chomping indicator (`|-`, `>+`); one with an indentation digit is not taken."""
    return len(word) <= 2 and word[0] in _SCALAR_INDICATORS and all(c in _CHOMPING for c in word[1:])
