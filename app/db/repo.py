"""The only module that writes SQL. Each function takes a session; callers own the transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import MetaData, Table, and_, inspect, or_, update
from sqlalchemy import select as sa_select
from sqlalchemy.dialects.postgresql import insert as postgres_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.db.models import (
    Analysis,
    AnalysisStatus,
    CalibrationAudit,
    CalibrationCell,
    Delivery,
    DeliveryStatus,
    Feedback,
    Finding,
    Installation,
    PackageFact,
    PullRequest,
    RepoBaseline,
    Repository,
    utcnow,
)


@dataclass(frozen=True, slots=True)
class DeliveryRecord:
    delivery_id: str
    event: str
    action: str
    installation_id: int | None
    repository_id: int | None
    repo_full_name: str
    pr_number: int | None
    head_sha: str
    body: str
    status: DeliveryStatus


def record_delivery(session: Session, record: DeliveryRecord) -> tuple[bool, bool]:
    """Store a delivery once. Returns (stored_now, needs_processing).

    A delivery id seen before is not stored again; it is processed again only when its earlier
    processing failed (a redelivery of a failed delivery).
    """
    now = utcnow()
    values = {
        "delivery_id": record.delivery_id,
        "event": record.event,
        "action": record.action,
        "installation_id": record.installation_id,
        "repository_id": record.repository_id,
        "repo_full_name": record.repo_full_name,
        "pr_number": record.pr_number,
        "head_sha": record.head_sha,
        "body": record.body,
        "status": record.status.value,
        "attempts": 0,
        "last_error": "",
        "received_at": now,
        "enqueued_at": now,
    }
    # One statement, no savepoint: INSERT … ON CONFLICT (delivery_id) DO NOTHING (SQLite and PostgreSQL).
    insert = sqlite_insert if session.get_bind().dialect.name == "sqlite" else postgres_insert
    statement = insert(Delivery).values(**values).on_conflict_do_nothing(index_elements=["delivery_id"])
    if session.execute(statement.returning(col(Delivery.id))).first() is None:
        result = session.execute(
            update(Delivery)
            .where(col(Delivery.delivery_id) == record.delivery_id)
            .where(col(Delivery.status) == DeliveryStatus.FAILED.value)
            .values(status=DeliveryStatus.QUEUED.value, enqueued_at=now, last_error="")
        )
        return False, result.rowcount == 1  # type: ignore[attr-defined]
    return True, record.status == DeliveryStatus.QUEUED


def get_delivery(session: Session, delivery_id: str) -> Delivery | None:
    return session.exec(select(Delivery).where(Delivery.delivery_id == delivery_id)).first()


def existing_delivery_ids(session: Session, delivery_ids: list[str]) -> set[str]:
    """The ids among `delivery_ids` already stored (in any status)."""
    found: set[str] = set()
    for start in range(0, len(delivery_ids), 500):
        chunk = delivery_ids[start : start + 500]
        rows = session.exec(select(Delivery.delivery_id).where(col(Delivery.delivery_id).in_(chunk))).all()
        found.update(rows)
    return found


def claim_delivery(session: Session, delivery_id: str, lease_seconds: int) -> bool:
    """Mark a delivery processing if it is waiting, failed, or its lease ran out (a dead worker)."""
    now = utcnow()
    result = session.execute(
        update(Delivery)
        .where(col(Delivery.delivery_id) == delivery_id)
        .where(
            or_(
                col(Delivery.status).in_([DeliveryStatus.QUEUED.value, DeliveryStatus.FAILED.value]),
                and_(
                    col(Delivery.status) == DeliveryStatus.PROCESSING.value,
                    col(Delivery.lease_until) < now,
                ),
            )
        )
        .values(
            status=DeliveryStatus.PROCESSING.value,
            attempts=col(Delivery.attempts) + 1,
            started_at=now,
            lease_until=now + timedelta(seconds=lease_seconds),
        )
    )
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


def finish_delivery(session: Session, delivery_id: str, status: DeliveryStatus, error: str = "") -> None:
    session.execute(
        update(Delivery)
        .where(col(Delivery.delivery_id) == delivery_id)
        .values(status=status.value, last_error=error[:4000], finished_at=utcnow(), lease_until=None)
    )


def extend_leases(session: Session, delivery_id: str, owner: str, lease_seconds: int) -> None:
    """Heartbeat: a live job keeps its delivery's and its analyses' leases from running out."""
    until = utcnow() + timedelta(seconds=lease_seconds)
    session.execute(
        update(Delivery)
        .where(col(Delivery.delivery_id) == delivery_id)
        .where(col(Delivery.status) == DeliveryStatus.PROCESSING.value)
        .values(lease_until=until)
    )
    session.execute(
        update(Analysis)
        .where(col(Analysis.lease_owner) == owner)
        .where(col(Analysis.status) == AnalysisStatus.RUNNING.value)
        .values(lease_until=until)
    )


def find_lost_deliveries(
    session: Session, *, lease_seconds: int, max_attempts: int, limit: int = 500
) -> list[str]:
    """Deliveries accepted but not finished: queued too long, processing past the lease, or failed
    with attempts left. Each one returned has its `enqueued_at` bumped so that concurrent sweeps
    do not both re-enqueue it."""
    now = utcnow()
    stale = now - timedelta(seconds=lease_seconds)
    candidates = session.exec(
        select(Delivery.delivery_id, Delivery.enqueued_at)
        .where(
            or_(
                and_(
                    col(Delivery.status) == DeliveryStatus.QUEUED.value,
                    col(Delivery.enqueued_at) < stale,
                ),
                and_(
                    col(Delivery.status) == DeliveryStatus.PROCESSING.value,
                    col(Delivery.lease_until) < now,
                ),
                and_(
                    col(Delivery.status) == DeliveryStatus.FAILED.value,
                    col(Delivery.attempts) < max_attempts,
                    col(Delivery.enqueued_at) < stale,
                ),
            )
        )
        .limit(limit)
    ).all()
    claimed: list[str] = []
    for delivery_id, enqueued_at in candidates:
        result = session.execute(
            update(Delivery)
            .where(col(Delivery.delivery_id) == delivery_id)
            .where(col(Delivery.enqueued_at) == enqueued_at)
            .values(enqueued_at=now)
        )
        if result.rowcount == 1:  # type: ignore[attr-defined]
            claimed.append(delivery_id)
    return claimed


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
            lease_until=now + timedelta(seconds=lease_seconds),
        )
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        return None
    return session.exec(
        select(Analysis).where(Analysis.repository_id == repository_id).where(Analysis.head_sha == head_sha)
    ).one()


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


def analysis_status(session: Session, repository_id: int, head_sha: str) -> str | None:
    row = session.exec(
        select(Analysis.status)
        .where(Analysis.repository_id == repository_id)
        .where(Analysis.head_sha == head_sha)
    ).first()
    return row


def save_analysis(session: Session, analysis: Analysis) -> None:
    session.add(analysis)


def last_error_of(session: Session, delivery_id: str) -> str:
    row = get_delivery(session, delivery_id)
    return row.last_error if row else ""


def count_deliveries(session: Session, status: DeliveryStatus | None = None) -> int:
    query = select(Delivery.id)
    if status is not None:
        query = query.where(Delivery.status == status.value)
    return len(session.exec(query).all())


def oldest_waiting_delivery(session: Session) -> datetime | None:
    return session.exec(
        select(Delivery.received_at)
        .where(col(Delivery.status).in_([DeliveryStatus.QUEUED.value, DeliveryStatus.PROCESSING.value]))
        .order_by(col(Delivery.received_at))
        .limit(1)
    ).first()


def get_package_fact(session: Session, ecosystem: str, name: str, fetched_after: datetime) -> str | None:
    row = session.exec(
        select(PackageFact)
        .where(PackageFact.ecosystem == ecosystem)
        .where(PackageFact.name == name)
        .where(col(PackageFact.fetched_at) >= fetched_after)
    ).first()
    return row.payload if row else None


def put_package_fact(session: Session, ecosystem: str, name: str, payload: str, fetched_at: datetime) -> None:
    row = session.exec(
        select(PackageFact).where(PackageFact.ecosystem == ecosystem).where(PackageFact.name == name)
    ).first()
    if row is None:
        try:
            with session.begin_nested():
                session.add(
                    PackageFact(ecosystem=ecosystem, name=name, payload=payload, fetched_at=fetched_at)
                )
        except IntegrityError:
            pass  # another worker stored it first
        return
    row.payload, row.fetched_at = payload, fetched_at
    session.add(row)


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


def pull_request_row(session: Session, repository_id: int, number: int) -> PullRequest | None:
    return session.exec(
        select(PullRequest)
        .where(PullRequest.repository_id == repository_id)
        .where(PullRequest.number == number)
    ).first()


def mark_fingerprint(session: Session, repository_id: int, fingerprint: str, status: str) -> None:
    """Set the status of every row of one fingerprint in the repository (dismissed, or open again)."""
    session.execute(
        update(Finding)
        .where(col(Finding.repository_id) == repository_id)
        .where(col(Finding.fingerprint) == fingerprint)
        .values(status=status)
    )


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


def get_baseline(session: Session, repository_id: int) -> str | None:
    row = session.get(RepoBaseline, repository_id)
    return row.payload if row else None


def save_baseline(session: Session, repository_id: int, payload: str) -> None:
    row = session.get(RepoBaseline, repository_id) or RepoBaseline(repository_id=repository_id)
    row.payload, row.updated_at = payload, utcnow()
    session.add(row)


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
