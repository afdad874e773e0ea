"""actions-dangerous-trigger: a privileged workflow trigger, judged by what its jobs do with the head."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.yaml_doc import YNode
from analyzers.contract.model import ChangeContext, ChangedFile
from analyzers.drift.changes import new_sites
from analyzers.drift.common import Step, base_workflow, steps, workflows
from analyzers.drift.workflow_facts import (
    PRIVILEGED,
    downloads_artifacts,
    executes_workspace,
    fetches_head,
    trigger_lines,
)
from analyzers.record import record


@record
class _Site:
    kind: str  # trigger, fetch, run
    job_id: str
    line: int
    event: str
    detail: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.kind, self.job_id, self.event)


class ActionsDangerousTrigger(Analyzer):
    """A `pull_request_target`, `workflow_run` or `issue_comment` workflow, judged by what it does.

    ## What it flags

    Workflows triggered by `pull_request_target`, `workflow_run` or `issue_comment`, which run with
    the base repository's token and secrets on events that outsiders cause:

    - **critical**: a job checks out or fetches the pull request's head (`actions/checkout` with a `ref:`
      or `repository:` of the head, `refs/pull/…`, `allow-unsafe-pr-checkout: true`, `gh pr
      checkout`, `git fetch origin pull/…`), or downloads the triggering run's artifacts, and a later
      step of the same job runs code from the workspace: a build or install (`npm ci`, `pip
      install`, `make`, `go test`, ...), a script of the checkout, a local action (`uses: ./…`) or a
      restored cache;
    - **medium**: a job checks out the head but no later step visibly runs it (reading files of the
      head is still exposed to argument and symlink tricks);
    - **low**: the trigger itself, when added: it is safe only while no step ever handles the pull
      request's code or text as code.

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
        severity=Severity.CRITICAL,
        cwe=(829,),
        version=3,
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        for file, workflow in workflows(ctx):
            head = list(_sites(workflow))
            base_doc = base_workflow(file)
            base = list(_sites(base_doc)) if base_doc is not None else []
            for site, about_change in new_sites(file, head, base, lambda s: s.key, lambda s: s.line):
                yield self._finding(file, site, about_change)

    def _finding(self, file: ChangedFile, site: _Site, about_change: bool) -> Finding:
        if site.kind == "run":
            message = (
                f"a `{site.event}` workflow fetches the pull request's code in job `{site.job_id}` and "
                f"then runs code from the workspace (line {site.detail}) with the base repository's "
                "token and secrets"
            )
            severity, confidence = Severity.CRITICAL, 0.9
        elif site.kind == "fetch":
            message = (
                f"a `{site.event}` workflow checks out the pull request's code in job `{site.job_id}` "
                "with the base repository's token and secrets"
            )
            severity, confidence = Severity.MEDIUM, 0.7
        else:
            keep = "" if site.detail else "; keep the pull request's code and text out of its steps"
            message = (
                f"`{site.event}` runs with the base repository's token and secrets on events outsiders "
                f"cause{keep}"
            )
            severity, confidence = Severity.LOW, 0.5
        return self.finding(
            file,
            site.line,
            message,
            confidence=confidence,
            severity=severity,
            evidence=file.line(site.line).strip(),
            about_change=about_change,
        )


def _sites(workflow: YNode) -> Iterator[_Site]:
    lines = trigger_lines(workflow)
    events = [event for event in PRIVILEGED if event in lines]
    if not events:
        return
    event = events[0]
    fetched = False
    all_steps = list(steps(workflow))
    for job_id in dict.fromkeys(step.job_id for step in all_steps):
        job_steps = [step for step in all_steps if step.job_id == job_id]
        site = _job_site(job_steps, job_id, event)
        if site is not None:
            fetched = True
            yield site
    for name in events:
        yield _Site("trigger", "", lines[name], name, "fetched" if fetched else "")


def _job_site(job_steps: list[Step], job_id: str, event: str) -> _Site | None:
    """The first step of a job that brings the head's code or artifacts in, judged by what follows."""
    for position, step in enumerate(job_steps):
        line = fetches_head(step)
        download = line is None and event == "workflow_run" and downloads_artifacts(step)
        if line is None and not download:
            continue
        folder = _folder(step)
        ran = _runs_from(job_steps[position + 1 :], folder)
        if download:
            if ran is None:
                continue
            return _Site("run", job_id, step.node.line, event, str(ran))
        return _Site(
            "run" if ran is not None else "fetch", job_id, line or step.node.line, event, str(ran or "")
        )
    return None


def _folder(step: Step) -> str:
    """Where a checkout or download puts its files, when not the workspace itself."""
    value = step.with_value("path")
    text = value.text.strip().strip("/") if value is not None and value.kind == "scalar" else ""
    return "" if text in {"", ".", "./", "${{ github.workspace }}"} else text.removeprefix("./")


def _runs_from(later: list[Step], folder: str) -> int | None:
    """The line of the first later step that runs code from `folder` (any code when it is the
    workspace itself)."""
    for step in later:
        line = executes_workspace(step)
        if line is None:
            continue
        if not folder or _mentions(step, folder):
            return line
    return None


def _mentions(step: Step, folder: str) -> bool:
    """Whether a step runs something inside `folder` (not merely reads it as an argument)."""
    working = (step.node.scalar("working-directory") or "").strip().removeprefix("./")
    if working.startswith(folder) or (step.uses or "").startswith(f"./{folder}"):
        return True
    commands = [line.strip() for line in (step.run or "").split("\n")]
    starts = (f"cd {folder}", f"cd ./{folder}", f"./{folder}/", f"{folder}/", f"sh {folder}/", f"bash {folder}/",
              f"node {folder}/", f"python {folder}/", f"python3 {folder}/", f"source {folder}/", f". {folder}/")  # fmt: skip
    return any(command.startswith(starts) for command in commands)
