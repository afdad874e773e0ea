"""The repository policy `.github/bulwark.yml`: schema, parsing with key paths and lines, merging.

The policy is always read from the base ref, so a pull request never loosens the rules that judge
it. `parse_policy` turns the YAML text into a `RepoPolicy` or raises `PolicyError` naming every bad
key with its line; `merge_policies` applies `extends: owner/.github[:path]` (organisation defaults)
under the repository's own file. Fetching the organisation file is the worker's job, not done here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, fields
from functools import cache, lru_cache
from typing import Any, Literal

import yaml

POLICY_PATH = ".github/bulwark.yml"
POLICY_PATHS = (POLICY_PATH, ".github/bulwark.yaml")  # the first one present is the policy
ORG_POLICY_PATH = ".github/bulwark.yml"

SeverityName = Literal["info", "low", "medium", "high", "critical"]
Access = Literal["read", "write", "none"]
OnIncomplete = Literal["neutral", "failure"]
PermissionScope = Literal[
    "actions", "attestations", "checks", "contents", "deployments", "discussions", "id-token", "issues",
    "models", "packages", "pages", "pull-requests", "repository-projects", "security-events", "statuses",
]  # fmt: skip
SEVERITY_NAMES: tuple[SeverityName, ...] = ("info", "low", "medium", "high", "critical")
ACCESS_LEVELS: tuple[Access, ...] = ("read", "write", "none")
ON_INCOMPLETE: tuple[OnIncomplete, ...] = ("neutral", "failure")
PERMISSION_SCOPES: tuple[PermissionScope, ...] = (
    "actions", "attestations", "checks", "contents", "deployments", "discussions", "id-token", "issues",
    "models", "packages", "pages", "pull-requests", "repository-projects", "security-events", "statuses",
)  # fmt: skip

_RULE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_EXTENDS = re.compile(r"^(?P<repo>[A-Za-z0-9-]+/[A-Za-z0-9._-]+)(?::(?P<path>[^\s:]+))?$")
_REGISTRY = re.compile(r"^[a-z0-9.-]+(?::[0-9]+)?(?:/[a-z0-9._-]+)*$")

# The schema is plain frozen dataclasses, checked by `_POLICY_CHECK` below: reading a policy (and
# every scan and analysis does) needs no validation library.


@dataclass(frozen=True)
class RuleSettings:
    """Per-rule settings under `rules.<rule-id>`."""

    disable: bool = False
    severity: SeverityName | None = None
    paths: tuple[str, ...] = ()  # globs: the rule reports only on these paths (empty: everywhere)
    ignore_paths: tuple[str, ...] = ()  # globs: the rule never reports on these paths
    block: bool | None = None  # True: findings fail the check run; False: never block
    config: dict[str, Any] = field(default_factory=dict)

    def applies_to(self, path: str) -> bool:
        """Whether the rule may report on `path` under these settings."""
        if self.disable or matches_any(path, self.ignore_paths):
            return False
        return not self.paths or matches_any(path, self.paths)


@dataclass(frozen=True)
class ActionsPolicy:
    allowed_owners: tuple[str, ...] = ()  # owners whose actions may be referenced by tag
    allowed_actions: tuple[str, ...] = ()  # `owner/repo` or `owner/repo/path` allowed by tag


@dataclass(frozen=True)
class ContainersPolicy:
    allowed_registries: tuple[str, ...] = ()  # registry host names; empty: any registry
    require_digest: bool = False


@dataclass(frozen=True)
class WorkflowsPolicy:
    baseline_permissions: dict[PermissionScope, Access] = field(default_factory=dict)


@dataclass(frozen=True)
class CodeownersPolicy:
    path: str | None = None  # where CODEOWNERS lives, when not in a standard place


@dataclass(frozen=True)
class BlockingPolicy:
    """Which findings fail the check run without a `rules.<id>.block` saying so: those at least as
    severe as `severity` and at least as confident as `confidence`. Secure by default: critical, 0.9.
    `severity: none` blocks nothing by default (only rules with `block: true` do)."""

    severity: SeverityName | Literal["none"] = "critical"
    confidence: float = 0.9

    def blocks(self, severity: str, confidence: float) -> bool:
        """Whether a finding of this severity name and confidence blocks by default."""
        if self.severity == "none" or severity not in SEVERITY_NAMES:
            return False
        return SEVERITY_NAMES.index(severity) >= SEVERITY_NAMES.index(self.severity) and (
            confidence >= self.confidence
        )


@dataclass(frozen=True)
class RepoPolicy:
    """The parsed `.github/bulwark.yml`; every field has a safe default."""

    extends: str | None = None
    rules: dict[str, RuleSettings] = field(default_factory=dict)
    protected_paths: tuple[str, ...] = ()
    ignore_paths: tuple[str, ...] = ()
    actions: ActionsPolicy = field(default_factory=ActionsPolicy)
    containers: ContainersPolicy = field(default_factory=ContainersPolicy)
    workflows: WorkflowsPolicy = field(default_factory=WorkflowsPolicy)
    codeowners: CodeownersPolicy = field(default_factory=CodeownersPolicy)
    sarif_upload: bool = False
    on_incomplete: OnIncomplete = "neutral"  # the conclusion of an analysis that did not finish
    blocking: BlockingPolicy = field(default_factory=BlockingPolicy)  # what blocks by default
    # The keys the file set (with their values), which inheritance merges: an explicit `false`
    # overrides an organisation's `true`, a key left out does not.
    _explicit: dict[str, Any] | None = field(default=None, compare=False, repr=False)

    def rule_settings(self, rule_id: str) -> RuleSettings:
        """The settings of one rule (defaults when the policy says nothing about it)."""
        return self.rules.get(rule_id) or RuleSettings()

    @property
    def disabled_rules(self) -> frozenset[str]:
        return frozenset(rule_id for rule_id, settings in self.rules.items() if settings.disable)

    def rule_applies(self, rule_id: str, path: str) -> bool:
        """Whether `rule_id` may report on `path`: not disabled, not an ignored path, within `paths`."""
        return not self.is_ignored(path) and self.rule_settings(rule_id).applies_to(path)

    def blocks(self, rule_id: str, path: str) -> bool:
        """Whether the policy places findings of `rule_id` on `path` `block` (`rules.<id>.block: true`)."""
        return self.rule_settings(rule_id).block is True and self.rule_applies(rule_id, path)

    def is_ignored(self, path: str) -> bool:
        return matches_any(path, self.ignore_paths)

    def is_protected(self, path: str) -> bool:
        return matches_any(path, self.protected_paths)

    @property
    def extends_target(self) -> tuple[str, str] | None:
        """(`owner/repo`, path) of the inherited file, or None."""
        if self.extends is None:
            return None
        match = _EXTENDS.match(self.extends)
        assert match is not None
        return match["repo"], match["path"] or ORG_POLICY_PATH


DEFAULT_POLICY = RepoPolicy()


@dataclass(frozen=True, slots=True)
class PolicyProblem:
    key_path: str
    line: int
    message: str

    def render(self, source: str) -> str:
        where = f"{source}:{self.line}" if self.line else source
        return f"{where}: {self.key_path or '(document)'}: {self.message}"


class PolicyError(ValueError):
    """An invalid policy file: every problem with its key path and line (1-based)."""

    def __init__(self, source: str, problems: tuple[PolicyProblem, ...]) -> None:
        self.source = source
        self.problems = problems
        super().__init__("; ".join(problem.render(source) for problem in problems))

    @property
    def key_path(self) -> str:
        return self.problems[0].key_path

    @property
    def line(self) -> int:
        return self.problems[0].line

    def messages(self) -> list[str]:
        return [problem.render(self.source) for problem in self.problems]


def parse_policy(
    text: str,
    *,
    source: str = POLICY_PATH,
    known_rules: Collection[str] | Mapping[str, Collection[str]] | None = None,
) -> RepoPolicy:
    """Parse and validate a policy; an empty file is the default policy. Every problem is reported at
    once, in the order of the file's lines.

    `known_rules`, when given, makes unknown rule ids under `rules:` errors too (with the nearest known
    id); as a mapping of rule id to the keys its `config` takes, unknown `config` keys as well.
    """
    data, lines = _load(text, source)
    found: list[tuple[str, str]] = []
    policy = _POLICY_CHECK(data, "", found)
    if known_rules:
        found += _rule_problems(data, known_rules)
    if found or not isinstance(policy, RepoPolicy):
        problems = sorted(
            (PolicyProblem(path, _nearest_line(path, lines), message) for path, message in found),
            key=lambda problem: problem.line,
        )
        raise PolicyError(source, tuple(problems))
    return policy


def _rule_problems(
    data: Any, known: Collection[str] | Mapping[str, Collection[str]]
) -> list[tuple[str, str]]:
    """Unknown rule ids under `rules:` and, when `known` maps ids to config keys, unknown `config` keys."""
    rules = data.get("rules") if isinstance(data, Mapping) else None
    if not isinstance(rules, Mapping):
        return []
    found: list[tuple[str, str]] = []
    for rule_id, settings in rules.items():
        path = _child("rules", rule_id)
        if not isinstance(rule_id, str) or rule_id not in known:
            found.append((path, "no rule has this id" + did_you_mean(str(rule_id), known)))
            continue
        config = settings.get("config") if isinstance(settings, Mapping) else None
        if not isinstance(known, Mapping) or not isinstance(config, Mapping):
            continue
        takes = sorted(known[rule_id])
        for key in config:
            if key not in takes:
                said = f"it takes {', '.join(takes)}" if takes else "it takes no config"
                hint = did_you_mean(str(key), takes)
                found.append(
                    (_child(f"{path}.config", key), f"this rule reads no such config key ({said}){hint}")
                )
    return found


def did_you_mean(word: str, choices: Collection[str]) -> str:
    """`; did you mean 'x'?` for the nearest of `choices`, or nothing when none is near."""
    import difflib

    near = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if not near and len(word) >= 3:  # `sarif` for `sarif_upload`
        near = sorted(choice for choice in choices if choice.startswith(word))[:1]
    return f"; did you mean {near[0]!r}?" if near else ""


def merge_policies(org: RepoPolicy, repo: RepoPolicy) -> RepoPolicy:
    """The repository policy over the organisation's.

    Mappings merge key by key, the repository's explicit values win, lists are replaced, except
    `protected_paths`, which is the union of both (a repository cannot unprotect an org path).
    """
    merged = _deep_merge(explicit_keys(org), explicit_keys(repo))
    protected = tuple(dict.fromkeys((*org.protected_paths, *repo.protected_paths)))
    if protected:
        merged["protected_paths"] = protected
    merged.pop("extends", None)
    return policy_of_data(merged)


def policy_of_data(data: Mapping[str, Any]) -> RepoPolicy:
    """A policy from already parsed data (a mapping as the YAML file gives it); ValueError naming the
    first problem when it is not valid."""
    found: list[tuple[str, str]] = []
    policy = _POLICY_CHECK(data, "", found)
    if found or not isinstance(policy, RepoPolicy):
        path, message = found[0] if found else ("", "invalid policy")
        raise ValueError(f"{path or '(document)'}: {message}")
    return policy


def explicit_keys(policy: RepoPolicy) -> dict[str, Any]:
    """The keys a policy sets, as plain data: those its file wrote, or (for a policy built in code)
    every value that differs from the default."""
    if policy._explicit is not None:
        return dict(policy._explicit)
    plain = _set_values(policy)
    return plain if isinstance(plain, dict) else {}


def _set_values(value: Any) -> Any:
    if isinstance(value, _SCHEMA_TYPES):
        default = type(value)()
        found = {}
        for item in fields(value):
            if item.name.startswith("_"):
                continue
            mine, theirs = getattr(value, item.name), getattr(default, item.name)
            if mine != theirs:
                found[item.name] = _set_values(mine)
        return found
    if isinstance(value, dict):
        return {key: _set_values(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return list(value)
    return value


def policy_from_base(base_files: Mapping[str, str]) -> RepoPolicy | None:
    """The policy among the base-side files, parsed (None when the base has none)."""
    found = _policy_file(base_files)
    return None if found is None else parse_policy(found[1], source=found[0])


def effective_policy(policy: RepoPolicy | None, base_files: Mapping[str, str] | None = None) -> RepoPolicy:
    """The policy that judges a change: `ctx.policy` when set, else the one among the base-side
    files, else the defaults (also when the base file is invalid: the worker reports that)."""
    if isinstance(policy, RepoPolicy):
        return policy
    found = _policy_file(base_files or {})
    if found is None:
        return DEFAULT_POLICY
    try:
        return _parse_cached(found[1])
    except PolicyError:
        return DEFAULT_POLICY


def _policy_file(files: Mapping[str, str]) -> tuple[str, str] | None:
    for path in POLICY_PATHS:
        if path in files:
            return path, files[path]
    return None


@lru_cache(maxsize=16)
def _parse_cached(text: str) -> RepoPolicy:
    return parse_policy(text)


def _deep_merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


# --- YAML with key paths and lines -------------------------------------------------------------


def _load(text: str, source: str) -> tuple[Any, dict[str, int]]:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 0
        problem = PolicyProblem("", line, f"invalid YAML: {error.problem}")
        raise PolicyError(source, (problem,)) from None
    except yaml.YAMLError as error:
        raise PolicyError(source, (PolicyProblem("", 0, f"invalid YAML: {error}"),)) from None
    except RecursionError:
        raise PolicyError(source, (PolicyProblem("", 0, "invalid YAML: nested too deeply"),)) from None
    if node is None:
        return {}, {}
    lines: dict[str, int] = {}
    problems: list[PolicyProblem] = []
    try:
        if _expanded_size(node) > MAX_POLICY_NODES:  # aliases can make a few bytes expand without end
            raise PolicyError(
                source, (PolicyProblem("", 1, "the policy expands to too many values (aliases?)"),)
            )
        data = _plain(node, "", lines, problems)
    except yaml.MarkedYAMLError as error:  # e.g. an unknown tag (`!python/object`) met while constructing
        line = error.problem_mark.line + 1 if error.problem_mark else 0
        raise PolicyError(source, (PolicyProblem("", line, f"invalid YAML: {error.problem}"),)) from None
    except (yaml.YAMLError, RecursionError) as error:
        raise PolicyError(source, (PolicyProblem("", 0, f"invalid YAML: {type(error).__name__}"),)) from None
    if problems:
        raise PolicyError(source, tuple(problems))
    if not isinstance(data, dict):
        raise PolicyError(source, (PolicyProblem("", 1, "the policy must be a mapping"),))
    return data, lines


MAX_POLICY_NODES = 20_000


def _expanded_size(root: yaml.Node) -> int:
    """How many nodes the document has once aliases are expanded (stops counting past the limit)."""
    sizes: dict[int, int] = {}

    def size(node: yaml.Node) -> int:
        known = sizes.get(id(node))
        if known is not None:
            return known
        sizes[id(node)] = MAX_POLICY_NODES + 1  # a node inside itself (a recursive alias) is too big
        total = 1
        if isinstance(node, yaml.MappingNode):
            total += sum(size(key) + size(value) for key, value in node.value)
        elif isinstance(node, yaml.SequenceNode):
            total += sum(size(item) for item in node.value)
        sizes[id(node)] = min(total, MAX_POLICY_NODES + 1)
        return sizes[id(node)]

    return size(root)


def _plain(node: yaml.Node, path: str, lines: dict[str, int], problems: list[PolicyProblem]) -> Any:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(_scalar(key_node))
            child = f"{path}.{key}" if path else key
            if key in result:
                problems.append(PolicyProblem(child, key_node.start_mark.line + 1, "duplicate key"))
                continue
            lines[child] = key_node.start_mark.line + 1
            result[key] = _plain(value_node, child, lines, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = enumerate(node.value)
        return [_plain(item, f"{path}[{index}]", lines, problems) for index, item in items]
    return _scalar(node)


def _scalar(node: yaml.Node) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        return yaml.serialize(node).strip()
    return yaml.constructor.SafeConstructor().construct_object(node)


# --- the schema's checks ----------------------------------------------------------------------
# Each check takes a value and its key path, appends (key path, message) for every problem, and returns
# the converted value (or _INVALID). Messages follow the wording users know from pydantic.

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


def _child(path: str, key: object) -> str:
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
        items = [check(item, _child(path, index), found) for index, item in enumerate(value)]
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
                found.append((_child(path, key), f"unknown key {key!r}{hint}"))
                valid = False
                continue
            converted = item if check is None else check(item, _child(path, key), found)
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
                converted[name] = check(value[name], _child(path, name), found)
                valid = valid and converted[name] is not _INVALID
        for key in value:
            if key not in checks:
                found.append((_child(path, key), "unknown key" + did_you_mean(str(key), checks)))
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
_POLICY_CHECK = _record(
    RepoPolicy,
    {
        "extends": _optional(_matching(_EXTENDS, "expected owner/repo or owner/repo:path")),
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
_SCHEMA_TYPES = (
    RepoPolicy,
    RuleSettings,
    ActionsPolicy,
    ContainersPolicy,
    WorkflowsPolicy,
    CodeownersPolicy,
    BlockingPolicy,
)


def _nearest_line(path: str, lines: dict[str, int]) -> int:
    while path:
        if path in lines:
            return lines[path]
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return lines.get("", 0)


# --- path globs --------------------------------------------------------------------------------


def matches_any(path: str, patterns: Collection[str]) -> bool:
    return any(_glob(pattern).match(path) for pattern in patterns)


@cache
def _glob(pattern: str) -> re.Pattern[str]:
    """gitignore-like globs: `*` within a segment, `**` across segments, `?` one character; a
    pattern without `/` matches at any depth; a trailing `/` matches everything below."""
    pattern = pattern.strip()
    anchored = "/" in pattern.rstrip("/")
    pattern = pattern.lstrip("/")
    if pattern.endswith("/"):
        pattern += "**"
    out = "" if anchored else "(?:.*/)?"
    index = 0
    while index < len(pattern):
        if pattern.startswith("**/", index):
            out += "(?:.*/)?"
            index += 3
        elif pattern.startswith("**", index):
            out += ".*"
            index += 2
        elif pattern[index] == "*":
            out += "[^/]*"
            index += 1
        elif pattern[index] == "?":
            out += "[^/]"
            index += 1
        else:
            out += re.escape(pattern[index])
            index += 1
    return re.compile(out + "(?:/.*)?$")
