"""Builders of votes and fits for the calibration tests."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from analyzers.base import Family, Severity
from analyzers.drift.actions_permissions_widened import ActionsPermissionsWidened
from app.learning.calibration import Fit, RuleInfo, fit
from app.learning.trust import Channel, Label, Permission, Vote, weigh_votes

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
REPO = "acme/api"
ORG = "acme"
RULE = "code-insecure-randomness"  # code, medium: P* = 0.85
HIGH_RULE = "code-command-injection"  # code, high: P* = 0.70
SECRET_RULE = "secrets-hardcoded-credential"  # protected: P* = 0.50
# An explicit rule prior of 0.7 keeps the arithmetic of these tests plain; the cell priors the App uses
# (`cell_prior`, a rule without an explicit prior) are tested in test_prior.py.
PRIOR = 0.7
RULES: Mapping[str, RuleInfo] = {
    RULE: RuleInfo(RULE, Family.CODE, Severity.MEDIUM, prior=PRIOR),
    HIGH_RULE: RuleInfo(HIGH_RULE, Family.CODE, Severity.HIGH, prior=PRIOR),
    SECRET_RULE: RuleInfo(SECRET_RULE, Family.SECRETS, Severity.HIGH, prior=PRIOR),
    "actions-unpinned-uses": RuleInfo("actions-unpinned-uses", Family.DRIFT, Severity.MEDIUM, prior=PRIOR),
    # Protected by its own flag on the rule, read from the registry like the App does.
    "actions-permissions-widened": RuleInfo.from_meta(ActionsPermissionsWidened.meta, PRIOR),
}


def vote(
    voter: str = "alice",
    label: Label = Label.NOT_USEFUL,
    *,
    repo: str = REPO,
    org: str = ORG,
    rule_id: str = RULE,
    confidence: float = 0.9,
    channel: Channel = Channel.REPLY,
    permission: Permission = Permission.WRITE,
    bot: bool = False,
    author: bool = False,
    reason: str = "",
    days_ago: float = 1.0,
    version: int = 1,
    fingerprint: str = "f0",
) -> Vote:
    if not reason and label is Label.NOT_USEFUL and channel is Channel.REPLY:
        reason = "fp not reachable"
    return Vote(
        repo=repo,
        org=org,
        rule_id=rule_id,
        rule_version=version,
        confidence=confidence,
        fingerprint=fingerprint,
        voter=voter,
        permission=permission,
        voter_is_bot=bot,
        is_pr_author=author,
        channel=channel,
        label=label,
        reason=reason,
        created_at=NOW - timedelta(days=days_ago),
    )


def many(template: Vote, count: int, *, spacing_days: float = 0.0) -> list[Vote]:
    """`count` copies of a vote, each `spacing_days` older than the one before."""
    return [
        replace(template, created_at=template.created_at - timedelta(days=i * spacing_days))
        for i in range(count)
    ]


def fitted(
    votes: Iterable[Vote],
    *,
    now: datetime = NOW,
    rules: Mapping[str, RuleInfo] = RULES,
    single_writer_repos: frozenset[str] = frozenset(),
) -> Fit:
    return fit(weigh_votes(votes, single_writer_repos=single_writer_repos), rules, now)
