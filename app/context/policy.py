"""The repository policy `.github/bulwark.yml`: schema, parsing with key paths and lines, merging.

The policy is always read from the base ref, so a pull request never loosens the rules that judge
it. `parse_policy` turns the YAML text into a `RepoPolicy` or raises `PolicyError` naming every bad
key with its line; `merge_policies` applies `extends: owner/.github[:path]` (organisation defaults)
under the repository's own file. Fetching the organisation file is the worker's job, not done here.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator

POLICY_PATH = ".github/bulwark.yml"
POLICY_PATHS = (POLICY_PATH, ".github/bulwark.yaml")  # the first one present is the policy
ORG_POLICY_PATH = ".github/bulwark.yml"

SeverityName = Literal["info", "low", "medium", "high", "critical"]
Access = Literal["read", "write", "none"]

_RULE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_EXTENDS = re.compile(r"^(?P<repo>[A-Za-z0-9-]+/[A-Za-z0-9._-]+)(?::(?P<path>[^\s:]+))?$")
Registry = Annotated[str, StringConstraints(pattern=r"^[a-z0-9.-]+(?::[0-9]+)?(?:/[a-z0-9._-]+)*$")]
PermissionScope = Literal[
    "actions", "attestations", "checks", "contents", "deployments", "discussions", "id-token", "issues",
    "models", "packages", "pages", "pull-requests", "repository-projects", "security-events", "statuses",
]  # fmt: skip


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleSettings(_Strict):
    """Per-rule settings under `rules.<rule-id>`."""

    disable: bool = False
    severity: SeverityName | None = None
    paths: tuple[str, ...] = ()  # globs: the rule reports only on these paths (empty: everywhere)
    ignore_paths: tuple[str, ...] = ()  # globs: the rule never reports on these paths
    block: bool | None = None  # True: findings fail the check run; False: never block
    config: dict[str, Any] = Field(default_factory=dict)

    def applies_to(self, path: str) -> bool:
        """Whether the rule may report on `path` under these settings."""
        if self.disable or matches_any(path, self.ignore_paths):
            return False
        return not self.paths or matches_any(path, self.paths)


class ActionsPolicy(_Strict):
    allowed_owners: tuple[str, ...] = ()  # owners whose actions may be referenced by tag
    allowed_actions: tuple[str, ...] = ()  # `owner/repo` or `owner/repo/path` allowed by tag


class ContainersPolicy(_Strict):
    allowed_registries: tuple[Registry, ...] = ()  # empty: any registry
    require_digest: bool = False


class WorkflowsPolicy(_Strict):
    baseline_permissions: dict[PermissionScope, Access] = Field(default_factory=dict)


class CodeownersPolicy(_Strict):
    path: str | None = None  # where CODEOWNERS lives, when not in a standard place


class RepoPolicy(_Strict):
    """The parsed `.github/bulwark.yml`; every field has a safe default."""

    extends: str | None = None
    rules: dict[str, RuleSettings] = Field(default_factory=dict)
    protected_paths: tuple[str, ...] = ()
    ignore_paths: tuple[str, ...] = ()
    actions: ActionsPolicy = Field(default_factory=ActionsPolicy)
    containers: ContainersPolicy = Field(default_factory=ContainersPolicy)
    workflows: WorkflowsPolicy = Field(default_factory=WorkflowsPolicy)
    codeowners: CodeownersPolicy = Field(default_factory=CodeownersPolicy)
    sarif_upload: bool = False

    @field_validator("extends")
    @classmethod
    def _extends_shape(cls, value: str | None) -> str | None:
        if value is not None and not _EXTENDS.match(value):
            raise ValueError("expected owner/repo or owner/repo:path")
        return value

    @field_validator("rules")
    @classmethod
    def _rule_ids(cls, value: dict[str, RuleSettings]) -> dict[str, RuleSettings]:
        for rule_id in value:
            if not _RULE_ID.match(rule_id):
                raise ValueError(f"rule id {rule_id!r} is not kebab-case")
        return value

    def rule_settings(self, rule_id: str) -> RuleSettings:
        """The settings of one rule (defaults when the policy says nothing about it)."""
        return self.rules.get(rule_id) or RuleSettings()

    @property
    def disabled_rules(self) -> frozenset[str]:
        return frozenset(rule_id for rule_id, settings in self.rules.items() if settings.disable)

    def rule_applies(self, rule_id: str, path: str) -> bool:
        """Whether `rule_id` may report on `path`: not disabled, not an ignored path, within `paths`."""
        return not self.is_ignored(path) and self.rule_settings(rule_id).applies_to(path)

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
    text: str, *, source: str = POLICY_PATH, known_rules: Collection[str] | None = None
) -> RepoPolicy:
    """Parse and validate a policy; an empty file is the default policy.

    `known_rules`, when given, makes unknown rule ids under `rules:` errors too.
    """
    data, lines = _load(text, source)
    try:
        policy = RepoPolicy.model_validate(data)
    except ValidationError as error:
        raise PolicyError(source, tuple(_problems(error, lines))) from None
    if known_rules:
        unknown = [rule_id for rule_id in policy.rules if rule_id not in known_rules]
        if unknown:
            raise PolicyError(
                source,
                tuple(
                    PolicyProblem(key, lines.get(key, 0), "unknown rule")
                    for key in (f"rules.{rule_id}" for rule_id in unknown)
                ),
            )
    return policy


def merge_policies(org: RepoPolicy, repo: RepoPolicy) -> RepoPolicy:
    """The repository policy over the organisation's.

    Mappings merge key by key, the repository's explicit values win, lists are replaced, except
    `protected_paths`, which is the union of both (a repository cannot unprotect an org path).
    """
    merged = _deep_merge(org.model_dump(exclude_unset=True), repo.model_dump(exclude_unset=True))
    protected = tuple(dict.fromkeys((*org.protected_paths, *repo.protected_paths)))
    if protected:
        merged["protected_paths"] = protected
    merged.pop("extends", None)
    return RepoPolicy.model_validate(merged)


def policy_from_base(base_files: Mapping[str, str]) -> RepoPolicy | None:
    """The policy among the base-side files, parsed (None when the base has none)."""
    found = _policy_file(base_files)
    return None if found is None else parse_policy(found[1], source=found[0])


def effective_policy(policy: object, base_files: Mapping[str, str] | None = None) -> RepoPolicy:
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


def policy_check_file(path: str | Path) -> list[str]:
    """Validate one policy file; the problems as `file:line: key.path: message` (empty: valid)."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return [f"{file}: cannot read: {error}"]
    try:
        parse_policy(text, source=str(file), known_rules=_registered_rule_ids())
    except PolicyError as error:
        return error.messages()
    return []


def _registered_rule_ids() -> frozenset[str] | None:
    from analyzers.registry import all_rules

    ids = frozenset(rule.meta.id for rule in all_rules())
    return ids or None


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


def _problems(error: ValidationError, lines: dict[str, int]) -> Iterator[PolicyProblem]:
    for item in error.errors():
        path = _key_path(item["loc"])
        yield PolicyProblem(path, _nearest_line(path, lines), _message(item))


def _key_path(loc: tuple[int | str, ...]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part.startswith("function-") or part in {"literal", "typed-dict", "[key]"}:
            continue
        else:
            path = f"{path}.{part}" if path else part
    return path


def _nearest_line(path: str, lines: dict[str, int]) -> int:
    while path:
        if path in lines:
            return lines[path]
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return lines.get("", 0)


def _message(item: Any) -> str:
    if item["type"] == "extra_forbidden":
        return "unknown key"
    if "[key]" in item["loc"]:
        return f"unknown key {item['input']!r}"
    if item["type"] == "string_pattern_mismatch":
        return f"{item['input']!r} is not a registry host name"
    message: str = item["msg"]
    return message.removeprefix("Value error, ")


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
