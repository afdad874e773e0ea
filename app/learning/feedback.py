"""Feedback intake: comments, resolved threads and check-run buttons become votes, with an answer.

`handle_event(settings, job)` handles one delivery (`app.jobs.job.Job`) of `issue_comment`,
`pull_request_review_comment`, `pull_request_review_thread` or `check_run.requested_action`. Commands come
from comment bodies only (`app.learning.commands`); Bulwark ignores its own comments. Every vote is stored with the
voter's live permission; the trust rules of calibration.md decide what it weighs. A command is acknowledged
with a 👍 reaction (and a reply for `/why`); one Bulwark will not honour gets a reply saying why. A
writer's `/dismiss` (not the PR author's) marks the finding dismissed; when it was blocking, the head is
analysed again so the check run no longer fails on it. An author Bulwark has no record of is looked up on
GitHub; when GitHub names nobody, no dismissal is honoured.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace

from app import metrics
from app.db import repo
from app.db.models import Feedback, utcnow
from app.db.models import Finding as FindingRow
from app.db.session import session_scope
from app.github import conversation
from app.github.client import InstallationGitHub, github_app, installation_slot, wait_for_installation_rate
from app.github.permissions import collaborator_permission
from app.jobs.entities import remember_author
from app.jobs.job import Actor, Comment, Job, Step, Thread
from app.learning.calibration import explain
from app.learning.calibration_step import (
    REOPEN,
    cell_decision,
    quiet_costs,
    record_vote,
    shown_state,
    votes_of,
)
from app.learning.commands import Command, CommandError, Verb, Where, parse_command
from app.learning.signals import feedback_row, is_bot, with_stored
from app.learning.trust import Channel, Label, Permission, blocking_cleared, normalise_login
from app.learning.vote_replies import author_unknown, no_permission, self_dismissal
from app.pull import PullAtHead
from app.report.actions import parse_action
from app.settings import Settings

log = logging.getLogger(__name__)


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
    pull: PullAtHead
    reruns: list[PullAtHead] = field(default_factory=list)

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
        head = replace(self.pull, author="")
        if head not in self.reruns:
            self.reruns.append(head)


def handle_event(settings: Settings, job: Job) -> tuple[str, list[PullAtHead]]:
    """Handle one feedback delivery; a short outcome and the heads to analyse again."""
    if job.step is not Step.FEEDBACK:
        return f"{job.label}: recorded", []
    if normalise_login(job.sender.login) == normalise_login(settings.app_slug):
        return f"{job.label}: Bulwark's own, ignored", []
    pulls = job.pulls()
    if not pulls:
        return f"{job.label}: not about a pull request", []
    with session_scope(settings.database_url) as session:
        pull = with_stored(session, replace(pulls[0], author=job.pull_author))
    ev = _Event(settings, github_app(settings).as_installation(pull.installation_id), pull)
    if not _asks_for_work(job):
        return f"{job.label}: no command", []  # a plain comment: no GitHub call at all
    with installation_slot(pull.installation_id, settings.installation_concurrency):
        # A command counts against the installation's job rate like an analysis: slowed, never dropped.
        wait_for_installation_rate(
            settings.database_url, pull.installation_id, settings.installation_jobs_per_minute
        )
        ev.pull = _with_author(settings, ev.gh, ev.pull)  # a button's payload does not name the author
        outcome = _dispatch(ev, job)
    return f"{job.label}: {outcome}", ev.reruns


def _with_author(settings: Settings, gh: InstallationGitHub, pull: PullAtHead) -> PullAtHead:
    """`pull` with its author, looked up on GitHub (and stored) when Bulwark has no record of it.

    The author stays "" when GitHub names nobody: then no dismissal is honoured, since Bulwark cannot
    tell whether the dismisser wrote the pull request.
    """
    if pull.author:
        return pull
    author = conversation.pull_request_author(gh, pull.owner, pull.name, pull.number)
    if not author:
        return pull
    remember_author(settings, pull.repository_id, pull.number, author)
    return replace(pull, author=author)


def _asks_for_work(job: Job) -> bool:
    """Whether the delivery needs more than the reaction poll: a command (not a plain comment; a
    resolved thread; a button)."""
    if job.comment is None:
        return True
    where = Where.REVIEW_REPLY if job.event == "pull_request_review_comment" else Where.CONVERSATION
    return parse_command(job.comment.body, where) is not None


def _dispatch(ev: _Event, job: Job) -> str:
    if job.event == "pull_request_review_comment" and job.comment is not None:
        return _review_comment(ev, job.comment)
    if job.event == "issue_comment" and job.comment is not None:
        return _issue_comment(ev, job.comment)
    if job.event == "pull_request_review_thread" and job.thread is not None:
        return _thread_resolved(ev, job.thread, job.sender)
    return _button(ev, job)


def _voter(ev: _Event, user: Actor) -> Voter:
    permission = collaborator_permission(ev.gh, ev.pull.owner, ev.pull.name, user.login)
    return Voter(user.login, user.user_type, permission)


def _review_comment(ev: _Event, comment: Comment) -> str:
    parsed = parse_command(comment.body, Where.REVIEW_REPLY)
    if parsed is None:
        return "no command"
    comment_id = comment.id
    if isinstance(parsed, CommandError):
        ev.reply("review", comment_id, parsed.message)
        return "command refused: malformed"
    parent = comment.in_reply_to
    with session_scope(ev.settings.database_url) as session:
        finding = repo.finding_by_comment(session, ev.pull.repository_id, parent) if parent else None
    if finding is None:
        ev.reply(
            "review", comment_id, "Bulwark knows no finding here: reply in the thread of a Bulwark comment."
        )
        return "command refused: unknown finding"
    voter = _voter(ev, comment.author)
    return _execute(ev, finding, parsed, voter, "review", comment_id)


def _issue_comment(ev: _Event, comment: Comment) -> str:
    parsed = parse_command(comment.body, Where.CONVERSATION)
    if parsed is None:
        return "no command"
    comment_id = comment.id
    if isinstance(parsed, CommandError):
        ev.reply("issue", None, f"@{comment.author.login} {parsed.message}")
        return "command refused: malformed"
    with session_scope(ev.settings.database_url) as session:
        findings = repo.findings_of_pull(session, ev.pull.repository_id, ev.pull.number)
    ref = parsed.ref or ""
    matches = [f for f in findings if f.rule_id == ref or (len(ref) >= 6 and f.fingerprint.startswith(ref))]
    if len(matches) != 1:
        why = "names no finding of this pull request" if not matches else f"names {len(matches)} findings"
        ev.reply("issue", None, f"@{comment.author.login} `{ref}` {why}; use a fingerprint prefix.")
        return "command refused: unknown finding"
    voter = _voter(ev, comment.author)
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


def _thread_resolved(ev: _Event, thread: Thread, sender: Actor) -> str:
    with session_scope(ev.settings.database_url) as session:
        finding = (
            repo.finding_by_thread(session, ev.pull.repository_id, thread.node_id) if thread.node_id else None
        )
        if finding is None and thread.first_comment_id is not None:
            finding = repo.finding_by_comment(session, ev.pull.repository_id, thread.first_comment_id)
    if finding is None:
        return "not a Bulwark thread"
    if finding.status != "open":
        return f"finding {finding.status}: no vote"
    if not ev.pull.author:
        return "resolved: no vote, the pull request's author is unknown"
    voter = _voter(ev, sender)
    source = f"resolved:{thread.node_id or finding.fingerprint}"
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


def _button(ev: _Event, job: Job) -> str:
    action = parse_action(job.requested_action or None)
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
    voter = _voter(ev, job.sender)
    label = Label.USEFUL if action.kind == "confirm" else Label.NOT_USEFUL
    source = f"button:{job.check_run_id}:{action.kind}:{normalise_login(voter.login)}"
    return _vote(ev, matches[0], voter, Channel.BUTTON, label, "", source, ("issue", None))
