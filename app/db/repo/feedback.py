"""Votes, the calibration audit log and the calibration cells."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.db.models import (
    CalibrationAudit,
    CalibrationCell,
    Feedback,
    Finding,
    Repository,
    utcnow,
)


def add_feedback(session: Session, row: Feedback) -> bool:
    """Store one vote; False when its source (comment, reaction, button press) was stored before."""
    exists = session.exec(
        select(Feedback.id)
        .where(Feedback.repository_id == row.repository_id)
        .where(Feedback.source_id == row.source_id)
    ).first()
    if exists is not None:
        return False
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        return False
    return True


def feedback_of_owner(session: Session, owner: str) -> list[Feedback]:
    """Every vote in the repositories of one owner (the organisation's pool), oldest first."""
    pattern = owner.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%"
    return list(
        session.exec(
            select(Feedback)
            .where(col(Feedback.repo_full_name).like(pattern, escape="\\"))
            .order_by(col(Feedback.created_at), col(Feedback.id))
        ).all()
    )


def feedback_of_repositories(session: Session, repository_ids: list[int] | None = None) -> list[Feedback]:
    query = select(Feedback).order_by(col(Feedback.created_at), col(Feedback.id))
    if repository_ids is not None:
        query = query.where(col(Feedback.repository_id).in_(repository_ids))
    return list(session.exec(query).all())


def add_audit(session: Session, row: CalibrationAudit) -> None:
    session.add(row)


def calibration_cells(session: Session, repository_id: int) -> dict[tuple[str, int], tuple[str, datetime]]:
    """(rule id, bin) → (placement, changed at) of the learned states shown in this repository."""
    rows = session.exec(select(CalibrationCell).where(CalibrationCell.repository_id == repository_id)).all()
    return {(row.rule_id, row.bin): (row.placement, row.changed_at or utcnow()) for row in rows}


def put_calibration_cell(
    session: Session, repository_id: int, rule_id: str, bin_: int, placement: str, changed_at: datetime
) -> None:
    row = session.exec(
        select(CalibrationCell)
        .where(CalibrationCell.repository_id == repository_id)
        .where(CalibrationCell.rule_id == rule_id)
        .where(CalibrationCell.bin == bin_)
    ).first()
    if row is None:
        row = CalibrationCell(repository_id=repository_id, rule_id=rule_id, bin=bin_, placement=placement)
    row.placement, row.changed_at = placement, changed_at
    session.add(row)


def rule_report_rows(session: Session) -> list[tuple[str, str, str, str]]:
    """(repository, rule id, placement, status) of the latest row of every reported fingerprint."""
    rows = session.exec(
        select(Repository.full_name, Finding)
        .join(Repository, col(Repository.id) == col(Finding.repository_id))
        .order_by(col(Finding.id))
    ).all()
    latest: dict[tuple[str, str], tuple[str, str, str, str]] = {}
    for full_name, row in rows:
        latest[(full_name, row.fingerprint)] = (full_name, row.rule_id, row.placement, row.status)
    return list(latest.values())
