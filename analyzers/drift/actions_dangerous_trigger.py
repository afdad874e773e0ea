"""actions-dangerous-trigger: a privileged workflow trigger checks out or runs the pull request's code."""

from __future__ import annotations

import re
from collections.abc import Iterable

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.drift.common import Step, steps, triggers, workflows
from app.context.model import ChangeContext

PRIVILEGED = frozenset({"pull_request_target", "workflow_run"})
_HEAD_REF = re.compile(
    r"github\.event\.pull_request\.head\.(?:sha|ref)|github\.head_ref|"
    r"github\.event\.workflow_run\.head_(?:sha|branch)|refs/pull/|"
    r"github\.event\.pull_request\.merge_commit_sha"
)
_RUN_CHECKOUT = re.compile(
    r"\bgh\s+pr\s+checkout\b|\bgit\s+fetch\b[^\n]{0,500}?\bpull/|\bgit\s+(?:checkout|switch)\b[^\n]{0,500}?"
    r"(?:github\.event\.pull_request\.head|github\.head_ref|workflow_run\.head)"
)


class ActionsDangerousTrigger(Analyzer):
    """A `pull_request_target` or `workflow_run` workflow checks out or runs the pull request's code.

    ## What it flags

    In workflows triggered by `pull_request_target` or `workflow_run`: an `actions/checkout` step
    whose `ref:` names the pull request head (`github.event.pull_request.head.sha`,
    `github.head_ref`, `refs/pull/…`, `github.event.workflow_run.head_sha`), and `run:` steps that
    fetch or check out the head (`gh pr checkout`, `git fetch origin pull/…`).

    ## Why it is risky

    These triggers run in the context of the base repository, with a read/write token and access to
    secrets, even for pull requests from forks. Checking out the fork's code and then building or
    testing it ("pwn request") runs attacker-written code with those privileges: build scripts,
    test hooks and package install scripts all execute.

    ## Example

    ```diff
     on: pull_request_target
     ...
    +      - uses: actions/checkout@<sha>
    +        with:
    +          ref: ${{ github.event.pull_request.head.sha }}
    ```

    ## How to fix

    Use the `pull_request` trigger for anything that builds or tests the contribution. If a
    privileged step is needed (labelling, commenting), split it into a `workflow_run` workflow that
    only consumes artifacts as data, never as code, and never checks out the head.

    ## Tuning

    Disable with `rules.actions-dangerous-trigger.disable: true` only for repositories that accept
    no outside contributions; `paths` limits the workflows checked.

    ## References

    - CWE-829: Inclusion of Functionality from Untrusted Control Sphere
    - GitHub Security Lab: "Keeping your GitHub Actions and workflows secure Part 1: Preventing pwn
      requests"
    """

    meta = RuleMeta(
        id="actions-dangerous-trigger",
        family=Family.DRIFT,
        summary="A privileged workflow trigger checks out or runs the pull request's code",
        severity=Severity.HIGH,
        cwe=(829,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        for file, workflow in workflows(ctx):
            events = sorted(triggers(workflow) & PRIVILEGED)
            if not events:
                continue
            for step in steps(workflow):
                line = _head_checkout_line(step)
                if line is not None:
                    yield self.finding(
                        file,
                        line,
                        f"a `{events[0]}` workflow checks out or runs the pull request head "
                        f"(job `{step.job_id}`) with the base repository's token and secrets",
                        confidence=0.9,
                        evidence=file.line(line).strip(),
                    )


def _head_checkout_line(step: Step) -> int | None:
    if step.action == "actions/checkout":
        ref = step.with_value("ref") or step.with_value("repository")
        if ref is not None and _HEAD_REF.search(ref.text):
            return ref.line
    run = step.node.get("run")
    if run is not None:
        for number, text in run.source_lines():
            if _RUN_CHECKOUT.search(text):
                return number
    return None
