"""The one place that routes a job: each delivery's job goes to its step (`app.jobs.job.ROUTES`).

`Step.ANALYSE`/`RERUN` → `app.pipeline.pull_request.analyze_pull_request` for each head the job names;
`Step.FEEDBACK` → `app.pipeline.feedback.handle_feedback`, then the heads it asks to analyse again;
`Step.BACKFILL` → each new repository's history learned; `Step.RECORD` → the entities only.
"""

from __future__ import annotations

from app.context.baseline import backfill, load_history, save_history
from app.db import repo
from app.db.session import session_scope
from app.github.client import InstallationGitHub, github_app
from app.jobs.entities import record_entities
from app.jobs.job import Job, Step
from app.pipeline.feedback import handle_feedback
from app.pipeline.pull import PullAtHead
from app.pipeline.pull_request import analyze_pull_request
from app.settings import Settings


def handle_job(settings: Settings, owner: str, job: Job) -> str:
    """Run one delivery's job; returns a short outcome recorded on the delivery.

    `owner` names this job; it holds the leases of the analyses it claims.
    """
    with session_scope(settings.database_url) as session:
        record_entities(session, job)
    if job.step is Step.BACKFILL:
        return _backfill_histories(settings, job)
    if job.step is Step.FEEDBACK:
        outcome, reruns = handle_feedback(settings, job)
        done = [analyze_pull_request(settings, pull, owner, rerun=True) for pull in reruns]
        return "; ".join([outcome, *done])
    if job.step in {Step.ANALYSE, Step.RERUN}:
        heads = heads_of(settings, job)
        if heads:
            rerun = job.step is Step.RERUN
            return "; ".join(analyze_pull_request(settings, pull, owner, rerun=rerun) for pull in heads)
    return f"{job.label}: recorded"


def heads_of(settings: Settings, job: Job) -> tuple[PullAtHead, ...]:
    """The heads a job asks to analyse. A check suite of a fork's pull request names none (GitHub
    sends an empty list): the pull requests stored at its head are taken."""
    heads = job.pulls()
    if heads or job.event == "pull_request" or not job.head_sha:
        return heads
    if job.installation_id is None or job.repository is None:
        return ()
    with session_scope(settings.database_url) as session:
        numbers = repo.pull_requests_for_head(session, job.repository.id, job.head_sha)
    return tuple(
        PullAtHead(job.installation_id, job.repository.id, job.repository.full_name, n, job.head_sha)
        for n in sorted(set(numbers))
    )


def _backfill_histories(settings: Settings, job: Job) -> str:
    """A new installation (or new repositories): learn each repository's recent merged changes."""
    if job.installation_id is None:
        return f"{job.label}: no installation"
    gh = github_app(settings).as_installation(job.installation_id)
    counts = [_backfill_history(settings, gh, item.id, item.full_name) for item in job.repositories]
    return f"history back-filled from {sum(counts)} merged pull requests in {len(counts)} repositories"


def _backfill_history(settings: Settings, gh: InstallationGitHub, repository_id: int, full_name: str) -> int:
    with session_scope(settings.database_url) as session:
        history = load_history(session, repository_id)
    learned, count = backfill(gh, full_name, history)
    if learned is not None:
        with session_scope(settings.database_url) as session:
            save_history(session, repository_id, learned)
    return count
