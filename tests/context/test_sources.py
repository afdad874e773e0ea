"""The builder with a source that behaves like GitHub at its edges: patches missing or cut short,
copied files, unreadable blobs, oversized blobs, pathological text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from analyzers.contract.model import CommitInfo, FileStatus, Hunk, PullRequestInfo, Side
from app.context.builder import BuildOptions, build_context
from app.context.directory_source import default_pull_request
from app.context.source import SourceError, SourceFile, SourceTooLargeError


@dataclass
class ListedSource:
    """A change given as listed files and blobs, the way an API hands them out."""

    files: list[SourceFile]
    blobs: dict[tuple[str, Side], bytes] = field(default_factory=dict)
    broken: set[tuple[str, Side]] = field(default_factory=set)
    too_large: dict[tuple[str, Side], int] = field(default_factory=dict)

    def pull_request(self) -> PullRequestInfo:
        return default_pull_request()

    def changed_files(self) -> Sequence[SourceFile]:
        return self.files

    def commits(self) -> Sequence[CommitInfo]:
        return ()

    def read(self, path: str, side: Side) -> bytes | None:
        if (path, side) in self.broken:
            raise SourceError("502 Bad Gateway")
        if (path, side) in self.too_large:
            raise SourceTooLargeError(self.too_large[(path, side)])
        return self.blobs.get((path, side))


BASE = b"".join(b"line %d\n" % n for n in range(1, 11))
HEAD = BASE.replace(b"line 5\n", b"line five\n") + b"line 11\n"


def test_missing_patch_is_computed_from_the_blobs() -> None:
    source = ListedSource(
        [SourceFile("big.txt", FileStatus.MODIFIED, None, None, 2, 1)],
        {("big.txt", "base"): BASE, ("big.txt", "head"): HEAD},
    )
    (changed,) = build_context(source).files
    assert changed.patch_missing is True
    assert changed.hunks == (
        Hunk(2, 9, 2, 10, added=(5, 11), removed=(5,), context=(2, 3, 4, 6, 7, 8, 9, 10)),
    )


def test_truncated_patch_is_replaced_from_the_blobs() -> None:
    truncated = "@@ -3,5 +3,5 @@\n line 3\n line 4\n-line 5\n"
    source = ListedSource(
        [SourceFile("big.txt", FileStatus.MODIFIED, None, truncated, 2, 1)],
        {("big.txt", "base"): BASE, ("big.txt", "head"): HEAD},
    )
    ctx = build_context(source)
    (changed,) = ctx.files
    assert changed.patch_missing is True
    assert changed.added_lines == frozenset({5, 11})
    assert ctx.errors == []  # the hunks are exact: nothing is missing from the analysis


def test_copied_file_reads_its_source_on_the_base_side() -> None:
    patch = "@@ -1,2 +1,3 @@\n a\n b\n+c"
    source = ListedSource(
        [SourceFile("copy.py", FileStatus.COPIED, "orig.py", patch, 1, 0)],
        {("orig.py", "base"): b"a\nb\n", ("copy.py", "head"): b"a\nb\nc\n"},
    )
    (changed,) = build_context(source).files
    assert (changed.status, changed.previous_path) == (FileStatus.COPIED, "orig.py")
    assert changed.base_text == "a\nb\n"
    assert changed.added_lines == frozenset({3})


def test_unreadable_blob_is_recorded_and_the_rest_goes_on() -> None:
    source = ListedSource(
        [
            SourceFile("a.py", FileStatus.ADDED, None, "@@ -0,0 +1 @@\n+x = 1", 1, 0),
            SourceFile("b.py", FileStatus.ADDED, None, "@@ -0,0 +1 @@\n+y = 2", 1, 0),
        ],
        {("b.py", "head"): b"y = 2\n"},
        broken={("a.py", "head")},
    )
    ctx = build_context(source)
    assert [(f.path, f.head_text, f.added_lines) for f in ctx.files] == [
        ("a.py", None, frozenset({1})),
        ("b.py", "y = 2\n", frozenset({1})),
    ]
    assert ctx.errors == ["a.py: cannot read the head side: 502 Bad Gateway"]


def test_blob_the_source_will_not_fetch_is_skipped_with_its_size() -> None:
    source = ListedSource(
        [SourceFile("data.json", FileStatus.ADDED, None, None, 1, 0)],
        too_large={("data.json", "head"): 40_000_000},
    )
    (changed,) = build_context(source).files
    assert changed.skipped_reason == "larger than 1000000 bytes (40000000)"
    assert changed.hunks == ()


def test_deeply_nested_inputs_do_not_hang() -> None:
    depth = 600  # indentation makes the text grow with the square of the depth
    nested_json = "".join("  " * i + "[\n" for i in range(depth)) + "".join(
        "  " * i + "]\n" for i in reversed(range(depth))
    )
    nested_py = "x = " + "(" * 50 * depth + "1" + ")" * 50 * depth + "\n"
    nested_yaml = "".join("  " * i + f"k{i}:\n" for i in range(depth)) + "  " * depth + "v\n"
    files = {"deep.json": nested_json, "deep.py": nested_py, "deep.yaml": nested_yaml}
    source = ListedSource(
        [SourceFile(path, FileStatus.ADDED, None, None, 0, 0) for path in files],
        {(path, "head"): text.encode() for path, text in files.items()},
    )
    ctx = build_context(source, options=BuildOptions(parse_timeout=5.0))
    assert [f.path for f in ctx.files] == ["deep.json", "deep.py", "deep.yaml"]
    assert [f.skipped_reason for f in ctx.files] == [None, None, None]
    for changed in ctx.files:
        covered = sum(r.end_line - r.start_line + 1 for r in changed.ranges)
        assert covered == len(changed.added_lines)
    assert ctx.errors == ["deep.yaml: YAML nested deeper than 200 block levels"]
    yaml_file = ctx.file("deep.yaml")
    assert yaml_file is not None
    assert {r.scope for r in yaml_file.ranges} == {None}


def test_yaml_nested_within_the_parser_limit_gets_key_paths() -> None:
    text = "".join(" " * i + f"k{i}:\n" for i in range(150)) + " " * 150 + "v\n"
    source = ListedSource(
        [SourceFile("ok.yaml", FileStatus.ADDED, None, None, 0, 0)],
        {("ok.yaml", "head"): text.encode()},
    )
    (changed,) = build_context(source).files
    scope = changed.scope_at(3)
    assert scope is not None
    assert scope.name == "k0.k1.k2"
