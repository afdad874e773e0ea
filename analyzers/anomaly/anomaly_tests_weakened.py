"""anomaly-tests-weakened: tests weakened in a pull request that also changes the code."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from analyzers.anomaly.subjects import (
    has_issue_reference,
    head_position,
    source_files,
    touches_code_under_test,
)
from analyzers.anomaly.testcode import TEST_LANGUAGES, TestFacts, read_tests
from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.query import canonical_language
from app.context.model import ChangeContext, ChangedFile, FileKind, FileStatus

_LITERAL = re.compile(
    r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|`[^`]*`|\b\d+(?:\.\d+)?\b"
    r"|\b(?:True|False|None|true|false|null|nil|undefined)\b"
)
_LIT = r"(?:True|true|1|\"[^\"]*\"|'[^']*'|\d+)"
_TAUTOLOGIES = tuple(
    re.compile(pattern)
    for pattern in (
        r"^assert\s+(?:True|1|\"[^\"]+\"|'[^']+')\s*(?:,.*)?$",
        rf"^assert\s+\(?\s*({_LIT})\s*(?:==|is)\s*\1\s*\)?\s*(?:,.*)?$",
        r"(?:^|[.\s])(?:assertTrue|assert_true|assert|ok|True|isTrue)\(\s*(?:t\s*,\s*)?(?:true|True|1)\s*[,)]",
        rf"(?:^|[.\s])(?:assertEquals?|assertSame|equal|strictEqual|deepEqual|Equal|is)\(\s*(?:t\s*,\s*)?({_LIT})\s*,\s*\1\s*[,)]",
        rf"expect\(\s*({_LIT})\s*\)\s*\.(?:toBe|toEqual|toStrictEqual)\(\s*\1\s*\)",
        r"expect\(\s*(?:true|1)\s*\)\s*\.toBeTruthy\(\s*\)",
    )
)


@dataclass(frozen=True, slots=True)
class _Sides:
    file: ChangedFile
    base: TestFacts | None
    head: TestFacts | None


class AnomalyTestsWeakened(Analyzer):
    """Tests weakened in a pull request that also changes the code.

    ## What it flags

    In a pull request that changes non-test code, test files (Python pytest and unittest, JavaScript and
    TypeScript jest, mocha and vitest, Go `testing`, Java JUnit) read on the syntax tree of both sides:

    - assertions removed (`assert`, `self.assert*`, `expect(...)`, `assert.*`, `t.Error*`/`t.Fatal*`,
      testify `assert.*`/`require.*`, JUnit `assert*`/`fail`) whose text no longer appears in any test
      of the change;
    - test functions deleted (`def test_*`, `it(...)`/`test(...)`, `func TestX`, `@Test` methods) whose
      body does not reappear under another name or in another file;
    - skips added: `pytest.mark.skip`/`skipif`/`xfail`, `pytest.skip(`, `unittest.skip`, `skipTest`,
      `it.skip`, `describe.skip`, `test.skip`, `xit`, `xdescribe`, `t.Skip()`, `@Disabled`, `@Ignore`;
    - tautological assertions added: `assert True`, `expect(true).toBe(true)`, `assertTrue(true)`,
      `assertEquals(1, 1)`;
    - expected values rewritten: an assertion line changed only in its literals, in a pull request that
      also changes the code that test file tests.

    ## Why it is risky

    A change that makes its tests pass by weakening them hides the bug the tests were written to catch.
    AI agents asked to "make the tests pass" do this often: they delete the failing assertion, skip the
    test, or rewrite the expected value to whatever the new code returns.

    ## Example

    ```diff
    -    assert total(items) == 30
    +    assert total(items) == 31
    ```

    in a pull request that also changes `total()`.

    ## How to fix

    Keep the assertion and fix the code, or explain in the pull request why the expected behaviour
    changed. A skip needs a reason that links the issue tracking it.

    ## Tuning

    Quiet on test-only pull requests (refactors of the test suite), on assertions and tests that move to
    another place in the change, and on a skip whose reason references an issue (a URL, `#123`,
    `PROJ-123`) when the pull request does not touch the code that test file tests. The code under test
    is a changed source file with the test's module name (`test_parser.py` → `parser.py`,
    `FooTest.java` → `Foo.java`), in the same Go package, or imported by name in the test.

    ## References

    - CWE-1164: Irrelevant Code
    - OWASP ASVS 1.14: Configuration Architecture (build pipeline integrity)
    """

    meta = RuleMeta(
        id="anomaly-tests-weakened",
        family=Family.ANOMALY,
        summary="Tests weakened in a pull request that also changes the code",
        severity=Severity.HIGH,
        languages=("python", "javascript", "typescript", "go", "java"),
    )

    def analyze(self, ctx: ChangeContext) -> Iterator[Finding]:
        sources = source_files(ctx)
        if not sources:
            return
        sides = [_sides_of(changed) for changed in ctx.files if _is_test_file(changed)]
        head_signatures = {t.signature for s in sides if s.head for t in s.head.tests}
        head_assertions: Counter[str] = Counter(a.text for s in sides if s.head for a in s.head.assertions)
        for side in sides:
            touched = touches_code_under_test(side.file, sources)
            yield from self._skips(side, touched)
            yield from self._tautologies(side)
            rewritten, replaced = self._rewrites(side) if touched else ([], set())
            yield from rewritten
            yield from self._deleted_tests(side, head_signatures)
            yield from self._removed_assertions(side, head_assertions, replaced)

    def _skips(self, side: _Sides, touched: bool) -> Iterator[Finding]:
        if side.head is None:
            return
        base_skips = Counter(marker.text for marker in side.base.skips) if side.base else Counter()
        for marker in side.head.skips:
            if marker.line not in side.file.added_lines or base_skips[marker.text] > 0:
                continue
            line_text = side.file.line(marker.line)
            if has_issue_reference(f"{marker.text} {line_text}") and not touched:
                continue
            yield self.finding(
                side.file,
                marker.line,
                f"test skipped in a change that also changes the code: `{marker.text[:80]}`",
                confidence=0.8 if touched else 0.6,
                evidence=line_text.strip(),
            )

    def _tautologies(self, side: _Sides) -> Iterator[Finding]:
        if side.head is None:
            return
        for marker in side.head.assertions:
            if marker.line in side.file.added_lines and _is_tautology(marker.text):
                yield self.finding(
                    side.file,
                    marker.line,
                    f"assertion that cannot fail: `{marker.text[:80]}`",
                    confidence=0.9,
                    evidence=side.file.line(marker.line).strip(),
                )

    def _rewrites(self, side: _Sides) -> tuple[list[Finding], set[int]]:
        """Findings for assertion lines changed only in their literals, and the base lines they replace."""
        if side.head is None or side.base is None:
            return [], set()
        base_lines = {m.line for m in side.base.assertions}
        head_lines = {m.line for m in side.head.assertions}
        found: list[Finding] = []
        replaced: set[int] = set()
        for hunk in side.file.hunks:
            removed = {n: side.file.line(n, "base") for n in hunk.removed if n in base_lines}
            texts = {text.strip() for text in removed.values()}
            for number in hunk.added:
                text = side.file.line(number)
                if number not in head_lines or text.strip() in texts:
                    continue
                match = next((n for n, old in removed.items() if _skeleton(old) == _skeleton(text)), None)
                if match is not None:
                    del removed[match]
                    replaced.add(match)
                    found.append(self._rewrite_finding(side.file, number, text))
        return found, replaced

    def _rewrite_finding(self, file: ChangedFile, number: int, text: str) -> Finding:
        return self.finding(
            file,
            number,
            "expected value of an assertion rewritten in the change that modifies the code under test",
            confidence=0.7,
            evidence=text.strip(),
        )

    def _deleted_tests(self, side: _Sides, head_signatures: set[str]) -> Iterator[Finding]:
        if side.base is None:
            return
        remaining = {t.name for t in side.head.tests} if side.head else set()
        for test in side.base.tests:
            if test.name in remaining or test.signature in head_signatures:
                continue
            if side.file.status is not FileStatus.REMOVED and test.start_line not in side.file.removed_lines:
                continue
            yield self.finding(
                side.file,
                _position(side.file, test.start_line),
                f"test `{test.name}` deleted in a change that also changes the code",
                confidence=0.8,
                about_change=True,
            )

    def _removed_assertions(
        self, side: _Sides, head_assertions: Counter[str], replaced: set[int]
    ) -> Iterator[Finding]:
        if side.base is None:
            return
        deleted = _deleted_ranges(side)
        lost: dict[int, list[str]] = {}
        base_counts = Counter(m.text for m in side.base.assertions)
        for marker in side.base.assertions:
            if marker.line not in side.file.removed_lines and side.file.status is not FileStatus.REMOVED:
                continue
            if head_assertions[marker.text] >= base_counts[marker.text]:
                continue
            if marker.line in replaced or any(start <= marker.line <= end for start, end in deleted):
                continue
            lost.setdefault(_position(side.file, marker.line), []).append(marker.text)
        for position, texts in sorted(lost.items()):
            noun = "assertion" if len(texts) == 1 else f"{len(texts)} assertions"
            yield self.finding(
                side.file,
                position,
                f"{noun} removed in a change that also changes the code: `{texts[0][:80]}`",
                confidence=0.7,
                evidence=texts[0][:200],
                about_change=True,
            )


def _is_test_file(changed: ChangedFile) -> bool:
    return FileKind.TEST in changed.kinds and canonical_language(changed.language) in TEST_LANGUAGES


def _sides_of(changed: ChangedFile) -> _Sides:
    base_tree = changed.tree("base")
    head_tree = changed.tree("head")
    return _Sides(
        file=changed,
        base=read_tests(base_tree, changed.language) if base_tree is not None else None,
        head=read_tests(head_tree, changed.language) if head_tree is not None else None,
    )


def _deleted_ranges(side: _Sides) -> Sequence[tuple[int, int]]:
    remaining = {t.name for t in side.head.tests} if side.head else set()
    return (
        [(t.start_line, t.end_line) for t in side.base.tests if t.name not in remaining] if side.base else []
    )


def _position(changed: ChangedFile, base_line: int) -> int:
    return 1 if changed.status is FileStatus.REMOVED else head_position(changed, base_line)


def _skeleton(text: str) -> str:
    return _LITERAL.sub("\u00a7", " ".join(text.split()))


def _is_tautology(text: str) -> bool:
    stripped = text.rstrip(";").strip()
    return any(pattern.search(stripped) for pattern in _TAUTOLOGIES)
