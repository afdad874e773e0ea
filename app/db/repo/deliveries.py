"""Webhook deliveries: stored once, claimed with a lease, finished, swept when lost."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Connection, Insert, and_, or_, update
from sqlalchemy.dialects.postgresql import insert as postgres_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, select

from analyzers.record import record
from app.db.models import (
    Analysis,
    AnalysisStatus,
    Delivery,
    DeliveryStatus,
    utcnow,
)
from app.db.repo.analyses import analysis_lease


@record
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


def _insert_once(dialect: str) -> Insert:
    """INSERT … ON CONFLICT (delivery_id) DO NOTHING RETURNING id, built once per dialect."""
    statement = _INSERTS.get(dialect)
    if statement is None:
        insert = sqlite_insert if dialect == "sqlite" else postgres_insert
        table = Delivery.__table__  # type: ignore[attr-defined]
        statement = _INSERTS[dialect] = (
            insert(table).on_conflict_do_nothing(index_elements=["delivery_id"]).returning(table.c.id)
        )
    return statement


_INSERTS: dict[str, Insert] = {}


def record_delivery(connection: Connection, record: DeliveryRecord) -> tuple[bool, bool]:
    """Store a delivery once. Returns (stored_now, needs_processing).

    A delivery id seen before is not stored again; it is processed again only when its earlier
    processing failed (a redelivery of a failed delivery). This is the front door's only write, so it
    runs on a Core connection: one prepared statement, no ORM unit of work.
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
    if connection.execute(_insert_once(connection.dialect.name), values).first() is None:
        result = connection.execute(
            update(Delivery)
            .where(col(Delivery.delivery_id) == record.delivery_id)
            .where(col(Delivery.status) == DeliveryStatus.FAILED.value)
            .values(status=DeliveryStatus.QUEUED.value, enqueued_at=now, last_error="")
        )
        return False, result.rowcount == 1
    return True, record.status == DeliveryStatus.QUEUED


def hold_delivery(session: Session, delivery_id: str) -> bool:
    """Put a queued or failed delivery aside until the App is configured (`release_held_deliveries`)."""
    result = session.execute(
        update(Delivery)
        .where(col(Delivery.delivery_id) == delivery_id)
        .where(col(Delivery.status).in_([DeliveryStatus.QUEUED.value, DeliveryStatus.FAILED.value]))
        .values(status=DeliveryStatus.AWAITING_CONFIG.value, lease_until=None)
    )
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


def release_held_deliveries(session: Session, limit: int = 500) -> list[str]:
    """The deliveries held for configuration, queued again (the caller enqueues them)."""
    held = list(
        session.exec(
            select(Delivery.delivery_id)
            .where(Delivery.status == DeliveryStatus.AWAITING_CONFIG.value)
            .order_by(col(Delivery.received_at))
            .limit(limit)
        ).all()
    )
    if held:
        session.execute(
            update(Delivery)
            .where(col(Delivery.delivery_id).in_(held))
            .where(col(Delivery.status) == DeliveryStatus.AWAITING_CONFIG.value)
            .values(status=DeliveryStatus.QUEUED.value, enqueued_at=utcnow(), last_error="")
        )
    return held


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
    now = utcnow()
    session.execute(
        update(Delivery)
        .where(col(Delivery.delivery_id) == delivery_id)
        .where(col(Delivery.status) == DeliveryStatus.PROCESSING.value)
        .values(lease_until=now + timedelta(seconds=lease_seconds))
    )
    session.execute(
        update(Analysis)
        .where(col(Analysis.lease_owner) == owner)
        .where(col(Analysis.status) == AnalysisStatus.RUNNING.value)
        .values(lease_until=now + analysis_lease(lease_seconds))
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
