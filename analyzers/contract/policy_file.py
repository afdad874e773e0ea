"""Reading `.github/bulwark.yml`: parsing with key paths and lines, every problem at once, merging.

`parse_policy` turns the YAML text into a `RepoPolicy` or raises `PolicyError` naming every bad key
with its line; `merge_policies` applies `extends: owner/.github[:path]` (organisation defaults) under
the repository's own file. Fetching the organisation file is the worker's job, not done here.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import fields
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from analyzers.contract.policy import DEFAULT_POLICY, POLICY_PATH, POLICY_PATHS, RepoPolicy
from analyzers.contract.policy_schema import POLICY_CHECK, SCHEMA_TYPES, child_path, did_you_mean
from analyzers.record import record

if TYPE_CHECKING:
    import yaml


@record
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
    policy = POLICY_CHECK(data, "", found)
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
        path = child_path("rules", rule_id)
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
                    (child_path(f"{path}.config", key), f"this rule reads no such config key ({said}){hint}")
                )
    return found


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
    policy = POLICY_CHECK(data, "", found)
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
    if isinstance(value, SCHEMA_TYPES):
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
    import yaml  # on first use: most changes hold no YAML

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
    import yaml  # on first use: most changes hold no YAML

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
    import yaml  # on first use: most changes hold no YAML

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
    import yaml  # on first use: most changes hold no YAML

    if not isinstance(node, yaml.ScalarNode):
        return yaml.serialize(node).strip()
    return yaml.constructor.SafeConstructor().construct_object(node)


def _nearest_line(path: str, lines: dict[str, int]) -> int:
    while path:
        if path in lines:
            return lines[path]
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return lines.get("", 0)
