"""git plumbing for the local source: raw diffs, per-file patches, commit logs and pipelined blob reads.

Only read commands run on the repository, with textconv, external diffs, hooks and fsmonitor turned off
(`app/context/worktree.py` writes the working tree to a temporary index and object directory only).
"""

from __future__ import annotations

import os
import subprocess
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO

from analyzers.contract.model import CommitInfo
from analyzers.record import record
from app.context.source import SourceError

SAFE_CONFIG = (
    "-c", "core.fsmonitor=false", "-c", "core.quotepath=false", "-c", "diff.external=",
    "-c", "core.hooksPath=/dev/null",
)  # fmt: skip
DIFF_OPTIONS = ("--no-color", "--no-ext-diff", "--no-textconv", "-M", "-U3")
NULL_SHA = "0" * 40
FIELD, RECORD = "\x1f", "\x1e"
_TIMEOUT = 120


Env = Mapping[str, str] | None  # extra environment for git (the working tree's object store), or none


def _environment(env: Env) -> dict[str, str] | None:
    return {**os.environ, **env} if env else None


def git_bytes(repo: Path, *args: str, env: Env = None) -> bytes:
    """The output of one git command in `repo`; SourceError when it fails."""
    command = ["git", *SAFE_CONFIG, "-C", str(repo), *args]
    try:
        done = subprocess.run(  # noqa: S603 (fixed git plumbing, no shell)
            command, capture_output=True, check=True, timeout=_TIMEOUT, env=_environment(env)
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as error:
        stderr = getattr(error, "stderr", b"") or b""
        detail = stderr.decode("utf-8", "replace").strip()
        raise SourceError(f"git {args[0]} failed: {detail or error}") from error
    return done.stdout


def start_git(repo: Path, *args: str, env: Env = None) -> subprocess.Popen[bytes]:
    """Start one git command in `repo` (its output is collected by `finish_git`)."""
    command = ["git", *SAFE_CONFIG, "-C", str(repo), *args]
    try:
        return subprocess.Popen(  # noqa: S603 (fixed git plumbing, no shell)
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_environment(env)
        )
    except OSError as error:
        raise SourceError(f"git {args[0]} failed: {error}") from error


def finish_git(process: subprocess.Popen[bytes], what: str) -> bytes:
    """The output of a started git command; SourceError when it failed."""
    try:
        stdout, stderr = process.communicate(timeout=_TIMEOUT)
    except subprocess.TimeoutExpired as error:
        process.kill()
        process.communicate()
        raise SourceError(f"git {what} timed out") from error
    if process.returncode != 0:
        detail = stderr.decode("utf-8", "replace").strip()
        raise SourceError(f"git {what} failed: {detail or process.returncode}")
    return stdout


def discard_git(process: subprocess.Popen[bytes]) -> None:
    """Stop a started git command whose output is not wanted, and close its pipes."""
    if process.poll() is None:
        process.kill()
    process.communicate()


@record
class RawEntry:
    """One line of `git diff --raw -z`."""

    old_sha: str
    new_sha: str
    status: str  # A, D, M, R, C, T
    path: str
    previous_path: str | None


def raw_entries(raw: bytes) -> list[RawEntry]:
    tokens = raw.decode("utf-8", "surrogateescape").split("\0")
    entries: list[RawEntry] = []
    index = 0
    while index < len(tokens) and tokens[index].startswith(":"):
        parts = tokens[index].lstrip(":").split()
        count = 2 if parts[4][:1] in ("R", "C") else 1
        paths = tokens[index + 1 : index + 1 + count]
        previous = paths[0] if count == 2 else None
        entries.append(RawEntry(parts[2], parts[3], parts[4][:1], paths[-1], previous))
        index += 1 + count
    return entries


@record
class FilePatch:
    patch: str  # hunks only, GitHub-shaped ("" when there are none)
    binary: bool


def split_patches(full_diff: str) -> list[FilePatch]:
    """The per-file parts of `git diff` output, in order (one per `diff --git` header)."""
    patches: list[FilePatch] = []
    chunks = full_diff.split("\ndiff --git ")
    for index, chunk in enumerate(chunks):
        if index == 0 and not chunk.startswith("diff --git "):
            continue
        start = chunk.find("\n@@")
        header = chunk if start < 0 else chunk[:start]
        binary = "\nBinary files " in header or "\nGIT binary patch" in header
        body = "" if start < 0 else chunk[start + 1 :]
        patches.append(FilePatch(body.rstrip("\n"), binary))
    return patches


def read_blobs(repo: Path, specs: Sequence[str], env: Env = None) -> list[bytes | None]:
    """Read many objects through one `git cat-file --batch`, writing while reading (no deadlock)."""
    if not specs:
        return []
    command = ["git", *SAFE_CONFIG, "-C", str(repo), "cat-file", "--batch"]
    process = subprocess.Popen(  # noqa: S603 (fixed git plumbing, no shell)
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=_environment(env),
    )
    if process.stdin is None or process.stdout is None:
        raise SourceError("git cat-file has no pipes")
    request = b"".join(spec.encode("utf-8", "surrogateescape") + b"\n" for spec in specs)
    writer = threading.Thread(target=_feed, args=(process.stdin, request), daemon=True)
    writer.start()
    results: list[bytes | None] = []
    try:
        for _ in specs:
            header = process.stdout.readline().decode("utf-8", "replace").rstrip("\n")
            parts = header.rsplit(" ", 2)
            if len(parts) != 3 or not parts[2].isdigit():
                results.append(None)  # "<spec> missing" or "ambiguous"
                continue
            data = process.stdout.read(int(parts[2]))
            process.stdout.read(1)
            results.append(data if parts[1] == "blob" else None)
    finally:
        writer.join(timeout=_TIMEOUT)
        process.stdout.close()
        process.wait(timeout=_TIMEOUT)
    return results


def _feed(stdin: IO[bytes], request: bytes) -> None:
    try:
        stdin.write(request)
        stdin.close()
    except (BrokenPipeError, OSError):
        return


def parse_log(output: str) -> list[CommitInfo]:
    """Commits from `git log -z --name-only --format=<RECORD>%H<FIELD>…%B<FIELD>`."""
    return [commit for record in output.split(RECORD) if (commit := _commit(record))]


def _commit(record: str) -> CommitInfo | None:
    head, separator, rest = record.rpartition(FIELD)
    parts = head.split(FIELD)
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
