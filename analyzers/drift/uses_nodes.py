"""Every `uses:` value of a workflow or composite action, with the job it belongs to."""

from __future__ import annotations

from collections.abc import Iterator

from analyzers.config.yaml_doc import YNode
from analyzers.drift.common import jobs, steps


def uses_nodes(document: YNode) -> Iterator[tuple[str, YNode]]:
    """(job id, `uses:` scalar) of every job calling a reusable workflow and every step."""
    for job_id, _line, job in jobs(document):
        uses = job.get("uses")
        if uses is not None and uses.kind == "scalar":
            yield job_id, uses
    for step in steps(document):
        uses = step.node.get("uses")
        if uses is not None and uses.kind == "scalar":
            yield step.job_id, uses
