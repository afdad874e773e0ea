"""Where a workflow expands expressions into code: `run:` scripts and the code inputs of actions that
evaluate them (`script:` of `actions/github-script`, ...), each expansion judged by its origin."""

from __future__ import annotations

from collections.abc import Iterator

from analyzers.config.yaml_doc import YNode
from analyzers.drift.expressions import find_expressions, flowing_references
from analyzers.drift.taint import Origin, Tracer, Trust
from analyzers.drift.workflow_model import Scope, scopes
from analyzers.record import record

# Inputs that an action runs as code (shell, JavaScript, PowerShell, ...), by action.
CODE_INPUTS: dict[str, frozenset[str]] = {
    "actions/github-script": frozenset({"script"}),
    "azure/cli": frozenset({"inlinescript"}),
    "azure/powershell": frozenset({"inlinescript"}),
    "appleboy/ssh-action": frozenset({"script"}),
    "addnab/docker-run-action": frozenset({"run"}),
    "uraimo/run-on-arch-action": frozenset({"run"}),
    "nick-fields/retry": frozenset({"command"}),
    "nick-invision/retry": frozenset({"command"}),
    "wandalen/wretry.action": frozenset({"command"}),
    "cypress-io/github-action": frozenset({"command", "build", "start"}),
    "pguyot/arm-runner-action": frozenset({"commands"}),
    "jannekem/run-python-script-action": frozenset({"script"}),
    "mathiasvr/command-output": frozenset({"run"}),
    "garygrossgarten/github-action-ssh": frozenset({"command"}),
}


@record
class InjectionSite:
    """One line of code that expands an expression whose value someone other than the workflow chose."""

    job_id: str
    line: int
    sink: str  # `run`, or the code input's name
    expression: str  # the riskiest expression's text, as written
    origin: Origin

    @property
    def key(self) -> tuple[str, str, str, int]:
        return (self.job_id, self.expression.strip().lower(), self.origin.source, int(self.origin.trust))


def injection_sites(document: YNode, *, is_action: bool) -> Iterator[InjectionSite]:
    """One site per code line, for the riskiest non-fixed expansion on it."""
    tracer = Tracer(document, is_action=is_action)
    for scope in scopes(document):
        for sink, node in _code_values(scope):
            yield from _sites_in(tracer, scope, sink, node)


def _code_values(scope: Scope) -> Iterator[tuple[str, YNode]]:
    node = scope.step.node
    run = node.get("run")
    if run is not None and run.kind == "scalar":
        yield "run", run
    names = CODE_INPUTS.get(_action_base(scope.step.action))
    inputs = node.get("with")
    if names and inputs is not None and inputs.is_map:
        for key, _line, value in inputs.pairs:
            if key.lower() in names and value.kind == "scalar":
                yield key, value


def _action_base(action: str) -> str:
    return "/".join(action.split("/")[:2])


def _sites_in(tracer: Tracer, scope: Scope, sink: str, node: YNode) -> Iterator[InjectionSite]:
    for number, text in node.source_lines():
        best: tuple[Origin, str] | None = None
        for found in find_expressions(text):
            if not flowing_references(found.inner):
                continue
            origin = tracer.expression(found.inner, scope)
            if origin.trust > Trust.FIXED and (best is None or origin.trust > best[0].trust):
                best = (origin, found.inner.strip())
        if best is not None:
            yield InjectionSite(scope.job_id, number, sink, best[1], best[0])
