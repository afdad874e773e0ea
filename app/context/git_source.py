"""A change between two revisions of a local git repository, read through git plumbing only.

Blobs are read with `git cat-file --batch`; nothing is checked out, no filter, textconv or external diff
runs. By default the base is the merge base of `base` and `head`, as a pull request compares.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from app.context.diff import FileDiff, parse_unified_diff
from app.context.model import CommitInfo, FileStatus, PullRequestInfo, Side
from app.context.source import SourceError, SourceFile

_SAFE_CONFIG = (
    "-c", "core.fsmonitor=false", "-c", "core.quotepath=false", "-c", "diff.external=",
    "-c", "core.hooksPath=/dev/null",
)  # fmt: skip
_STATUS = {
    "A": FileStatus.ADDED,
    "D": FileStatus.REMOVED,
    "M": FileStatus.MODIFIED,
    "R": FileStatus.RENAMED,
    "C": FileStatus.COPIED,
    "T": FileStatus.CHANGED,
}
_DIFF_OPTIONS = ("--no-color", "--no-ext-diff", "--no-textconv", "-M", "-U3")
_NULL_SHA = "0" * 40
_FIELD, _RECORD = "\x1f", "\x1e"


class GitSource:
    """`GitSource(repo, "main", "HEAD")`: the change a pull request from `head` into `base` would show."""

    def __init__(
        self, repo_path: Path | str, base: str, head: str = "HEAD", *, merge_base: bool = True
    ) -> None:
        self.repo = Path(repo_path)
        self.head_ref = head
        self.head = self._rev_parse(head)
        base_sha = self._rev_parse(base)
        self.base = self._git("merge-base", base_sha, self.head).strip() if merge_base else base_sha
        self._blobs: dict[tuple[str, Side], str] = {}
        self._batch: subprocess.Popen[bytes] | None = None

    def _git(self, *args: str) -> str:
        return self._git_bytes(*args).decode("utf-8", "replace")

    def _git_bytes(self, *args: str) -> bytes:
        command = ["git", *_SAFE_CONFIG, "-C", str(self.repo), *args]
        try:
            done = subprocess.run(  # noqa: S603 (fixed git plumbing, no shell)
                command, capture_output=True, check=True, timeout=120
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as error:
            stderr = getattr(error, "stderr", b"") or b""
            detail = stderr.decode("utf-8", "replace").strip()
            raise SourceError(f"git {args[0]} failed: {detail or error}") from error
        return done.stdout

    def _rev_parse(self, rev: str) -> str:
        return self._git("rev-parse", "--verify", "--end-of-options", f"{rev}^{{commit}}").strip()

    def pull_request(self) -> PullRequestInfo:
        full = self._git("rev-parse", "--symbolic-full-name", self.head_ref).strip()
        branch = full.removeprefix("refs/heads/") if full.startswith("refs/heads/") else ""
        return PullRequestInfo(
            repo_full_name=f"local/{self.repo.resolve().name}",
            number=0,
            title="",
            body="",
            author_login="",
            head_ref=branch,
            base_ref="",
            head_sha=self.head,
            base_sha=self.base,
        )

    def changed_files(self) -> Sequence[SourceFile]:
        raw = self._git_bytes("diff", "--raw", "-z", "-M", "--no-abbrev", self.base, self.head)
        full_diff = self._git("diff", *_DIFF_OPTIONS, self.base, self.head)
        patches = {diff.path: diff for diff in parse_unified_diff(full_diff)}
        return [self._source_file(entry, patches) for entry in _raw_entries(raw)]

    def _source_file(self, entry: _RawEntry, patches: dict[str, FileDiff]) -> SourceFile:
        status = _STATUS.get(entry.status, FileStatus.MODIFIED)
        if status is FileStatus.MODIFIED and entry.old_sha == entry.new_sha:
            status = FileStatus.CHANGED
        base_path = entry.previous_path or entry.path
        if entry.old_sha != _NULL_SHA:
            self._blobs[(base_path, "base")] = entry.old_sha
        if entry.new_sha != _NULL_SHA:
            self._blobs[(entry.path, "head")] = entry.new_sha
        diff = patches.get(entry.path)
        patch = diff.patch if diff is not None and not diff.binary else None
        if patch is None and diff is None and status is not FileStatus.CHANGED:
            patch = ""
        added = sum(1 for line in (patch or "").split("\n") if line.startswith("+"))
        removed = sum(1 for line in (patch or "").split("\n") if line.startswith("-"))
        binary = diff is not None and diff.binary
        return SourceFile(entry.path, status, entry.previous_path, patch, added, removed, binary)

    def commits(self) -> Sequence[CommitInfo]:
        fields = _FIELD.join(("%H", "%an", "%ae", "%cn", "%ce", "%B"))
        output = self._git(
            "log", "-z", "--name-only", "--no-renames", f"--format={_RECORD}{fields}{_FIELD}",
            f"{self.base}..{self.head}",
        )  # fmt: skip
        return [commit for record in output.split(_RECORD) if (commit := _commit(record))]

    def read(self, path: str, side: Side) -> bytes | None:
        sha = self._blobs.get((path, side))
        spec = sha if sha is not None else f"{self.base if side == 'base' else self.head}:{path}"
        return self._cat_file(spec)

    def _cat_file(self, spec: str) -> bytes | None:
        if "\n" in spec:
            return None
        process = self._batch_process()
        stdin, stdout = _pipes(process)
        stdin.write(spec.encode("utf-8") + b"\n")
        stdin.flush()
        header = stdout.readline().decode("utf-8", "replace").split()
        if len(header) != 3:
            return None
        _, kind, size = header
        data = stdout.read(int(size))
        stdout.read(1)
        return data if kind == "blob" else None

    def _batch_process(self) -> subprocess.Popen[bytes]:
        if self._batch is None or self._batch.poll() is not None:
            command = ["git", *_SAFE_CONFIG, "-C", str(self.repo), "cat-file", "--batch"]
            self._batch = subprocess.Popen(  # noqa: S603 (fixed git plumbing, no shell)
                command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
            )
        return self._batch

    def close(self) -> None:
        if self._batch is not None:
            _, stdout = _pipes(self._batch)
            stdin = self._batch.stdin
            if stdin is not None:
                stdin.close()
            stdout.close()
            self._batch.wait(timeout=10)
            self._batch = None

    def __enter__(self) -> GitSource:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _pipes(process: subprocess.Popen[bytes]) -> tuple[IO[bytes], IO[bytes]]:
    if process.stdin is None or process.stdout is None:
        raise SourceError("git cat-file has no pipes")
    return process.stdin, process.stdout


class _RawEntry:
    __slots__ = ("new_sha", "old_sha", "path", "previous_path", "status")

    def __init__(self, meta: str, paths: list[str]) -> None:
        parts = meta.lstrip(":").split()
        self.old_sha, self.new_sha = parts[2], parts[3]
        self.status = parts[4][:1]
        self.previous_path = paths[0] if len(paths) == 2 else None
        self.path = paths[-1]


def _raw_entries(raw: bytes) -> list[_RawEntry]:
    tokens = raw.decode("utf-8", "surrogateescape").split("\0")
    entries: list[_RawEntry] = []
    index = 0
    while index < len(tokens) and tokens[index].startswith(":"):
        meta = tokens[index]
        count = 2 if meta.split()[-1][:1] in ("R", "C") else 1
        entries.append(_RawEntry(meta, tokens[index + 1 : index + 1 + count]))
        index += 1 + count
    return entries


def _commit(record: str) -> CommitInfo | None:
    head, separator, rest = record.rpartition(_FIELD)
    parts = head.split(_FIELD)
    if not separator or len(parts) != 6:
        return None
    sha, author_name, author_email, committer_name, committer_email, message = parts
    files = tuple(name for name in rest.lstrip("\0").lstrip("\n").split("\0") if name)
    return CommitInfo(
        sha=sha,
        message=message.rstrip("\n"),
        author_name=author_name,
        author_email=author_email,
        author_login=None,
        committer_name=committer_name,
        committer_email=committer_email,
        committer_login=None,
        files=files,
    )
