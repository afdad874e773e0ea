"""Facts kept between analyses: registry answers and repositories' change-history baselines."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.dialects.postgresql import insert as postgres_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.db.models import (
    PackageFact,
    RepoBaseline,
    utcnow,
)


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


def get_baseline(session: Session, repository_id: int) -> str | None:
    row = session.get(RepoBaseline, repository_id)
    return row.payload if row else None


def save_baseline(session: Session, repository_id: int, payload: str) -> None:
    """Insert or replace the baseline in one statement (two jobs may save the same repository at once)."""
    insert = sqlite_insert if session.get_bind().dialect.name == "sqlite" else postgres_insert
    values = {"repository_id": repository_id, "payload": payload, "updated_at": utcnow()}
    session.execute(
        insert(RepoBaseline)
        .values(**values)
        .on_conflict_do_update(
            index_elements=["repository_id"], set_={"payload": payload, "updated_at": values["updated_at"]}
        )
    )
