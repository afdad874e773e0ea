"""anomaly-check-suppressed: a suppression comment added to silence a linter, type checker or scanner."""

from __future__ import annotations

from collections.abc import Iterator

from analyzers.anomaly.suppressions import added_suppressions
from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.suppression import find_suppressions
from app.context.model import ChangeContext, ChangedFile, FileKind, FileStatus

_SKIPPED_KINDS = frozenset({FileKind.DOCS, FileKind.GENERATED, FileKind.VENDORED, FileKind.BINARY})


class AnomalyCheckSuppressed(Analyzer):
    """A suppression comment added to silence a linter, type checker or scanner.

    ## What it flags

    Suppression comments on added lines, found in the comment nodes of the syntax tree (or, for files
    without a grammar, in the comment part of the line): `# nosec`, `# nosemgrep`, `# noqa`,
    `# type: ignore`, `# pyright: ignore`, `eslint-disable` (file, line and next-line forms),
    `@ts-ignore`, `@ts-nocheck`, `//nolint`, Java `@SuppressWarnings`, and Bulwark's own
    `bulwark: ignore[...]`. The severity is medium, and high when the suppression silences a security
    scanner (`nosec`, `nosemgrep`, `bulwark: ignore`, `noqa: S…` for Bandit codes, `nolint:gosec`,
    `eslint-disable` of `security/*` or `no-eval`), or when it names no codes (a bare `# noqa`,
    `# type: ignore`, `eslint-disable-next-line`, `//nolint`) and the code it applies to (its own line,
    or the next code line for a comment on a line of its own) looks security-relevant (`subprocess`,
    `eval(`, `exec(`, `pickle`, `verify=False`, `shell=True`, `innerHTML`, `InsecureSkipVerify`, weak
    hashes, ...). A suppression that names non-security codes (`# noqa: PLW1510`,
    `# type: ignore[arg-type]`, `@SuppressWarnings("unchecked")`) says what it silences and stays
    medium.

    ## Why it is risky

    A suppression is a decision not to look. Added in the same pull request as the code it hides, it
    takes that code out of every later review; agents in particular add `# type: ignore` or `# nosec` to
    make a check pass instead of fixing what it reported.

    ## Example

    ```diff
    +    subprocess.run(command, shell=True)  # nosec
    ```

    ## How to fix

    Fix what the check reported. If the suppression is right, name the exact rule (`# noqa: E501`,
    `// eslint-disable-next-line no-console`) and give the reason in the comment, so that a reviewer can
    judge it.

    ## Tuning

    Suppressions the base side already had as often (a line that moved or was reformatted) are not
    reported. Documentation, generated and vendored files are skipped, except for Bulwark's own
    `bulwark: ignore[...]`, which is reported in every file. Bulwark's own suppressions are also listed in
    `AnalysisResult.added_suppressions` by the runner; this rule reports them as findings so that they
    reach the review. A suppression the pull request adds never hides this rule's finding, and is never
    honoured for a finding the base policy blocks or for a protected rule (`docs/policy.md`).

    ## References

    - CWE-1164: Irrelevant Code
    - OWASP SAMM: Implementation, Secure Build
    """

    meta = RuleMeta(
        id="anomaly-check-suppressed",
        family=Family.ANOMALY,
        summary="A suppression comment added to silence a linter, type checker or scanner",
        severity=Severity.MEDIUM,
    )

    def analyze(self, ctx: ChangeContext) -> Iterator[Finding]:
        for changed in ctx.files:
            if changed.status is FileStatus.REMOVED:
                continue
            if changed.kinds & _SKIPPED_KINDS:
                yield from self._bulwark_only(changed)
                continue
            for item in added_suppressions(changed):
                why = "on security-relevant code or silencing a scanner" if item.security else "added"
                yield self.finding(
                    changed,
                    item.line,
                    f"`{item.marker}` suppression {why}: `{item.text[:80]}`",
                    confidence=0.9 if item.security else 0.8,
                    severity=Severity.HIGH if item.security else Severity.MEDIUM,
                    evidence=changed.line(item.line).strip()[:200],
                )

    def _bulwark_only(self, changed: ChangedFile) -> Iterator[Finding]:
        """Bulwark's own suppressions the pull request adds, in a file whose other markers are not read."""
        for item in find_suppressions(changed).values():
            if item.from_base:
                continue
            text = changed.line(item.line).strip()
            yield self.finding(
                changed,
                item.line,
                f"`bulwark: ignore` suppression on security-relevant code or silencing a scanner: `{text[:80]}`",
                confidence=0.9,
                severity=Severity.HIGH,
                evidence=text[:200],
            )
