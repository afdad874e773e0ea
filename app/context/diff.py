"""Diff hunks with exact line numbers, from GitHub file patches, unified diffs or two texts.

Lines are counted as git counts them: a line ends at `\\n`; a `\\r` before it belongs to the line. A patch
cut short (GitHub truncates large ones) yields the hunks read so far, the last one shortened to the
lines actually present.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator

from unidiff.errors import UnidiffParseError
from unidiff.patch import PatchSet

from analyzers.contract.model import Hunk
from analyzers.record import record
from app.context.line_diff import Opcode, opcodes

_HUNK_HEADER = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$")


@record
class PatchParse:
    """The hunks of one file's patch, and whether the patch ended before its headers said."""

    hunks: tuple[Hunk, ...]
    truncated: bool


@record
class FileDiff:
    """One file of a full unified diff."""

    path: str
    previous_path: str | None
    status: str  # added, removed, renamed, modified
    binary: bool
    patch: str  # the hunks only, GitHub-shaped


def split_lines(text: str) -> list[str]:
    """Split `text` into lines the way git numbers them, without the line terminators."""
    if not text:
        return []
    parts = text.split("\n")
    if parts[-1] == "":
        parts.pop()
    return parts


def split_lines_keepends(text: str) -> list[str]:
    """Split `text` at `\\n`, keeping each line's terminator."""
    if not text:
        return []
    parts = [part + "\n" for part in text.split("\n")]
    last = parts.pop()
    if last != "\n":
        parts.append(last[:-1])
    return parts


class _HunkReader:
    """Accumulates the body lines of one hunk."""

    def __init__(self, header: re.Match[str]) -> None:
        self.base_start = int(header.group(1))
        self.base_length = int(header.group(2)) if header.group(2) is not None else 1
        self.head_start = int(header.group(3))
        self.head_length = int(header.group(4)) if header.group(4) is not None else 1
        self.section = header.group(5).rstrip("\r")
        self.base_line = self.base_start if self.base_length else self.base_start + 1
        self.head_line = self.head_start if self.head_length else self.head_start + 1
        self.base_seen = 0
        self.head_seen = 0
        self.added: list[int] = []
        self.removed: list[int] = []
        self.context: list[int] = []

    @property
    def complete(self) -> bool:
        return self.base_seen >= self.base_length and self.head_seen >= self.head_length

    def consume(self, lines: list[str], index: int) -> int:
        """Take body lines from `index` until the hunk is complete; the index after them.

        An empty line counts as context (some tools strip the space); a new header ends the hunk.
        """
        base_line, head_line = self.base_line, self.head_line
        base_left, head_left = self.base_length, self.head_length
        added, removed, context = self.added, self.removed, self.context
        count = len(lines)
        while index < count and (base_left > 0 or head_left > 0):
            line = lines[index]
            kind = line[:1]
            if kind == "+":
                added.append(head_line)
                head_line += 1
                head_left -= 1
            elif kind == "-":
                removed.append(base_line)
                base_line += 1
                base_left -= 1
            elif kind in (" ", "", "\r"):
                context.append(head_line)
                head_line += 1
                base_line += 1
                head_left -= 1
                base_left -= 1
            elif kind == "@" and _HUNK_HEADER.match(line.rstrip("\r")):
                break
            index += 1
        self.base_seen = self.base_length - max(base_left, 0)
        self.head_seen = self.head_length - max(head_left, 0)
        return index

    def build(self) -> Hunk:
        full = self.complete
        return Hunk(
            base_start=self.base_start,
            base_length=self.base_length if full else self.base_seen,
            head_start=self.head_start,
            head_length=self.head_length if full else self.head_seen,
            added=tuple(self.added),
            removed=tuple(self.removed),
            context=tuple(self.context),
            section=self.section,
        )


def read_patch(patch: str | None) -> PatchParse:
    """Parse a GitHub file patch (hunks only, no `---`/`+++` headers), tolerating truncation."""
    lines = split_lines(patch or "")
    hunks: list[Hunk] = []
    truncated = False
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        header = _HUNK_HEADER.match(line.rstrip("\r")) if line.startswith("@@") else None
        if header is None:
            continue
        reader = _HunkReader(header)
        index = reader.consume(lines, index)
        truncated = truncated or not reader.complete
        hunks.append(reader.build())
    return PatchParse(tuple(hunks), truncated)


def parse_patch(patch: str | None) -> tuple[Hunk, ...]:
    """The hunks of a GitHub file patch; an empty or missing patch has none."""
    return read_patch(patch).hunks


def _file_status(patched: object) -> str:
    if getattr(patched, "is_added_file", False):
        return "added"
    if getattr(patched, "is_removed_file", False):
        return "removed"
    if getattr(patched, "is_rename", False):
        return "renamed"
    return "modified"


def _strip_prefix(path: str) -> str:
    path = path.strip('"')
    return path[2:] if path.startswith(("a/", "b/")) else path


def _hunk_text(hunks: Iterable[object]) -> str:
    return "".join(str(hunk) for hunk in hunks)


def parse_unified_diff(text: str) -> list[FileDiff]:
    """Split a full unified diff (as `git diff` prints it) into per-file GitHub-shaped patches."""
    try:
        patch_set = PatchSet(text)
    except UnidiffParseError:
        return []
    files: list[FileDiff] = []
    for patched in patch_set:
        status = _file_status(patched)
        target = _strip_prefix(str(patched.target_file))
        source = _strip_prefix(str(patched.source_file))
        path = source if status == "removed" else target
        files.append(
            FileDiff(
                path=path,
                previous_path=source if status == "renamed" else None,
                status=status,
                binary=bool(patched.is_binary_file),
                patch=_hunk_text(patched),
            )
        )
    return files


class _Given(difflib.SequenceMatcher):  # type: ignore[type-arg]
    """difflib's hunk grouping over opcodes computed elsewhere (`app.context.line_diff`)."""

    def __init__(self, codes: list[Opcode]) -> None:
        super().__init__(None, [], [])
        self._given = codes

    def get_opcodes(self) -> list[Opcode]:  # type: ignore[override]
        return self._given


def _unified_range(start: int, stop: int) -> str:
    """A hunk header's range, as `diff -u` writes it."""
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start if not length else start + 1},{length}"


def _diff_lines(base_text: str, head_text: str, context: int) -> Iterator[str]:
    base = split_lines_keepends(base_text)
    head = split_lines_keepends(head_text)
    for group in _Given(opcodes(base, head)).get_grouped_opcodes(context):
        first, last = group[0], group[-1]
        yield f"@@ -{_unified_range(first[1], last[2])} +{_unified_range(first[3], last[4])} @@\n"
        for tag, i1, i2, j1, j2 in group:
            lines = [" " + line for line in base[i1:i2]] if tag == "equal" else []
            if tag in ("replace", "delete"):
                lines += ["-" + line for line in base[i1:i2]]
            if tag in ("replace", "insert"):
                lines += ["+" + line for line in head[j1:j2]]
            for line in lines:
                yield line
                if not line.endswith("\n"):
                    yield "\n\\ No newline at end of file\n"


def make_patch(base_text: str, head_text: str, *, context: int = 3) -> str:
    """A GitHub-shaped patch (hunks only) turning `base_text` into `head_text`."""
    return "".join(_diff_lines(base_text, head_text, context)).rstrip("\n")
