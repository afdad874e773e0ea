"""The database engine: SQLite (WAL, synchronous=NORMAL) by default, PostgreSQL at scale."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from functools import partial
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlmodel import Session

_engines: dict[str, Engine] = {}


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def get_engine(url: str) -> Engine:
    """One engine per URL per process."""
    engine = _engines.get(url)
    if engine is None:
        if url.startswith("sqlite"):
            engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10})
            event.listen(engine, "connect", _tune_sqlite)
        else:
            engine = create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)
        _engines[url] = engine
    return engine


def dispose_engines() -> None:
    for engine in _engines.values():
        engine.dispose()
    _engines.clear()


@contextmanager
def session_scope(url: str) -> Iterator[Session]:
    """A session committed on success and rolled back on error."""
    with Session(get_engine(url), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


Sessions = Callable[[], AbstractContextManager[Session]]
"""Opens one short transaction per call (committed when its block ends): the handle the pipeline passes
to a cross-process primitive (the shared limits, the registry fact cache), which must commit each
decision at once and must never hold a transaction across a registry call or a rate wait."""


def session_factory(url: str) -> Sessions:
    """`session_scope` on the database at `url`, one transaction per call."""
    return partial(session_scope, url)
