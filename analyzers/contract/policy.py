"""The repository policy `.github/bulwark.yml` as rules read it: plain frozen values with safe defaults.

The policy is always read from the base ref, so a pull request never loosens the rules that judge
it. Reading the file is `analyzers.contract.policy_file` (`parse_policy`, `merge_policies`), its checks
`analyzers.contract.policy_schema`, and the path globs `analyzers.contract.globs`.
"""

from __future__ import annotations

import re
from dataclasses import field
from typing import Any, Literal

from analyzers.contract.globs import matches_any
from analyzers.record import record

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

# `extends:` as written: `owner/repo` or `owner/repo:path`
EXTENDS = re.compile(r"^(?P<repo>[A-Za-z0-9-]+/[A-Za-z0-9._-]+)(?::(?P<path>[^\s:]+))?$")

# The schema is plain frozen dataclasses, checked by `analyzers.contract.policy_schema`: reading a
# policy (and every scan and analysis does) needs no validation library.


@record
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


@record
class ActionsPolicy:
    allowed_owners: tuple[str, ...] = ()  # owners whose actions may be referenced by tag
    allowed_actions: tuple[str, ...] = ()  # `owner/repo` or `owner/repo/path` allowed by tag


@record
class ContainersPolicy:
    allowed_registries: tuple[str, ...] = ()  # registry host names; empty: any registry
    require_digest: bool = False


@record
class WorkflowsPolicy:
    baseline_permissions: dict[PermissionScope, Access] = field(default_factory=dict)


@record
class CodeownersPolicy:
    path: str | None = None  # where CODEOWNERS lives, when not in a standard place


@record
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


@record
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
        match = EXTENDS.match(self.extends)
        assert match is not None
        return match["repo"], match["path"] or ORG_POLICY_PATH


DEFAULT_POLICY = RepoPolicy()
