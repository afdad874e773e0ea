"""Which files of a change are tests, which are the code they test, and where removed lines went."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PurePosixPath

from analyzers.contract.model import ChangeContext, ChangedFile, FileKind, FileStatus

_NOT_SOURCE = frozenset({FileKind.TEST, FileKind.GENERATED, FileKind.VENDORED, FileKind.DOCS})
_TEST_AFFIXES = re.compile(r"^(?:test_|tests_)|(?:_test|_tests|\.test|\.spec|_spec|Tests?|IT)$")
_IMPORT_SCAN_LINES = 300
_IMPORT_LINES = re.compile(
    r"^[ \t]*(?:import|from|using|#include|export)\b[^\n]*"
    r"|^[ \t]*(?:const|let|var)\s[^\n]*?\brequire\s*\([^\n]*",
    re.MULTILINE,
)
_ISSUE_REFERENCE = re.compile(
    r"https?://\S{1,300}?/(?:issues|pull|browse)/[\w-]+|(?<![\w&])#\d+\b|\b[A-Z][A-Z0-9]+-\d+\b|\bgh-\d+\b"
)


def source_files(ctx: ChangeContext) -> list[ChangedFile]:
    """The changed non-test code files of the change."""
    return [
        changed
        for changed in ctx.files
        if FileKind.CODE in changed.kinds
        and not changed.kinds & _NOT_SOURCE
        and changed.status is not FileStatus.UNCHANGED
    ]


def subject_stem(path: str) -> str:
    """The name of the module a test file tests: `tests/test_parser.py` -> `parser`."""
    name = PurePosixPath(path).name
    stem = name.split(".", 1)[0] if not name.startswith(".") else name
    for suffix in (".test", ".spec"):
        if name.find(suffix) > 0:
            stem = name[: name.find(suffix)]
    previous = None
    while previous != stem:
        previous, stem = stem, _TEST_AFFIXES.sub("", stem)
    return stem


def touches_code_under_test(test: ChangedFile, sources: Iterable[ChangedFile]) -> bool:
    """True when one of `sources` is the code `test` tests: same module name, same Go package, or
    imported by name in the test."""
    stem = subject_stem(test.path)
    text = "\n".join(_head_lines(side) for side in (test.head_text, test.base_text) if side)
    import_lines = _IMPORT_LINES.findall(text)
    test_dir = str(PurePosixPath(test.path).parent)
    for source in sources:
        source_stem = _module_name(source.path)
        if source_stem and source_stem == stem:
            return True
        if test.path.endswith(".go") and str(PurePosixPath(source.path).parent) == test_dir:
            return True
        word = re.compile(rf"\b{re.escape(source_stem)}\b")
        if source_stem and any(word.search(line) for line in import_lines):
            return True
    return False


def subject_removed(test: ChangedFile, sources: Iterable[ChangedFile]) -> bool:
    """True when the change deletes the module a test file is named for: a feature removed with its
    tests."""
    stem = subject_stem(test.path)
    return any(s.status is FileStatus.REMOVED and _module_name(s.path) == stem for s in sources)


def _module_name(path: str) -> str:
    """The name code imports a file by: its name without the last extension (`vitest.config.e2e.ts`
    is `vitest.config.e2e`, not the `vitest` package)."""
    return PurePosixPath(path).stem


def _head_lines(text: str) -> str:
    """The first `_IMPORT_SCAN_LINES` lines of a text, where its imports are."""
    return "\n".join(text.split("\n", _IMPORT_SCAN_LINES)[:_IMPORT_SCAN_LINES])


def has_issue_reference(text: str) -> bool:
    """True when `text` links an issue (URL, `#123`, `PROJ-123`, `gh-123`)."""
    return _ISSUE_REFERENCE.search(text) is not None


def head_position(changed: ChangedFile, base_line: int) -> int:
    """The head line just before the place where base line `base_line` was removed (at least 1)."""
    for hunk in changed.hunks:
        if not hunk.base_start <= base_line < hunk.base_start + max(hunk.base_length, 1):
            continue
        removed = set(hunk.removed)
        kept_before = sum(1 for n in range(hunk.base_start, base_line) if n not in removed)
        if kept_before < len(hunk.context):
            return max(1, hunk.context[kept_before] - 1)
        return max(1, hunk.head_start + hunk.head_length - 1)
    return 1
