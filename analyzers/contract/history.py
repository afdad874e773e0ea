"""The repository's change history: who changed what, and how large its pull requests are.

A `RepoHistory` is a baseline built from every analysed pull request (and back-filled from merged ones):
the actors seen (pull request authors, commit authors and AI agents), the sensitive categories and paths
each actor has touched, and the distributions of pull request size, churn and spread. It is a pure
value: `update_history` returns a new one, `history_to_json`/`history_from_json` turn it into text for
whoever stores it. Analyzers read it from `ChangeContext.facts.history`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import field, replace
from typing import Any

from analyzers.contract.model import ChangeContext, ChangedFile, FileKind
from analyzers.record import record

FORMAT_VERSION = 1
MAX_SAMPLES = 500  # size samples kept per distribution (the most recent)
MAX_PATHS = 200  # paths kept per actor (the most recent sensitive ones)
MAX_PR_KEYS = 1000  # pull request numbers remembered so that one is never counted twice
MIN_SIZE_HISTORY = 20  # pull requests recorded before sizes are compared with the history

CI = "ci"
INFRASTRUCTURE = "infrastructure"
AUTH = "auth"
DEPENDENCIES = "dependencies"
SENSITIVE_CATEGORIES = (CI, INFRASTRUCTURE, AUTH, DEPENDENCIES)

_INFRA_KINDS = frozenset({FileKind.CONTAINER, FileKind.KUBERNETES, FileKind.TERRAFORM})
_DEPENDENCY_KINDS = frozenset({FileKind.DEPENDENCY_MANIFEST, FileKind.LOCKFILE})
_AUTH_WORDS = frozenset(
    {"auth", "authn", "authz", "authentication", "authorization", "login", "logout", "oauth"}
    | {"oidc", "saml", "sso", "permission", "permissions", "rbac", "acl", "acls", "password"}
    | {"passwords", "credentials", "jwt", "codeowners", "sudoers", "pam"}
)
_SEPARATORS = str.maketrans(dict.fromkeys("/._-", " "))


@record
class ActorHistory:
    """What one actor (a login, an e-mail, or `agent:<name>`) has changed in the repository."""

    pr_count: int = 0
    categories: frozenset[str] = frozenset()  # sensitive categories touched: ci, infrastructure, ...
    kinds: frozenset[str] = frozenset()  # file kinds touched (FileKind values)
    paths: tuple[str, ...] = ()  # sensitive paths touched, most recent last


@record
class ChangeStats:
    """The measures of one pull request that the history keeps distributions of."""

    files: int  # changed files
    churn: int  # added plus removed lines
    directories: int  # distinct top-level directories touched (the spread of the file mix)
    kinds: int  # distinct file kinds touched


@record
class RepoHistory:
    """The change-history baseline of one repository."""

    pr_count: int = 0
    actors: Mapping[str, ActorHistory] = field(default_factory=dict)
    agents: frozenset[str] = frozenset()
    files: tuple[int, ...] = ()
    churn: tuple[int, ...] = ()
    directories: tuple[int, ...] = ()
    kinds: tuple[int, ...] = ()
    pr_numbers: tuple[int, ...] = ()  # pull requests already counted, most recent last

    @property
    def known(self) -> bool:
        """True when at least one pull request has been recorded."""
        return self.pr_count > 0

    def actor(self, name: str) -> ActorHistory | None:
        return self.actors.get(name.lower())

    def distribution(self, measure: str) -> tuple[int, ...]:
        """The samples of one measure: files, churn, directories or kinds."""
        if measure not in ("files", "churn", "directories", "kinds"):
            raise KeyError(measure)
        values: tuple[int, ...] = getattr(self, measure)
        return values


def history_note(history: RepoHistory | None) -> str | None:
    """What the history-based rules could not judge, for the check-run summary; None when they could.

    `anomaly-first-sensitive-change` needs any history, `anomaly-unusual-change` compares sizes only
    from `MIN_SIZE_HISTORY` pull requests on (its binary-file check needs none)."""
    if not isinstance(history, RepoHistory) or not history.known:
        return (
            "No change history is recorded for this repository yet: first changes to sensitive files "
            "and unusually large changes were not judged."
        )
    if history.pr_count < MIN_SIZE_HISTORY:
        return (
            f"The change history holds {history.pr_count} pull requests; sizes are compared with it from "
            f"{MIN_SIZE_HISTORY} on."
        )
    return None


def percentile(values: Sequence[int], q: float) -> float:
    """The `q`-th percentile (0..100) of `values` by the nearest-rank method; nan when empty."""
    if not values:
        return math.nan
    if not 0 <= q <= 100:
        raise ValueError(f"percentile out of range: {q}")
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return float(ordered[rank - 1])


def sensitive_categories(changed: ChangedFile) -> frozenset[str]:
    """The sensitive categories (ci, infrastructure, auth, dependencies) of one changed file."""
    found: set[str] = set()
    if FileKind.CI in changed.kinds:
        found.add(CI)
    if changed.kinds & _INFRA_KINDS:
        found.add(INFRASTRUCTURE)
    if changed.kinds & _DEPENDENCY_KINDS:
        found.add(DEPENDENCIES)
    if is_auth_path(changed.path) or FileKind.POLICY in changed.kinds:
        found.add(AUTH)
    return frozenset(found)


def is_auth_path(path: str) -> bool:
    """True when a word of the path names authentication or authorisation (`auth/`, `login.py`)."""
    words = path.lower().translate(_SEPARATORS).split()
    return any(word in _AUTH_WORDS for word in words)


def actors_of(ctx: ChangeContext) -> tuple[str, ...]:
    """The actors of a change: its author, its commits' authors and the agents named by provenance."""
    found: list[str] = []
    if ctx.pr.author_login:
        found.append(ctx.pr.author_login.lower())
    for commit in ctx.commits:
        identity = commit.author_login or commit.author_email
        if identity:
            found.append(identity.lower())
    found.extend(f"agent:{agent}" for agent in agents_of(ctx))
    return tuple(dict.fromkeys(found))


def agents_of(ctx: ChangeContext) -> tuple[str, ...]:
    """The AI agents that provenance evidence names for the change, sorted."""
    signals = list(ctx.provenance.pr_signals)
    for commit_signals in ctx.provenance.commit_signals.values():
        signals.extend(commit_signals)
    return tuple(sorted({signal.agent.lower() for signal in signals}))


def change_stats(ctx: ChangeContext) -> ChangeStats:
    """The size, churn and spread of a change."""
    churn = sum(len(changed.added_lines) + len(changed.removed_lines) for changed in ctx.files)
    tops = {changed.path.split("/", 1)[0] if "/" in changed.path else "." for changed in ctx.files}
    kinds = {kind for changed in ctx.files for kind in changed.kinds}
    return ChangeStats(files=len(ctx.files), churn=churn, directories=len(tops), kinds=len(kinds))


def update_history(history: RepoHistory | None, ctx: ChangeContext) -> RepoHistory:
    """The history with the change `ctx` recorded; unchanged when that pull request is already in it."""
    current = history if history is not None else RepoHistory()
    number = ctx.pr.number
    if number and number in current.pr_numbers:
        return current
    stats = change_stats(ctx)
    categories = frozenset(c for changed in ctx.files for c in sensitive_categories(changed))
    kinds = frozenset(kind.value for changed in ctx.files for kind in changed.kinds)
    paths = tuple(changed.path for changed in ctx.files if sensitive_categories(changed))
    actors = dict(current.actors)
    for name in actors_of(ctx):
        actors[name] = _record_actor(actors.get(name), categories, kinds, paths)
    return replace(
        current,
        pr_count=current.pr_count + 1,
        actors=actors,
        agents=current.agents | frozenset(agents_of(ctx)),
        files=_appended(current.files, stats.files, MAX_SAMPLES),
        churn=_appended(current.churn, stats.churn, MAX_SAMPLES),
        directories=_appended(current.directories, stats.directories, MAX_SAMPLES),
        kinds=_appended(current.kinds, stats.kinds, MAX_SAMPLES),
        pr_numbers=_appended(current.pr_numbers, number, MAX_PR_KEYS) if number else current.pr_numbers,
    )


def _record_actor(
    previous: ActorHistory | None, categories: frozenset[str], kinds: frozenset[str], paths: Sequence[str]
) -> ActorHistory:
    actor = previous if previous is not None else ActorHistory()
    kept = tuple(dict.fromkeys(path for path in actor.paths if path not in paths)) + tuple(paths)
    return ActorHistory(
        pr_count=actor.pr_count + 1,
        categories=actor.categories | categories,
        kinds=actor.kinds | kinds,
        paths=kept[-MAX_PATHS:],
    )


def _appended(values: tuple[int, ...], value: int, limit: int) -> tuple[int, ...]:
    return (*values, value)[-limit:]


def history_to_json(history: RepoHistory) -> str:
    """The history as a JSON document (sorted keys, stable for storage and comparison)."""
    document = {
        "version": FORMAT_VERSION,
        "pr_count": history.pr_count,
        "actors": {
            name: {
                "pr_count": actor.pr_count,
                "categories": sorted(actor.categories),
                "kinds": sorted(actor.kinds),
                "paths": list(actor.paths),
            }
            for name, actor in sorted(history.actors.items())
        },
        "agents": sorted(history.agents),
        "files": list(history.files),
        "churn": list(history.churn),
        "directories": list(history.directories),
        "kinds": list(history.kinds),
        "pr_numbers": list(history.pr_numbers),
    }
    return json.dumps(document, sort_keys=True, separators=(",", ":"))


def history_from_json(text: str) -> RepoHistory:
    """A history from `history_to_json` output. Raises ValueError on anything malformed."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"history is not JSON: {exc}") from exc
    if not isinstance(document, dict):
        raise ValueError("history must be a JSON object")
    if document.get("version", FORMAT_VERSION) != FORMAT_VERSION:
        raise ValueError(f"unsupported history version: {document.get('version')!r}")
    actors = _mapping(document, "actors")
    return RepoHistory(
        pr_count=_count(document.get("pr_count", 0), "pr_count"),
        actors={str(name).lower(): _actor_from(name, value) for name, value in actors.items()},
        agents=frozenset(_strings(document.get("agents", []), "agents")),
        files=_counts(document.get("files", []), "files"),
        churn=_counts(document.get("churn", []), "churn"),
        directories=_counts(document.get("directories", []), "directories"),
        kinds=_counts(document.get("kinds", []), "kinds"),
        pr_numbers=_counts(document.get("pr_numbers", []), "pr_numbers"),
    )


def _actor_from(name: object, value: object) -> ActorHistory:
    if not isinstance(value, dict):
        raise ValueError(f"actor {name!r} must be an object")
    return ActorHistory(
        pr_count=_count(value.get("pr_count", 0), f"actor {name!r} pr_count"),
        categories=frozenset(_strings(value.get("categories", []), f"actor {name!r} categories")),
        kinds=frozenset(_strings(value.get("kinds", []), f"actor {name!r} kinds")),
        paths=tuple(_strings(value.get("paths", []), f"actor {name!r} paths")),
    )


def _mapping(document: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = document.get(key, {})
    if not isinstance(value, dict):
        raise ValueError(f"{key} must be an object")
    return value


def _count(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{what} must be a non-negative integer")
    return value


def _counts(value: object, what: str) -> tuple[int, ...]:
    if not isinstance(value, list):
        raise ValueError(f"{what} must be a list")
    return tuple(_count(item, what) for item in value)


def _strings(value: object, what: str) -> Iterable[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"{what} must be a list of strings")
    return value
