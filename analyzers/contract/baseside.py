"""The base side's syntax tree, parsed incrementally from the head side's tree.

A modified file's head tree is already parsed when the context is built. Undoing the diff's hunks on a
copy of it (`Tree.edit`) and parsing the base text with that copy as the old tree lets tree-sitter reuse
every subtree outside the hunks, which is much cheaper than a fresh parse for a large file with a small
change. The result is the same tree a fresh parse gives. `ChangedFile.tree("base")` parses this way
whenever it can, so every rule and the manifest share one base tree per file.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate, repeat
from operator import add
from typing import TYPE_CHECKING

from tree_sitter import Point, Tree

from analyzers.contract.model import FileStatus
from analyzers.contract.syntax import GRAMMARS

if TYPE_CHECKING:
    from analyzers.contract.model import ChangedFile


def base_origin(changed: ChangedFile) -> Tree | None:
    """A copy of the head tree with the hunks undone, to parse the base text from; None when the
    file cannot take the incremental path (then the base side is parsed afresh)."""
    if not _incremental(changed) or changed.base_text is None or changed.head_text is None:
        return None
    head = changed.tree("head")
    if head is None:
        return None
    old = head.copy()
    head_bytes = changed.head_text.encode("utf-8", "surrogatepass")
    base_bytes = changed.base_text.encode("utf-8", "surrogatepass")
    head_lines, base_lines = _Lines(head_bytes), _Lines(base_bytes)
    for hunk in reversed(changed.hunks):
        head_first = hunk.head_start - 1 if hunk.head_length else hunk.head_start
        base_first = hunk.base_start - 1 if hunk.base_length else hunk.base_start
        start = head_lines.offset(head_first)
        old_end = head_lines.offset(head_first + hunk.head_length)
        base_start = base_lines.offset(base_first)
        base_end = base_lines.offset(base_first + hunk.base_length)
        origin = head_lines.point(start)
        first, last = base_lines.point(base_start), base_lines.point(base_end)
        if last.row == first.row:
            new_end_point = Point(origin.row, origin.column + last.column - first.column)
        else:
            new_end_point = Point(origin.row + last.row - first.row, last.column)
        old.edit(
            start_byte=start,
            old_end_byte=old_end,
            new_end_byte=start + base_end - base_start,
            start_point=origin,
            old_end_point=head_lines.point(old_end),
            new_end_point=new_end_point,
        )
    return old


def _incremental(changed: ChangedFile) -> bool:
    return (
        changed.status is FileStatus.MODIFIED
        and bool(changed.added_lines)  # the builder parsed the head side for its scopes
        and not changed.patch_missing
        and bool(changed.hunks)
        and changed.language in GRAMMARS
        and not changed.skipped_reason
    )


class _Lines:
    """Byte offsets of the lines of a text, and points of byte offsets."""

    def __init__(self, data: bytes) -> None:
        self.size = len(data)
        parts = data.split(b"\n")
        self.starts = list(accumulate(map(add, map(len, parts[:-1]), repeat(1)), initial=0))

    def offset(self, line: int) -> int:
        """The byte offset where 0-based `line` starts (the end of the text past the last line)."""
        return self.starts[line] if line < len(self.starts) else self.size

    def point(self, offset: int) -> Point:
        row = bisect_right(self.starts, offset) - 1
        return Point(row, offset - self.starts[row])
