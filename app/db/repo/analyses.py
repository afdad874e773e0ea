"""Analyses (one per repository and head SHA) and what the dashboard reads of them."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import MetaData, Table, and_, inspect, or_, update
from sqlalchemy import select as sa_select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.db.models import (
    Analysis,
    AnalysisStatus,
    Finding,
    utcnow,
)


def analysis_lease(lease_seconds: int) -> timedelta:
    """An analysis's lease ends a little before its delivery's (both are renewed together): when the
    sweep finds a dead job's delivery and re-runs it, the analysis that job held is already free."""
    return timedelta(seconds=lease_seconds - min(1.0, lease_seconds / 5))


def claim_analysis(
    session: Session,
    *,
    repository_id: int,
    pr_number: int,
    head_sha: str,
    base_sha: str,
    owner: str,
    lease_seconds: int,
    rerun: bool = False,
) -> Analysis | None:
    """Get or create the one analysis of (repository, head SHA) and take its lease.

    None: another worker holds the lease, or the analysis is already complete (and no re-run asked).
    """
    try:
        with session.begin_nested():
            session.add(
                Analysis(
                    repository_id=repository_id,
                    pr_number=pr_number,
                    head_sha=head_sha,
                    base_sha=base_sha,
                    created_at=utcnow(),
                )
            )
    except IntegrityError:
        pass
    now = utcnow()
    allowed = [AnalysisStatus.PENDING.value, AnalysisStatus.FAILED.value]
    if rerun:
        allowed += [AnalysisStatus.COMPLETED.value, AnalysisStatus.SUPERSEDED.value]
    result = session.execute(
        update(Analysis)
        .where(col(Analysis.repository_id) == repository_id)
        .where(col(Analysis.head_sha) == head_sha)
        .where(
            or_(
                col(Analysis.status).in_(allowed),
                and_(
                    col(Analysis.status) == AnalysisStatus.RUNNING.value,
                    or_(col(Analysis.lease_until).is_(None), col(Analysis.lease_until) < now),
                ),
            )
        )
        .values(
            status=AnalysisStatus.RUNNING.value,
            lease_owner=owner,
            lease_until=now + analysis_lease(lease_seconds),
        )
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        return None
    return session.exec(
        select(Analysis).where(Analysis.repository_id == repository_id).where(Analysis.head_sha == head_sha)
    ).one()


def analysis_standing(session: Session, repository_id: int, head_sha: str) -> str | None:
    """The analysis's status, a `running` one whose lease ran out (its job died) read as `failed`."""
    lapsed = or_(col(Analysis.lease_until).is_(None), col(Analysis.lease_until) < utcnow())
    row = session.execute(
        sa_select(col(Analysis.status), lapsed)
        .where(col(Analysis.repository_id) == repository_id)
        .where(col(Analysis.head_sha) == head_sha)
    ).first()
    if row is None:
        return None
    status, expired = row
    if status == AnalysisStatus.RUNNING.value and expired:
        return AnalysisStatus.FAILED.value
    return str(status)


def save_analysis(session: Session, analysis: Analysis) -> None:
    session.add(analysis)


def recent_analyses(session: Session, repository_ids: list[int], limit: int = 50) -> list[Analysis]:
    """The latest analyses of these repositories, newest first (the dashboard's pull request list)."""
    if not repository_ids:
        return []
    return list(
        session.exec(
            select(Analysis)
            .where(col(Analysis.repository_id).in_(repository_ids))
            .order_by(col(Analysis.id).desc())
            .limit(limit)
        ).all()
    )


def findings_of_analyses(session: Session, analysis_ids: list[int]) -> list[Finding]:
    if not analysis_ids:
        return []
    return list(
        session.exec(
            select(Finding).where(col(Finding.analysis_id).in_(analysis_ids)).order_by(col(Finding.id))
        ).all()
    )


def finding_placements(
    session: Session, repository_id: int, rule_id: str | None = None
) -> list[tuple[str, str, str]]:
    """(rule id, fingerprint, placement) of the distinct reports in this repository (the cost of quiet)."""
    query = (
        select(Finding.rule_id, Finding.fingerprint, Finding.placement)
        .where(Finding.repository_id == repository_id)
        .distinct()
    )
    if rule_id is not None:
        query = query.where(Finding.rule_id == rule_id)
    return [(rule, fingerprint, placement) for rule, fingerprint, placement in session.exec(query).all()]


def placements_over_time(session: Session, repository_id: int) -> list[tuple[str, str, datetime | None]]:
    """(rule id, placement, reported at) of every finding reported in this repository."""
    rows = session.exec(
        select(Finding.rule_id, Finding.placement, Finding.created_at)
        .where(Finding.repository_id == repository_id)
        .order_by(col(Finding.id))
    ).all()
    return [(rule_id, placement, created_at) for rule_id, placement, created_at in rows]


def optional_rows(
    session: Session, table_name: str, repository_id: int, limit: int = 100
) -> list[dict[str, object]]:
    """Rows of a table that a later migration may add, newest first; [] while it does not exist."""
    bind = session.connection()
    if not inspect(bind).has_table(table_name):
        return []
    table = Table(table_name, MetaData(), autoload_with=bind)
    if "repository_id" not in table.c:
        return []
    order = table.c["id"].desc() if "id" in table.c else table.c["repository_id"]
    query = sa_select(table).where(table.c["repository_id"] == repository_id).order_by(order).limit(limit)
    return [dict(row._mapping) for row in bind.execute(query)]


def rule_confidences(session: Session, repository_id: int) -> list[tuple[str, float]]:
    """(rule id, confidence) of the distinct findings reported in this repository (calibration cells)."""
    rows = session.exec(
        select(Finding.rule_id, Finding.confidence)
        .where(Finding.repository_id == repository_id)
        .distinct()
        .order_by(col(Finding.rule_id), col(Finding.confidence))
    ).all()
    return [(rule_id, float(confidence)) for rule_id, confidence in rows]
