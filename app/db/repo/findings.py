"""Findings across pushes: stored per analysis, linked to comments and threads, fixed, dismissed."""

from __future__ import annotations

from sqlalchemy import update
from sqlmodel import Session, col, select

from app.db.models import (
    Finding,
)


def add_findings(session: Session, rows: list[Finding]) -> None:
    session.add_all(rows)


def commented_findings(session: Session, repository_id: int, pr_number: int) -> dict[str, tuple[int, str]]:
    """Fingerprint → (comment id, thread id) of every finding already commented in this PR."""
    rows = session.exec(
        select(Finding.fingerprint, Finding.comment_id, Finding.thread_id)
        .where(Finding.repository_id == repository_id)
        .where(Finding.pr_number == pr_number)
        .where(col(Finding.comment_id).is_not(None))
        .order_by(col(Finding.id))
    ).all()
    return {fingerprint: (int(comment_id or 0), thread_id) for fingerprint, comment_id, thread_id in rows}


def open_findings_before(
    session: Session, repository_id: int, pr_number: int, analysis_id: int
) -> dict[str, str]:
    """Fingerprint → thread id of findings still open in earlier analyses of this PR."""
    rows = session.exec(
        select(Finding.fingerprint, Finding.thread_id)
        .where(Finding.repository_id == repository_id)
        .where(Finding.pr_number == pr_number)
        .where(Finding.status == "open")
        .where(Finding.analysis_id != analysis_id)
        .order_by(col(Finding.id))
    ).all()
    found: dict[str, str] = {}
    for fingerprint, thread_id in rows:
        found[fingerprint] = thread_id or found.get(fingerprint, "")
    return found


def mark_findings(
    session: Session, repository_id: int, pr_number: int, fingerprints: list[str], status: str
) -> None:
    if fingerprints:
        session.execute(
            update(Finding)
            .where(col(Finding.repository_id) == repository_id)
            .where(col(Finding.pr_number) == pr_number)
            .where(col(Finding.fingerprint).in_(fingerprints))
            .values(status=status)
        )


def dismissed_fingerprints(session: Session, repository_id: int) -> dict[str, int]:
    """Fingerprint → rule version of findings dismissed in this repository (not raised again)."""
    rows = session.exec(
        select(Finding.fingerprint, Finding.rule_version)
        .where(Finding.repository_id == repository_id)
        .where(Finding.status == "dismissed")
    ).all()
    return dict(rows)


def finding_by_comment(session: Session, repository_id: int, comment_id: int) -> Finding | None:
    """The latest stored row of the finding Bulwark commented as `comment_id`."""
    return session.exec(
        select(Finding)
        .where(Finding.repository_id == repository_id)
        .where(Finding.comment_id == comment_id)
        .order_by(col(Finding.id).desc())
    ).first()


def finding_by_thread(session: Session, repository_id: int, thread_id: str) -> Finding | None:
    return session.exec(
        select(Finding)
        .where(Finding.repository_id == repository_id)
        .where(Finding.thread_id == thread_id)
        .order_by(col(Finding.id).desc())
    ).first()


def findings_of_pull(session: Session, repository_id: int, pr_number: int) -> list[Finding]:
    """The latest stored row of each fingerprint reported in this pull request, oldest first."""
    rows = session.exec(
        select(Finding)
        .where(Finding.repository_id == repository_id)
        .where(Finding.pr_number == pr_number)
        .order_by(col(Finding.id))
    ).all()
    latest: dict[str, Finding] = {}
    for row in rows:
        latest.pop(row.fingerprint, None)
        latest[row.fingerprint] = row
    return list(latest.values())


def mark_fingerprint(session: Session, repository_id: int, fingerprint: str, status: str) -> None:
    """Set the status of every row of one fingerprint in the repository (dismissed, or open again)."""
    session.execute(
        update(Finding)
        .where(col(Finding.repository_id) == repository_id)
        .where(col(Finding.fingerprint) == fingerprint)
        .values(status=status)
    )
