"""Hunks from GitHub patches, full unified diffs and computed patches, with exact line numbers."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from unidiff.patch import PatchSet

from analyzers.contract.model import Hunk
from app.context.diff import (
    make_patch,
    parse_patch,
    parse_unified_diff,
    read_patch,
    split_lines,
    split_lines_keepends,
)

GITHUB_PATCH = (
    "@@ -1,4 +1,5 @@ def main():\n"
    " import os\n"
    "-import sys\n"
    "+import sys, json\n"
    "+import re\n"
    " \n"
    " x = 1\n"
    "@@ -10,2 +11,3 @@ class A:\n"
    "     pass\n"
    "+    y = 2\n"
    " z = 3"
)


def test_github_patch_line_numbers() -> None:
    assert parse_patch(GITHUB_PATCH) == (
        Hunk(1, 4, 1, 5, added=(2, 3), removed=(2,), context=(1, 4, 5), section="def main():"),
        Hunk(10, 2, 11, 3, added=(12,), removed=(), context=(11, 13), section="class A:"),
    )


def test_empty_and_missing_patches_have_no_hunks() -> None:
    assert parse_patch("") == ()
    assert parse_patch(None) == ()
    assert read_patch("").truncated is False


def test_no_newline_marker_is_not_a_line() -> None:
    patch = "@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+a\n\\ No newline at end of file"
    assert parse_patch(patch) == (Hunk(1, 1, 1, 1, added=(1,), removed=(1,), context=()),)


def test_crlf_patch() -> None:
    patch = "@@ -1,2 +1,2 @@ sec\r\n a\r\n-b\r\n+c\r\n"
    assert parse_patch(patch) == (Hunk(1, 2, 1, 2, added=(2,), removed=(2,), context=(1,), section="sec"),)


def test_new_and_deleted_file_patches() -> None:
    assert parse_patch("@@ -0,0 +1,2 @@\n+a\n+b") == (Hunk(0, 0, 1, 2, (1, 2), (), ()),)
    assert parse_patch("@@ -1,2 +0,0 @@\n-a\n-b") == (Hunk(1, 2, 0, 0, (), (1, 2), ()),)


def test_truncated_patch_keeps_what_was_read() -> None:
    parsed = read_patch("@@ -1,3 +1,4 @@\n a\n+b\n c")
    assert parsed.truncated is True
    assert parsed.hunks == (Hunk(1, 2, 1, 3, added=(2,), removed=(), context=(1, 3)),)


def test_stripped_context_space_counts_as_context() -> None:
    assert parse_patch("@@ -1,3 +1,3 @@\n a\n\n-b\n+c") == (
        Hunk(1, 3, 1, 3, added=(3,), removed=(3,), context=(1, 2)),
    )


def test_make_patch_is_github_shaped() -> None:
    assert make_patch("a\nb\n", "a\nc") == ("@@ -1,2 +1,2 @@\n a\n-b\n+c\n\\ No newline at end of file")
    assert make_patch("same\n", "same\n") == ""
    assert make_patch("", "x\n") == "@@ -0,0 +1 @@\n+x"


def test_full_unified_diff_split_per_file() -> None:
    diff = (
        "diff --git a/old.py b/new.py\n"
        "similarity index 80%\n"
        "rename from old.py\n"
        "rename to new.py\n"
        "--- a/old.py\n"
        "+++ b/new.py\n"
        "@@ -1,2 +1,2 @@\n"
        " a\n"
        "-b\n"
        "+c\n"
        "diff --git a/gone.txt b/gone.txt\n"
        "deleted file mode 100644\n"
        "--- a/gone.txt\n"
        "+++ /dev/null\n"
        "@@ -1 +0,0 @@\n"
        "-x\n"
    )
    files = parse_unified_diff(diff)
    assert [(f.path, f.previous_path, f.status) for f in files] == [
        ("new.py", "old.py", "renamed"),
        ("gone.txt", None, "removed"),
    ]
    assert parse_patch(files[0].patch) == (Hunk(1, 2, 1, 2, (2,), (2,), (1,)),)
    assert parse_patch(files[1].patch) == (Hunk(1, 1, 0, 0, (), (1,), ()),)


def test_split_lines_counts_like_git() -> None:
    assert split_lines("a\r\nb\rc\n\n") == ["a\r", "b\rc", ""]
    assert split_lines_keepends("a\nb") == ["a\n", "b"]
    assert split_lines("") == []


LINES = st.lists(st.sampled_from(["a", "b", "c", "", " d", "e\r", "\u2028f"]), max_size=30)


def _text(lines: list[str], newline: bool) -> str:
    return "\n".join(lines) + ("\n" if newline and lines else "")


@settings(max_examples=300, deadline=None)
@given(LINES, LINES, st.booleans(), st.booleans())
def test_every_added_line_maps_to_exactly_one_hunk(
    base: list[str], head: list[str], base_nl: bool, head_nl: bool
) -> None:
    base_text, head_text = _text(base, base_nl), _text(head, head_nl)
    hunks = parse_patch(make_patch(base_text, head_text))
    added = [number for hunk in hunks for number in hunk.added]
    assert len(added) == len(set(added))
    for number in added:
        owners = [h for h in hunks if h.head_start <= number <= h.head_end]
        assert len(owners) == 1
        assert number in owners[0].added


@settings(max_examples=300, deadline=None)
@given(LINES, LINES, st.booleans(), st.booleans())
def test_line_numbers_round_trip_between_patch_and_blob(
    base: list[str], head: list[str], base_nl: bool, head_nl: bool
) -> None:
    base_text, head_text = _text(base, base_nl), _text(head, head_nl)
    patch = make_patch(base_text, head_text)
    base_lines, head_lines = split_lines(base_text), split_lines(head_text)
    body = [line for line in split_lines(patch) if not line.startswith(("@@", "\\"))]
    hunks = parse_patch(patch)
    added = iter(n for h in hunks for n in h.added)
    removed = iter(n for h in hunks for n in h.removed)
    context = iter(n for h in hunks for n in h.context)
    for line in body:
        if line.startswith("+"):
            assert head_lines[next(added) - 1] == line[1:]
        elif line.startswith("-"):
            assert base_lines[next(removed) - 1] == line[1:]
        else:
            assert head_lines[next(context) - 1] == line[1:]
    rebuilt = [n for h in hunks for n in h.added]
    unchanged = set(range(1, len(head_lines) + 1)) - set(rebuilt)
    assert len(unchanged) == len(head_lines) - len(rebuilt)


@settings(max_examples=200, deadline=None)
@given(LINES, LINES, st.booleans(), st.booleans())
def test_agrees_with_unidiff(base: list[str], head: list[str], base_nl: bool, head_nl: bool) -> None:
    patch = make_patch(_text(base, base_nl), _text(head, head_nl))
    hunks = parse_patch(patch)
    reference = PatchSet("--- a/f\n+++ b/f\n" + patch + "\n")
    expected = [
        (
            tuple(line.target_line_no for line in hunk if line.is_added),
            tuple(line.source_line_no for line in hunk if line.is_removed),
            tuple(line.target_line_no for line in hunk if line.is_context),
        )
        for patched in reference
        for hunk in patched
    ]
    assert [(h.added, h.removed, h.context) for h in hunks] == expected
