"""The feedback log read by the replay: its JSONL record schema and its loader.

Record schema: one JSON object per line with a "type"; times are ISO 8601 UTC ("2026-01-05T10:00:00Z").

- `rule`: rule_id, family (analyzers.base.Family value), severity ("high"...), version, [prior, protected];
  a rule the registry has is protected when its own `RuleMeta.protected` flag (or its family) says so,
  whatever the log's `protected` says
- `repo`: repo ("owner/name"), org, writers (list of logins; one writer makes a single-writer repo)
- `policy`: repo, rule_id, [disable, severity, paths, ignore_paths, block] — the `rules.<id>` entry of the
  repo policy, read into the same `RepoPolicy` the App reads (`paths` are the policy's gitignore-style globs)
- `finding`: at, repo, org, pr, pr_author, rule_id, rule_version, confidence, fingerprint, path,
  label ("useful" | "not_useful" | null: the label it eventually got)
- `vote`: at, repo, org, pr, rule_id, rule_version, confidence, fingerprint, voter, permission,
  bot, pr_author, channel (app.learning.trust.Channel value), label, reason — a reaction, button or implicit signal
- `comment`: at, repo, org, pr, where (app.learning.commands.Where value), author, permission, bot, pr_author,
  body, and for replies the rule_id, rule_version, confidence and fingerprint of the finding replied to;
  the body goes through the command grammar, so text outside comments is never a command; a writer's
  `/reopen` withdraws the finding's latest dismissal.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from analyzers.base import Family, Severity
from analyzers.contract.policy import SEVERITY_NAMES, RepoPolicy, RuleSettings
from analyzers.record import record
from analyzers.registry import rule_by_id
from app.learning.calibration import RuleInfo, score_bin
from app.learning.commands import Command, Verb, Where, parse_command
from app.learning.trust import Channel, Label, Permission, Vote, undo_last_dismissal

Cell = tuple[str, str, int]


class FeedbackLogError(ValueError):
    """A line of the feedback log that does not follow the schema."""


@record
class FindingRecord:
    at: datetime
    repo: str
    org: str
    pr: int
    pr_author: str
    rule_id: str
    confidence: float
    fingerprint: str
    path: str
    label: Label | None

    @property
    def cell(self) -> Cell:
        return (self.repo, self.rule_id, score_bin(self.confidence))


@dataclass
class Log:
    rules: dict[str, RuleInfo] = field(default_factory=dict)
    writers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    policies: dict[str, RepoPolicy] = field(default_factory=dict)  # per repository
    findings: list[FindingRecord] = field(default_factory=list)
    votes: list[Vote] = field(default_factory=list)
    ignored_texts: int = 0  # comments and PR texts that cast no vote (no command, or not a comment)

    @property
    def single_writer_repos(self) -> frozenset[str]:
        return frozenset(repo for repo, people in self.writers.items() if len(people) == 1)


def load(path: Path | str) -> Log:
    """Read a feedback log (see the module docstring for the schema)."""
    log = Log()
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                _add_record(log, json.loads(line), number)
            except (KeyError, TypeError, ValueError) as error:
                raise FeedbackLogError(f"line {number}: {error!r}") from error
    log.findings.sort(key=lambda f: f.at)
    log.votes.sort(key=lambda v: v.created_at)
    return log


def _add_record(log: Log, record: dict[str, Any], number: int) -> None:
    kind = record.get("type")
    if kind == "rule":
        log.rules[record["rule_id"]] = RuleInfo(
            record["rule_id"],
            Family(record["family"]),
            Severity.parse(record["severity"]),
            int(record.get("version", 1)),
            float(record["prior"]) if "prior" in record else None,
            _protected(record),
        )
    elif kind == "repo":
        log.writers[record["repo"]] = tuple(record["writers"])
    elif kind == "policy":
        _add_policy(log, record)
    elif kind == "finding":
        log.findings.append(_finding(record))
    elif kind == "vote":
        log.votes.append(_vote(record, Channel(record["channel"]), Label(record["label"])))
    elif kind == "comment":
        _add_comment(log, record)
    else:
        raise ValueError(f"line {number}: unknown record type {kind!r}")


def _add_policy(log: Log, record: dict[str, Any]) -> None:
    severity = record.get("severity")
    name = SEVERITY_NAMES[Severity.parse(severity)] if severity else None
    settings = RuleSettings(
        disable=bool(record.get("disable", False)),
        severity=name,
        paths=tuple(record.get("paths", ())),
        ignore_paths=tuple(record.get("ignore_paths", ())),
        block=record.get("block"),
    )
    policy = log.policies.get(record["repo"], RepoPolicy())
    log.policies[record["repo"]] = replace(policy, rules={**policy.rules, record["rule_id"]: settings})


def _add_comment(log: Log, record: dict[str, Any]) -> None:
    """Turn a comment into a vote when, and only when, the grammar reads a voting command in it."""
    parsed = parse_command(record["body"], Where(record["where"]))
    if not isinstance(parsed, Command):  # not a comment place, no command, or a refused one
        log.ignored_texts += 1
        return
    about = record if parsed.ref is None else _referenced(log, record, parsed.ref)
    if about is None or "fingerprint" not in about:
        log.ignored_texts += 1
        return
    if parsed.verb is Verb.REOPEN:
        if Permission(record["permission"]).can_write and not record.get("bot", False):
            log.votes = undo_last_dismissal(log.votes, about["fingerprint"])
        return
    if parsed.label is None:  # /why: answered, no label
        return
    vote = _vote(about | _voter_of(record), Channel.REPLY, parsed.label)
    log.votes.append(replace(vote, reason=parsed.vote_reason))


def _voter_of(record: dict[str, Any]) -> dict[str, Any]:
    keys = ("at", "permission", "bot", "pr_author")
    return {"voter": record["author"]} | {key: record[key] for key in keys if key in record}


def _referenced(log: Log, record: dict[str, Any], ref: str) -> dict[str, Any] | None:
    """The finding of the same pull request whose fingerprint starts with `ref`."""
    for finding in log.findings:
        if (finding.repo, finding.pr) == (record["repo"], record["pr"]) and (
            finding.fingerprint.startswith(ref)
        ):
            return {
                "repo": finding.repo,
                "org": finding.org,
                "rule_id": finding.rule_id,
                "confidence": finding.confidence,
                "fingerprint": finding.fingerprint,
            }
    return None


def _finding(record: dict[str, Any]) -> FindingRecord:
    label = record.get("label")
    return FindingRecord(
        _time(record["at"]),
        record["repo"],
        record["org"],
        int(record["pr"]),
        record["pr_author"],
        record["rule_id"],
        float(record["confidence"]),
        record["fingerprint"],
        record.get("path", ""),
        Label(label) if label else None,
    )


def _vote(record: dict[str, Any], channel: Channel, label: Label) -> Vote:
    return Vote(
        repo=record["repo"],
        org=record["org"],
        rule_id=record["rule_id"],
        rule_version=int(record.get("rule_version", 1)),
        confidence=float(record["confidence"]),
        fingerprint=record["fingerprint"],
        voter=record["voter"],
        permission=Permission(record["permission"]),
        voter_is_bot=bool(record.get("bot", False)),
        is_pr_author=bool(record.get("pr_author", False)),
        channel=channel,
        label=label,
        reason=record.get("reason", ""),
        created_at=_time(record["at"]),
    )


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _protected(record: dict[str, Any]) -> bool:
    """The registered rule's own `protected` flag, whatever the log says; the log's for an id no rule has."""
    rule = rule_by_id(record["rule_id"])
    return rule.meta.protected if rule is not None else bool(record.get("protected", False))
