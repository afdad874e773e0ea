"""Feedback intake: comments, resolved threads and check-run buttons become votes, with an answer.

`handle_event(settings, event, payload)` reads one stored delivery of `issue_comment`,
`pull_request_review_comment`, `pull_request_review_thread` or `check_run.requested_action`. Commands come
from comment bodies only (`app.commands`); Bulwark ignores its own comments. Every vote is stored with the
voter's live permission; the trust rules of calibration.md decide what it weighs. A command is acknowledged
with a 👍 reaction (and a reply for `/why`); one Bulwark will not honour gets a reply saying why. A
writer's `/dismiss` (not the PR author's) marks the finding dismissed; when it was blocking, the head is
analysed again so the check run no longer fails on it. An author Bulwark has no record of is looked up on
GitHub; when GitHub names nobody, no dismissal is honoured.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from app import metrics
from app.calibration import explain
from app.commands import Command, CommandError, Verb, Where, parse_command
from app.db import repo
from app.db.models import Feedback, utcnow
from app.db.models import Finding as FindingRow
from app.db.session import session_scope
from app.github import conversation
from app.github.client import GitHubApp, InstallationGitHub, installation_slot, wait_for_installation_rate
from app.github.permissions import collaborator_permission
from app.learning import REOPEN, cell_decision, quiet_costs, record_vote, shown_state, votes_of
from app.report.actions import parse_action
from app.settings import Settings
from app.signals import PullRef, feedback_row, is_bot, poll_reactions_if_due, pull_ref, with_author
from app.trust import Channel, Label, Permission, blocking_cleared, normalise_login
from app.vote_replies import author_unknown, no_permission, self_dismissal

log = logging.getLogger(__name__)

EVENTS = frozenset(
    {"issue_comment", "pull_request_review_comment", "pull_request_review_thread", "check_run"}
)
_apps: dict[int, GitHubApp] = {}


@dataclass(frozen=True, slots=True)
class Rerun:
    """A head to analyse again (the fields of `app.pipeline.PullJob`)."""

    installation_id: int
    repository_id: int
    owner: str
    repo: str
    number: int
    head_sha: str


@dataclass(frozen=True, slots=True)
class Voter:
    login: str
    user_type: str
    permission: Permission

    @property
    def bot(self) -> bool:
        return is_bot(self.login, self.user_type)


@dataclass
class _Event:
    """One delivery being handled: where it happened, and what to answer."""

    settings: Settings
    gh: InstallationGitHub
    installation_id: int
    pull: PullRef
    reruns: list[Rerun] = field(default_factory=list)

    def reply(self, kind: conversation.CommentKind, comment_id: int | None, text: str) -> None:
        owner, name, number = self.pull.owner, self.pull.name, self.pull.number
        if kind == "review" and comment_id is not None:
            conversation.reply_to_review_comment(self.gh, owner, name, number, comment_id, text)
        else:
            conversation.post_issue_comment(self.gh, owner, name, number, text)

    def acknowledge(self, kind: conversation.CommentKind, comment_id: int | None) -> None:
        if comment_id is not None:
            conversation.add_reaction(self.gh, self.pull.owner, self.pull.name, comment_id, kind)

    def rerun(self) -> None:
        owner, name = self.pull.owner, self.pull.name
        job = Rerun(
            self.installation_id, self.pull.repository_id, owner, name, self.pull.number, self.pull.head_sha
        )
        if job not in self.reruns:
            self.reruns.append(job)


def handles(event: str, action: str) -> bool:
    if event == "check_run":
        return action == "requested_action"
    if event == "pull_request_review_thread":
        return action == "resolved"
    return event in EVENTS and action == "created"


def handle_event(settings: Settings, event: str, payload: dict[str, Any]) -> tuple[str, list[Rerun]]:
    """Handle one feedback delivery; a short outcome and the heads to analyse again."""
    action = str(payload.get("action", ""))
    if not handles(event, action):
        return f"{event}.{action}: recorded", []
    sender = str((payload.get("sender") or {}).get("login", ""))
    if normalise_login(sender) == normalise_login(settings.app_slug):
        return f"{event}.{action}: Bulwark's own, ignored", []
    ev = _event_of(settings, event, payload)
    if ev is None:
        return f"{event}.{action}: not about a pull request", []
    # No webhook for reactions: read them on the PR's events too, rate-limited (`signals.POLLS`).
    poll_reactions_if_due(settings, ev.gh, ev.pull, ev.installation_id)
    if not _asks_for_work(event, payload):
        return f"{event}.{action}: no command", []  # a plain comment: no GitHub call at all
    with installation_slot(ev.installation_id, settings.installation_concurrency):
        # A command counts against the installation's job rate like an analysis: slowed, never dropped.
        wait_for_installation_rate(
            settings.database_url, ev.installation_id, settings.installation_jobs_per_minute
        )
        ev.pull = with_author(settings, ev.gh, ev.pull)  # a button's payload does not name the author
        outcome = _dispatch(ev, event, payload)
    return f"{event}.{action}: {outcome}", ev.reruns


def _asks_for_work(event: str, payload: dict[str, Any]) -> bool:
    """Whether the event needs an answer (a command, well-formed or not; a resolved thread; a button)."""
    if event == "pull_request_review_comment":
        where = Where.REVIEW_REPLY
    elif event == "issue_comment":
        where = Where.CONVERSATION
    else:
        return True
    return parse_command((payload.get("comment") or {}).get("body"), where) is not None


def _dispatch(ev: _Event, event: str, payload: dict[str, Any]) -> str:
    if event == "pull_request_review_comment":
        return _review_comment(ev, payload)
    if event == "issue_comment":
        return _issue_comment(ev, payload)
    if event == "pull_request_review_thread":
        return _thread_resolved(ev, payload)
    return _button(ev, payload)


def _event_of(settings: Settings, event: str, payload: dict[str, Any]) -> _Event | None:
    installation = payload.get("installation") or {}
    repository = payload.get("repository") or {}
    if not installation.get("id") or not repository.get("id"):
        return None
    number, head = _pull_of(event, payload)
    if number is None:
        return None
    repository_id = int(repository["id"])
    if not head and event == "check_run":
        head = str(payload["check_run"].get("head_sha", ""))
    pull = pull_ref(settings, repository_id, str(repository["full_name"]), number, head)
    payload_author = str(
        ((payload.get("pull_request") or payload.get("issue") or {}).get("user") or {}).get("login", "")
    )
    if payload_author and not pull.author:
        pull = PullRef(pull.repository_id, pull.full_name, pull.number, pull.head_sha, payload_author)
    app = _apps.get(id(settings)) or _apps.setdefault(id(settings), GitHubApp(settings))
    return _Event(settings, app.as_installation(int(installation["id"])), int(installation["id"]), pull)


def _pull_of(event: str, payload: dict[str, Any]) -> tuple[int | None, str]:
    if event == "issue_comment":
        issue = payload.get("issue") or {}
        return (int(issue["number"]), "") if issue.get("pull_request") else (None, "")
    if event == "check_run":
        pulls = payload["check_run"].get("pull_requests") or []
        return (int(pulls[0]["number"]), "") if pulls else (None, "")
    pr = payload.get("pull_request") or {}
    if not pr.get("number"):
        return None, ""
    return int(pr["number"]), str((pr.get("head") or {}).get("sha", ""))


def _voter(ev: _Event, user: dict[str, Any]) -> Voter:
    login = str(user.get("login", ""))
    permission = collaborator_permission(ev.gh, ev.pull.owner, ev.pull.name, login)
    return Voter(login, str(user.get("type", "")), permission)


def _review_comment(ev: _Event, payload: dict[str, Any]) -> str:
    comment = payload["comment"]
    parsed = parse_command(comment.get("body"), Where.REVIEW_REPLY)
    if parsed is None:
        return "no command"
    comment_id = int(comment["id"])
    if isinstance(parsed, CommandError):
        ev.reply("review", comment_id, parsed.message)
        return "command refused: malformed"
    parent = comment.get("in_reply_to_id")
    with session_scope(ev.settings.database_url) as session:
        finding = repo.finding_by_comment(session, ev.pull.repository_id, int(parent)) if parent else None
    if finding is None:
        ev.reply(
            "review", comment_id, "Bulwark knows no finding here: reply in the thread of a Bulwark comment."
        )
        return "command refused: unknown finding"
    voter = _voter(ev, comment.get("user") or {})
    return _execute(ev, finding, parsed, voter, "review", comment_id)


def _issue_comment(ev: _Event, payload: dict[str, Any]) -> str:
    comment = payload["comment"]
    parsed = parse_command(comment.get("body"), Where.CONVERSATION)
    if parsed is None:
        return "no command"
    comment_id = int(comment["id"])
    if isinstance(parsed, CommandError):
        ev.reply("issue", None, f"@{comment['user']['login']} {parsed.message}")
        return "command refused: malformed"
    with session_scope(ev.settings.database_url) as session:
        findings = repo.findings_of_pull(session, ev.pull.repository_id, ev.pull.number)
    ref = parsed.ref or ""
    matches = [f for f in findings if f.rule_id == ref or (len(ref) >= 6 and f.fingerprint.startswith(ref))]
    if len(matches) != 1:
        why = "names no finding of this pull request" if not matches else f"names {len(matches)} findings"
        ev.reply("issue", None, f"@{comment['user']['login']} `{ref}` {why}; use a fingerprint prefix.")
        return "command refused: unknown finding"
    voter = _voter(ev, comment.get("user") or {})
    return _execute(ev, matches[0], parsed, voter, "issue", comment_id)


def _execute(
    ev: _Event,
    finding: FindingRow,
    command: Command,
    voter: Voter,
    kind: conversation.CommentKind,
    comment_id: int,
) -> str:
    source = f"{kind}:{comment_id}"
    if command.verb is Verb.WHY:
        with session_scope(ev.settings.database_url) as session:
            decision = cell_decision(
                session,
                ev.pull.full_name,
                ev.pull.repository_id,
                finding.rule_id,
                finding.confidence,
                utcnow(),
            )
            quiet = quiet_costs(session, ev.pull.repository_id, finding.rule_id)
        ev.acknowledge(kind, comment_id)
        cost = quiet[0] if quiet else None
        answer = explain(decision, default=shown_state(decision) == "default", quiet=cost)
        ev.reply(kind, comment_id, answer)
        return "/why answered"
    if command.verb is Verb.REOPEN:
        return _reopen(ev, finding, voter, kind, comment_id, source)
    label = command.label
    assert label is not None
    return _vote(ev, finding, voter, Channel.REPLY, label, command.vote_reason, source, (kind, comment_id))


def _reopen(
    ev: _Event,
    finding: FindingRow,
    voter: Voter,
    kind: conversation.CommentKind,
    comment_id: int,
    source: str,
) -> str:
    if voter.bot or not voter.permission.can_write:
        ev.reply(kind, comment_id, no_permission(voter, "reopen findings"))
        return "/reopen refused: no permission"
    row = feedback_row(
        ev.pull, finding, voter=voter.login, permission=voter.permission, bot=voter.bot,
        channel=Channel.REPLY, label=REOPEN, reason="", source_id=source,
    )  # fmt: skip
    with session_scope(ev.settings.database_url) as session:
        if record_vote(session, row, ev.pull.repository_id):
            remaining = [
                v for v in votes_of(repo.feedback_of_repositories(session, [ev.pull.repository_id]))
                if v.fingerprint == finding.fingerprint
            ]  # fmt: skip
            if not blocking_cleared(remaining):
                repo.mark_fingerprint(session, ev.pull.repository_id, finding.fingerprint, "open")
    ev.acknowledge(kind, comment_id)
    metrics.FEEDBACK.labels(channel=Channel.REPLY.value).inc()
    return "/reopen: latest dismissal withdrawn"


def _vote(
    ev: _Event,
    finding: FindingRow,
    voter: Voter,
    channel: Channel,
    label: Label,
    reason: str,
    source: str,
    where: tuple[conversation.CommentKind, int | None],
) -> str:
    """Store the vote; a writer's dismissal (not the PR author's) dismisses the finding."""
    kind, comment_id = where
    if label is Label.NOT_USEFUL and not ev.pull.author:
        ev.reply(kind, comment_id, author_unknown(voter))
        return f"{label} by {voter.login}: refused, the pull request's author is unknown"
    row = feedback_row(
        ev.pull, finding, voter=voter.login, permission=voter.permission, bot=voter.bot,
        channel=channel, label=label, reason=reason, source_id=source,
    )  # fmt: skip
    stored, cleared = _store_vote(ev, row, finding.fingerprint)
    if not stored:
        return f"{label} by {voter.login}: already recorded"
    metrics.FEEDBACK.labels(channel=channel.value).inc()
    what = "dismiss findings or change calibration" if label is Label.NOT_USEFUL else "change calibration"
    if voter.bot or not voter.permission.can_write:
        ev.reply(kind, comment_id, no_permission(voter, what))
        return f"{label} by {voter.login} ({voter.permission}): stored, counts zero"
    if label is Label.NOT_USEFUL and row.is_pr_author:
        ev.reply(kind, comment_id, self_dismissal(voter))
        return f"{label} by {voter.login} (PR author): stored, counts zero"
    ev.acknowledge(kind, comment_id)
    if cleared and finding.placement == "block":
        ev.rerun()
    return f"{label} by {voter.login} ({voter.permission})" + (": dismissed" if cleared else "")


def _store_vote(ev: _Event, row: Feedback, fingerprint: str) -> tuple[bool, bool]:
    """Store the vote; (stored now, the finding is dismissed by it: a dismissal that clears it)."""
    with session_scope(ev.settings.database_url) as session:
        stored = record_vote(session, row, ev.pull.repository_id)
        votes = [
            v for v in votes_of(repo.feedback_of_repositories(session, [ev.pull.repository_id]))
            if v.fingerprint == fingerprint
        ]  # fmt: skip
        cleared = row.label == Label.NOT_USEFUL.value and blocking_cleared(votes)
        if cleared:
            repo.mark_fingerprint(session, ev.pull.repository_id, fingerprint, "dismissed")
    return stored, cleared


def _thread_resolved(ev: _Event, payload: dict[str, Any]) -> str:
    thread = payload.get("thread") or {}
    comments = thread.get("comments") or []
    with session_scope(ev.settings.database_url) as session:
        finding = repo.finding_by_thread(session, ev.pull.repository_id, str(thread.get("node_id", "")))
        if finding is None and comments:
            finding = repo.finding_by_comment(session, ev.pull.repository_id, int(comments[0]["id"]))
    if finding is None:
        return "not a Bulwark thread"
    if finding.status != "open":
        return f"finding {finding.status}: no vote"
    if not ev.pull.author:
        return "resolved: no vote, the pull request's author is unknown"
    voter = _voter(ev, payload.get("sender") or {})
    source = f"resolved:{thread.get('node_id') or finding.fingerprint}"
    row = feedback_row(
        ev.pull, finding, voter=voter.login, permission=voter.permission, bot=voter.bot,
        channel=Channel.RESOLVED, label=Label.NOT_USEFUL, reason="thread resolved without a change",
        source_id=source,
    )  # fmt: skip
    with session_scope(ev.settings.database_url) as session:
        stored = record_vote(session, row, ev.pull.repository_id)
    if stored:
        metrics.FEEDBACK.labels(channel=Channel.RESOLVED.value).inc()
    return f"resolved without a change by {voter.login}" + ("" if stored else ": already recorded")


def _button(ev: _Event, payload: dict[str, Any]) -> str:
    run = payload["check_run"]
    action = parse_action((payload.get("requested_action") or {}).get("identifier"))
    if action is None:
        return "unknown action"
    if action.kind == "reanalyze":
        ev.rerun()
        return "re-analysis requested"
    with session_scope(ev.settings.database_url) as session:
        findings = repo.findings_of_pull(session, ev.pull.repository_id, ev.pull.number)
    matches = [f for f in findings if f.fingerprint.startswith(action.fingerprint_prefix)]
    if len(matches) != 1:
        return "unknown finding"
    voter = _voter(ev, payload.get("sender") or {})
    label = Label.USEFUL if action.kind == "confirm" else Label.NOT_USEFUL
    source = f"button:{run.get('id')}:{action.kind}:{normalise_login(voter.login)}"
    return _vote(ev, matches[0], voter, Channel.BUTTON, label, "", source, ("issue", None))
