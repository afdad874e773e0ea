"""Signals about findings other than commands: polled reactions and implicit fixes, and how a vote row is made.

GitHub sends no webhook for reactions, so 👍/👎 on Bulwark's comments are polled on each new analysis of
the pull request, on a schedule, and on the pull request's other events — those at most once per
`BULWARK_REACTION_POLL_PR_SECONDS` per pull request (`POLLS`, kept in the database, so the interval holds
across every web and worker process) and only while the installation's job rate has room: a poll costs one GitHub call per Bulwark comment, and anyone can comment. A finding that
disappears after an edit of its file counts as useful (0.5).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from app import metrics
from app.db import repo
from app.db.models import Feedback
from app.db.models import Finding as FindingRow
from app.db.session import session_scope
from app.github import conversation
from app.github.client import InstallationGitHub, take_installation_rate
from app.github.permissions import collaborator_permission
from app.jobs.entities import remember_author
from app.jobs.shared_limits import SharedLimits
from app.learning.calibration_step import record_vote
from app.learning.trust import Channel, Label, Permission, normalise_login
from app.pull import PullAtHead
from app.settings import Settings


def with_stored(settings: Settings, pull: PullAtHead) -> PullAtHead:
    """`pull` with its author and, when it names none, its head, as stored from its `pull_request`
    events (the author `pull` names is kept when nothing is stored)."""
    with session_scope(settings.database_url) as session:
        row = repo.pull_request_row(session, pull.repository_id, pull.number)
    if row is None:
        return pull
    return replace(pull, author=row.author_login or pull.author, head_sha=pull.head_sha or row.head_sha)


def with_author(settings: Settings, gh: InstallationGitHub, pull: PullAtHead) -> PullAtHead:
    """`pull` with its author, looked up on GitHub (and stored) when Bulwark has no record of it.

    The author stays "" when GitHub names nobody: then no dismissal is honoured (`feedback`), since
    Bulwark cannot tell whether the dismisser wrote the pull request.
    """
    if pull.author:
        return pull
    author = conversation.pull_request_author(gh, pull.owner, pull.name, pull.number)
    if not author:
        return pull
    remember_author(settings, pull.repository_id, pull.number, author)
    return replace(pull, author=author)


def is_bot(login: str, user_type: str = "") -> bool:
    return user_type == "Bot" or login.lower().endswith("[bot]")


def feedback_row(
    pull: PullAtHead,
    finding: FindingRow,
    *,
    voter: str,
    permission: Permission,
    bot: bool,
    channel: Channel,
    label: Label | str,
    reason: str,
    source_id: str,
) -> Feedback:
    return Feedback(
        repository_id=pull.repository_id,
        repo_full_name=pull.full_name,
        pr_number=pull.number,
        head_sha=pull.head_sha,
        fingerprint=finding.fingerprint,
        rule_id=finding.rule_id,
        rule_version=finding.rule_version,
        confidence=finding.confidence,
        voter=voter,
        permission=permission.value,
        voter_is_bot=bot,
        is_pr_author=bool(pull.author) and normalise_login(voter) == normalise_login(pull.author),
        channel=channel.value,
        label=str(label),
        reason=reason,
        source_id=source_id,
    )


_REACTION_LABELS = {"+1": Label.USEFUL, "-1": Label.NOT_USEFUL}


POLLS = SharedLimits()  # the last reaction poll of each pull request, shared by every process


def _poll_key(pull: PullAtHead) -> str:
    return f"poll:{pull.repository_id}:{pull.number}"


def poll_reactions_if_due(settings: Settings, gh: InstallationGitHub, pull: PullAtHead) -> int | None:
    """`poll_reactions` for an event of the pull request, unless this pull request was polled within
    `reaction_poll_pr_seconds` or its installation's job rate is spent (then None: nothing asked)."""
    if not POLLS.claim(settings.database_url, _poll_key(pull), settings.reaction_poll_pr_seconds):
        metrics.LIMITS.labels(limit="reaction_poll_pull_request").inc()
        return None
    if take_installation_rate(
        settings.database_url, pull.installation_id, settings.installation_jobs_per_minute
    ):
        metrics.LIMITS.labels(limit="reaction_poll_installation").inc()
        return None
    return poll_reactions(settings, gh, pull)


def poll_reactions(settings: Settings, gh: InstallationGitHub, pull: PullAtHead) -> int:
    """Store new 👍/👎 reactions on Bulwark's comments in this pull request; how many were new."""
    POLLS.mark(settings.database_url, _poll_key(pull))
    with session_scope(settings.database_url) as session:
        commented = [
            f for f in repo.findings_of_pull(session, pull.repository_id, pull.number) if f.comment_id
        ]
    new = 0
    for finding in commented:
        for reaction in conversation.list_reactions(gh, pull.owner, pull.name, int(finding.comment_id or 0)):
            label = _REACTION_LABELS.get(reaction.content)
            if label is None or normalise_login(reaction.user) == normalise_login(settings.app_slug):
                continue
            if label is Label.NOT_USEFUL and not pull.author:
                continue  # perhaps the author's own 👎: read again once the author is known
            bot = is_bot(reaction.user, reaction.user_type)
            permission = collaborator_permission(gh, pull.owner, pull.name, reaction.user)
            row = feedback_row(
                pull, finding, voter=reaction.user, permission=permission, bot=bot, channel=Channel.REACTION,
                label=label, reason="", source_id=f"reaction:{reaction.reaction_id}",
            )  # fmt: skip
            with session_scope(settings.database_url) as session:
                stored = record_vote(session, row, pull.repository_id)
            if stored:
                new += 1
                metrics.FEEDBACK.labels(channel=Channel.REACTION.value).inc()
    return new


def record_fixes(
    settings: Settings, gh: InstallationGitHub, pull: PullAtHead, fixed: Sequence[str], changed: Iterable[str]
) -> int:
    """Implicit votes: a finding gone after an edit of its file in this pull request is useful (0.5).

    The voter is the pull request's author (their fixes count fully when they can write).
    """
    paths = set(changed)
    with session_scope(settings.database_url) as session:
        rows = {f.fingerprint: f for f in repo.findings_of_pull(session, pull.repository_id, pull.number)}
    gone = [rows[fp] for fp in fixed if fp in rows and rows[fp].path in paths]
    if not gone or not pull.author:
        return 0
    permission = collaborator_permission(gh, pull.owner, pull.name, pull.author)
    new = 0
    for finding in gone:
        row = feedback_row(
            pull, finding, voter=pull.author, permission=permission, bot=is_bot(pull.author),
            channel=Channel.IMPLICIT_FIX, label=Label.USEFUL, reason="fixed after an edit at its location",
            source_id=f"fix:{pull.number}:{finding.fingerprint}",
        )  # fmt: skip
        with session_scope(settings.database_url) as session:
            new += record_vote(session, row, pull.repository_id)
    metrics.FEEDBACK.labels(channel=Channel.IMPLICIT_FIX.value).inc(new)
    return new


def poll_open_pulls(settings: Settings, gh_for: Callable[[int], InstallationGitHub]) -> int:
    """Reactions on Bulwark's comments in every open pull request it commented on; how many were new."""
    with session_scope(settings.database_url) as session:
        pulls = repo.open_pulls_with_comments(session)
    new = 0
    for repository_id, full_name, installation_id, number in pulls:
        pull = with_stored(settings, PullAtHead(installation_id, repository_id, full_name, number))
        new += poll_reactions(settings, gh_for(installation_id), pull)
    return new
