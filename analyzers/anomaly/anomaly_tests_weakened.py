"""anomaly-tests-weakened: tests weakened in a pull request that also changes the code."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from analyzers.anomaly.rewrites import keeps_strength
from analyzers.anomaly.sides import (
    LazyCorpus,
    Sides,
    added_test_names,
    deleted_tests,
    enclosing,
    is_test_file,
    lost_assertions,
    moved_tests,
    replaced_blocks,
    sides_of,
)
from analyzers.anomaly.stakes import (
    Stakes,
    code_tokens,
    follows_code,
    removed_identifiers,
    removed_messages,
    reverted_security_fix,
    unimported_names,
)
from analyzers.anomaly.subjects import (
    has_issue_reference,
    head_position,
    source_files,
    subject_removed,
    touches_code_under_test,
)
from analyzers.anomaly.testcode import DefinedTest, Marker, squeeze
from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.contract.model import ChangeContext, ChangedFile, FileStatus

# Closing quotes are optional: an unclosed string runs to the end, and a match once started cannot
# fail (a required closing quote made every opening quote rescan the rest of the line).
_LITERAL = re.compile(
    r"\"(?:[^\"\\]|\\.)*\"?|'(?:[^'\\]|\\.)*'?|`[^`]*`?|\b\d+(?:\.\d+)?\b"
    r"|\b(?:True|False|None|true|false|null|nil|undefined)\b"
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
    (`if testing.Short() { t.Skip() }`). A test or assertion whose string literals the same hunk adds
    again moved into a table (`it.each`, `parametrize`). Assertions count as removed, and tests as
    deleted, only where a
    hunk ends with fewer of them than it began with (a test rewritten under a new name in its hunk is
    not deleted); tests deleted in one hunk are one finding, and a deleted test file is one finding.
    Tests deleted together with the module they are named for (`FooTest.java` with `Foo.java`) are a
    feature removed, not reported unless the change reverts a security fix. A
    rewritten expected value whose changed words changed the same way in the code (a message fixed
    in both) is the test following the code and is not reported, and neither is a rewrite that keeps
    the test as strict: only the failure message reworded (a prose string ending the call after two
    other arguments, or `assert cond, "message"`), or the text looked for made stricter (a shorter
    text that must be absent, a longer one that must be present). Removed assertions that expect a
    message the change removes from the code (an error text of a retired check), and deleted tests
    that use a name whose import the change removes from the test file (`from app.cli import main`
    gone with the test of `main`), are low, like tests of removed identifiers.

    Severity: removed assertions and deleted tests are medium when the change touches the code under
    test and low otherwise (features are removed with their tests), and low when they use an
    identifier that the change removes from the code (`XOR2EncodingAllowed` of a feature flag
    retired); high when the tests' names or
    bodies touch security behaviour (`auth`, `permission`, `prototype`, `redirect`, `escape`,
    `sanitize`, `csrf`, `injection`, `path` in a name, ...) or when a commit of the change (or the pull
    request's title) reverts a security fix (`Revert` with `CVE-`, `GHSA-` or `security` in its
    subject, or a commit saying `This reverts commit <id>` of a commit of the change whose subject
    names one). Rewritten expected values are high in files an AI agent wrote (provenance evidence),
    where "make the tests pass" is the known failure, and medium otherwise, where they usually record
    an intended change of behaviour.

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
        sides = [sides_of(changed) for changed in ctx.files if is_test_file(changed)]
        head_corpus = LazyCorpus(sides)
        moved = added_test_names(sides)
        stakes = Stakes(
            reverted_security_fix(ctx),
            code_tokens(sources),
            removed_identifiers(sources),
            removed_messages(sources),
        )
        for side in sides:
            touched = _may_need_subject(side) and touches_code_under_test(side.file, sources)
            yield from self._skips(side, touched)
            yield from self._tautologies(side)
            ai = ctx.provenance.is_ai_authored(side.file.path)
            rewritten, replaced = self._rewrites(side, ai, stakes) if touched else ([], set())
            yield from rewritten
            base = Severity.MEDIUM if touched else Severity.LOW
            if subject_removed(side.file, sources) and stakes.revert is None:
                continue  # a feature removed with its tests
            gone = deleted_tests(side, head_corpus, moved)
            elsewhere = moved_tests(side, moved)
            yield from self._weakened(side, head_corpus, replaced, gone, base, stakes, elsewhere)

    def _skips(self, side: Sides, touched: bool) -> Iterator[Finding]:
        if side.head is None:
            return
        for marker in side.head.skips:
            if marker.line not in side.file.added_lines or marker.conditional:
                continue
            if side.base_text.count(squeeze(marker.text)) >= side.head_text.count(squeeze(marker.text)):
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

    def _tautologies(self, side: Sides) -> Iterator[Finding]:
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

    def _rewrites(self, side: Sides, ai: bool, stakes: Stakes) -> tuple[list[Finding], set[int]]:
        """Findings for assertion lines changed only in their literals, and the base lines they replace.
        Lines pair up only inside a block the diff of the hunk's lines (white space aside) replaces, so
        a re-indented or reordered block is no rewrite; a literal changed the same way in the code is
        the test following the code: no finding."""
        if side.head is None or side.base is None:
            return [], set()
        base_lines = {m.line for m in side.base.assertions}
        head_lines = {m.line for m in side.head.assertions}
        found: list[Finding] = []
        replaced: set[int] = set()
        rewrapped = {squeeze(m.text) for m in side.base.assertions}
        for removed, added in replaced_blocks(side.file):
            olds = {n: side.file.line(n, "base") for n in removed if n in base_lines}
            for number in (
                n for n in added if n in head_lines and squeeze(_marker_text(side, n)) not in rewrapped
            ):
                text = side.file.line(number)
                match = next((n for n, old in olds.items() if _skeleton(old) == _skeleton(text)), None)
                if match is None:
                    continue
                replaced.add(match)
                old = olds.pop(match)
                if not follows_code(old, text, stakes.code) and not keeps_strength(old, text):
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

    def _weakened(
        self,
        side: Sides,
        head_corpus: LazyCorpus,
        replaced: set[int],
        gone: list[DefinedTest],
        base: Severity,
        stakes: Stakes,
        elsewhere: list[DefinedTest],
    ) -> Iterator[Finding]:
        """One finding per hunk (or per deleted file) that deletes tests or removes assertions."""
        removed_file = side.file.status is FileStatus.REMOVED
        hunks = [None] if removed_file else list(side.file.hunks)
        unimported = frozenset() if removed_file else unimported_names(side.file)
        for hunk in hunks:
            tests = gone if hunk is None else [t for t in gone if t.start_line in hunk.removed]
            lost = lost_assertions(side, hunk, head_corpus, replaced, [*gone, *elsewhere])
            if not tests and not lost:
                continue
            names = [t.name for t in (*tests, *enclosing(side.base.tests if side.base else (), lost))]
            bodies = [*(t.body for t in tests), *(m.text for m in lost)]
            severity, notes = stakes.severity(base, names, bodies, unimported)
            first = min([t.start_line for t in tests] + [m.line for m in lost])
            finding = self.finding(
                side.file,
                _position(side.file, first),
                _weakened_message(removed_file, tests, lost),
                confidence=0.8 if tests else 0.7,
                severity=severity,
                evidence=lost[0].text[:200] if lost and not tests else "",
                about_change=True,
            )
            yield _noted(finding, notes)


def _weakened_message(removed_file: bool, tests: list[DefinedTest], lost: list[Marker]) -> str:
    names = ", ".join(f"`{test.name}`" for test in tests[:3])
    more = f" and {len(tests) - 3} more" if len(tests) > 3 else ""
    count = f"{len(tests)} tests" if len(tests) > 1 else "test"
    if removed_file:
        return f"test file deleted with {count} ({names}{more}) in a change that also changes the code"
    parts = [f"{count} {names}{more} deleted"] if tests else []
    if lost:
        noun = "assertion" if len(lost) == 1 else f"{len(lost)} assertions"
        parts.append(f"{noun} removed (`{lost[0].text[:80]}`)")
    return f"{' and '.join(parts)} in a change that also changes the code"


def _noted(finding: Finding, notes: tuple[str, ...]) -> Finding:
    return replace(finding, notes=(*finding.notes, *notes)) if notes else finding


def _marker_text(side: Sides, line: int) -> str:
    """The whole text of the head assertion starting on `line` (a formatter may have wrapped it)."""
    head = side.head.assertions if side.head is not None else ()
    return next((m.text for m in head if m.line == line), "")


def _may_need_subject(side: Sides) -> bool:
    """Whether judging the file depends on its code under test: it has skips, assertions or tests on
    its changed lines."""
    facts = [facts for facts in (side.base, side.head) if facts is not None]
    return any(facts.skips or facts.assertions or facts.tests for facts in facts)


def _position(changed: ChangedFile, base_line: int) -> int:
    return 1 if changed.status is FileStatus.REMOVED else head_position(changed, base_line)


def _skeleton(text: str) -> str:
    return _LITERAL.sub("\u00a7", " ".join(text.split()))


def _is_tautology(text: str) -> bool:
    stripped = text.rstrip(";").strip()
    return any(pattern.search(stripped) for pattern in _TAUTOLOGIES)
