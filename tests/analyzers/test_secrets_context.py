"""In-memory change contexts for the secrets and injection rule tests: every head line is added."""

from __future__ import annotations

from dataclasses import replace

from analyzers.contract.model import (
    ChangeContext,
    ChangedFile,
    FileKind,
    FileStatus,
    Hunk,
    PullRequestInfo,
    TextItem,
)

PULL_REQUEST = PullRequestInfo(
    repo_full_name="acme/shop",
    number=7,
    title="Change",
    body="",
    author_login="someone",
    head_ref="feature",
    base_ref="main",
    head_sha="b" * 40,
    base_sha="a" * 40,
)


def added_file(
    path: str,
    text: str,
    *,
    language: str | None = None,
    kinds: frozenset[FileKind] = frozenset(),
    base_text: str | None = None,
) -> ChangedFile:
    count = max(len(text.splitlines()), 1)
    hunk = Hunk(0, 0, 1, count, tuple(range(1, count + 1)), (), ())
    return ChangedFile(
        path=path,
        status=FileStatus.ADDED if base_text is None else FileStatus.MODIFIED,
        language=language,
        kinds=kinds,
        base_text=base_text,
        head_text=text,
        hunks=(hunk,),
    )


def context(
    *files: ChangedFile,
    texts: tuple[TextItem, ...] = (),
    first_time_contributor: bool = False,
) -> ChangeContext:
    pr = replace(PULL_REQUEST, first_time_contributor=first_time_contributor)
    return ChangeContext(pr=pr, files=files, texts=texts)


def test_every_head_line_of_an_added_file_counts_as_added() -> None:
    file = added_file("a.txt", "one\ntwo\n\nfour\n")
    assert [number for number, _ in file.iter_added()] == [1, 2, 3, 4]
    assert context(file, first_time_contributor=True).pr.first_time_contributor
