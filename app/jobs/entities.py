"""Installations, repositories and pull requests as webhook payloads describe them, kept up to date.

Each function writes in the session the pipeline gives it and opens none of its own.
"""

from __future__ import annotations

from sqlmodel import Session

from analyzers.contract.model import PullRequestInfo
from app.db import repo
from app.db.models import PullRequest
from app.jobs.job import Job, PullEntry


def record_entities(session: Session, job: Job) -> None:
    """Keep the installation, repositories and pull request a delivery describes."""
    installation_id = job.installation_id
    if job.event == "installation" and job.account is not None and installation_id is not None:
        repo.upsert_installation(session, installation_id, job.account.login, job.account.user_type)
    for item in job.repositories:
        repo.upsert_repository(session, item.id, installation_id, item.full_name, item.private)
    if job.repository is not None:
        repository = job.repository
        repo.upsert_repository(
            session, repository.id, installation_id, repository.full_name, repository.private
        )
        if job.pull_request is not None:
            repo.upsert_pull_request(session, _pull_request(repository.id, job.pull_request))


def record_pull_request(session: Session, repository_id: int, info: PullRequestInfo) -> None:
    """Keep the open pull request as GitHub answered it: an analysis started by a check suite (a pull
    request older than the installation) has had no `pull_request` event to learn its author from."""
    row = PullRequest(
        repository_id=repository_id,
        number=info.number,
        head_sha=info.head_sha,
        base_sha=info.base_sha,
        head_ref=info.head_ref,
        base_ref=info.base_ref,
        author_login=info.author_login,
        state="open",
    )
    repo.upsert_pull_request(session, row)


def remember_author(session: Session, repository_id: int, number: int, author: str) -> None:
    """Store the author of a pull request looked up on GitHub (its row is made when there is none)."""
    row = repo.pull_request_row(session, repository_id, number)
    if row is None:
        row = PullRequest(repository_id=repository_id, number=number, head_sha="", author_login=author)
    row.author_login = author
    repo.upsert_pull_request(session, row)


def _pull_request(repository_id: int, pr: PullEntry) -> PullRequest:
    return PullRequest(
        repository_id=repository_id,
        number=pr.number,
        head_sha=pr.head_sha,
        base_sha=pr.base_sha,
        head_ref=pr.head_ref,
        base_ref=pr.base_ref,
        author_login=pr.author,
        state=pr.state,
    )
