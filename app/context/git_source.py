"""A change between two revisions of a local git repository, read through git plumbing only.

Blobs are read with `git cat-file --batch`; nothing is checked out, no filter, textconv or external diff
runs. By default the base is the merge base of `base` and `head`, as a pull request compares.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable, Sequence
from pathlib import Path

from analyzers.contract.model import CommitInfo, FileStatus, PullRequestInfo, Side
from app.context.git_plumbing import (
    DIFF_OPTIONS,
    FIELD,
    NULL_SHA,
    RECORD,
    FilePatch,
    RawEntry,
    discard_git,
    finish_git,
    git_bytes,
    parse_log,
    raw_entries,
    read_blobs,
    split_patches,
    start_git,
)
from app.context.source import SourceError, SourceFile
from app.context.worktree import snapshot_worktree

_MAGIC = re.compile(r"[*?\[\]:\\\n]")  # pathspec magic: such a folder is not listed
_LOG_FIELDS = FIELD.join(("%H", "%an", "%ae", "%cn", "%ce", "%B"))
_STATUS = {
    "A": FileStatus.ADDED,
    "D": FileStatus.REMOVED,
    "M": FileStatus.MODIFIED,
    "R": FileStatus.RENAMED,
    "C": FileStatus.COPIED,
    "T": FileStatus.CHANGED,
}


class GitSource:
    """`GitSource(repo, "main", "HEAD")`: the change a pull request from `head` into `base` would show.

    With `head=None` the head is the working tree (`app/context/worktree.py`): uncommitted changes are
    included, and untracked files that `.gitignore` does not exclude unless `untracked` is False; the
    commits are those of `HEAD`."""

    def __init__(
        self,
        repo_path: Path | str,
        base: str,
        head: str | None = "HEAD",
        *,
        merge_base: bool = True,
        untracked: bool = True,
        name: str | None = None,
    ) -> None:
        self.repo = Path(repo_path)
        self.name = name  # `owner/name` of the repository, when the caller knows it
        commit = "HEAD" if head is None else head
        if base.startswith("-") or commit.startswith("-"):
            raise SourceError(f"not a revision: {base if base.startswith('-') else commit}")
        self.head_branch = ""
        self._blobs: dict[tuple[str, Side], str] = {}
        self._cache: dict[tuple[str, Side], bytes | None] = {}
        self._worktree = snapshot_worktree(self.repo, untracked=untracked) if head is None else None
        self._env = self._worktree.env if self._worktree else None
        resolve = start_git(
            self.repo, "rev-parse", f"{base}^{{commit}}", f"{commit}^{{commit}}",
            "--symbolic-full-name", commit,
        )  # fmt: skip
        fork = start_git(self.repo, "merge-base", base, commit) if merge_base else None
        self._pending = {
            "log": start_git(
                self.repo, "log", "-z", "--name-only", "--no-renames",
                f"--format={RECORD}{_LOG_FIELDS}{FIELD}", f"{base}..{commit}", "--",
            ),
        }  # fmt: skip
        if self._worktree is None:
            diff_range = (f"{base}...{commit}",) if merge_base else (base, commit)
            self._pending["diff"] = self._start_diff(*diff_range)
        try:
            self._resolve(finish_git(resolve, "rev-parse"), fork)
        except SourceError:
            if fork is not None:
                discard_git(fork)
            self.close()
            raise

    def _start_diff(self, *diff_range: str) -> subprocess.Popen[bytes]:
        return start_git(
            self.repo, "diff", "--raw", "--patch", "-z", "--no-abbrev", *DIFF_OPTIONS, *diff_range, "--",
            env=self._env,
        )  # fmt: skip

    def _resolve(self, resolved: bytes, fork: subprocess.Popen[bytes] | None) -> None:
        found = resolved.decode("utf-8", "replace").split("\n")
        self.head = found[1]
        full = found[2] if len(found) > 2 else ""
        self.head_branch = full.removeprefix("refs/heads/") if full.startswith("refs/heads/") else ""
        merge_base = finish_git(fork, "merge-base").decode().strip() if fork else ""
        self.base = merge_base or found[0]
        if self._worktree is not None:  # the merge base (or the base) against the working tree
            self.head = self._worktree.tree
            self._pending["diff"] = self._start_diff(self.base, self.head)

    def _collect(self, what: str) -> bytes:
        process = self._pending.pop(what, None)
        if process is None:
            raise SourceError(f"git {what} was already read")
        return finish_git(process, what)

    def pull_request(self) -> PullRequestInfo:
        return PullRequestInfo(
            repo_full_name=self.name or f"local/{self.repo.resolve().name}",
            number=0,
            title="",
            body="",
            author_login="",
            head_ref=self.head_branch,
            base_ref="",
            head_sha=self.head,
            base_sha=self.base,
        )

    def changed_files(self) -> Sequence[SourceFile]:
        output = self._collect("diff")
        raw, _, patch_text = output.partition(b"\0\0diff --git ")
        entries = raw_entries(raw + b"\0")
        full_diff = "diff --git " + patch_text.decode("utf-8", "replace") if patch_text else ""
        patches = split_patches(full_diff)
        if len(patches) != len(entries):
            patches = [FilePatch("", False)] * len(entries)
        return [self._source_file(entry, patch) for entry, patch in zip(entries, patches, strict=True)]

    def _source_file(self, entry: RawEntry, found: FilePatch) -> SourceFile:
        status = _STATUS.get(entry.status, FileStatus.MODIFIED)
        if status is FileStatus.MODIFIED and entry.old_sha == entry.new_sha:
            status = FileStatus.CHANGED
        if entry.old_sha != NULL_SHA:
            self._blobs[(entry.previous_path or entry.path, "base")] = entry.old_sha
        if entry.new_sha != NULL_SHA:
            self._blobs[(entry.path, "head")] = entry.new_sha
        patch = None if found.binary else found.patch
        body = "\n" + (patch or "")
        added, removed = body.count("\n+"), body.count("\n-")
        return SourceFile(entry.path, status, entry.previous_path, patch, added, removed, found.binary)

    def commits(self) -> Sequence[CommitInfo]:
        return parse_log(self._collect("log").decode("utf-8", "replace"))

    def _spec(self, path: str, side: Side) -> str | None:
        if "\n" in path:
            return None
        sha = self._blobs.get((path, side))
        return sha if sha is not None else f"{self.base if side == 'base' else self.head}:{path}"

    def prefetch(self, wanted: Iterable[tuple[str, Side]]) -> None:
        """Read many blobs in one pipelined `git cat-file --batch` run."""
        keys = [key for key in dict.fromkeys(wanted) if key not in self._cache]
        specs = [(key, spec) for key in keys if (spec := self._spec(*key)) is not None]
        for (key, _), data in zip(
            specs, read_blobs(self.repo, [s for _, s in specs], self._env), strict=True
        ):
            self._cache[key] = data

    def list_folders(self, folders: Sequence[str], side: Side) -> dict[str, tuple[str, ...] | None]:
        """The files of many folders with one `git ls-tree` run."""
        plain = [f for f in dict.fromkeys(folders) if not _MAGIC.search(f) and not f.startswith("-")]
        found: dict[str, list[str]] = {}
        if plain:
            tree = self.base if side == "base" else self.head
            specs = [f"{folder}/" if folder else "." for folder in plain]
            output = git_bytes(self.repo, "ls-tree", "-z", "--full-tree", tree, "--", *specs, env=self._env)
            for entry in output.split(b"\0"):
                meta, _, raw = entry.partition(b"\t")
                if meta.split(b" ")[1:2] != [b"blob"]:
                    continue
                folder, _, name = raw.decode("utf-8", "replace").rpartition("/")
                found.setdefault(folder, []).append(name)
        return {f: tuple(found[f]) if f in found else None for f in folders}

    def read(self, path: str, side: Side) -> bytes | None:
        key = (path, side)
        if key not in self._cache:
            self.prefetch([key])
        return self._cache.pop(key, None)

    def close(self) -> None:
        """Stop git commands whose output was never read and drop cached blobs."""
        for process in self._pending.values():
            discard_git(process)
        self._pending.clear()
        self._cache.clear()
        if self._worktree is not None:
            self._worktree.close()

    def __enter__(self) -> GitSource:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
