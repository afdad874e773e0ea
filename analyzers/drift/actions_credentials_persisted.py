"""actions-credentials-persisted: a checkout leaves the token in `.git/config` where it can leak."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.yaml_doc import YNode
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site, site_findings
from analyzers.drift.common import Step, base_workflow, steps, triggers, workflows

_UPLOADS = frozenset({"actions/upload-artifact", "actions/upload-pages-artifact", "actions/cache/save"})
_WORKSPACE = frozenset(
    {".", "./", "*", "**", "./*", "./**", "**/*", "${{ github.workspace }}", "${{ github.workspace }}/"}
)
_UNTRUSTED_TRIGGERS = frozenset({"pull_request_target", "workflow_run", "issue_comment"})


class ActionsCredentialsPersisted(Analyzer):
    """`actions/checkout` keeps the token on disk in a job that uploads the workspace or runs untrusted code.

    ## What it flags

    An `actions/checkout` step without `persist-credentials: false` in a job that also uploads the
    workspace (`actions/upload-artifact`, `actions/upload-pages-artifact` or `actions/cache/save`
    with a `path` of `.`, `*`, `**`, `${{ github.workspace }}` or `.git`), or in any job of a
    workflow triggered by `pull_request_target`, `workflow_run` or `issue_comment`, where the code
    that runs next may not be trusted.

    ## Why it is risky

    By default the checkout action writes the job's token into `.git/config` of the workspace. Every
    later step can read it, and an artifact that includes the workspace publishes it ("ArtiPACKED":
    tokens found in public artifacts of major projects).

    ## Example

    ```diff
    -      - uses: actions/checkout@<sha>
    +      - uses: actions/checkout@<sha>
    +        with:
    +          persist-credentials: false
    ```

    ## How to fix

    Add `with: { persist-credentials: false }` to the checkout step and pass a token explicitly to
    the one step that pushes, if any.

    ## Tuning

    `rules.actions-credentials-persisted.paths` limits the workflows checked. Checkouts in jobs that
    upload only build outputs (`dist/`, coverage files) and do not run in a privileged trigger are
    not reported. The base version of the workflow is the reference: a checkout that already kept
    the token in the same job for the same reason (bumped to another version, moved within the job) is
    not reported again; a new job, a new reason or `persist-credentials: false` removed is.

    ## References

    - CWE-522: Insufficiently Protected Credentials
    - Palo Alto Unit 42: "ArtiPACKED: Hacking Giants Through a Race Condition in GitHub Actions
      Artifacts" (2024)
    - actions/checkout README: `persist-credentials`
    """

    meta = RuleMeta(
        id="actions-credentials-persisted",
        family=Family.DRIFT,
        summary="A checkout keeps the token on disk in a job that uploads the workspace or runs untrusted code",
        severity=Severity.MEDIUM,
        cwe=(522,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        for file, workflow in workflows(ctx):
            base = base_workflow(file)
            head_sites = list(_sites(workflow))
            base_sites = list(_sites(base)) if base is not None else []
            yield from site_findings(self, file, head_sites, base_sites)


def _sites(workflow: YNode) -> Iterator[Site]:
    """A checkout that keeps the token, per job and reason: the same checkout bumped to another
    version or moved within its job is the same state, not a new one."""
    untrusted = bool(triggers(workflow) & _UNTRUSTED_TRIGGERS)
    all_steps = list(steps(workflow))
    uploading = {s.job_id for s in all_steps if s.action in _UPLOADS and _uploads_workspace(s)}
    for step in all_steps:
        if step.action != "actions/checkout" or not _persists(step):
            continue
        if not (untrusted or step.job_id in uploading):
            continue
        why = "uploads artifacts" if step.job_id in uploading else "runs untrusted code"
        uses = step.node.get("uses")
        line = uses.line if uses is not None else step.node.line
        yield Site(
            key=("checkout-persisted", step.job_id, why),
            line=line,
            message=f"checkout keeps the token in `.git/config` and job `{step.job_id}` {why}; "
            "set `persist-credentials: false`",
            severity=Severity.MEDIUM,
            confidence=0.8,
        )


def _uploads_workspace(step: Step) -> bool:
    """Whether an upload's `path` may include the checkout's `.git` folder."""
    value = step.with_value("path")
    if value is None:
        return False
    for item in value.text.replace(",", "\n").split("\n"):
        item = item.strip().strip("'\"")
        if item.startswith("!"):
            continue
        if item in _WORKSPACE or item.startswith((".git", "./.git", "${{ github.workspace }}/.git")):
            return True
    return False


def _persists(step: Step) -> bool:
    value = step.with_value("persist-credentials")
    return value is None or value.text.lower() not in {"false", "no", "off"}
