"""Installations, repositories and pull requests as the webhooks describe them."""

from __future__ import annotations

from sqlalchemy import select as sa_select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.db.models import (
    Finding,
    Installation,
    PullRequest,
    Repository,
    utcnow,
)


def upsert_installation(
    session: Session, installation_id: int, account_login: str, account_type: str
) -> None:
    row = session.get(Installation, installation_id)
    now = utcnow()
    if row is None:
        row = Installation(id=installation_id, created_at=now)
    row.account_login = account_login
    row.account_type = account_type
    row.updated_at = now
    _merge(session, row)


def upsert_repository(
    session: Session, repository_id: int, installation_id: int | None, full_name: str, private: bool
) -> None:
    row = session.get(Repository, repository_id)
    if row is None:
        row = Repository(id=repository_id, full_name=full_name, created_at=utcnow())
    row.installation_id = installation_id
    row.full_name = full_name
    row.private = private
    _merge(session, row)


def upsert_pull_request(session: Session, values: PullRequest) -> None:
    row = session.exec(
        select(PullRequest)
        .where(PullRequest.repository_id == values.repository_id)
        .where(PullRequest.number == values.number)
    ).first()
    if row is None:
        values.updated_at = utcnow()
        _merge(session, values)
        return
    for name in ("head_sha", "base_sha", "head_ref", "base_ref", "author_login", "state"):
        setattr(row, name, getattr(values, name))
    row.updated_at = utcnow()
    session.add(row)


def _merge(session: Session, row: Installation | Repository | PullRequest) -> None:
    try:
        with session.begin_nested():
            session.merge(row)
    except IntegrityError:
        pass  # a concurrent writer stored the same row first


def pull_requests_for_head(session: Session, repository_id: int, head_sha: str) -> list[int]:
    """PR numbers whose head is `head_sha` (check suites of fork PRs carry no PR list)."""
    rows = session.exec(
        select(PullRequest.number)
        .where(PullRequest.repository_id == repository_id)
        .where(PullRequest.head_sha == head_sha)
    ).all()
    return list(rows)


def pull_request_row(session: Session, repository_id: int, number: int) -> PullRequest | None:
    return session.exec(
        select(PullRequest)
        .where(PullRequest.repository_id == repository_id)
        .where(PullRequest.number == number)
    ).first()


def open_pulls_with_comments(session: Session, limit: int = 100) -> list[tuple[int, str, int, int]]:
    """(repository id, full name, installation id, PR number) of open pull requests Bulwark commented on,
    most recently updated first (for polling reactions, which GitHub sends no webhook for)."""
    rows = session.exec(
        select(
            PullRequest.repository_id, Repository.full_name, Repository.installation_id, PullRequest.number
        )
        .join(Repository, col(Repository.id) == col(PullRequest.repository_id))
        .where(PullRequest.state == "open")
        .where(
            sa_select(col(Finding.id))
            .where(col(Finding.repository_id) == col(PullRequest.repository_id))
            .where(col(Finding.pr_number) == col(PullRequest.number))
            .where(col(Finding.comment_id).is_not(None))
            .exists()
        )
        .order_by(col(PullRequest.updated_at).desc())
        .limit(limit)
    ).all()
    return [(int(r), str(n), int(i or 0), int(p)) for r, n, i, p in rows if i]
