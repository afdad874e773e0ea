"""A test file of a change read on both sides: its tests, assertions and skips on the changed lines,
and which of its base tests were deleted (not moved, renamed or rewritten in place)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher
from functools import cached_property

from analyzers.anomaly.testcode import TEST_LANGUAGES, DefinedTest, Marker, SuiteFacts, read_tests, squeeze
from analyzers.contract.model import ChangedFile, FileKind, FileStatus, Hunk
from analyzers.query import canonical_language

_STRING = re.compile(r"\"[^\"\\\n]{2,120}\"|'[^'\\\n]{2,120}'")
_NUMBER = re.compile(r"\b\d{1,12}\.\d{1,12}\b|\b\d{3,12}\b")  # numbers too distinct to turn up by chance
_MAX_PAIRS = 4_000_000  # removed x added lines of a hunk past which rewrites are not looked for
_TEST_HINT = re.compile(
    r"assert|expect|[Tt]est|[Ss]kip|xfail|xit\b|Error|Fatal|fail|raises|warns|Disabled|Ignore|describe"
    r"|\bit\s*\(|\bspecify\b|\bcontext\s*\("
)


class Sides:
    """A test file's tests, assertions and skips on its changed lines: removed (base) and added (head),
    and its whole texts squeezed (`testcode.squeeze`, made on first use), so that code a formatter
    rewrapped is found again."""

    def __init__(self, file: ChangedFile, base: SuiteFacts | None, head: SuiteFacts | None) -> None:
        self.file = file
        self.base = base
        self.head = head

    @cached_property
    def base_text(self) -> str:
        return squeeze(self.file.base_text or "")

    @cached_property
    def head_text(self) -> str:
        return squeeze(self.file.head_text or "")


def deleted_tests(
    side: Sides, head_corpus: LazyCorpus, added_elsewhere: frozenset[str] = frozenset()
) -> list[DefinedTest]:
    """Base tests that start on a removed line and reappear nowhere in the change's test files (by
    name in the same file, by name as a test another test file adds, or by body anywhere), in hunks
    that end with fewer tests than they began with (a test rewritten under a new name in its hunk is
    not deleted)."""
    if side.base is None:
        return []
    gone = [
        test
        for test in side.base.tests
        if (side.file.status is FileStatus.REMOVED or test.start_line in side.file.removed_lines)
        and squeeze(test.name.rsplit(".", 1)[-1]) not in side.head_text
        and test.name.rsplit(".", 1)[-1] not in added_elsewhere
        and not (test.body and test.body in head_corpus)
    ]
    if side.file.status is FileStatus.REMOVED or side.head is None:
        return gone
    new_starts = {
        test.start_line
        for test in side.head.tests
        if squeeze(test.name.rsplit(".", 1)[-1]) not in side.base_text
    }
    result: list[DefinedTest] = []
    for hunk in side.file.hunks:
        added = "\n".join(side.file.line(line) for line in hunk.added)
        in_hunk = [t for t in gone if t.start_line in hunk.removed and not tabled(t.body, added)]
        fewer = len(in_hunk) - sum(1 for line in hunk.added if line in new_starts)
        result.extend(in_hunk[len(in_hunk) - fewer :] if fewer > 0 else [])
    return result


def tabled(text: str, added: str) -> bool:
    """A test or assertion whose every string literal (and distinct number: `10.0`, `404`) the hunk
    adds again: a case moved into a table (`it.each([...])`, `@pytest.mark.parametrize`, `[]struct{...}`
    of Go) or assertions merged into one (`containsExactly(10.0, 20.0)`)."""
    literals = set(_STRING.findall(text)) | set(_NUMBER.findall(text))
    return bool(literals) and all(literal in added for literal in literals)


def moved_tests(side: Sides, added_elsewhere: frozenset[str]) -> list[DefinedTest]:
    """Base tests that start on a removed line and that another test file of the change adds under
    the same name: their assertions moved with them."""
    if side.base is None or side.file.status is FileStatus.REMOVED:
        return []
    return [
        test
        for test in side.base.tests
        if test.start_line in side.file.removed_lines
        and test.name.rsplit(".", 1)[-1] in added_elsewhere
        and squeeze(test.name.rsplit(".", 1)[-1]) not in side.head_text
    ]


def added_test_names(sides: list[Sides]) -> frozenset[str]:
    """Bare names of the tests that the change adds, in any test file (a test moved to another file
    keeps its name there)."""
    return frozenset(
        test.name.rsplit(".", 1)[-1]
        for side in sides
        if side.head is not None
        for test in side.head.tests
        if test.start_line in side.file.added_lines
    )


class LazyCorpus:
    """The squeezed head texts of every test file of the change, joined on first use."""

    def __init__(self, sides: list[Sides]) -> None:
        self._sides = sides
        self._text: str | None = None

    def __contains__(self, fragment: str) -> bool:
        if self._text is None:
            self._text = "\n".join(side.head_text for side in self._sides)
        return squeeze(fragment) in self._text


def _removes_test_code(changed: ChangedFile) -> bool:
    """Whether a removed line could be part of a test, an assertion or a skip (the base side is parsed
    only then)."""
    return any(_TEST_HINT.search(changed.line(number, "base")) for number in changed.removed_lines)


def is_test_file(changed: ChangedFile) -> bool:
    return FileKind.TEST in changed.kinds and canonical_language(changed.language) in TEST_LANGUAGES


def sides_of(changed: ChangedFile) -> Sides:
    removed = changed.status is FileStatus.REMOVED
    base = changed.tree("base") if removed or _removes_test_code(changed) else None
    head_tree = changed.tree("head") if changed.added_lines else None
    return Sides(
        file=changed,
        base=read_tests(base, changed.language, None if removed else changed.removed_lines)
        if base is not None
        else None,
        head=read_tests(head_tree, changed.language, changed.added_lines) if head_tree is not None else None,
    )


def lost_assertions(
    side: Sides, hunk: Hunk | None, head_corpus: LazyCorpus, replaced: set[int], gone: list[DefinedTest]
) -> list[Marker]:
    """Assertions of a hunk (of the whole deleted file) that appear nowhere any more, outside deleted
    tests, where the hunk ends with fewer assertions than it began with."""
    if side.base is None:
        return []
    removed = set(hunk.removed) if hunk is not None else None
    deleted = [(test.start_line, test.end_line) for test in gone]
    lost = [
        marker
        for marker in side.base.assertions
        if (removed is None or marker.line in removed)
        and marker.line not in replaced
        and marker.text not in head_corpus
        and not any(start <= marker.line <= end for start, end in deleted)
    ]
    if hunk is None or not lost:
        return lost
    text = "\n".join(side.file.line(line) for line in hunk.added)
    lost = [marker for marker in lost if not tabled(marker.text, text)]
    added = {m.line for m in side.head.assertions} if side.head else set()
    kept = sum(1 for line in hunk.added if line in added) - len(replaced.intersection(hunk.removed))
    fewer = len(lost) - kept
    return lost[:fewer] if fewer > 0 else []


def replaced_blocks(file: ChangedFile) -> Iterator[tuple[list[int], list[int]]]:
    """(base lines, head lines) of each block of a hunk that the diff of its stripped lines replaces."""
    for hunk in file.hunks:
        removed, added = list(hunk.removed), list(hunk.added)
        if not removed or not added or len(removed) * len(added) > _MAX_PAIRS:
            continue
        before = [file.line(n, "base").strip() for n in removed]
        after = [file.line(n).strip() for n in added]
        matcher = SequenceMatcher(None, before, after, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "replace":
                yield removed[i1:i2], added[j1:j2]


def enclosing(tests: tuple[DefinedTest, ...] | tuple[()], markers: list[Marker]) -> list[DefinedTest]:
    return [t for t in tests if any(t.start_line <= m.line <= t.end_line for m in markers)]
