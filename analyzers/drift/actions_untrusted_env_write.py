"""actions-untrusted-env-write: text someone else chose is written to `$GITHUB_ENV` or `$GITHUB_PATH`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.yaml_doc import YNode
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site, document_pairs, site_findings
from analyzers.drift.common import is_action_manifest, triggers
from analyzers.drift.scripts import writes_in
from analyzers.drift.taint import Tracer, Trust
from analyzers.drift.workflow_facts import PRIVILEGED
from analyzers.drift.workflow_model import scopes

# Values that can hold a newline, and so a second `NAME=value` line of the attacker's choosing.
_MULTI_LINE = re.compile(
    r"\.(?:body|message|description)$|client_payload|GITHUB_EVENT_PATH|%[bB]|^\$\((?!git\s)"
)


class ActionsUntrustedEnvWrite(Analyzer):
    """A step appends text someone else chose to `$GITHUB_ENV` or `$GITHUB_PATH`.

    ## What it flags

    Writes to the runner's environment files (`echo "NAME=$VALUE" >> "$GITHUB_ENV"`, `tee -a`,
    PowerShell's `$env:GITHUB_ENV`, `{ …; } >> file` groups, the old `::set-env`), judged by where
    the written value comes from, followed like `actions-template-injection` follows values
    (`env:`, step outputs, shell variables, `$(jq … "$GITHUB_EVENT_PATH")`):

    - **high**: text anyone can choose that can hold a newline (bodies, commit messages, the event
      payload), or any such text written to `$GITHUB_PATH`;
    - **medium**: other text anyone can choose (titles, branch names), and, in workflows triggered
      by `pull_request_target`, `workflow_run` or `issue_comment`, values of unknown origin (a file
      from a downloaded artifact, a command's output).

    ## Why it is risky

    Every later step of the job starts with the variables of `$GITHUB_ENV`. A value with a newline
    adds a variable of the attacker's choosing: `LD_PRELOAD`, `BASH_ENV` or `NODE_OPTIONS` run code
    in the next step, with the job's token and secrets. A directory added to `$GITHUB_PATH` shadows
    `git`, `node` or `ssh`.

    ## Example

    ```diff
    -      - run: echo "PR_NUMBER=${{ github.event.pull_request.number }}" >> "$GITHUB_ENV"
    +      - run: echo "PR_BODY=${{ github.event.pull_request.body }}" >> "$GITHUB_ENV"
    ```

    ## How to fix

    Pass such values to the steps that need them through `env:` (data, not code), or through
    `$GITHUB_OUTPUT`. When a value must cross steps through `$GITHUB_ENV`, validate it first (a
    number, a SHA) and use the `NAME<<DELIMITER` form with a random delimiter.

    ## Tuning

    `rules.actions-untrusted-env-write.paths` limits the workflows checked.

    ## References

    - CWE-77: Improper Neutralization of Special Elements used in a Command
    - GitHub Docs: "Workflow commands for GitHub Actions" (environment files; multiline strings)
    - GitHub Security Lab: "GitHub Actions exploitation: environment manipulation"
    """

    meta = RuleMeta(
        id="actions-untrusted-env-write",
        family=Family.DRIFT,
        summary="Text someone else chose is written to the runner's environment files",
        severity=Severity.HIGH,
        cwe=(77,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        for file, head, base in document_pairs(ctx):
            is_action = is_action_manifest(file.path)
            old = _sites(base, is_action) if base is not None else ()
            yield from site_findings(self, file, _sites(head, is_action), old)


def _sites(document: YNode, is_action: bool) -> Iterator[Site]:
    tracer = Tracer(document, is_action=is_action)
    privileged = sorted(triggers(document) & set(PRIVILEGED))
    for scope in scopes(document):
        for write in writes_in(scope):
            if write.target == "GITHUB_OUTPUT":
                continue
            origin = tracer.shell_value(write.value, scope, 0)
            if origin.trust is Trust.ANYONE:
                multi = write.target == "GITHUB_PATH" or _MULTI_LINE.search(origin.source) is not None
                severity, confidence = (Severity.HIGH, 0.8) if multi else (Severity.MEDIUM, 0.7)
                why = f"`{origin.source}`, which anyone can choose"
            elif origin.trust is Trust.UNKNOWN and privileged:
                severity, confidence = Severity.MEDIUM, 0.5
                why = f"`{origin.source}`, whose origin is not visible, in a `{privileged[0]}` workflow"
            else:
                continue
            name = f"`{write.name}` " if write.name else ""
            yield Site(
                (scope.job_id, write.target, write.name.lower(), origin.source, severity.label),
                write.line,
                f"job `{scope.job_id}` writes {name}to `${write.target}` from {why}: later steps run "
                "with what it sets",
                severity,
                confidence,
            )
