"""codeowners-weakened: code owners removed or dropped for paths that had them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.codeowners import LOCATIONS, OwnerEntry, effective, parse_codeowners
from analyzers.contract.model import ChangeContext, ChangedFile, FileStatus
from analyzers.drift.common import nearest_head_line

CATCH_ALL = frozenset({"*", "**", "/**", "/*"})


def _once_per_line(findings: Iterable[Finding]) -> Iterator[Finding]:
    seen: set[int] = set()
    for finding in findings:
        if finding.start_line not in seen:
            seen.add(finding.start_line)
            yield finding


def _renamed(entry: OwnerEntry, line: int, head: tuple[OwnerEntry, ...], base: dict[str, OwnerEntry]) -> bool:
    """Whether a vanished entry was renamed in place: a new pattern on its line keeps its owners."""
    return any(
        other.line == line and other.pattern not in base and set(entry.owners) <= set(other.owners)
        for other in head
    )


class CodeownersWeakened(Analyzer):
    """CODEOWNERS entries removed, owners dropped, or a catch-all added that overrides them.

    ## What it flags

    Compared with the base version of `CODEOWNERS` (`.github/`, the root or `docs/`):

    - an entry whose pattern no longer appears (reported on the nearest line of the new version);
    - an entry that keeps its pattern but loses owners (`/src/auth/ @alice @sec-team` becoming
      `/src/auth/ @alice`), including one left with no owner at all;
    - a new catch-all entry (`*`, `**`, `/**`) placed after other entries, which overrides them;
    - the whole file deleted with no replacement at another location.

    Moving an entry to another line, or the file to another location, is not a finding as long as
    every pattern keeps its owners; neither is an entry renamed in place (a new pattern on the same
    line with the same owners, as when a folder is renamed).

    ## Why it is risky

    With branch protection's "require review from code owners", CODEOWNERS decides who must
    approve changes to sensitive paths. Dropping an owner in the same pull request that changes
    those paths removes the review the team relies on.

    ## Example

    ```diff
    -/.github/workflows/ @acme/platform @acme/security
    +/.github/workflows/ @acme/platform
    ```

    ## How to fix

    Keep the owners, or change CODEOWNERS in a separate pull request that the current owners
    approve.

    ## Tuning

    `codeowners.path` in `.github/bulwark.yml` names a non-standard location;
    `rules.codeowners-weakened.disable` turns the rule off for repositories without owner reviews.

    ## References

    - CWE-284: Improper Access Control
    - GitHub Docs: "About code owners"
    """

    meta = RuleMeta(
        id="codeowners-weakened",
        family=Family.DRIFT,
        summary="CODEOWNERS entries or owners were removed",
        severity=Severity.HIGH,
        cwe=(284,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        changed = [f for f in ctx.files if f.path in LOCATIONS]
        added = [f for f in changed if f.status is FileStatus.ADDED and f.head_text is not None]
        removed = [f for f in changed if f.head_text is None and f.base_text is not None]
        for file in changed:
            if file.head_text is not None and file.base_text is not None:
                yield from _once_per_line(self._compare(file, file.base_text, moved=False))
        for file in added:
            if removed:
                yield from _once_per_line(self._compare(file, removed[0].base_text or "", moved=True))
        if removed and not added:
            for file in removed:
                if parse_codeowners(file.base_text or ""):
                    yield self.finding(file, 1, "CODEOWNERS was deleted", confidence=0.95, about_change=True)

    def _compare(self, file: ChangedFile, base_text: str, *, moved: bool) -> Iterator[Finding]:
        base = effective(parse_codeowners(base_text))
        head_entries = parse_codeowners(file.head_text or "")
        head = effective(head_entries)
        for pattern, entry in base.items():
            now = head.get(pattern)
            if now is None:
                line = 1 if moved else nearest_head_line(file, entry.line)
                if not _renamed(entry, line, head_entries, base):
                    yield self._weakened(file, line, f"the owners of `{pattern}` were removed")
                continue
            dropped = [owner for owner in entry.owners if owner not in now.owners]
            if dropped:
                yield self._weakened(file, now.line, f"`{pattern}` lost owner(s) {', '.join(dropped)}")
        yield from self._catch_alls(file, head_entries, base)

    def _catch_alls(
        self, file: ChangedFile, entries: tuple[OwnerEntry, ...], base: dict[str, OwnerEntry]
    ) -> Iterator[Finding]:
        for index, entry in enumerate(entries):
            if index == 0 or entry.pattern not in CATCH_ALL:
                continue
            before = base.get(entry.pattern)
            if before is None or before.owners != entry.owners:
                yield self._weakened(
                    file,
                    entry.line,
                    f"catch-all `{entry.pattern}` after other entries overrides their owners",
                )

    def _weakened(self, file: ChangedFile, line: int, message: str) -> Finding:
        return self.finding(
            file,
            line,
            message,
            confidence=0.9,
            about_change=True,
            evidence=file.line(line).strip(),
        )
