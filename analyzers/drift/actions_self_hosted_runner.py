"""actions-self-hosted-runner: a job that outsiders can trigger runs on a self-hosted runner."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.yaml_doc import YNode
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site, document_pairs, site_findings
from analyzers.drift.common import jobs, triggers

# Events that people outside the repository can cause.
OUTSIDE_EVENTS = frozenset(
    {
        "pull_request", "pull_request_target", "issue_comment", "issues", "discussion",
        "discussion_comment", "pull_request_review", "pull_request_review_comment", "fork", "watch",
        "workflow_run",
    }
)  # fmt: skip


class ActionsSelfHostedRunner(Analyzer):
    """A job runs on a self-hosted runner (`runs-on: self-hosted`).

    ## What it flags

    Jobs whose `runs-on` names the `self-hosted` label (as a string, in a list, or in `labels:`):

    - **medium** in workflows that events from outside the repository trigger (`pull_request`,
      `pull_request_target`, `issue_comment`, `issues`, `workflow_run`, ...);
    - **low** otherwise (a push or a schedule still runs whatever was merged, and the runner
      outlives the job).

    ## Why it is risky

    GitHub advises against self-hosted runners on public repositories: a pull request from a fork
    runs its code on the machine, and unless the runner is ephemeral it can leave a process, a
    poisoned tool cache or a stolen credential for the next job, which may be a release.

    ## Example

    ```diff
     on: pull_request
     jobs:
       test:
    -    runs-on: ubuntu-latest
    +    runs-on: [self-hosted, linux]
    ```

    ## How to fix

    Use GitHub-hosted runners for jobs that run contributions, or ephemeral ("just-in-time")
    self-hosted runners, and require approval for workflow runs from outside contributors.

    ## Tuning

    Disable the rule with `rules.actions-self-hosted-runner.disable: true` in private repositories
    whose runners are ephemeral.

    ## References

    - CWE-250: Execution with Unnecessary Privileges
    - GitHub Docs: "Security hardening for GitHub Actions" (hardening for self-hosted runners)
    """

    meta = RuleMeta(
        id="actions-self-hosted-runner",
        family=Family.DRIFT,
        summary="A job that outsiders can trigger runs on a self-hosted runner",
        severity=Severity.MEDIUM,
        cwe=(250,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        for file, head, base in document_pairs(ctx, actions=False):
            yield from site_findings(self, file, _sites(head), _sites(base) if base is not None else ())


def _sites(workflow: YNode) -> Iterator[Site]:
    outside = sorted(triggers(workflow) & OUTSIDE_EVENTS)
    for job_id, _line, job in jobs(workflow):
        runs_on = job.get("runs-on")
        if runs_on is None or not _self_hosted(runs_on):
            continue
        if outside:
            message = (
                f"job `{job_id}` runs on a self-hosted runner and `{outside[0]}` lets outsiders start it"
            )
            severity, confidence = Severity.MEDIUM, 0.6
        else:
            message = f"job `{job_id}` runs on a self-hosted runner; keep it ephemeral"
            severity, confidence = Severity.LOW, 0.5
        yield Site((job_id, severity.label), runs_on.line, message, severity, confidence)


def _self_hosted(node: YNode) -> bool:
    if node.kind == "scalar":
        return node.text.strip().lower() == "self-hosted"
    if node.is_seq:
        return any(
            item.kind == "scalar" and item.text.strip().lower() == "self-hosted" for item in node.items
        )
    labels = node.get("labels") if node.is_map else None
    return labels is not None and _self_hosted(labels)
