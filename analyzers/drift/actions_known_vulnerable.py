"""actions-known-vulnerable: a workflow uses an action release with a published advisory."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.yaml_doc import YNode
from analyzers.contract.model import ChangeContext, ChangedFile
from analyzers.drift.action_refs import advisories, affected, read_ref, version_tuple
from analyzers.drift.changes import Site, document_pairs, site_findings
from analyzers.drift.uses_nodes import uses_nodes

_SEVERITY = {
    "critical": Severity.HIGH,
    "high": Severity.HIGH,
    "moderate": Severity.MEDIUM,
    "medium": Severity.MEDIUM,
}


class ActionsKnownVulnerable(Analyzer):
    """An action is used at a release that a published security advisory covers.

    ## What it flags

    `uses: owner/repo@vX.Y.Z` (or a commit pin commented `# vX.Y.Z`) whose version falls in the
    affected range of an advisory of the GitHub Advisory Database for the GitHub Actions ecosystem.
    A moving major tag (`@v35`) is reported when no release of that major line carries the fix.
    The advisories ship with Bulwark and are refreshed by `bulwark data update action-advisories`;
    an analysis never goes to the network.

    ## Why it is risky

    The advisory says what goes wrong: `tj-actions/changed-files` before 46.0.1 printed every
    secret of the job to the log, before 41 it let file names of a pull request run as shell code;
    `actions/download-artifact` 4.0.0 to 4.1.2 let an artifact write outside its folder.

    ## Example

    ```diff
    -      - uses: tj-actions/changed-files@v46.0.1
    +      - uses: tj-actions/changed-files@v35
    ```

    ## How to fix

    Move to the fixed release the advisory names (or later), pinned by commit SHA.

    ## Tuning

    `bulwark data show` prints the date of the shipped advisory list; `bulwark data update` refreshes
    it. Severity follows the advisory's (critical and high: high, moderate: medium, low: low).
    `rules.actions-known-vulnerable.disable: true` turns the rule off.

    ## References

    - CWE-1395: Dependency on Vulnerable Third-Party Component
    - GitHub Advisory Database: ecosystem "GitHub Actions"
    """

    meta = RuleMeta(
        id="actions-known-vulnerable",
        family=Family.DRIFT,
        summary="A workflow uses an action release with a published advisory",
        severity=Severity.HIGH,
        cwe=(1395,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        for file, head, base in document_pairs(ctx):
            old = _sites(file, base, "base") if base is not None else ()
            yield from site_findings(self, file, _sites(file, head, "head"), old)


def _sites(file: ChangedFile, document: YNode, side: str) -> Iterator[Site]:
    for job_id, node in uses_nodes(document):
        ref = read_ref(node.text, file.line(node.line, "head" if side == "head" else "base"))
        if ref is None:
            continue
        version = version_tuple(ref.version) if ref.version else ()
        for advisory in advisories():
            if advisory.action == ref.action and affected(advisory, version):
                fixed = ".".join(map(str, advisory.fixed)) or "no fixed release"
                yield Site(
                    (job_id, ref.action, advisory.id),
                    node.line,
                    f"`{ref.action}` {ref.version} is affected by {advisory.id}: {advisory.summary}; "
                    f"fixed in {fixed}",
                    _SEVERITY.get(advisory.severity, Severity.LOW),
                    0.9 if len(version) >= 3 and not ref.pinned else 0.7,
                )
