"""A command, a resolved thread or a check-run button, answered: the orchestration around the steps on
data in `app.learning.feedback` (which finding a command names, the vote, the answer). Sessions and
GitHub calls are opened here; the vote is stored with its finding's status in one transaction, and the
reply is sent after the commit.
"""

from __future__ import annotations

from dataclasses import replace

from app import metrics
from app.db.session import session_factory, session_scope
from app.github import conversation
from app.github.client import InstallationGitHub, github_app, installation_slot, wait_for_installation_rate
from app.github.permissions import collaborator_permission
from app.jobs.entities import remember_author
from app.jobs.job import Job
from app.learning import feedback, signals
from app.learning.trust import normalise_login
from app.pipeline.pull import PullAtHead
from app.pipeline.reactions import poll_reactions_if_due
from app.settings import Settings


def handle_feedback(settings: Settings, job: Job) -> tuple[str, list[PullAtHead]]:
    """A comment, a resolved thread or a check-run button: the pull request's reactions read when due
    (no webhook tells of them), then the command answered (`app.learning.feedback` says what each one
    means); a short outcome and the heads to analyse again."""
    if normalise_login(job.sender.login) == normalise_login(settings.app_slug):
        return f"{job.label}: Bulwark's own, ignored", []
    pulls = job.pulls()
    if not pulls:
        return f"{job.label}: not about a pull request", []
    with session_scope(settings.database_url) as session:
        pull = signals.with_stored(session, replace(pulls[0], author=job.pull_author))
    gh = github_app(settings).as_installation(pull.installation_id)
    poll_reactions_if_due(settings, gh, pull)
    if not feedback.asks_for_work(job):
        return f"{job.label}: no command", []  # a plain comment: nothing more asked of GitHub
    with installation_slot(pull.installation_id, settings.installation_concurrency):
        # A command counts against the installation's job rate like an analysis: slowed, never dropped.
        wait_for_installation_rate(
            session_factory(settings.database_url),
            pull.installation_id,
            settings.installation_jobs_per_minute,
        )
        pull = _with_author(settings, gh, pull)  # a button's payload does not name the author
        answer = _answer_feedback(settings, gh, pull, job)
        if answer.counted is not None:
            metrics.FEEDBACK.labels(channel=answer.counted.value).inc()
        _say(gh, pull, feedback.where_of(job), answer)
    return f"{job.label}: {answer.outcome}", [replace(pull, author="")] if answer.rerun else []


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
    with session_scope(settings.database_url) as session:
        remember_author(session, pull.repository_id, pull.number, author)
    return replace(pull, author=author)


def _answer_feedback(
    settings: Settings, gh: InstallationGitHub, pull: PullAtHead, job: Job
) -> feedback.Answer:
    """Read the finding the delivery names, ask GitHub for the voter's permission, store the vote (and
    the finding's new status) in one transaction, and say what to answer."""
    with session_scope(settings.database_url) as session:
        target = feedback.target_of(session, job, pull)
    if isinstance(target, feedback.Answer):
        return target
    login = target.voter.login
    voter = feedback.Voter(
        login, target.voter.user_type, collaborator_permission(gh, pull.owner, pull.name, login)
    )
    row = feedback.vote_of(pull, target, voter)
    if isinstance(row, feedback.Answer):
        return row
    with session_scope(settings.database_url) as session:
        stored, cleared = feedback.store_vote(session, row, pull.repository_id)
    return feedback.answer_of(target, voter, row, stored=stored, cleared=cleared)


def _say(
    gh: InstallationGitHub,
    pull: PullAtHead,
    where: tuple[conversation.CommentKind, int | None],
    answer: feedback.Answer,
) -> None:
    """The 👍 on the command, then the reply: in the review comment's thread, else in the conversation."""
    kind, comment_id = where
    if answer.acknowledge and comment_id is not None:
        conversation.add_reaction(gh, pull.owner, pull.name, comment_id, kind)
    if not answer.reply:
        return
    if kind == "review" and comment_id is not None:
        conversation.reply_to_review_comment(gh, pull.owner, pull.name, pull.number, comment_id, answer.reply)
    else:
        conversation.post_issue_comment(gh, pull.owner, pull.name, pull.number, answer.reply)
