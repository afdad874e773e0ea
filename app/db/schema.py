"""The database's schema revision against the code's: read, compared, and prepared at start-up.

`bulwark serve` and `bulwark worker` call `prepare_schema` before they serve. The embedded SQLite
database is brought to the code's revision in place, under a file lock beside it, so that two
processes starting together on an empty file migrate it once. PostgreSQL is shared by many processes
and versions during a rollout: there a process only compares, and refuses to start on a mismatch;
`bulwark migrate` (a one-off step before the rollout) is what changes it, under an advisory lock so
that containers running it together take turns.
"""

from __future__ import annotations

import fcntl
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import make_url, text

from analyzers.record import record
from app.db.migrate import alembic_config, upgrade
from app.db.session import get_engine

log = logging.getLogger(__name__)
LOCK_WAIT_SECONDS = 120.0  # a migration of the embedded database takes well under a second
MIGRATION_LOCK_KEY = 0x62756C77  # the PostgreSQL advisory lock `bulwark migrate` holds ("bulw")


class SchemaError(Exception):
    """This process cannot start on the database as it is; the message says why and what to run."""


@record
class SchemaState:
    """The revisions recorded in the database and the ones this code needs."""

    database: tuple[str, ...]  # empty: no schema yet
    code: tuple[str, ...]
    known: bool  # every database revision is one this code has a migration for

    @property
    def current(self) -> bool:
        return set(self.database) == set(self.code)

    @property
    def ahead(self) -> bool:
        return not self.known

    def as_dict(self) -> dict[str, str]:
        return {"database": _shown(self.database), "code": _shown(self.code)}

    def problem(self) -> str:
        """One line naming the mismatch and its fix ('' when the revisions match)."""
        needs, found = _shown(self.code), _shown(self.database)
        if self.current:
            return ""
        if self.ahead:
            return (
                f"the database schema is at revision {found}, which this version of Bulwark does not know "
                f"(it needs {needs}): run the newer version that migrated it"
            )
        if not self.database:
            return f'the database has no schema yet (this version of Bulwark needs revision {needs}): run "bulwark migrate"'
        return f'the database schema is at revision {found}, this version of Bulwark needs {needs}: run "bulwark migrate"'


def _shown(revisions: tuple[str, ...]) -> str:
    return ", ".join(revisions) or "none"


@cache
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config(""))


@cache
def _known_revisions() -> frozenset[str]:
    return frozenset(script.revision for script in _scripts().walk_revisions())


def read_schema(url: str) -> SchemaState:
    """The database's revisions against the code's heads; the driver's error if it cannot be read."""
    with get_engine(url).connect() as connection:
        database = tuple(MigrationContext.configure(connection).get_current_heads())
    code = tuple(_scripts().get_heads())
    return SchemaState(database=database, code=code, known=set(database) <= _known_revisions())


def _lock_path(url: str) -> Path | None:
    """The lock file beside a SQLite database file (None for an in-memory database)."""
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(f"{database}-migrate.lock")


@contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive flock on `path`, waiting at most LOCK_WAIT_SECONDS."""
    with path.open("a") as handle:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise SchemaError(
                        f"another process has held {path} for {LOCK_WAIT_SECONDS:.0f} s while migrating"
                    ) from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def _advisory_lock(url: str) -> Iterator[None]:
    """Hold PostgreSQL's session advisory lock MIGRATION_LOCK_KEY on a connection of its own."""
    with get_engine(url).connect() as connection:
        connection = connection.execution_options(isolation_level="AUTOCOMMIT")
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK_KEY})


@contextmanager
def _migration_lock(url: str) -> Iterator[None]:
    """One migrating process at a time: a file lock beside a SQLite database, an advisory lock on
    PostgreSQL. Both are dropped by the operating system or the server if their holder dies."""
    if make_url(url).get_backend_name() == "postgresql":
        with _advisory_lock(url):
            yield
        return
    path = _lock_path(url) if url.startswith("sqlite") else None
    if path is None:
        yield
        return
    with _file_lock(path):
        yield


def upgrade_to_head(url: str) -> tuple[SchemaState, SchemaState]:
    """Upgrade the database to the code's heads, under the SQLite lock; the states before and after.

    SchemaError when the database is ahead of the code (migrations only move forward)."""
    with _migration_lock(url):
        before = read_schema(url)
        if before.ahead:
            raise SchemaError(before.problem())
        if not before.current:
            upgrade(url)
        return before, read_schema(url)


def _reason(exc: BaseException) -> str:
    first = str(getattr(exc, "orig", None) or exc).splitlines()
    return f"{type(exc).__name__}: {first[0][:200]}" if first else type(exc).__name__


def prepare_schema(url: str) -> SchemaState:
    """Before serving: SQLite brought to the code's revision, PostgreSQL checked; one log line.

    SchemaError when the database cannot be read, is ahead of the code, or (PostgreSQL) differs."""
    shown = make_url(url).render_as_string(hide_password=True)
    try:
        state = read_schema(url)
    except Exception as exc:
        raise SchemaError(f"cannot read the database schema of {shown}: {_reason(exc)}") from exc
    if not state.current and (state.ahead or not url.startswith("sqlite")):
        raise SchemaError(state.problem())
    before = state
    if not state.current:
        try:
            before, state = upgrade_to_head(url)
        except SchemaError:
            raise
        except Exception as exc:
            raise SchemaError(f"cannot upgrade {shown} to {_shown(state.code)}: {_reason(exc)}") from exc
    if before.current:
        log.info("database schema at revision %s (current)", _shown(state.database))
    else:
        log.info(
            "database schema upgraded from revision %s to %s (%s)",
            _shown(before.database),
            _shown(state.database),
            shown,
        )
    return state
