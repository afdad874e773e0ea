"""anomaly-check-suppressed: a pull request silences a security check with a suppression comment."""

from __future__ import annotations

from collections.abc import Iterator
from difflib import SequenceMatcher

from analyzers.anomaly.suppressions import PREFILTER, CheckSuppression, candidate_lines, suppressions
from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.contract.model import ChangeContext, ChangedFile, FileKind, FileStatus
from analyzers.suppression import find_suppressions

_SKIPPED_KINDS = frozenset({FileKind.DOCS, FileKind.GENERATED, FileKind.VENDORED, FileKind.BINARY})
_SIMILAR = 0.8  # scopes this alike are the same code, edited
_MAX_FUZZY = 5_000  # comparisons of scopes per change; past it an unmatched suppression is reported


class AnomalyCheckSuppressed(Analyzer):
    """A pull request silences a security check with a suppression comment.

    ## What it flags

    Suppressions on added lines that can silence a security check, found in the comment nodes of the
    syntax tree (or, for files without a grammar, in the comment part of the line):

    - markers of security tools: `# nosec` (Bandit, gosec), `nosemgrep`, CodeQL's `lgtm[...]`, a bare `// lgtm` and
      `codeql[...]`, `checkov:skip=`, `tfsec:ignore:`, `trivy:ignore:`, `kics-scan ignore`,
      `zizmor: ignore[...]`, `gitleaks:allow`, `pragma: allowlist secret`, and Bulwark's own
      `bulwark: ignore[...]`;
    - security codes of general linters: Ruff/flake8-bandit `# noqa: S…`, `//nolint:gosec`, ESLint's
      security rules (`security/*`, `no-unsanitized/*`, `no-eval`, `no-implied-eval`, `no-new-func`,
      `react/no-danger`, ...), RuboCop `Security/` cops, Sonar and FindSecBugs security inspections in
      `@SuppressWarnings`/`@SuppressFBWarnings`;
    - a suppression that names no codes (`# noqa`, `eslint-disable-next-line`, `//nolint`, `NOSONAR`)
      on code that looks security-relevant (`subprocess`, `eval(`, `pickle`, `verify=False`,
      `shell=True`, `innerHTML`, `InsecureSkipVerify`, weak hashes, ...).

    Medium; high when the suppression names no codes (every check of the tool) and the code it
    applies to looks security-relevant.

    Each suppression is compared with the base as a state (its tool, its codes and the code it
    applies to), not as a line: one that the base already had on the same code, here or in another
    file of the change (moved, reformatted, its comment reworded), or on a line that the same hunk
    replaced (its code edited), is not reported; one whose codes grew is reported for the codes it
    added.

    ## Why it is risky

    A suppression is a decision not to look. Added in the same pull request as the code it hides, it
    takes that code out of every later security review; agents in particular add `# nosec` to make a
    scanner pass instead of fixing what it reported.

    ## Example

    ```diff
    +    subprocess.run(command, shell=True)  # nosec
    ```

    ## How to fix

    Fix what the scanner reported. If the suppression is right, name the exact check (`# nosec B603`,
    `//nolint:gosec // G204: the command is a constant`) and give the reason, so that a reviewer can
    judge it.

    ## Tuning

    Type checkers and style codes are not security checks and are never reported: `# type: ignore`,
    `# pyright: ignore`, `@ts-ignore`, `# noqa: F401`, `eslint-disable-next-line eqeqeq`,
    `//nolint:bodyclose`, `@SuppressWarnings("unchecked")`; nor are Bandit's `assert` check (`B101`,
    `S101`) and suppressions in test files (low). Documentation, generated and vendored files are
    skipped, except for Bulwark's own `bulwark: ignore[...]`, which is reported in every file. Bulwark's
    own suppressions are also listed in `AnalysisResult.added_suppressions` by the runner; this rule
    reports them as findings so that they reach the review. A suppression the pull request adds never
    hides this rule's finding, and is never honoured for a finding the base policy blocks or for a
    protected rule (`docs/policy.md`).

    ## References

    - CWE-1164: Irrelevant Code
    - OWASP SAMM: Implementation, Secure Build
    """

    meta = RuleMeta(
        id="anomaly-check-suppressed",
        family=Family.ANOMALY,
        summary="A suppression comment added to silence a security check",
        severity=Severity.MEDIUM,
    )

    def analyze(self, ctx: ChangeContext) -> Iterator[Finding]:
        for changed in ctx.files:
            if changed.status is not FileStatus.REMOVED and changed.kinds & _SKIPPED_KINDS:
                yield from self._bulwark_only(changed)
        added = [(changed, item) for changed in _judged(ctx) for item in _added_security(changed)]
        if not added:
            return
        pool = _BasePool(ctx)
        for changed, item in added:
            widened = pool.take(changed, item)
            if widened is None:
                continue
            yield self._finding(changed, item, widened)

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

    def _finding(self, changed: ChangedFile, item: CheckSuppression, widened: frozenset[str]) -> Finding:
        if widened and widened != item.codes:
            what = f"now also silences {', '.join(f'`{code}`' for code in sorted(widened))}"
        elif item.blanket:
            what = "silences every check of the tool"
        else:
            what = f"silences {', '.join(f'`{code}`' for code in sorted(item.codes)[:4])}"
        severity = _severity(changed, item)
        return self.finding(
            changed,
            item.line,
            f"`{item.marker}` suppression of a security check added ({what}): `{item.text[:80]}`",
            confidence=0.85 if severity >= Severity.HIGH else 0.8,
            severity=severity,
            evidence=changed.line(item.line).strip()[:200],
        )


def _severity(changed: ChangedFile, item: CheckSuppression) -> Severity:
    if FileKind.TEST in changed.kinds:
        return Severity.LOW
    if item.blanket and item.risky_scope:
        return Severity.HIGH  # every check of the tool, on security-relevant code
    return Severity.MEDIUM


def _judged(ctx: ChangeContext) -> Iterator[ChangedFile]:
    for changed in ctx.files:
        if changed.status is not FileStatus.REMOVED and not changed.kinds & _SKIPPED_KINDS:
            yield changed


def _added_security(changed: ChangedFile) -> list[CheckSuppression]:
    lines = candidate_lines(changed, "head", sorted(changed.added_lines))
    return [item for item in suppressions(changed, "head", lines) if item.security]


class _BasePool:
    """The base side's suppressions of every changed file, by marker; each matches one head suppression:
    the same code (or code this alike) anywhere in the change, else one the same hunk replaced."""

    def __init__(self, ctx: ChangeContext) -> None:
        self.by_marker: dict[str, list[tuple[str, CheckSuppression]]] = {}
        self.fuzzy_left = _MAX_FUZZY
        for changed in ctx.files:
            if changed.base_text is None or not PREFILTER.search(changed.base_text):
                continue
            path = changed.previous_path or changed.path
            for item in suppressions(changed, "base", candidate_lines(changed, "base")):
                self.by_marker.setdefault(item.marker, []).append((path, item))

    def take(self, changed: ChangedFile, item: CheckSuppression) -> frozenset[str] | None:
        """The codes `item` adds to its base counterpart (all of its codes when it has none), or None
        when the base already had it."""
        candidates = self.by_marker.get(item.marker, [])
        match = next((pair for pair in candidates if pair[1].scope == item.scope), None)
        match = match or self._similar(candidates, item.scope) or _replaced(changed, candidates, item)
        if match is None:
            return item.codes
        candidates.remove(match)
        base = match[1]
        if base.blanket:
            return None
        if item.blanket:
            return frozenset()
        added = item.codes - base.codes
        return added if added else None

    def _similar(
        self, candidates: list[tuple[str, CheckSuppression]], scope: str
    ) -> tuple[str, CheckSuppression] | None:
        for pair in candidates:
            if self.fuzzy_left <= 0:
                return None
            self.fuzzy_left -= 1
            matcher = SequenceMatcher(None, pair[1].scope, scope, autojunk=False)
            if matcher.real_quick_ratio() >= _SIMILAR and matcher.ratio() >= _SIMILAR:
                return pair
        return None


def _replaced(
    changed: ChangedFile, candidates: list[tuple[str, CheckSuppression]], item: CheckSuppression
) -> tuple[str, CheckSuppression] | None:
    """A base suppression on a line that the hunk holding `item` removed: the same one, its code edited."""
    path = changed.previous_path or changed.path
    for hunk in changed.hunks:
        if item.line in hunk.added:
            removed = set(hunk.removed)
            return next((p for p in candidates if p[0] == path and p[1].line in removed), None)
    return None
