"""The interface between the context builder and where a change comes from (GitHub, git, directories)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, runtime_checkable

from analyzers.contract.model import CommitInfo, FileStatus, PullRequestInfo, Side
from analyzers.record import record


@record
class SourceFile:
    """One changed file as a source lists it, before any blob is read."""

    path: str
    status: FileStatus
    previous_path: str | None = None
    patch: str | None = None  # hunks only; None when the source has none (GitHub omits large ones)
    additions: int = 0
    deletions: int = 0
    binary: bool = False  # the source already knows the file is binary


class SourceError(Exception):
    """A source could not answer; the builder records it and carries on."""


class SourceTooLargeError(SourceError):
    """The blob is larger than the source will fetch; `size` is its size in bytes."""

    def __init__(self, size: int) -> None:
        super().__init__(f"{size} bytes")
        self.size = size


class ChangeSource(Protocol):
    """What the builder needs from a source of changes. Every method may raise `SourceError`."""

    def pull_request(self) -> PullRequestInfo: ...

    def changed_files(self) -> Sequence[SourceFile]: ...

    def commits(self) -> Sequence[CommitInfo]: ...

    def read(self, path: str, side: Side) -> bytes | None:
        """The bytes of `path` on one side; None when the path does not exist there."""
        ...


@runtime_checkable
class Prefetching(Protocol):
    """A source that can fetch many blobs at once (pipelined or concurrently) before they are read."""

    def prefetch(self, wanted: Iterable[tuple[str, Side]]) -> None: ...


@runtime_checkable
class Listing(Protocol):
    """A source that can list folders, many at once: the names of the files directly in each (`""` is
    the repository's root); None for a folder that is not there."""

    def list_folders(self, folders: Sequence[str], side: Side) -> dict[str, tuple[str, ...] | None]: ...
