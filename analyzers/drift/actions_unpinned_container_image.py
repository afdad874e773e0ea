"""actions-unpinned-container-image: a job's container or service image follows a movable tag."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.yaml_doc import EMPTY, YNode
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site, document_pairs, site_findings
from analyzers.drift.common import jobs


class ActionsUnpinnedContainerImage(Analyzer):
    """A job's `container:` or `services:` image has no tag, `latest`, or a tag without a digest.

    ## What it flags

    The image of a job's `container:` and of each of its `services:`:

    - **medium**: no tag at all, or the `latest` tag: whatever the registry serves next runs;
    - **low**: a tag without an `@sha256:` digest (tags can be pushed again).

    Images written as expressions (`${{ matrix.image }}`) are not judged. A bump from one tag to
    another keeps the pin state and is not reported.

    ## Why it is risky

    The job's steps run inside the container, with the job's token and secrets. A registry account
    taken over, or a tag pushed again, changes that code without any change to the workflow.

    ## Example

    ```diff
         container:
    -      image: node:20.11.1@sha256:<digest>
    +      image: node:latest
    ```

    ## How to fix

    Pin the image by digest and keep the tag for readers:
    `image: node:20.11.1@sha256:<digest>`; let Dependabot or Renovate update it.

    ## Tuning

    Disable the rule with `rules.actions-unpinned-container-image.disable: true` for repositories
    whose images come from a registry they control and tag immutably.

    ## References

    - CWE-829: Inclusion of Functionality from Untrusted Control Sphere
    - GitHub Docs: "Running jobs in a container"
    """

    meta = RuleMeta(
        id="actions-unpinned-container-image",
        family=Family.DRIFT,
        summary="A job's container or service image follows a movable tag",
        severity=Severity.MEDIUM,
        cwe=(829,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        for file, head, base in document_pairs(ctx, actions=False):
            yield from site_findings(self, file, _sites(head), _sites(base) if base is not None else ())


def _sites(workflow: YNode) -> Iterator[Site]:
    for job_id, _line, job in jobs(workflow):
        for role, node in _images(job):
            state = _worst(image_state(text) for text in _candidates(node.text, job))
            if state is None:
                continue
            severity = Severity.LOW if state == "tag" else Severity.MEDIUM
            what = {"none": "has no tag", "latest": "follows `latest`", "tag": "has a tag but no digest"}[
                state
            ]
            yield Site(
                (job_id, role, state),
                node.line,
                f"the {role} image `{node.text}` of job `{job_id}` {what}; pin it by `@sha256:` digest",
                severity,
                0.9 if state != "tag" else 0.8,
            )


def _images(job: YNode) -> Iterator[tuple[str, YNode]]:
    container = job.get("container")
    if container is not None:
        image = container if container.kind == "scalar" else container.get("image")
        if image is not None and image.kind == "scalar":
            yield "container", image
    services = job.get("services")
    if services is not None and services.is_map:
        for name, _line, service in services.pairs:
            image = service if service.kind == "scalar" else service.get("image")
            if image is not None and image.kind == "scalar":
                yield f"service `{name}`", image


_RANK = {"tag": 0, "latest": 1, "none": 2}


def _worst(states: Iterator[str | None]) -> str | None:
    found = [state for state in states if state is not None]
    return max(found, key=_RANK.__getitem__) if found else None


def _candidates(image: str, job: YNode) -> Iterator[str]:
    """The image itself, or the literal values of the matrix entry it names (`${{ matrix.x.image }}`)."""
    text = image.strip()
    if not (text.startswith("${{") and text.endswith("}}")):
        yield text
        return
    path = text[3:-2].strip().split(".")
    matrix = job.path("strategy", "matrix")
    if path[0] != "matrix" or len(path) < 2 or matrix is None or not matrix.is_map:
        return
    rows = [value for key, _line, value in matrix.pairs if key == path[1]]
    include = matrix.get("include")
    if include is not None and include.is_seq:
        rows.extend(item.get(path[1]) or EMPTY for item in include.items if item.is_map)
    for row in rows:
        for item in row.items if row.is_seq else (row,):
            node: YNode | None = item
            for key in path[2:]:
                node = node.get(key) if node is not None else None
            if node is not None and node.kind == "scalar" and node.text:
                yield node.text


def image_state(image: str) -> str | None:
    """`none`, `latest` or `tag` for an unpinned image; None when pinned by digest or not literal."""
    text = image.strip()
    if not text or "${{" in text or "@sha256:" in text:
        return None
    last = text.rsplit("/", 1)[-1]
    if ":" not in last:
        return "none"
    return "latest" if last.rsplit(":", 1)[1] == "latest" else "tag"
