"""A place in a workflow or composite action (a job, and one of its steps), and what is visible there:
the `env:` values in force, the earlier steps, the other jobs."""

from __future__ import annotations

from collections.abc import Iterator

from analyzers.config.yaml_doc import EMPTY, YNode
from analyzers.drift.common import Step, jobs
from analyzers.record import record


@record
class Scope:
    """Job `job_id` of `document` (`runs` for a composite action), at step `step_index` (-1: the job)."""

    document: YNode
    job_id: str
    job: YNode
    step_nodes: tuple[YNode, ...]
    step_index: int = -1

    @property
    def step(self) -> Step:
        node = self.step_nodes[self.step_index] if 0 <= self.step_index < len(self.step_nodes) else EMPTY
        return Step(self.job_id, self.job, self.step_index, node)

    def at(self, index: int) -> Scope:
        return Scope(self.document, self.job_id, self.job, self.step_nodes, index)

    def env_values(self, name: str) -> Iterator[YNode]:
        """The value of `env.<name>` where it is defined nearest: the step, the job, the workflow."""
        places = []
        if 0 <= self.step_index < len(self.step_nodes):
            places.append(self.step_nodes[self.step_index].get("env"))
        places.extend((self.job.get("env"), self.document.get("env")))
        for place in places:
            if place is None or not place.is_map:
                continue
            for key, _line, value in place.pairs:
                if key.lower() == name.lower():
                    yield value
                    return

    def earlier_steps(self) -> Iterator[Scope]:
        """The steps before this one in the same job, nearest first."""
        for index in range(min(self.step_index, len(self.step_nodes)) - 1, -1, -1):
            yield self.at(index)

    def earlier_writes(self, target: str, name: str) -> Iterator[Write]:
        """Writes of `name` to `$<target>` in earlier steps of the job, nearest first."""
        from analyzers.drift.scripts import writes_in  # scripts reads scopes too

        for earlier in self.earlier_steps():
            for write in reversed(writes_in(earlier)):
                if write.target == target and write.name.lower() == name.lower():
                    yield write

    def step_by_id(self, step_id: str) -> Scope | None:
        for index, node in enumerate(self.step_nodes):
            if node.is_map and (node.scalar("id") or "").lower() == step_id.lower():
                return self.at(index)
        return None

    def other_job(self, job_id: str) -> Scope | None:
        for other_id, _line, job in jobs(self.document):
            if other_id.lower() == job_id.lower():
                return job_scope(self.document, other_id, job)
        return None


@record
class Write:
    """`NAME=value` appended to `$GITHUB_ENV`, `$GITHUB_OUTPUT` or `$GITHUB_PATH` (name empty) by a step."""

    target: str
    name: str
    value: str
    line: int  # the file line of the write
    scope: Scope


def job_scope(document: YNode, job_id: str, job: YNode) -> Scope:
    node = job.get("steps")
    items = tuple(node.items) if node is not None and node.is_seq else ()
    return Scope(document, job_id, job, items)


def scopes(document: YNode) -> Iterator[Scope]:
    """Every step of every job, and of a composite action (job `runs`), as a scope."""
    runs = document.get("runs")
    if runs is not None and runs.is_map:
        node = runs.get("steps")
        if node is not None and node.is_seq:
            base = Scope(document, "runs", runs, tuple(node.items))
            for index, item in enumerate(node.items):
                if item.is_map:
                    yield base.at(index)
    for job_id, _line, job in jobs(document):
        base = job_scope(document, job_id, job)
        for index, item in enumerate(base.step_nodes):
            if item.is_map:
                yield base.at(index)
