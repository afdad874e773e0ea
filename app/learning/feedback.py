"""Feedback intake, as data: comments, resolved threads and check-run buttons become votes, with an answer.

A delivery (`app.jobs.job.Job`) of `issue_comment`, `pull_request_review_comment`,
`pull_request_review_thread` or `check_run.requested_action` is handled by `app.pipeline.feedback.handle_feedback`,
which opens the database sessions and calls GitHub; the steps here get a session or plain data and say
what to store and what to answer:

- `asks_for_work`: whether the delivery needs more than the reaction poll;
- `target_of(session, job, pull)`: the stored finding a command names and who gives it, or the answer when
  there is nothing to vote on (`/why` is answered here, from what the finding's cell learned);
- `vote_of(pull, target, voter)`: the vote row, once the voter's live permission is known, or a refusal;
- `store_vote(session, row, repository_id)`: the vote and the finding's new status, in one transaction;
- `answer_of(target, voter, row, stored, cleared)`: the reply, the 👍, whether to analyse the head again.

Commands come from comment bodies only (`app.learning.commands`); Bulwark ignores its own comments. Every
vote is stored with the voter's live permission; the trust rules of calibration.md decide what it weighs. A
command is acknowledged with a 👍 reaction (and a reply for `/why`); one Bulwark will not honour gets a reply
saying why. A writer's `/dismiss` (not the PR author's) marks the finding dismissed; when it was blocking,
the head is analysed again so the check run no longer fails on it. An author Bulwark has no record of is
looked up on GitHub; when GitHub names nobody, no dismissal is honoured.
"""

from __future__ import annotations

from sqlmodel import Session

from analyzers.record import record
from app.db import repo
from app.db.models import Feedback, utcnow
from app.db.models import Finding as FindingRow
from app.github.conversation import CommentKind
from app.jobs.job import Actor, Comment, Job, Thread
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
from app.learning.signals import feedback_row, is_bot
from app.learning.trust import Channel, Label, Permission, Vote, blocking_cleared, normalise_login
from app.learning.vote_replies import author_unknown, no_permission, self_dismissal
from app.pipeline.pull import PullAtHead
from app.report.actions import parse_action


@record
class Voter:
    login: str
    user_type: str
    permission: Permission

    @property
    def bot(self) -> bool:
        return is_bot(self.login, self.user_type)


@record
class Answer:
    """What a delivery comes to: the outcome recorded on it, a reply where the command was given, a 👍 on
    the command, the head analysed again, and the channel of a vote to count."""

    outcome: str
    reply: str = ""
    acknowledge: bool = False
    rerun: bool = False
    counted: Channel | None = None


@record
class Target:
    """A vote asked on one stored finding: who gives it, through which channel, with which label."""

    finding: FindingRow
    voter: Actor
    channel: Channel
    label: Label | str  # a Label, or REOPEN
    reason: str
    source: str


def asks_for_work(job: Job) -> bool:
    """Whether the delivery needs more than the reaction poll: a command (not a plain comment; a
    resolved thread; a button)."""
    if job.comment is None:
        return True
    where = Where.REVIEW_REPLY if job.event == "pull_request_review_comment" else Where.CONVERSATION
    return parse_command(job.comment.body, where) is not None


def where_of(job: Job) -> tuple[CommentKind, int | None]:
    """Where a delivery is answered: in the thread of a review comment, else in the conversation; the
    comment acknowledged with a 👍 (none for a button or a resolved thread)."""
    if job.comment is None:
        return "issue", None
    return ("review" if job.event == "pull_request_review_comment" else "issue"), job.comment.id


def target_of(session: Session, job: Job, pull: PullAtHead) -> Target | Answer:
    """The finding the delivery votes on, read in `session`, or its answer when there is no vote."""
    if job.event == "pull_request_review_comment" and job.comment is not None:
        return _review_comment(session, pull, job.comment)
    if job.event == "issue_comment" and job.comment is not None:
        return _issue_comment(session, pull, job.comment)
    if job.event == "pull_request_review_thread" and job.thread is not None:
        return _thread_resolved(session, pull, job.thread, job.sender)
    return _button(session, pull, job)


def _review_comment(session: Session, pull: PullAtHead, comment: Comment) -> Target | Answer:
    parsed = parse_command(comment.body, Where.REVIEW_REPLY)
    if parsed is None:
        return Answer("no command")
    if isinstance(parsed, CommandError):
        return Answer("command refused: malformed", reply=parsed.message)
    parent = comment.in_reply_to
    finding = repo.finding_by_comment(session, pull.repository_id, parent) if parent else None
    if finding is None:
        return Answer(
            "command refused: unknown finding",
            reply="Bulwark knows no finding here: reply in the thread of a Bulwark comment.",
        )
    return _command(session, pull, finding, parsed, comment, "review")


def _issue_comment(session: Session, pull: PullAtHead, comment: Comment) -> Target | Answer:
    parsed = parse_command(comment.body, Where.CONVERSATION)
    if parsed is None:
        return Answer("no command")
    if isinstance(parsed, CommandError):
        return Answer("command refused: malformed", reply=f"@{comment.author.login} {parsed.message}")
    findings = repo.findings_of_pull(session, pull.repository_id, pull.number)
    ref = parsed.ref or ""
    matches = [f for f in findings if f.rule_id == ref or (len(ref) >= 6 and f.fingerprint.startswith(ref))]
    if len(matches) != 1:
        why = "names no finding of this pull request" if not matches else f"names {len(matches)} findings"
        return Answer(
            "command refused: unknown finding",
            reply=f"@{comment.author.login} `{ref}` {why}; use a fingerprint prefix.",
        )
    return _command(session, pull, matches[0], parsed, comment, "issue")


def _command(
    session: Session,
    pull: PullAtHead,
    finding: FindingRow,
    command: Command,
    comment: Comment,
    kind: CommentKind,
) -> Target | Answer:
    source = f"{kind}:{comment.id}"
    if command.verb is Verb.WHY:
        decision = cell_decision(
            session, pull.full_name, pull.repository_id, finding.rule_id, finding.confidence, utcnow()
        )
        quiet = quiet_costs(session, pull.repository_id, finding.rule_id)
        cost = quiet[0] if quiet else None
        answer = explain(decision, default=shown_state(decision) == "default", quiet=cost)
        return Answer("/why answered", reply=answer, acknowledge=True)
    if command.verb is Verb.REOPEN:
        return Target(finding, comment.author, Channel.REPLY, REOPEN, "", source)
    label = command.label
    assert label is not None
    return Target(finding, comment.author, Channel.REPLY, label, command.vote_reason, source)


def _thread_resolved(session: Session, pull: PullAtHead, thread: Thread, sender: Actor) -> Target | Answer:
    finding = repo.finding_by_thread(session, pull.repository_id, thread.node_id) if thread.node_id else None
    if finding is None and thread.first_comment_id is not None:
        finding = repo.finding_by_comment(session, pull.repository_id, thread.first_comment_id)
    if finding is None:
        return Answer("not a Bulwark thread")
    if finding.status != "open":
        return Answer(f"finding {finding.status}: no vote")
    if not pull.author:
        return Answer("resolved: no vote, the pull request's author is unknown")
    source = f"resolved:{thread.node_id or finding.fingerprint}"
    reason = "thread resolved without a change"
    return Target(finding, sender, Channel.RESOLVED, Label.NOT_USEFUL, reason, source)


def _button(session: Session, pull: PullAtHead, job: Job) -> Target | Answer:
    action = parse_action(job.requested_action or None)
    if action is None:
        return Answer("unknown action")
    if action.kind == "reanalyze":
        return Answer("re-analysis requested", rerun=True)
    findings = repo.findings_of_pull(session, pull.repository_id, pull.number)
    matches = [f for f in findings if f.fingerprint.startswith(action.fingerprint_prefix)]
    if len(matches) != 1:
        return Answer("unknown finding")
    label = Label.USEFUL if action.kind == "confirm" else Label.NOT_USEFUL
    source = f"button:{job.check_run_id}:{action.kind}:{normalise_login(job.sender.login)}"
    return Target(matches[0], job.sender, Channel.BUTTON, label, "", source)


def vote_of(pull: PullAtHead, target: Target, voter: Voter) -> Feedback | Answer:
    """The vote row to store, or the refusal of a vote Bulwark does not store: a `/reopen` without write
    access, a dismissal while the pull request's author is unknown."""
    if target.label == REOPEN and (voter.bot or not voter.permission.can_write):
        return Answer("/reopen refused: no permission", reply=no_permission(voter, "reopen findings"))
    if target.label is Label.NOT_USEFUL and not pull.author:
        return Answer(
            f"{target.label} by {voter.login}: refused, the pull request's author is unknown",
            reply=author_unknown(voter),
        )
    return feedback_row(
        pull, target.finding, voter=voter.login, permission=voter.permission, bot=voter.bot,
        channel=target.channel, label=target.label, reason=target.reason, source_id=target.source,
    )  # fmt: skip


def store_vote(session: Session, row: Feedback, repository_id: int) -> tuple[bool, bool]:
    """Store the vote and what it does to its finding; (stored now, the finding is dismissed by it).

    A `/reopen` that is stored opens the finding again unless other dismissals still clear it; another
    vote's dismissal that clears the finding dismisses it; a resolved thread changes no status.
    """
    stored = record_vote(session, row, repository_id)
    if row.channel == Channel.RESOLVED.value:
        return stored, False
    if row.label == REOPEN:
        if stored and not blocking_cleared(_votes_on(session, repository_id, row.fingerprint)):
            repo.mark_fingerprint(session, repository_id, row.fingerprint, "open")
        return stored, False
    cleared = row.label == Label.NOT_USEFUL.value and blocking_cleared(
        _votes_on(session, repository_id, row.fingerprint)
    )
    if cleared:
        repo.mark_fingerprint(session, repository_id, row.fingerprint, "dismissed")
    return stored, cleared


def _votes_on(session: Session, repository_id: int, fingerprint: str) -> list[Vote]:
    return [
        v
        for v in votes_of(repo.feedback_of_repositories(session, [repository_id]))
        if v.fingerprint == fingerprint
    ]


def answer_of(target: Target, voter: Voter, row: Feedback, *, stored: bool, cleared: bool) -> Answer:
    """What Bulwark says once the vote is stored (or found stored already)."""
    if target.label == REOPEN:
        return Answer("/reopen: latest dismissal withdrawn", acknowledge=True, counted=Channel.REPLY)
    if target.channel is Channel.RESOLVED:
        done = f"resolved without a change by {voter.login}" + ("" if stored else ": already recorded")
        return Answer(done, counted=Channel.RESOLVED if stored else None)
    label = target.label
    if not stored:
        return Answer(f"{label} by {voter.login}: already recorded")
    counted = target.channel
    what = "dismiss findings or change calibration" if label is Label.NOT_USEFUL else "change calibration"
    if voter.bot or not voter.permission.can_write:
        refused = f"{label} by {voter.login} ({voter.permission}): stored, counts zero"
        return Answer(refused, reply=no_permission(voter, what), counted=counted)
    if label is Label.NOT_USEFUL and row.is_pr_author:
        own = f"{label} by {voter.login} (PR author): stored, counts zero"
        return Answer(own, reply=self_dismissal(voter), counted=counted)
    done = f"{label} by {voter.login} ({voter.permission})" + (": dismissed" if cleared else "")
    rerun = cleared and target.finding.placement == "block"
    return Answer(done, acknowledge=True, rerun=rerun, counted=counted)
