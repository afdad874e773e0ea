"""A change between two directory trees (golden tests, local comparisons)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from analyzers.contract.model import CommitInfo, FileStatus, PullRequestInfo, Side
from app.context.diff import make_patch
from app.context.source import SourceFile

_BINARY_PROBE = 8000


def _list_files(root: Path, fixture_suffix: str | None = None) -> dict[str, Path]:
    found: dict[str, Path] = {}
    if not root.is_dir():
        return found
    for directory, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            full = Path(directory, name)
            relative = full.relative_to(root).as_posix()
            if fixture_suffix:
                relative = relative.removesuffix(fixture_suffix)
            found[relative] = full
    return found


def looks_binary(data: bytes) -> bool:
    return b"\x00" in data[:_BINARY_PROBE]


def default_pull_request(title: str = "", body: str = "") -> PullRequestInfo:
    return PullRequestInfo(
        repo_full_name="local/repository",
        number=0,
        title=title,
        body=body,
        author_login="",
        head_ref="",
        base_ref="",
        head_sha="",
        base_sha="",
    )


class DirectorySource:
    """`base` and `head` are two trees; a file in both with different bytes is modified.

    With `fixture_suffix` (say `.fixture`), a stored `app.py.fixture` stands for `app.py`, so that test
    fixtures in source languages are not linted or type-checked as part of the project.
    """

    def __init__(
        self,
        base: Path,
        head: Path,
        *,
        pr: PullRequestInfo | None = None,
        commits: Sequence[CommitInfo] = (),
        fixture_suffix: str | None = None,
    ) -> None:
        self._files: dict[Side, dict[str, Path]] = {
            "base": _list_files(base, fixture_suffix),
            "head": _list_files(head, fixture_suffix),
        }
        self._pr = pr or default_pull_request()
        self._commits = tuple(commits)

    def pull_request(self) -> PullRequestInfo:
        return self._pr

    def commits(self) -> Sequence[CommitInfo]:
        return self._commits

    def read(self, path: str, side: Side) -> bytes | None:
        full = self._files[side].get(path)
        return full.read_bytes() if full is not None else None

    def list_folders(self, folders: Sequence[str], side: Side) -> dict[str, tuple[str, ...] | None]:
        found: dict[str, list[str]] = {}
        for path in self._files[side]:
            folder, _, name = path.rpartition("/")
            found.setdefault(folder, []).append(name)
        return {f: tuple(sorted(found[f])) if f in found else None for f in folders}

    def changed_files(self) -> Sequence[SourceFile]:
        base, head = self._files["base"], self._files["head"]
        changed: list[SourceFile] = []
        for path in sorted(base.keys() | head.keys()):
            before = base[path].read_bytes() if path in base else None
            after = head[path].read_bytes() if path in head else None
            if before == after:
                continue
            changed.append(_source_file(path, before, after))
        return changed


def _source_file(path: str, before: bytes | None, after: bytes | None) -> SourceFile:
    status = (
        FileStatus.ADDED if before is None else FileStatus.REMOVED if after is None else FileStatus.MODIFIED
    )
    if looks_binary(before or b"") or looks_binary(after or b""):
        return SourceFile(path=path, status=status, binary=True)
    old = (before or b"").decode("utf-8", "replace")
    new = (after or b"").decode("utf-8", "replace")
    patch = make_patch(old, new)
    additions = sum(1 for line in patch.split("\n") if line.startswith("+"))
    deletions = sum(1 for line in patch.split("\n") if line.startswith("-"))
    return SourceFile(path, status, None, patch, additions, deletions)
