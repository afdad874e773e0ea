"""The one reaction poll: 👍/👎 on Bulwark's comments become votes (no webhook tells of reactions).

Run before each analysis places its findings (`app.pipeline.pull_request.place`), on the pull request's
other events when due (`app.pipeline.feedback`), and on a schedule (`app.jobs.worker`).
"""

from __future__ import annotations

from collections.abc import Callable

from app import metrics
from app.db import repo
from app.db.session import session_factory, session_scope
from app.github import conversation
from app.github.client import InstallationGitHub, take_installation_rate
from app.github.permissions import collaborator_permission
from app.learning import calibration_step, signals
from app.learning.trust import Channel
from app.pipeline.pull import PullAtHead
from app.settings import Settings


def poll_reactions(settings: Settings, gh: InstallationGitHub, pull: PullAtHead) -> int:
    """The one reaction poll: new 👍/👎 on Bulwark's comments in this pull request become votes; how
    many were new. Run before each analysis places its findings, on the pull request's other events
    (`poll_reactions_if_due`) and on a schedule (`poll_open_pulls`)."""
    signals.POLLS.mark(session_factory(settings.database_url), signals.poll_key(pull))
    with session_scope(settings.database_url) as session:
        commented = [
            f for f in repo.findings_of_pull(session, pull.repository_id, pull.number) if f.comment_id
        ]
    listed = {
        int(f.comment_id or 0): conversation.list_reactions(gh, pull.owner, pull.name, int(f.comment_id or 0))
        for f in commented
    }
    counted = signals.counted_reactions(settings.app_slug, pull, listed)
    voters = sorted({reaction.user for _, reaction, _ in counted})
    permissions = {login: collaborator_permission(gh, pull.owner, pull.name, login) for login in voters}
    votes = signals.reaction_votes(pull, commented, counted, permissions)
    if not votes:
        return 0
    with session_scope(settings.database_url) as session:
        new = sum(calibration_step.record_vote(session, row, pull.repository_id) for row in votes)
    metrics.FEEDBACK.labels(channel=Channel.REACTION.value).inc(new)
    return new


def poll_reactions_if_due(settings: Settings, gh: InstallationGitHub, pull: PullAtHead) -> int | None:
    """`poll_reactions` for an event of the pull request, unless this pull request was polled within
    `reaction_poll_pr_seconds` or its installation's job rate is spent (then None: nothing asked)."""
    sessions = session_factory(settings.database_url)
    if not signals.POLLS.claim(sessions, signals.poll_key(pull), settings.reaction_poll_pr_seconds):
        metrics.LIMITS.labels(limit="reaction_poll_pull_request").inc()
        return None
    if take_installation_rate(sessions, pull.installation_id, settings.installation_jobs_per_minute):
        metrics.LIMITS.labels(limit="reaction_poll_installation").inc()
        return None
    return poll_reactions(settings, gh, pull)


def poll_open_pulls(settings: Settings, gh_for: Callable[[int], InstallationGitHub]) -> int:
    """Reactions on Bulwark's comments in every open pull request it commented on; how many were new."""
    with session_scope(settings.database_url) as session:
        pulls = [
            signals.with_stored(session, PullAtHead(installation_id, repository_id, full_name, number))
            for repository_id, full_name, installation_id, number in repo.open_pulls_with_comments(session)
        ]
    return sum(poll_reactions(settings, gh_for(pull.installation_id), pull) for pull in pulls)
