"""actions-spoofable-actor-check: a condition trusts `github.actor` to say who opened the change."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.yaml_doc import YNode
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site, document_pairs, site_findings
from analyzers.drift.common import jobs, steps, triggers
from analyzers.drift.workflow_facts import PRIVILEGED

_ACTOR = re.compile(
    r"github\.(?:triggering_)?actor\s*==\s*'[^']{1,100}'|'[^']{1,100}'\s*==\s*github\.(?:triggering_)?actor|"
    r"contains\(\s*fromjson\([^)]{1,400}\)\s*,\s*github\.(?:triggering_)?actor\s*\)",
    re.IGNORECASE,
)
_CREATOR = re.compile(r"github\.event\.pull_request\.user\.login|github\.event\.issue\.user\.login")


class ActionsSpoofableActorCheck(Analyzer):
    """An `if:` decides who may proceed by `github.actor` (`github.actor == 'dependabot[bot]'`).

    ## What it flags

    Job and step `if:` conditions that admit a name by `github.actor` or `github.triggering_actor`
    (`== 'name'`, `contains(fromJSON('[…]'), github.actor)`), unless the same condition also checks who created the pull request
    (`github.event.pull_request.user.login`). **High** in workflows triggered by
    `pull_request_target`, `workflow_run` or `issue_comment`, **medium** elsewhere.

    ## Why it is risky

    `github.actor` is whoever caused the latest event, not who wrote the change: anyone can push a
    commit onto a branch that Dependabot last updated, or make a bot re-run a workflow, and the
    check passes for code the bot never wrote. Auto-merge and secret-using jobs guarded this way run
    for the attacker.

    ## Example

    ```diff
     jobs:
       automerge:
    -    if: github.event.pull_request.user.login == 'dependabot[bot]'
    +    if: github.actor == 'dependabot[bot]'
    ```

    ## How to fix

    Check the pull request's author (`github.event.pull_request.user.login`) and, for Dependabot,
    use the `pull_request` trigger with Dependabot secrets instead of `pull_request_target`.

    ## Tuning

    `rules.actions-spoofable-actor-check.paths` limits the workflows checked.

    ## References

    - CWE-290: Authentication Bypass by Spoofing
    - GitHub Docs: "Automating Dependabot with GitHub Actions"
    """

    meta = RuleMeta(
        id="actions-spoofable-actor-check",
        family=Family.DRIFT,
        summary="A condition trusts github.actor to say who wrote the change",
        severity=Severity.HIGH,
        cwe=(290,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        for file, head, base in document_pairs(ctx, actions=False):
            yield from site_findings(self, file, _sites(head), _sites(base) if base is not None else ())


def _sites(workflow: YNode) -> Iterator[Site]:
    privileged = bool(triggers(workflow) & set(PRIVILEGED))
    severity = Severity.HIGH if privileged else Severity.MEDIUM
    conditions = [(job_id, job.get("if")) for job_id, _line, job in jobs(workflow)]
    conditions.extend((step.job_id, step.node.get("if")) for step in steps(workflow))
    for job_id, node in conditions:
        if node is None or node.kind != "scalar" or _CREATOR.search(node.text):
            continue
        found = _ACTOR.search(node.text)
        if found is not None:
            yield Site(
                (job_id, found.group(0).replace(" ", "")),
                node.line,
                f"`{found.group(0)}` in job `{job_id}` names whoever caused the latest event, not who "
                "wrote the change; check `github.event.pull_request.user.login`",
                severity,
                0.7,
                end_line=node.end_line,
            )
