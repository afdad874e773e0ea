"""actions-secrets-inherited: a workflow hands every secret to another workflow or step at once."""

from __future__ import annotations

import re
from collections.abc import Iterable

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.contract.model import ChangeContext
from analyzers.drift.common import EXPRESSION, jobs, workflows

_ALL_SECRETS = re.compile(r"\btojson\s*\(\s*secrets\s*\)", re.IGNORECASE)  # within one `${{ … }}`


class ActionsSecretsInherited(Analyzer):
    """A workflow passes all of its secrets at once: `secrets: inherit` or `toJSON(secrets)`.

    ## What it flags

    A job calling a reusable workflow with `secrets: inherit`, and any `${{ toJSON(secrets) }}`
    expression in a workflow (in `env:`, `with:` or a script).

    ## Why it is risky

    Every secret of the repository (and organisation) becomes available to code that needs one or
    two of them. A compromised or careless reusable workflow, or a step that logs its environment,
    leaks them all; `toJSON(secrets)` also defeats GitHub's per-secret log masking for values that
    are transformed.

    ## Example

    ```diff
       deploy:
         uses: acme/shared/.github/workflows/deploy.yml@<sha>
    -    secrets:
    -      DEPLOY_KEY: ${{ secrets.DEPLOY_KEY }}
    +    secrets: inherit
    ```

    ## How to fix

    Pass only the secrets the callee needs, by name (`secrets: { DEPLOY_KEY: ${{ secrets.DEPLOY_KEY
    }} }`), and read individual secrets in steps (`${{ secrets.NAME }}`).

    ## Tuning

    `rules.actions-secrets-inherited.paths` limits the workflows checked; disable the rule for
    repositories whose reusable workflows all live in the same repository.

    ## References

    - CWE-200: Exposure of Sensitive Information to an Unauthorized Actor
    - GitHub Docs: "Reusing workflows" (passing secrets to nested workflows)
    """

    meta = RuleMeta(
        id="actions-secrets-inherited",
        family=Family.DRIFT,
        summary="A workflow passes every secret at once",
        severity=Severity.MEDIUM,
        cwe=(200,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        for file, workflow in workflows(ctx):
            for job_id, _line, job in jobs(workflow):
                secrets = job.get("secrets")
                if secrets is not None and secrets.kind == "scalar" and secrets.text == "inherit":
                    yield self.finding(
                        file,
                        secrets.line,
                        f"job `{job_id}` hands every secret to `{job.scalar('uses') or 'a workflow'}`",
                        confidence=0.9,
                        evidence=file.line(secrets.line).strip(),
                    )
            for number, text in enumerate(file.lines("head"), start=1):
                if _dumps_all_secrets(text):
                    yield self.finding(
                        file,
                        number,
                        "`toJSON(secrets)` exposes every secret as one value",
                        confidence=0.9,
                        evidence=text.strip(),
                    )


def _dumps_all_secrets(text: str) -> bool:
    """Whether an expression of `text` passes `toJSON(secrets)` (up to its first `}`)."""
    return any(_ALL_SECRETS.search(match.group(1).split("}", 1)[0]) for match in EXPRESSION.finditer(text))
