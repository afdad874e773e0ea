"""Where a workflow value comes from: who can choose the text an expression hands to a script.

A context reference is judged by the table of GitHub's contexts (`github.event.issue.title` is written
by anyone who can open an issue) or followed to where the workflow sets it: `env.X` to the nearest
`env:` that defines it or to an earlier `$GITHUB_ENV` write, `steps.s.outputs.o` to the step's
`$GITHUB_OUTPUT` writes, `needs.j.outputs.o` to job `j`'s outputs, `matrix.x` to the matrix, and
`inputs.x` to the declared input's type. Following stops after `MAX_HOPS` hops (then: unknown).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import IntEnum

from analyzers.config.yaml_doc import YNode
from analyzers.drift.expressions import find_expressions, flowing_references
from analyzers.drift.scripts import shell_sources, writes_in
from analyzers.drift.workflow_model import Scope
from analyzers.record import record

MAX_HOPS = 8


class Trust(IntEnum):
    """Who chooses a value, from least to most risky."""

    FIXED = 0  # the workflow or GitHub fixes it (a literal, a SHA, a number, a boolean)
    UNKNOWN = 1  # set somewhere the workflow does not show (an action's output, the runner)
    MAINTAINER = 2  # whoever dispatches or calls the workflow, or can push a branch or tag
    ANYONE = 3  # anyone who can open an issue, a pull request, a comment or a fork


@record
class Origin:
    trust: Trust
    source: str  # the context that sets the value (`github.event.issue.title`)
    via: tuple[str, ...] = ()  # the references followed to reach it, outermost first

    def through(self, reference: str) -> Origin:
        return Origin(self.trust, self.source, (reference, *self.via))


FIXED = Origin(Trust.FIXED, "")

_ANYONE = re.compile(
    r"github\.(?:head_ref|event\.(?:"
    r"(?:issue|pull_request|discussion|review|comment|review_comment|discussion_comment)\.(?:title|body)"
    r"|pull_request\.head\.(?:ref|label|repo\.(?:default_branch|description|homepage))"
    r"|changes\.(?:title|body)\.from"
    r"|(?:commits\.\*|head_commit|workflow_run\.head_commit|merge_group\.head_commit)"
    r"\.(?:message|author\.(?:name|email)|committer\.(?:name|email))"
    r"|workflow_run\.(?:head_branch|display_title|head_repository\.(?:description|default_branch))"
    r"|workflow_run\.pull_requests\.\*\.head\.ref"
    r"|pages\.\*\.page_name|check_suite\.head_branch|check_run\.check_suite\.head_branch"
    r"))$"
)
# Whole objects that hold the fields above: `toJSON(github.event)` hands all of them on.
_ANYONE_OBJECTS = frozenset(
    {
        "github", "github.event", "github.event.issue", "github.event.pull_request",
        "github.event.pull_request.head", "github.event.comment", "github.event.review",
        "github.event.discussion", "github.event.commits", "github.event.head_commit",
        "github.event.workflow_run", "github.event.workflow_run.head_commit", "github.event.changes",
    }
)  # fmt: skip
_MAINTAINER = re.compile(
    r"github\.(?:ref|ref_name|base_ref|event\.(?:ref|base_ref|release\.(?:tag_name|name|body)|"
    r"milestone\.(?:title|description)|pull_request\.base\.ref|repository\.default_branch|"
    r"pusher\.(?:name|email)|client_payload(?:\..*)?|inputs(?:\.[\w-]+)?))$"
)
_FIXED_ROOTS = ("secrets.", "vars.", "runner.", "strategy.", "job.", "github.")
_FIXED_ENV = re.compile(r"(?:GITHUB_(?:SHA|RUN_\w+|REPOSITORY\w*|WORKSPACE|ACTOR\w*|EVENT_NAME|JOB|ACTION\w*|API_URL|SERVER_URL|OUTPUT|ENV|PATH|STEP_SUMMARY|TOKEN)|RUNNER_\w+|HOME|PWD|CI)$")  # fmt: skip
_TYPED_SAFE = frozenset({"boolean", "number", "choice", "environment"})


class Tracer:
    """Judges references within one workflow or action document; remembers what it followed."""

    def __init__(self, document: YNode, *, is_action: bool = False) -> None:
        self.document = document
        self.is_action = is_action
        self._cache: dict[tuple[str, int, str], Origin] = {}

    def expression(self, inner: str, scope: Scope, hops: int = 0) -> Origin:
        """The riskiest origin among the references that flow out of one expression."""
        best = FIXED
        for reference in flowing_references(inner):
            origin = self.reference(reference, scope, hops)
            if origin.trust > best.trust:
                best = origin
        return best

    def text(self, text: str, scope: Scope, hops: int = 0) -> Origin:
        """The riskiest origin among the expressions embedded in `text` (a YAML value)."""
        best = FIXED
        for found in find_expressions(text):
            origin = self.expression(found.inner, scope, hops)
            if origin.trust > best.trust:
                best = origin
        return best

    def reference(self, reference: str, scope: Scope, hops: int = 0) -> Origin:
        key = (scope.job_id, scope.step_index, reference)
        cached = self._cache.get(key)
        if cached is None:
            self._cache[key] = Origin(Trust.UNKNOWN, reference)  # a cycle reads as unknown
            cached = self._resolve(reference, scope, hops)
            self._cache[key] = cached
        return cached

    def _resolve(self, reference: str, scope: Scope, hops: int) -> Origin:
        if hops > MAX_HOPS:
            return Origin(Trust.UNKNOWN, reference)
        head, _, rest = reference.partition(".")
        if head == "github" and reference.startswith("github.event.inputs."):
            return self._input(reference.removeprefix("github.event.inputs."), reference)
        if head == "github":
            return _github(reference)
        if head == "env":
            return self._env(rest, reference, scope, hops)
        if head == "steps":
            return self._step_output(rest, reference, scope, hops)
        if head in {"needs", "jobs"}:
            return self._job_output(rest, reference, scope, hops)
        if head == "matrix":
            return self._matrix(rest, reference, scope, hops)
        if head == "inputs":
            return self._input(rest, reference)
        if reference.startswith(_FIXED_ROOTS) or head in {"secrets", "vars", "runner", "strategy", "job"}:
            return FIXED
        return Origin(Trust.UNKNOWN, reference)

    def _env(self, name: str, reference: str, scope: Scope, hops: int) -> Origin:
        for value in scope.env_values(name):
            return self.text(value.text, scope, hops + 1).through(reference)
        for write in scope.earlier_writes("GITHUB_ENV", name):
            return self.shell_value(write.value, write.scope, hops + 1).through(reference)
        return Origin(Trust.UNKNOWN, reference)

    def _step_output(self, rest: str, reference: str, scope: Scope, hops: int) -> Origin:
        step_id, _, tail = rest.partition(".")
        kind, _, output = tail.partition(".")
        if kind in {"outcome", "conclusion"}:
            return FIXED
        found = scope.step_by_id(step_id)
        if found is None or kind != "outputs":
            return Origin(Trust.UNKNOWN, reference)
        if found.step.node.get("run") is not None:
            writes = [
                w
                for w in writes_in(found)
                if w.target == "GITHUB_OUTPUT" and (not output or w.name.lower() == output)
            ]
            if not writes:
                return Origin(Trust.UNKNOWN, reference)
            return _riskiest(self.shell_value(w.value, w.scope, hops + 1) for w in writes).through(reference)
        return _action_output(found.step.action, output, reference)

    def _job_output(self, rest: str, reference: str, scope: Scope, hops: int) -> Origin:
        job_id, _, tail = rest.partition(".")
        kind, _, output = tail.partition(".")
        if kind == "result":
            return FIXED
        job_scope = scope.other_job(job_id)
        if job_scope is None or kind != "outputs":
            return Origin(Trust.UNKNOWN, reference)
        outputs = job_scope.job.get("outputs")
        values = [
            v
            for k, _l, v in (outputs.pairs if outputs is not None and outputs.is_map else ())
            if not output or k.lower() == output
        ]
        if not values:
            return Origin(Trust.UNKNOWN, reference)
        return _riskiest(self.text(v.text, job_scope, hops + 1) for v in values).through(reference)

    def _matrix(self, name: str, reference: str, scope: Scope, hops: int) -> Origin:
        matrix = scope.job.path("strategy", "matrix")
        if matrix is None:
            return Origin(Trust.UNKNOWN, reference)
        if matrix.kind == "scalar":
            return self.text(matrix.text, scope, hops + 1).through(reference)
        key = name.split(".", 1)[0]
        values = [v for k, _l, v in matrix.pairs if k.lower() == key]
        for extra in ("include",):
            node = matrix.get(extra)
            if node is not None and node.kind == "scalar":
                values.append(node)
            elif node is not None and node.is_seq:
                values.extend(
                    v for item in node.items if item.is_map for k, _l, v in item.pairs if k.lower() == key
                )
        if not values:
            return Origin(Trust.UNKNOWN, reference)
        return _riskiest(self.text(_flat_text(v), scope, hops + 1) for v in values).through(reference)

    def _input(self, name: str, reference: str) -> Origin:
        declared = self.input_type(name)
        if declared in _TYPED_SAFE:
            return FIXED
        return Origin(Trust.MAINTAINER, reference)

    def input_type(self, name: str) -> str:
        """The declared `type:` of input `name` (`string` when undeclared or untyped)."""
        key = name.split(".", 1)[0]
        places = (
            [self.document.get("inputs")]
            if self.is_action
            else [
                _on_path(self.document, event, "inputs") for event in ("workflow_dispatch", "workflow_call")
            ]
        )
        for place in places:
            if place is None or not place.is_map:
                continue
            for input_name, _line, spec in place.pairs:
                if input_name.lower() == key and spec.is_map:
                    return (spec.scalar("type") or "string").lower()
        return "string"

    def shell_value(self, value: str, scope: Scope, hops: int) -> Origin:
        """Who chooses the text a shell `value` (as written after `NAME=`) expands to."""
        best = self.text(value, scope, hops)
        for source in shell_sources(value):
            origin = self._shell_source(source, scope, hops)
            if origin.trust > best.trust:
                best = origin
        return best

    def _shell_source(self, source: str, scope: Scope, hops: int) -> Origin:
        if source.startswith("$("):
            return _command_origin(source)
        if source == "GITHUB_HEAD_REF":
            return Origin(Trust.ANYONE, "GITHUB_HEAD_REF")
        if source in {"GITHUB_REF", "GITHUB_REF_NAME", "GITHUB_BASE_REF"}:
            return Origin(Trust.MAINTAINER, source)
        if _FIXED_ENV.match(source):
            return FIXED
        return self._env(source.lower(), f"env.{source}", scope, hops + 1)


def _github(reference: str) -> Origin:
    if reference in _ANYONE_OBJECTS or _ANYONE.match(reference):
        return Origin(Trust.ANYONE, reference)
    if _MAINTAINER.match(reference):
        return Origin(Trust.MAINTAINER, reference)
    return FIXED


_ACTION_OUTPUTS = {
    # Outputs that carry names or text from the pull request.
    "tj-actions/changed-files": Trust.ANYONE,
    "dorny/paths-filter": Trust.ANYONE,
    "tj-actions/branch-names": Trust.ANYONE,
    "actions/github-script": Trust.UNKNOWN,
}
_FIXED_ACTION_OUTPUTS = frozenset(
    {
        "actions/setup-python", "actions/setup-node", "actions/setup-go", "actions/setup-java",
        "actions/checkout", "actions/cache", "actions/create-github-app-token",
        "docker/setup-buildx-action", "docker/build-push-action", "peter-evans/create-pull-request",
        "actions/upload-artifact", "actions/download-artifact", "actions/configure-pages",
        "actions/deploy-pages", "astral-sh/setup-uv", "dtolnay/rust-toolchain", "ruby/setup-ruby",
    }
)  # fmt: skip


def _action_output(action: str, output: str, reference: str) -> Origin:
    base = "/".join(action.split("/")[:2])
    if base in _FIXED_ACTION_OUTPUTS:
        return FIXED
    trust = _ACTION_OUTPUTS.get(base, Trust.UNKNOWN)
    if base == "dorny/paths-filter" and not output.endswith("_files"):
        trust = Trust.FIXED
    return Origin(trust, reference)


_EVENT_READ = re.compile(
    r"GITHUB_EVENT_PATH|git\s+(?:log|show)\b[^)\n]{0,300}?%(?:[sbB]|[ac][neNE])"
    r"|gh\s+(?:pr|issue)\s+view\b[^)\n]{0,300}?(?:title|body)"
)


def _command_origin(source: str) -> Origin:
    if _EVENT_READ.search(source):
        return Origin(Trust.ANYONE, source[:60])
    return Origin(Trust.UNKNOWN, source[:60])


def _riskiest(origins: Iterable[Origin]) -> Origin:
    best = FIXED
    for origin in origins:
        if origin.trust > best.trust:
            best = origin
    return best


def _flat_text(node: YNode) -> str:
    if node.kind == "scalar":
        return node.text
    return "\n".join(text for _n, text in node.source_lines())


def _on_path(document: YNode, event: str, key: str) -> YNode | None:
    on = document.get("on") or document.get("true")
    if on is None or not on.is_map:
        return None
    node = on.get(event)
    return node.get(key) if node is not None and node.is_map else None
