"""anomaly-tests-weakened: tests weakened in a pull request that also changes the code."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property

from analyzers.anomaly.subjects import (
    has_issue_reference,
    head_position,
    source_files,
    touches_code_under_test,
)
from analyzers.anomaly.testcode import TEST_LANGUAGES, DefinedTest, SuiteFacts, normalise, read_tests
from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.query import canonical_language
from app.context.model import ChangeContext, ChangedFile, FileKind, FileStatus

# Closing quotes are optional: an unclosed string runs to the end, and a match once started cannot
# fail (a required closing quote made every opening quote rescan the rest of the line).
_LITERAL = re.compile(
    r"\"(?:[^\"\\]|\\.)*\"?|'(?:[^'\\]|\\.)*'?|`[^`]*`?|\b\d+(?:\.\d+)?\b"
    r"|\b(?:True|False|None|true|false|null|nil|undefined)\b"
)
_TEST_HINT = re.compile(
    r"assert|expect|[Tt]est|[Ss]kip|xfail|xit\b|Error|Fatal|fail|raises|warns|Disabled|Ignore|describe"
    r"|\bit\s*\(|\bspecify\b|\bcontext\s*\("
)
_LIT = r"(?:True|true|1|\"[^\"]*\"|'[^']*'|\d+)"
_TAUTOLOGIES = tuple(
    re.compile(pattern)
    for pattern in (
        r"^assert\s+(?:True|1|\"[^\"]+\"|'[^']+')\s*(?:,.*)?$",
        rf"^assert\s+(?:\(\s*)?({_LIT})\s*(?:==|is)\s*\1\s*(?:\)\s*)?(?:,.*)?$",
        r"(?:^|[.\s])(?:assertTrue|assert_true|assert|ok|True|isTrue)\(\s*(?:t\s*,\s*)?(?:true|True|1)\s*[,)]",
        rf"(?:^|[.\s])(?:assertEquals?|assertSame|equal|strictEqual|deepEqual|Equal|is)\(\s*(?:t\s*,\s*)?({_LIT})\s*,\s*\1\s*[,)]",
        rf"expect\(\s*({_LIT})\s*\)\s*\.(?:toBe|toEqual|toStrictEqual)\(\s*\1\s*\)",
        r"expect\(\s*(?:true|1)\s*\)\s*\.toBeTruthy\(\s*\)",
    )
)


class _Sides:
    """A test file's tests, assertions and skips on its changed lines: removed (base) and added (head),
    and its whole texts with white space normalised (made on first use)."""

    def __init__(self, file: ChangedFile, base: SuiteFacts | None, head: SuiteFacts | None) -> None:
        self.file = file
        self.base = base
        self.head = head

    @cached_property
    def base_text(self) -> str:
        return normalise(self.file.base_text or "")

    @cached_property
    def head_text(self) -> str:
        return normalise(self.file.head_text or "")


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
    `FooTest.java` → `Foo.java`), in the same Go package, or imported by name in the first 300 lines
    of the test.

    Conditional skips are environment gates, not weakening, and stay quiet: `skipif`/`skipIf`/
    `skipUnless` with a condition other than a literal `True`, and skip calls inside an `if` of the test
    (`if testing.Short() { t.Skip() }`). Assertions count as removed, and tests as deleted, only where a
    hunk ends with fewer of them than it began with (a test rewritten under a new name in its hunk is
    not deleted). Removed assertions are high when the change touches the code under test and medium
    otherwise; deleted tests are medium (features are removed with their tests), and a deleted test
    file is one finding. Rewritten expected values are high in files an AI agent wrote (provenance
    evidence), where "make the tests pass" is the known failure, and medium otherwise, where they
    usually record an intended change of behaviour.

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
        head_corpus = _LazyCorpus(sides)
        for side in sides:
            touched = _may_need_subject(side) and touches_code_under_test(side.file, sources)
            yield from self._skips(side, touched)
            yield from self._tautologies(side)
            ai = ctx.provenance.is_ai_authored(side.file.path)
            rewritten, replaced = self._rewrites(side, ai) if touched else ([], set())
            yield from rewritten
            severity = Severity.HIGH if touched else Severity.MEDIUM
            yield from self._deleted_tests(side, head_corpus, Severity.MEDIUM)
            yield from self._removed_assertions(side, head_corpus, replaced, severity)

    def _skips(self, side: _Sides, touched: bool) -> Iterator[Finding]:
        if side.head is None:
            return
        for marker in side.head.skips:
            if marker.line not in side.file.added_lines or marker.conditional:
                continue
            if side.base_text.count(marker.text) >= side.head_text.count(marker.text):
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

    def _rewrites(self, side: _Sides, ai: bool) -> tuple[list[Finding], set[int]]:
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
                    found.append(self._rewrite_finding(side.file, number, text, ai))
        return found, replaced

    def _rewrite_finding(self, file: ChangedFile, number: int, text: str, ai: bool) -> Finding:
        by = " by an AI agent" if ai else ""
        return self.finding(
            file,
            number,
            f"expected value of an assertion rewritten{by} in the change that modifies the code under test",
            confidence=0.7,
            severity=Severity.HIGH if ai else Severity.MEDIUM,
            evidence=text.strip(),
        )

    def _deleted_tests(self, side: _Sides, head_corpus: _LazyCorpus, severity: Severity) -> Iterator[Finding]:
        deleted = _deleted(side, head_corpus)
        if deleted and side.file.status is FileStatus.REMOVED:
            names = ", ".join(f"`{test.name}`" for test in deleted[:3])
            more = f" and {len(deleted) - 3} more" if len(deleted) > 3 else ""
            yield self.finding(
                side.file,
                1,
                f"test file deleted with {len(deleted)} tests ({names}{more}) in a change that also "
                "changes the code",
                confidence=0.8,
                severity=severity,
                about_change=True,
            )
            return
        for test in deleted:
            yield self.finding(
                side.file,
                _position(side.file, test.start_line),
                f"test `{test.name}` deleted in a change that also changes the code",
                confidence=0.8,
                severity=severity,
                about_change=True,
            )

    def _removed_assertions(
        self, side: _Sides, head_corpus: _LazyCorpus, replaced: set[int], severity: Severity
    ) -> Iterator[Finding]:
        if side.base is None:
            return
        deleted = [(test.start_line, test.end_line) for test in _deleted(side, head_corpus)]
        added = {m.line for m in side.head.assertions} if side.head else set()
        for hunk in side.file.hunks:
            lost = [
                marker
                for marker in side.base.assertions
                if marker.line in hunk.removed
                and marker.line not in replaced
                and marker.text not in head_corpus
                and not any(start <= marker.line <= end for start, end in deleted)
            ]
            kept = sum(1 for line in hunk.added if line in added) - len(replaced.intersection(hunk.removed))
            fewer = len(lost) - kept
            if not lost or (fewer <= 0 and side.file.status is not FileStatus.REMOVED):
                continue
            count = len(lost) if side.file.status is FileStatus.REMOVED else min(fewer, len(lost))
            noun = "assertion" if count == 1 else f"{count} assertions"
            yield self.finding(
                side.file,
                _position(side.file, lost[0].line),
                f"{noun} removed in a change that also changes the code: `{lost[0].text[:80]}`",
                confidence=0.7,
                severity=severity,
                evidence=lost[0].text[:200],
                about_change=True,
            )


def _deleted(side: _Sides, head_corpus: _LazyCorpus) -> list[DefinedTest]:
    """Base tests that start on a removed line and reappear nowhere in the change's test files (by
    name in the same file or by body anywhere), in hunks that end with fewer tests than they began
    with (a test rewritten under a new name in its hunk is not deleted)."""
    if side.base is None:
        return []
    gone = [
        test
        for test in side.base.tests
        if (side.file.status is FileStatus.REMOVED or test.start_line in side.file.removed_lines)
        and test.name.rsplit(".", 1)[-1] not in side.head_text
        and not (test.body and test.body in head_corpus)
    ]
    if side.file.status is FileStatus.REMOVED or side.head is None:
        return gone
    new_starts = {
        test.start_line for test in side.head.tests if test.name.rsplit(".", 1)[-1] not in side.base_text
    }
    result: list[DefinedTest] = []
    for hunk in side.file.hunks:
        in_hunk = [test for test in gone if test.start_line in hunk.removed]
        fewer = len(in_hunk) - sum(1 for line in hunk.added if line in new_starts)
        result.extend(in_hunk[len(in_hunk) - fewer :] if fewer > 0 else [])
    return result


def _may_need_subject(side: _Sides) -> bool:
    """Whether judging the file depends on its code under test: it has skips, assertions or tests on
    its changed lines."""
    facts = [facts for facts in (side.base, side.head) if facts is not None]
    return any(facts.skips or facts.assertions or facts.tests for facts in facts)


class _LazyCorpus:
    """The normalised head texts of every test file of the change, joined on first use."""

    def __init__(self, sides: list[_Sides]) -> None:
        self._sides = sides
        self._text: str | None = None

    def __contains__(self, fragment: str) -> bool:
        if self._text is None:
            self._text = "\n".join(side.head_text for side in self._sides)
        return fragment in self._text


def _removes_test_code(changed: ChangedFile) -> bool:
    """Whether a removed line could be part of a test, an assertion or a skip (the base side is parsed
    only then)."""
    return any(_TEST_HINT.search(changed.line(number, "base")) for number in changed.removed_lines)


def _is_test_file(changed: ChangedFile) -> bool:
    return FileKind.TEST in changed.kinds and canonical_language(changed.language) in TEST_LANGUAGES


def _sides_of(changed: ChangedFile) -> _Sides:
    removed = changed.status is FileStatus.REMOVED
    base = changed.tree("base") if removed or _removes_test_code(changed) else None
    head_tree = changed.tree("head") if changed.added_lines else None
    return _Sides(
        file=changed,
        base=read_tests(base, changed.language, None if removed else changed.removed_lines)
        if base is not None
        else None,
        head=read_tests(head_tree, changed.language, changed.added_lines) if head_tree is not None else None,
    )


def _position(changed: ChangedFile, base_line: int) -> int:
    return 1 if changed.status is FileStatus.REMOVED else head_position(changed, base_line)


def _skeleton(text: str) -> str:
    return _LITERAL.sub("\u00a7", " ".join(text.split()))


def _is_tautology(text: str) -> bool:
    stripped = text.rstrip(";").strip()
    return any(pattern.search(stripped) for pattern in _TAUTOLOGIES)
