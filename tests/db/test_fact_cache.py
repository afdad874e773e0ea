"""The registry-answer cache in the database, on the session factory the pipeline passes: each read and
write is one transaction of its own, closed before it returns (none is held across a registry call)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from sqlmodel import Session

from app.db.fact_cache import DatabaseFactCache
from app.db.session import session_factory
from app.settings import Settings

FETCHED = datetime(2025, 3, 1, tzinfo=UTC)


def test_a_stored_answer_is_read_back_while_fresh(settings: Settings) -> None:
    cache = DatabaseFactCache(session_factory(settings.database_url))
    cache.put("pypi", "requests", {"versions": ["2.0"]}, fetched_at=FETCHED)
    assert cache.get("pypi", "requests", fetched_after=FETCHED - timedelta(days=1)) == {"versions": ["2.0"]}
    assert cache.get("pypi", "requests", fetched_after=FETCHED + timedelta(days=1)) is None  # stale
    assert cache.get("npm", "requests", fetched_after=FETCHED - timedelta(days=1)) is None


def test_each_call_is_one_transaction_closed_before_it_returns(settings: Settings) -> None:
    opened: list[str] = []
    inner = session_factory(settings.database_url)

    @contextmanager
    def sessions() -> Iterator[Session]:
        opened.append("open")
        with inner() as session:
            yield session
        opened.append("closed")

    cache = DatabaseFactCache(sessions)
    cache.put("npm", "left-pad", {"versions": ["1.3.0"]}, fetched_at=FETCHED)
    assert opened == ["open", "closed"]
    assert cache.get("npm", "left-pad", fetched_after=FETCHED) == {"versions": ["1.3.0"]}
    assert opened == ["open", "closed", "open", "closed"]
