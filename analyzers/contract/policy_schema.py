"""The schema of `.github/bulwark.yml`: a check per key that converts its value or names the problem.

Each check takes a value and its key path, appends (key path, message) for every problem, and returns
the converted value (or `_INVALID`). Messages follow the wording users know from pydantic.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from typing import Any

from analyzers.contract.policy import (
    ACCESS_LEVELS,
    EXTENDS,
    ON_INCOMPLETE,
    PERMISSION_SCOPES,
    SEVERITY_NAMES,
    ActionsPolicy,
    BlockingPolicy,
    CodeownersPolicy,
    ContainersPolicy,
    RepoPolicy,
    RuleSettings,
    WorkflowsPolicy,
)

_RULE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_REGISTRY = re.compile(r"^[a-z0-9.-]+(?::[0-9]+)?(?:/[a-z0-9._-]+)*$")


def did_you_mean(word: str, choices: Collection[str]) -> str:
    """`; did you mean 'x'?` for the nearest of `choices`, or nothing when none is near."""
    import difflib

    near = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if not near and len(word) >= 3:  # `sarif` for `sarif_upload`
        near = sorted(choice for choice in choices if choice.startswith(word))[:1]
    return f"; did you mean {near[0]!r}?" if near else ""


Check = Callable[[Any, str, list[tuple[str, str]]], Any]
_INVALID: Any = object()
_TRUE = frozenset({"1", "on", "t", "true", "y", "yes"})
_FALSE = frozenset({"0", "off", "f", "false", "n", "no"})


def _shown(value: Any) -> str:
    """A value as a policy problem names it: short scalars quoted, anything else by its kind."""
    if isinstance(value, bool) or value is None:
        return "true" if value is True else "false" if value is False else "nothing"
    if isinstance(value, str | int | float) and len(str(value)) <= 40:
        return repr(value)
    kinds = {dict: "a mapping", list: "a list", str: "a long text"}
    return next((word for kind, word in kinds.items() if isinstance(value, kind)), "a number")


def child_path(path: str, key: object) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


def _bool(value: Any, path: str, found: list[tuple[str, str]]) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    found.append((path, f"expected true or false, not {_shown(value)}"))
    return _INVALID


def _str(value: Any, path: str, found: list[tuple[str, str]]) -> Any:
    if isinstance(value, str):
        return value
    found.append((path, f"expected text, not {_shown(value)}"))
    return _INVALID


def _confidence(value: Any, path: str, found: list[tuple[str, str]]) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1:
        return float(value)
    found.append((path, "Input should be a number from 0 to 1"))
    return _INVALID


def _optional(check: Check) -> Check:
    def optional(value: Any, path: str, found: list[tuple[str, str]]) -> Any:
        return None if value is None else check(value, path, found)

    return optional


def _one_of(options: tuple[str, ...]) -> Check:
    wording = f"expected {', '.join(options[:-1])} or {options[-1]}"

    def one_of(value: Any, path: str, found: list[tuple[str, str]]) -> Any:
        if isinstance(value, str) and value in options:
            return value
        hint = did_you_mean(value, options) if isinstance(value, str) else ""
        found.append((path, f"{wording}, not {_shown(value)}{hint}"))
        return _INVALID

    return one_of


def _matching(pattern: re.Pattern[str], message: str) -> Check:
    def matching(value: Any, path: str, found: list[tuple[str, str]]) -> Any:
        text = _str(value, path, found)
        if text is _INVALID:
            return _INVALID
        if not pattern.match(text):
            found.append((path, message.format(value=text)))
            return _INVALID
        return text

    return matching


def _tuple_of(check: Check) -> Check:
    def tuple_of(value: Any, path: str, found: list[tuple[str, str]]) -> Any:
        if not isinstance(value, list | tuple | set | frozenset):
            found.append((path, f"expected a list, not {_shown(value)}"))
            return _INVALID
        items = [check(item, child_path(path, index), found) for index, item in enumerate(value)]
        return _INVALID if any(item is _INVALID for item in items) else tuple(items)

    return tuple_of


def _is_mapping(value: Any, path: str, found: list[tuple[str, str]]) -> bool:
    if isinstance(value, Mapping):
        return True
    found.append((path, f"expected keys with values (a mapping), not {_shown(value)}"))
    return False


def _mapping_of(keys: tuple[str, ...] | None, check: Check | None) -> Check:
    """A mapping with string keys (only `keys`, when given) and values passing `check` (any value
    when None)."""

    def mapping_of(value: Any, path: str, found: list[tuple[str, str]]) -> Any:
        if not _is_mapping(value, path, found):
            return _INVALID
        result: dict[str, Any] = {}
        valid = True
        for key, item in value.items():
            if not isinstance(key, str) or (keys is not None and key not in keys):
                hint = did_you_mean(str(key), keys) if keys is not None else ""
                found.append((child_path(path, key), f"unknown key {key!r}{hint}"))
                valid = False
                continue
            converted = item if check is None else check(item, child_path(path, key), found)
            valid = valid and converted is not _INVALID
            result[key] = converted
        return result if valid else _INVALID

    return mapping_of


def _record(cls: type[Any], checks: dict[str, Check], *, keep_explicit: bool = False) -> Check:
    """An object of `cls` from a mapping: known keys checked in declaration order, then every
    unknown key reported."""

    def record(value: Any, path: str, found: list[tuple[str, str]]) -> Any:
        if value is None:
            value = {}
        if not _is_mapping(value, path, found):
            return _INVALID
        converted: dict[str, Any] = {}
        valid = True
        for name, check in checks.items():
            if name in value:
                converted[name] = check(value[name], child_path(path, name), found)
                valid = valid and converted[name] is not _INVALID
        for key in value:
            if key not in checks:
                found.append((child_path(path, key), "unknown key" + did_you_mean(str(key), checks)))
                valid = False
        if not valid:
            return _INVALID
        if keep_explicit:
            converted["_explicit"] = _plain_copy(value)
        return cls(**converted)

    return record


def _plain_copy(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {key: _plain_copy(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain_copy(item) for item in value]
    return value


def _rules(value: Any, path: str, found: list[tuple[str, str]]) -> Any:
    settings = _mapping_of(None, _RULE_SETTINGS)(value, path, found)
    if settings is _INVALID:
        return _INVALID
    for rule_id in settings:
        if not _RULE_ID.match(rule_id):
            found.append((path, f"rule id {rule_id!r} is not kebab-case"))
            return _INVALID
    return settings


_PATHS = _tuple_of(_str)
_RULE_SETTINGS = _record(
    RuleSettings,
    {
        "disable": _bool,
        "severity": _optional(_one_of(SEVERITY_NAMES)),
        "paths": _PATHS,
        "ignore_paths": _PATHS,
        "block": _optional(_bool),
        "config": _mapping_of(None, None),
    },
)
POLICY_CHECK = _record(
    RepoPolicy,
    {
        "extends": _optional(_matching(EXTENDS, "expected owner/repo or owner/repo:path")),
        "rules": _rules,
        "protected_paths": _PATHS,
        "ignore_paths": _PATHS,
        "actions": _record(ActionsPolicy, {"allowed_owners": _PATHS, "allowed_actions": _PATHS}),
        "containers": _record(
            ContainersPolicy,
            {
                "allowed_registries": _tuple_of(
                    _matching(_REGISTRY, "{value!r} is not a registry host name")
                ),
                "require_digest": _bool,
            },
        ),
        "workflows": _record(
            WorkflowsPolicy,
            {"baseline_permissions": _mapping_of(PERMISSION_SCOPES, _one_of(ACCESS_LEVELS))},
        ),
        "codeowners": _record(CodeownersPolicy, {"path": _optional(_str)}),
        "sarif_upload": _bool,
        "on_incomplete": _one_of(ON_INCOMPLETE),
        "blocking": _record(
            BlockingPolicy, {"severity": _one_of((*SEVERITY_NAMES, "none")), "confidence": _confidence}
        ),
    },
    keep_explicit=True,
)
SCHEMA_TYPES = (
    RepoPolicy,
    RuleSettings,
    ActionsPolicy,
    ContainersPolicy,
    WorkflowsPolicy,
    CodeownersPolicy,
    BlockingPolicy,
)
