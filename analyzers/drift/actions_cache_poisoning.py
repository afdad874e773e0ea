"""actions-cache-poisoning: a release job restores an Actions cache that other workflows can write."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.yaml_doc import YNode
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site, document_pairs, site_findings
from analyzers.drift.common import Step, steps
from analyzers.drift.workflow_facts import restores_cache, trigger_lines

_PUBLISH_ACTIONS = frozenset(
    {
        "pypa/gh-action-pypi-publish", "softprops/action-gh-release", "ncipollo/release-action",
        "goreleaser/goreleaser-action", "docker/build-push-action", "changesets/action",
        "actions/attest-build-provenance", "rubygems/release-gem", "jreleaser/release-action",
    }
)  # fmt: skip
_PUBLISH_RUN = re.compile(
    r"\b(?:npm|pnpm|yarn(?:\s+npm)?)\s+publish\b|\btwine\s+upload\b|\bcargo\s+publish\b|"
    r"\bgh\s+release\s+(?:create|upload)\b|\bdocker\s+(?:push|buildx\s+build\b[^\n]{0,200}--push)\b|"
    r"\buv\s+publish\b|\bpoetry\s+publish\b|\bgem\s+push\b|\bmvn\b[^\n]{0,200}\bdeploy\b|\bgoreleaser\b"
)


class ActionsCachePoisoning(Analyzer):
    """A job that publishes a release restores an Actions cache.

    ## What it flags

    In workflows triggered by `release`, by tag pushes (`push: tags:`) or by a manual dispatch, a
    job that restores a cache (`actions/cache`, `Swatinem/rust-cache`, a `setup-*` action with
    `cache:` on) and publishes (`pypa/gh-action-pypi-publish`, `npm publish`, `docker push`, `gh
    release create`, ...). Jobs that publish nothing are not reported. A cache input set by an expression (`enable-cache: ${{
    !startsWith(github.ref, 'refs/tags/') }}`) counts as turned off.

    ## Why it is risky

    Caches are shared by every workflow of the default branch. Code that ran with a token in any of
    them (a compromised dependency in a test job, a `pull_request_target` job running a fork's code)
    can save a cache entry that the release job later restores, and so put its code into the
    published artifact.

    ## Example

    ```diff
     on:
       release:
         types: [published]
     jobs:
       publish:
         steps:
    -      - uses: actions/setup-node@<sha>
    +      - uses: actions/setup-node@<sha>
    +        with:
    +          cache: npm
           - run: npm publish
    ```

    ## How to fix

    Do not restore caches in jobs that publish; build releases from a clean state, or turn the
    cache off for tag and release runs.

    ## Tuning

    Disable with `rules.actions-cache-poisoning.disable: true` when no workflow of the repository
    runs code you do not control.

    ## References

    - CWE-349: Acceptance of Extraneous Untrusted Data With Trusted Data
    - Adnan Khan: "The Monsters in Your Build Cache – GitHub Actions Cache Poisoning" (2024)
    """

    meta = RuleMeta(
        id="actions-cache-poisoning",
        family=Family.DRIFT,
        summary="A release job restores an Actions cache that other workflows can write",
        severity=Severity.MEDIUM,
        cwe=(349,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        for file, head, base in document_pairs(ctx, actions=False):
            yield from site_findings(self, file, _sites(head), _sites(base) if base is not None else ())


def _release_trigger(workflow: YNode) -> str | None:
    lines = trigger_lines(workflow)
    if "release" in lines:
        return "release"
    on = workflow.get("on") or workflow.get("true")
    push = on.get("push") if on is not None and on.is_map else None
    if push is not None and push.is_map and push.get("tags") is not None:
        return "a tag push"
    return "workflow_dispatch" if "workflow_dispatch" in lines else None


def _sites(workflow: YNode) -> Iterator[Site]:
    trigger = _release_trigger(workflow)
    if trigger is None:
        return
    all_steps = list(steps(workflow))
    for job_id in dict.fromkeys(step.job_id for step in all_steps):
        job_steps = [step for step in all_steps if step.job_id == job_id]
        if not any(_publishes(step) for step in job_steps):
            continue
        for step in job_steps:
            uses = step.node.get("uses")
            if uses is None or not restores_cache(step):
                continue
            yield Site(
                (job_id, step.action),
                uses.line,
                f"job `{job_id}` publishes a release on {trigger} and restores a cache with "
                f"`{step.action}`: an entry saved by any other workflow run can put code into it",
                Severity.MEDIUM,
                0.6,
            )


def _publishes(step: Step) -> bool:
    if "/".join(step.action.split("/")[:2]) in _PUBLISH_ACTIONS:
        return True
    run = step.run
    return run is not None and _PUBLISH_RUN.search(run) is not None
