"""actions-secrets-in-workflow-env: a secret is put in the `env:` of a whole workflow or job."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.yaml_doc import YNode
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site, document_pairs, site_findings
from analyzers.drift.common import jobs

_SECRET = re.compile(r"\$\{\{[^}]{0,200}\bsecrets\.([A-Za-z_][\w-]{0,100})", re.IGNORECASE)
_TOKEN_ONLY = frozenset({"github_token"})


class ActionsSecretsInWorkflowEnv(Analyzer):
    """A secret is placed in the `env:` of a whole workflow (every step sees it) or of a job.

    ## What it flags

    `${{ secrets.NAME }}` in the top-level `env:` of a workflow (**medium**: every step of every
    job, third-party actions included, gets it) and in a job's `env:` when the job has more than one
    step (**low**). `secrets.GITHUB_TOKEN` is not reported: its reach is set by `permissions:`.

    ## Why it is risky

    A secret in a broad `env:` is handed to every action and script of its scope, including ones
    that have nothing to do with it (a linter, a cache action, a pull request's build scripts). Any
    of them that is compromised, or logs its environment, leaks it.

    ## Example

    ```diff
    -env:
    -  NPM_TOKEN: ${{ secrets.NPM_TOKEN }}
     jobs:
       publish:
         steps:
           - run: npm publish
    +        env:
    +          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}
    ```

    ## How to fix

    Move the secret to the `env:` (or `with:`) of the step that uses it.

    ## Tuning

    Disable with `rules.actions-secrets-in-workflow-env.disable: true` if every step of your
    workflows is first-party.

    ## References

    - CWE-200: Exposure of Sensitive Information to an Unauthorized Actor
    - GitHub Docs: "Using secrets in GitHub Actions"
    """

    meta = RuleMeta(
        id="actions-secrets-in-workflow-env",
        family=Family.DRIFT,
        summary="A secret is placed in the env of a whole workflow or job",
        severity=Severity.MEDIUM,
        cwe=(200,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        for file, head, base in document_pairs(ctx, actions=False):
            yield from site_findings(self, file, _sites(head), _sites(base) if base is not None else ())


def _sites(workflow: YNode) -> Iterator[Site]:
    yield from _env_sites(workflow.get("env"), "", "the workflow's `env:`", Severity.MEDIUM)
    for job_id, _line, job in jobs(workflow):
        steps = job.get("steps")
        if steps is not None and steps.is_seq and len(steps.items) > 1:
            yield from _env_sites(job.get("env"), job_id, f"the `env:` of job `{job_id}`", Severity.LOW)


def _env_sites(env: YNode | None, level: str, where: str, severity: Severity) -> Iterator[Site]:
    if env is None or not env.is_map:
        return
    for key, line, value in env.pairs:
        if value.kind != "scalar":
            continue
        for match in _SECRET.finditer(value.text):
            if match.group(1).lower() in _TOKEN_ONLY:
                continue
            yield Site(
                (level, key, match.group(1).lower()),
                line,
                f"`secrets.{match.group(1)}` is in {where}: every step there gets it; move it to the step "
                "that uses it",
                severity,
                0.8,
            )
