"""actions-permissions-widened: a workflow's token gains permissions."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.yaml_doc import YNode
from analyzers.contract.model import ChangeContext, ChangedFile
from analyzers.contract.policy import RepoPolicy
from analyzers.drift.common import base_workflow, jobs, policy_of, triggers, workflows
from analyzers.drift.local_calls import called_document, local_target

LEVELS = {"none": 0, "read": 1, "write": 2}
SCOPES = (
    "actions", "attestations", "checks", "contents", "deployments", "discussions", "id-token",
    "issues", "models", "packages", "pages", "pull-requests", "repository-projects",
    "security-events", "statuses",
)  # fmt: skip
_UNLISTED_BASELINE = "read"
# Scopes whose write access touches conversation and status, not code, releases or credentials.
_CONVERSATION = frozenset({"checks", "discussions", "issues", "models", "repository-projects", "statuses"})


class ActionsPermissionsWidened(Analyzer):
    """A workflow's `GITHUB_TOKEN` gains permissions: `write-all`, a scope raised, or none declared.

    ## What it flags

    - `permissions: write-all`, at the top of a workflow or on a job;
    - a new workflow with no top-level `permissions:` while some job declares none either (the
      token then gets the repository's default, often read/write on everything), and a new job
      without `permissions:` in a workflow that declares none (a job calling a local reusable
      workflow, `uses: ./.github/workflows/x.yml`, is followed into it: it counts when a job of
      that workflow declares no `permissions:` either);
    - `permissions:` removed from a workflow or job so that a job falls back to that default
      (reported on the job);
    - any scope raised compared with the base version of the same workflow at the same level
      (top level or the same job), for example `contents: read` becoming `contents: write`;
    - any scope above the policy's `workflows.baseline_permissions`.

    ## Why it is risky

    The token is handed to every step, including third-party actions and build scripts. Write
    access to contents, packages, pull requests or `id-token` lets a compromised step push code,
    publish packages, approve changes or mint cloud credentials.

    ## Example

    ```diff
     permissions:
    -  contents: read
    +  contents: write
    ```

    ## How to fix

    Declare `permissions:` at the top of every workflow with the least it needs (often
    `contents: read`) and raise single scopes on the jobs that need them.

    ## Tuning

    `workflows.baseline_permissions` in `.github/bulwark.yml` maps scopes to the most they may be
    granted (`read`, `write`, `none`); scopes it does not list may be granted `read`. Narrowing a
    scope is never reported. A raise is high when it gives write access to code, releases or
    credentials (`contents`, `packages`, `id-token`, `actions`, ...), and medium when it gives
    `read`, when the scope only touches conversation and status (`issues`, `discussions`, `checks`,
    `statuses`, `repository-projects`, `models`), or when the same change takes `write` away from
    another scope at the same level (the net change is a trade, said in the message). The rule is protected: votes never mute it, and a suppression comment the
    pull request itself adds is not honoured.

    ## References

    - CWE-250: Execution with Unnecessary Privileges
    - GitHub Docs: "Automatic token authentication" (permissions for the GITHUB_TOKEN)
    - OpenSSF Scorecard: Token-Permissions check
    """

    meta = RuleMeta(
        id="actions-permissions-widened",
        family=Family.DRIFT,
        summary="A workflow's token gains permissions",
        severity=Severity.HIGH,
        cwe=(250,),
        protected=True,
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        policy = policy_of(ctx)
        for file, workflow in workflows(ctx):
            base = base_workflow(file)
            seen: set[int] = set()
            for level, node in _levels(workflow):
                base_node = _level(base, level) if base is not None else None
                for finding in self._level_findings(file, level, node, base_node, policy):
                    if finding.start_line not in seen:
                        seen.add(finding.start_line)
                        yield finding
            if workflow.get("permissions") is None:
                yield from self._undeclared(ctx, file, workflow, base)
            else:
                yield from self._shared(file, workflow, base)
            if base is not None:
                yield from self._removed(file, base, workflow, seen)

    def _level_findings(
        self,
        file: ChangedFile,
        level: str,
        node: YNode,
        base_node: YNode | None,
        policy: RepoPolicy,
    ) -> Iterator[Finding]:
        where = f"job `{level}`" if level else "the workflow"
        if node.kind == "scalar" and node.text == "write-all":
            yield self.finding(
                file, node.line, f"{where} grants `write-all`", confidence=0.95, evidence=node.text
            )
        head = expand(node)
        if base_node is not None:
            base = expand(base_node)
            lowered = [s for s, a in base.items() if a == "write" and LEVELS[head.get(s, "none")] < 2]
            for scope, access in head.items():
                if LEVELS[access] > LEVELS[base.get(scope, "none")]:
                    traded = f" while `{'`, `'.join(lowered)}` lost `write`" if lowered else ""
                    yield self.finding(
                        file,
                        _scope_line(node, scope),
                        f"{where} raises `{scope}` from `{base.get(scope, 'none')}` to `{access}`{traded}",
                        confidence=0.9,
                        severity=_raise_severity(scope, access, lowered),
                        about_change=True,
                        evidence=f"{scope}: {access}",
                    )
        baseline = {str(k): str(v) for k, v in policy.workflows.baseline_permissions.items()}
        if baseline:
            for scope, access in head.items():
                limit = baseline.get(scope, _UNLISTED_BASELINE)
                if LEVELS[access] > LEVELS[limit]:
                    yield self.finding(
                        file,
                        _scope_line(node, scope),
                        f"{where} grants `{scope}: {access}`, above the policy baseline `{limit}`",
                        confidence=0.9,
                        evidence=f"{scope}: {access}",
                    )

    def _removed(self, file: ChangedFile, base: YNode, workflow: YNode, seen: set[int]) -> Iterator[Finding]:
        """Jobs that had declared permissions in the base and now fall back to the default token."""
        base_jobs = {job_id: job for job_id, _line, job in jobs(base)}
        for job_id, line, job in jobs(workflow):
            before = base_jobs.get(job_id)
            if before is None or _effective(workflow, job) is not None:
                continue
            if _effective(base, before) is not None and line not in seen:
                seen.add(line)
                yield self.finding(
                    file,
                    line,
                    f"`permissions:` removed: job `{job_id}` now gets the default token",
                    confidence=0.85,
                    about_change=True,
                    evidence=file.line(line).strip(),
                )

    def _undeclared(
        self, ctx: ChangeContext, file: ChangedFile, workflow: YNode, base: YNode | None
    ) -> Iterator[Finding]:
        """A new workflow, or a new job of a workflow, that runs with the default token (a job that
        calls a local reusable workflow is followed: it does when that workflow declares none)."""
        old_jobs = {job_id for job_id, _line, _job in jobs(base)} if base is not None else set()
        bare = [
            (job_id, line, job)
            for job_id, line, job in jobs(workflow)
            if job.get("permissions") is None and job_id not in old_jobs and _runs_bare(ctx, job)
        ]
        if not bare or triggers(workflow) == {"workflow_call"}:
            return  # a reusable workflow runs with the permissions its caller grants
        if base is None:
            line = workflow.key_line("jobs") or 1
            names = ", ".join(f"`{job_id}`" for job_id, _line, _job in bare[:5])
            more = f" and {len(bare) - 5} more" if len(bare) > 5 else ""
            yield self.finding(
                file,
                line,
                f"new workflow declares no `permissions:`: jobs {names}{more} get the repository's "
                "default token",
                confidence=0.8,
                severity=Severity.MEDIUM,
                end_line=max(job.end_line for _id, _line, job in bare),
                evidence=file.line(line).strip(),
            )
            return
        for job_id, line, _job in bare:
            yield self.finding(
                file,
                line,
                f"new job `{job_id}` declares no `permissions:` and the workflow none either",
                confidence=0.8,
                severity=Severity.MEDIUM,
                evidence=file.line(line).strip(),
            )

    def _shared(self, file: ChangedFile, workflow: YNode, base: YNode | None) -> Iterator[Finding]:
        """Write scopes granted at the top of a new workflow to several jobs."""
        top = workflow.get("permissions")
        if (base is not None and base.get("permissions") is not None) or top is None:
            return
        sharing = [job_id for job_id, _line, job in jobs(workflow) if job.get("permissions") is None]
        if len(sharing) < 2 or not top.is_map:
            return
        for scope, line, value in top.pairs:
            if value.kind == "scalar" and value.text == "write":
                yield self.finding(
                    file,
                    line,
                    f"`{scope}: write` is granted to every job ({len(sharing)} jobs); grant it on the job "
                    "that needs it",
                    confidence=0.7,
                    severity=Severity.MEDIUM,
                    evidence=file.line(line).strip(),
                )


def _raise_severity(scope: str, access: str, lowered: list[str]) -> Severity:
    """High for write access to code, releases or credentials; medium for a conversation scope, for
    read access, or when the same change takes `write` away from another scope at the same level (a
    trade, such as `contents: write` replaced by `id-token: write` and a token minted elsewhere)."""
    if access == "write" and scope not in _CONVERSATION and not lowered:
        return Severity.HIGH
    return Severity.MEDIUM


def _runs_bare(ctx: ChangeContext, job: YNode) -> bool:
    """Whether a job without `permissions:` runs with the default token: its steps do; a call of a
    local reusable workflow does when some job of that workflow declares none either (a remote one
    is taken to declare its own)."""
    uses = job.get("uses")
    if uses is None:
        return True
    target = local_target(uses.text)
    called = called_document(ctx, target, "head") if target is not None else None
    if called is None or called.get("permissions") is not None:
        return False
    return any(inner.get("permissions") is None for _id, _line, inner in jobs(called))


def _effective(workflow: YNode, job: YNode) -> YNode | None:
    return job.get("permissions") or workflow.get("permissions")


def _levels(workflow: YNode) -> Iterator[tuple[str, YNode]]:
    top = workflow.get("permissions")
    if top is not None:
        yield "", top
    for job_id, _line, job in jobs(workflow):
        node = job.get("permissions")
        if node is not None:
            yield job_id, node


def _level(workflow: YNode, level: str) -> YNode | None:
    if not level:
        return workflow.get("permissions")
    for job_id, _line, job in jobs(workflow):
        if job_id == level:
            return job.get("permissions")
    return None


def expand(node: YNode) -> Mapping[str, str]:
    """Scope → access of a `permissions:` value (`write-all`, `read-all`, `{}` or a mapping)."""
    if node.kind == "scalar":
        access = {"write-all": "write", "read-all": "read"}.get(node.text, "none")
        return dict.fromkeys(SCOPES, access)
    if not node.is_map:
        return {}
    return {
        scope: value.text
        for scope, _line, value in node.pairs
        if value.kind == "scalar" and value.text in LEVELS
    }


def _scope_line(node: YNode, scope: str) -> int:
    return node.key_line(scope) or node.line
