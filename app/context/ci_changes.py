"""What a change did to CI: workflows added or removed, triggers added, token permissions changed."""

from __future__ import annotations

from typing import Any

from analyzers.contract.action_refs import bumped, uses_values
from analyzers.contract.limits import InputLimitError
from analyzers.contract.loaders import load_yaml
from analyzers.record import record

_LEVELS = {"none": 0, "read": 1, "write": 2}


@record
class CiChange:
    path: str
    kind: str  # workflow, trigger, permission, actions
    detail: str


def _load(text: str | None) -> dict[Any, Any] | None:
    if text is None:
        return None
    import yaml  # on first use: most changes hold no YAML

    try:
        data = load_yaml(text)  # bounded: a workflow past a bound is described as unreadable
    except (yaml.YAMLError, InputLimitError):
        return None
    return data if isinstance(data, dict) else None


def _triggers(workflow: dict[Any, Any]) -> set[str]:
    value = workflow.get("on", workflow.get(True))
    if isinstance(value, str):
        return {value}
    if isinstance(value, list):
        return {str(item) for item in value}
    if isinstance(value, dict):
        return {str(key) for key in value}
    return set()


def _permission_map(value: object) -> dict[str, str]:
    if isinstance(value, str):
        return {"*": value}
    if isinstance(value, dict):
        return {str(scope): str(level) for scope, level in value.items()}
    return {}


def permissions(workflow: dict[Any, Any]) -> dict[str, dict[str, str]]:
    """Where -> scope -> level: `permissions` at the top and in each job (absent blocks omitted)."""
    found: dict[str, dict[str, str]] = {}
    if "permissions" in workflow:
        found["permissions"] = _permission_map(workflow["permissions"])
    jobs = workflow.get("jobs")
    if isinstance(jobs, dict):
        for name, job in jobs.items():
            if isinstance(job, dict) and "permissions" in job:
                found[f"jobs.{name}.permissions"] = _permission_map(job["permissions"])
    return found


def _rank(level: str) -> int:
    if level == "write-all":
        return 3
    if level == "read-all":
        return 1
    return _LEVELS.get(level, 0)


def _permission_changes(path: str, before: dict[Any, Any], after: dict[Any, Any]) -> list[CiChange]:
    old, new = permissions(before), permissions(after)
    changes: list[CiChange] = []
    for where, scopes in sorted(new.items()):
        previous = old.get(where, {})
        for scope, level in sorted(scopes.items()):
            was = previous.get(scope)
            if was == level:
                continue
            name = where if scope == "*" else f"{where}.{scope}"
            verb = "raised" if was is not None and _rank(level) > _rank(was) else "set"
            if was is not None and _rank(level) < _rank(was):
                verb = "lowered"
            detail = f"{name}: {was} -> {level} ({verb})" if was else f"{name}: {level} (added)"
            changes.append(CiChange(path, "permission", detail))
    for where in sorted(old.keys() - new.keys()):
        changes.append(CiChange(path, "permission", f"{where}: removed (defaults apply)"))
    return changes


def ci_changes(path: str, base: str | None, head: str | None) -> list[CiChange]:
    """Workflow-level changes of one CI file between its base and head text."""
    if base is None and head is not None:
        changes = [CiChange(path, "workflow", "added")]
    elif head is None:
        return [CiChange(path, "workflow", "removed")]
    else:
        changes = []
    before, after = _load(base) or {}, _load(head)
    if after is None:
        return changes
    count = bumped(uses_values(before), uses_values(after))
    if count:
        changes.append(
            CiChange(path, "actions", f"{count} action {_references(count)} bumped, pinning unchanged")
        )
    if not path.startswith(".github/workflows/"):
        return changes
    for trigger in sorted(_triggers(after) - _triggers(before)):
        changes.append(CiChange(path, "trigger", f"{trigger} added"))
    if base is None and "permissions" not in after:
        changes.append(CiChange(path, "permission", "no top-level permissions (defaults apply)"))
    changes.extend(_permission_changes(path, before, after))
    return changes


def _references(count: int) -> str:
    return "reference" if count == 1 else "references"


def merge_bumps(changes: list[CiChange]) -> list[CiChange]:
    """The changes with every file's bump count said once, on one line for the whole change."""
    bumps = [change for change in changes if change.kind == "actions"]
    if len(bumps) <= 1:
        return changes
    total = sum(int(change.detail.split(" ", 1)[0]) for change in bumps)
    merged = CiChange(
        f"{len(bumps)} files", "actions", f"{total} action {_references(total)} bumped, pinning unchanged"
    )
    return [change for change in changes if change.kind != "actions"] + [merged]
