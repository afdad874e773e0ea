"""Git-style diffs between two file trees, shaped like GitHub's "list pull request files"."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher

Tree = Mapping[str, bytes]

CONTEXT_LINES = 3
PATCH_LIMIT_BYTES = 1_000_000  # larger patches are left out, as GitHub does for huge diffs
NO_NEWLINE = "\\ No newline at end of file"


def blob_sha(content: bytes) -> str:
    """Git's object id of a blob with this content."""
    return hashlib.sha1(b"blob %d\0" % len(content) + content, usedforsecurity=False).hexdigest()


def as_bytes(content: str | bytes) -> bytes:
    return content.encode() if isinstance(content, str) else content


def is_binary(content: bytes) -> bool:
    """Git's heuristic: a NUL byte in the first 8,000 bytes."""
    return b"\0" in content[:8000]


@dataclass(slots=True)
class FileDiff:
    """One entry of a pull request's file list, with the lines a review comment may anchor on."""

    filename: str
    status: str
    sha: str
    additions: int = 0
    deletions: int = 0
    patch: str | None = None
    previous_filename: str | None = None
    right: dict[int, int] = field(default_factory=dict)  # head line -> hunk index
    left: dict[int, int] = field(default_factory=dict)  # base line -> hunk index
    positions: dict[int, tuple[str, int]] = field(default_factory=dict)  # position -> (side, line)
    anchors: dict[tuple[str, int], int] = field(default_factory=dict)  # (side, line) -> position

    def hunk_text(self, side: str, line: int) -> str | None:
        """GitHub's `diff_hunk` for a comment: from the hunk header down to the commented line."""
        position = self.anchors.get((side, line))
        if position is None or self.patch is None:
            return None
        lines = self.patch.split("\n")
        start = max(i for i in range(position + 1) if lines[i].startswith("@@"))
        return "\n".join(lines[start : position + 1])

    @property
    def changes(self) -> int:
        return self.additions + self.deletions


def _split(content: bytes) -> list[str]:
    """Lines as git sees them: split on `\n` only (not on `\r`, U+2028 or other separators)."""
    pieces = content.decode("utf-8", errors="replace").split("\n")
    lines = [piece + "\n" for piece in pieces[:-1]]
    if pieces[-1]:
        lines.append(pieces[-1])
    return lines


def _range(start: int, length: int) -> str:
    """Git's hunk range: `start,length`, `start` alone for one line, `start-1,0` for none."""
    if length == 1:
        return str(start + 1)
    return f"{start + 1 if length else start},{length}"


def _section(old: list[str], before: int) -> str:
    """Git's default function context: the last line before the hunk starting with a letter, `_` or `$`."""
    for index in range(before - 1, -1, -1):
        line = old[index]
        if (line[:1].isascii() and line[:1].isalpha()) or line[:1] in ("_", "$"):
            return " " + line.rstrip()[:80]
    return ""


def diff_lines(diff: FileDiff, old_text: bytes, new_text: bytes) -> None:
    """Fill a text file's patch, counts and anchorable lines."""
    old, new = _split(old_text), _split(new_text)
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    lines: list[str] = []
    for hunk, group in enumerate(matcher.get_grouped_opcodes(CONTEXT_LINES)):
        a1, a2, b1, b2 = group[0][1], group[-1][2], group[0][3], group[-1][4]
        header = f"@@ -{_range(a1, a2 - a1)} +{_range(b1, b2 - b1)} @@{_section(old, a1)}"
        lines.append(header)
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                for offset in range(i2 - i1):
                    _add(diff, lines, " ", old[i1 + offset], hunk, i1 + offset + 1, j1 + offset + 1)
                continue
            for i in range(i1, i2):
                _add(diff, lines, "-", old[i], hunk, i + 1, 0)
                diff.deletions += 1
            for j in range(j1, j2):
                _add(diff, lines, "+", new[j], hunk, 0, j + 1)
                diff.additions += 1
    patch = "\n".join(lines)
    diff.patch = patch if len(patch.encode()) <= PATCH_LIMIT_BYTES else None
    if diff.patch is None:
        diff.right.clear()
        diff.left.clear()
        diff.positions.clear()
        diff.anchors.clear()


def _add(diff: FileDiff, lines: list[str], prefix: str, text: str, hunk: int, old: int, new: int) -> None:
    lines.append(prefix + text.removesuffix("\n"))
    position = len(lines) - 1  # the first hunk header is position 0
    if prefix in (" ", "-"):
        diff.left[old] = hunk
        diff.anchors[("LEFT", old)] = position
    if prefix in (" ", "+"):
        diff.right[new] = hunk
        diff.anchors[("RIGHT", new)] = position
    diff.positions[position] = ("LEFT", old) if prefix == "-" else ("RIGHT", new)
    if not text.endswith("\n"):
        lines.append(NO_NEWLINE)


def _binary_or_text(diff: FileDiff, old: bytes, new: bytes) -> FileDiff:
    if is_binary(old) or is_binary(new):
        return diff
    diff_lines(diff, old, new)
    return diff


def diff_trees(base: Tree, head: Tree) -> dict[str, FileDiff]:
    """The changed files between two trees, in path order, with exact renames detected."""
    removed = {path: content for path, content in base.items() if path not in head}
    added = {path: content for path, content in head.items() if path not in base}
    renamed_from: dict[str, str] = {}
    by_content = {blob_sha(content): path for path, content in sorted(removed.items())}
    for path, content in sorted(added.items()):
        source = by_content.pop(blob_sha(content), None)
        if source is not None:
            renamed_from[path] = source
    result: dict[str, FileDiff] = {}
    sources = set(renamed_from.values())
    for path in sorted(set(base) | set(head)):
        if path in sources:
            continue
        if path in renamed_from:
            content = head[path]
            result[path] = FileDiff(path, "renamed", blob_sha(content), previous_filename=renamed_from[path])
        elif path in added:
            result[path] = _binary_or_text(FileDiff(path, "added", blob_sha(head[path])), b"", head[path])
        elif path in removed:
            diff = FileDiff(path, "removed", blob_sha(base[path]))
            result[path] = _binary_or_text(diff, base[path], b"")
        elif base[path] != head[path]:
            diff = FileDiff(path, "modified", blob_sha(head[path]))
            result[path] = _binary_or_text(diff, base[path], head[path])
    return result


def generated_files(count: int, *, directory: str = "src", lines: int = 1) -> dict[str, str]:
    """`count` small distinct text files, for pull requests with thousands of files."""
    body = "".join(f"line {n}\n" for n in range(2, lines + 1))
    return {f"{directory}/file_{n:05d}.txt": f"file {n}\n{body}" for n in range(count)}


def render_git_diff(files: Mapping[str, FileDiff], old_blobs: Mapping[str, str]) -> str:
    """The whole diff as `application/vnd.github.diff` gives it (git's headers included)."""
    parts: list[str] = []
    for diff in files.values():
        old_path = diff.previous_filename or diff.filename
        parts.append(f"diff --git a/{old_path} b/{diff.filename}\n")
        if diff.status == "added":
            parts.append("new file mode 100644\n")
        elif diff.status == "removed":
            parts.append("deleted file mode 100644\n")
        elif diff.status == "renamed":
            parts.append(f"similarity index 100%\nrename from {old_path}\nrename to {diff.filename}\n")
            continue
        old = old_blobs.get(old_path, "0" * 40)
        new = "0" * 40 if diff.status == "removed" else diff.sha
        parts.append(f"index {old[:7]}..{new[:7]}{'' if diff.status != 'modified' else ' 100644'}\n")
        if diff.patch is None:
            parts.append(f"Binary files a/{old_path} and b/{diff.filename} differ\n")
            continue
        source = "/dev/null" if diff.status == "added" else f"a/{old_path}"
        target = "/dev/null" if diff.status == "removed" else f"b/{diff.filename}"
        parts.append(f"--- {source}\n+++ {target}\n{diff.patch}\n")
    return "".join(parts)
