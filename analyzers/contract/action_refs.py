"""Action references (`uses:` of workflow steps, jobs and composite actions) and how firmly each is pinned.

The one authority on pinning, used by the change manifest (which counts bumps) and by the
`actions-unpinned-uses` rule (which reports what got less pinned). A reference is pinned to a full commit
SHA (or a container digest), follows a version tag (`v4`, `v4.1.2`), or follows a movable ref (a branch
such as `main`, or no ref at all). Local references (`./path`, and `$/path`, the workflow's own
repository at the same commit) and expressions are not judged.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from enum import IntEnum
from typing import Any

from analyzers.record import record

_SHA = re.compile(r"^[0-9a-f]{40}$")
_DIGEST = re.compile(r"@sha256:[0-9a-f]{64}$")
_VERSION = re.compile(r"^v?\d+(?:\.\d+){0,3}(?:[-+][0-9A-Za-z.-]+)?$")


class Pinning(IntEnum):
    """How far a reference can move without the workflow changing; higher is riskier."""

    PINNED = 0  # a full commit SHA or a container digest
    TAG = 1  # a version tag (tags can be moved, but by convention are not)
    MOVABLE = 2  # a branch, any other ref, no ref, or a container tag without a digest


@record
class ActionRef:
    target: str  # `owner/repo[/path]` lower case, or `docker://image` without tag
    ref: str  # what follows `@` (or the container tag), as written
    pinning: Pinning

    @property
    def owner(self) -> str:
        return self.target.removeprefix("docker://").split("/", 1)[0]


def read_ref(uses: str) -> ActionRef | None:
    """The reference `uses` names, None for local references and expressions."""
    uses = uses.strip()
    if not uses or uses.startswith(("./", "$/")) or "${{" in uses:
        return None
    if uses.startswith("docker://"):
        image = uses.removeprefix("docker://")
        name, _, digest = image.partition("@")
        repository, _, tag = name.rpartition(":") if ":" in name.rsplit("/", 1)[-1] else (name, "", "")
        pinning = Pinning.PINNED if _DIGEST.search(uses) else Pinning.MOVABLE
        return ActionRef(f"docker://{repository.lower()}", digest or tag, pinning)
    target, _, ref = uses.partition("@")
    if _SHA.match(ref):
        pinning = Pinning.PINNED
    elif _VERSION.match(ref):
        pinning = Pinning.TAG
    else:
        pinning = Pinning.MOVABLE
    return ActionRef(target.lower(), ref, pinning)


def uses_values(document: Any) -> Iterator[str]:
    """Every `uses:` of a loaded workflow or action manifest (jobs, their steps, composite steps,
    steps nested in groups)."""
    if not isinstance(document, dict):
        return
    runs = document.get("runs")
    if isinstance(runs, dict):
        yield from _step_uses(runs.get("steps"))
    jobs = document.get("jobs")
    for job in jobs.values() if isinstance(jobs, dict) else ():
        if isinstance(job, dict):
            if isinstance(job.get("uses"), str):
                yield job["uses"]
            yield from _step_uses(job.get("steps"))


def _step_uses(steps: object, depth: int = 0) -> Iterator[str]:
    if not isinstance(steps, list) or depth > 4:
        return
    for step in steps:
        if not isinstance(step, dict):
            continue
        if isinstance(step.get("uses"), str):
            yield step["uses"]
        for value in step.values():
            if isinstance(value, list):  # a group of steps (`parallel:`)
                yield from _step_uses(value, depth + 1)


def bumped(base: Iterable[str], head: Iterable[str]) -> int:
    """How many references changed their ref while keeping their target and pinning (a version bump)."""
    before = Counter(r for r in map(read_ref, base) if r is not None)
    after = Counter(r for r in map(read_ref, head) if r is not None)
    removed, added = before - after, after - before
    gone = Counter((ref.target, ref.pinning) for ref in removed.elements())
    new = Counter((ref.target, ref.pinning) for ref in added.elements())
    return sum((gone & new).values())
