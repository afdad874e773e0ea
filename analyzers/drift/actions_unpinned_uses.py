"""actions-unpinned-uses: a workflow references an action or reusable workflow by a movable ref."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.yaml_doc import YNode
from analyzers.drift.common import action_documents, jobs, policy_of, steps
from app.context.model import ChangeContext, ChangedFile
from app.context.policy import RepoPolicy

_SHA = re.compile(r"^[0-9a-f]{40}$")
_DIGEST = re.compile(r"@sha256:[0-9a-f]{64}$")


class ActionsUnpinnedUses(Analyzer):
    """A workflow references an action or reusable workflow by a tag or branch, not a commit SHA.

    ## What it flags

    Every `uses:` of a step or a job (reusable workflows) in `.github/workflows/*.yml`, and of the
    steps of composite actions (`action.yml`), whose ref is not a full 40-character commit SHA: `actions/checkout@v4`, `owner/repo@main`, a missing ref, and
    `docker://image:tag` without an `@sha256:` digest. Local actions (`./path`) are never flagged.

    ## Why it is risky

    Tags and branches move. Whoever controls the action's repository (its owner, or an attacker who
    took over an account or a release) can point `v4` at new code, and every workflow using it runs
    that code with the job's token and secrets on the next run, as happened with
    `tj-actions/changed-files` in March 2025.

    ## Example

    ```diff
    -      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11 # v4.1.1
    +      - uses: actions/checkout@v4
    ```

    ## How to fix

    Pin to the full commit SHA of the release and keep the version in a comment
    (`uses: actions/checkout@<sha> # v4.1.1`); let Dependabot or Renovate update the pins.

    ## Tuning

    `actions.allowed_owners` in `.github/bulwark.yml` lists owners whose actions may be used by tag
    (for example your own organisation); `actions.allowed_actions` lists single actions
    (`owner/repo` or `owner/repo/path`). `rules.actions-unpinned-uses.paths` limits the workflows
    checked.

    ## References

    - CWE-829: Inclusion of Functionality from Untrusted Control Sphere
    - GitHub Docs: "Security hardening for GitHub Actions" (using third-party actions)
    - CISA/GitHub advisory GHSA-mrrh-fwg8-r2c3 (tj-actions/changed-files)
    """

    meta = RuleMeta(
        id="actions-unpinned-uses",
        family=Family.DRIFT,
        summary="An action is referenced by a movable tag or branch instead of a commit SHA",
        severity=Severity.MEDIUM,
        cwe=(829,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        policy = policy_of(ctx)
        for file, workflow in action_documents(ctx):
            for node in _uses_nodes(workflow):
                reason = unpinned_reason(node.text, policy)
                if reason is not None:
                    yield self._finding(file, node, reason)

    def _finding(self, file: ChangedFile, node: YNode, reason: str) -> Finding:
        return self.finding(
            file,
            node.line,
            f"`{node.text}` {reason}; pin it to a full commit SHA",
            confidence=0.9,
            evidence=node.text,
        )


def _uses_nodes(workflow: YNode) -> Iterator[YNode]:
    for _job_id, _line, job in jobs(workflow):
        uses = job.get("uses")
        if uses is not None and uses.kind == "scalar":
            yield uses
    for step in steps(workflow):
        uses = step.node.get("uses")
        if uses is not None and uses.kind == "scalar":
            yield uses


def unpinned_reason(uses: str, policy: RepoPolicy) -> str | None:
    """Why `uses` is not pinned, or None when it is (or the policy allows it)."""
    uses = uses.strip()
    if not uses or uses.startswith(("./", "$/")) or "${{" in uses:
        return None
    if uses.startswith("docker://"):
        return None if _DIGEST.search(uses) else "is a container image without a digest"
    target, _, ref = uses.partition("@")
    if _SHA.match(ref):
        return None
    owner = target.split("/", 1)[0].lower()
    if owner in {o.lower() for o in policy.actions.allowed_owners}:
        return None
    allowed = {a.lower() for a in policy.actions.allowed_actions}
    if target.lower() in allowed or any(target.lower().startswith(a + "/") for a in allowed):
        return None
    return "has no ref" if not ref else f"follows the movable ref `{ref}`"
