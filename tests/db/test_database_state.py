"""The database's state, through real processes and real HTTP: every process brings an embedded SQLite
database to the code's schema before it serves (once, under a lock), a PostgreSQL database at another
revision stops a process at start with one line (exit 2), `/readyz` names the revisions and fails while
they differ, and a delivery the database cannot take is answered 503, never 500."""

from __future__ import annotations

import fcntl
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from app.db.migrate import alembic_config, upgrade
from app.db.schema import MIGRATION_LOCK_KEY, read_schema
from app.db.session import dispose_engines
from tests.conftest import WEBHOOK_SECRET, make_settings, service_url
from tests.reliability.helpers import statuses
from tests.support.deliveries import load_payload, send
from tests.support.processes import (
    free_port,
    fresh_postgres_database,
    running_bulwark,
    settings_env,
    wait_for,
)

_SCRIPTS = ScriptDirectory.from_config(alembic_config(""))
HEAD = str(_SCRIPTS.get_current_head())
BEHIND = str(_SCRIPTS.get_revision(HEAD).down_revision)
KINDS = [("serve",), ("serve", "--no-worker"), ("worker",)]
OPENED = load_payload("pull_request/opened.payload.json")
MIGRATE_FIX = 'run "bulwark migrate"'


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=15) as value:
        yield value


@pytest.fixture
def postgres() -> Iterator[str]:
    with fresh_postgres_database(service_url("BULWARK_TEST_POSTGRES_URL")) as url:
        yield url


def _argv(kind: tuple[str, ...], port: int) -> tuple[str, ...]:
    return (*kind, "--port", str(port)) if kind[0] == "serve" else kind


def _ready(client: httpx.Client, web: str) -> dict[str, Any] | None:
    try:
        response = client.get(f"{web}/readyz")
    except httpx.HTTPError:
        return None
    answer: dict[str, Any] = response.json()
    return answer if response.status_code == 200 else None


def _lines(log: Path, containing: str = "") -> list[str]:
    return [line for line in log.read_text().splitlines() if containing in line] if log.exists() else []


def _deliver(client: httpx.Client, web: str, delivery_id: str) -> httpx.Response:
    return send(client, f"{web}/webhooks/github", WEBHOOK_SECRET, "pull_request", OPENED, delivery_id)


def _execute(url: str, statement: str, **params: str) -> None:
    """One statement on its own connection, apart from the processes under test."""
    engine = create_engine(
        url.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT"
    )
    with engine.connect() as connection:
        connection.execute(text(statement), params)
    engine.dispose()


@pytest.mark.parametrize("start", [None, BEHIND], ids=["empty", "behind"])
@pytest.mark.parametrize("kind", KINDS, ids=" ".join)
def test_every_process_brings_a_sqlite_database_to_the_schema_before_serving(
    tmp_path: Path, client: httpx.Client, kind: tuple[str, ...], start: str | None
) -> None:
    settings = make_settings(tmp_path)
    if start:
        upgrade(settings.database_url, start)
        dispose_engines()
    log, port = tmp_path / "process.log", free_port()
    web = f"http://127.0.0.1:{port}"
    with running_bulwark(settings, *_argv(kind, port), log_path=str(log)) as proc:
        if kind[0] == "serve":
            ready = wait_for(lambda: _ready(client, web), what="/readyz")
            assert ready == {"status": "ready", "schema": {"database": HEAD, "code": HEAD}}
            assert _deliver(client, web, "s-1").status_code == 202
        else:
            wait_for(lambda: _lines(log, "app.db.schema"), what="the worker's schema line")
        assert proc.poll() is None
    assert read_schema(settings.database_url).current
    assert _lines(log, "upgraded") == [
        f"INFO app.db.schema database schema upgraded from revision {start or 'none'} to {HEAD} "
        f"({settings.database_url})"
    ]
    if kind[0] == "serve":
        assert "s-1" in statuses(settings)
    dispose_engines()


def test_serve_and_worker_starting_together_on_an_empty_file_migrate_it_once(
    tmp_path: Path, client: httpx.Client
) -> None:
    settings = make_settings(tmp_path)
    port = free_port()
    web_log, worker_log = tmp_path / "serve.log", tmp_path / "worker.log"
    with (
        running_bulwark(settings, "serve", "--no-worker", "--port", str(port), log_path=str(web_log)),
        running_bulwark(settings, "worker", log_path=str(worker_log)) as worker,
    ):
        wait_for(lambda: _ready(client, f"http://127.0.0.1:{port}"), what="/readyz")
        wait_for(lambda: _lines(worker_log, "app.db.schema"), what="the worker's schema line")
        assert worker.poll() is None
    schema_lines = _lines(web_log, "app.db.schema") + _lines(worker_log, "app.db.schema")
    assert len(schema_lines) == 2
    assert sum("upgraded from revision none" in line for line in schema_lines) == 1
    assert sum(f"at revision {HEAD} (current)" in line for line in schema_lines) == 1


def _has_open(pid: int, path: Path) -> bool:
    """Whether process `pid` holds `path` open (Linux: /proc/<pid>/fd)."""
    fds = Path(f"/proc/{pid}/fd")
    try:
        return any(fd.readlink() == path for fd in fds.iterdir())
    except OSError:
        return False


def test_a_process_finding_the_file_behind_waits_for_the_migration_lock_then_reads_again(
    tmp_path: Path,
) -> None:
    """Another process is migrating (it holds the lock): a worker that found the file empty waits for
    the lock, then sees the schema current and does not migrate a second time ('table already exists')."""
    settings = make_settings(tmp_path)
    lock = tmp_path / "bulwark.db-migrate.lock"
    log = tmp_path / "worker.log"
    with lock.open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with running_bulwark(settings, "worker", log_path=str(log)) as worker:
            wait_for(lambda: _has_open(worker.pid, lock), what="the worker waiting for the lock")
            upgrade(settings.database_url)  # the other process's migration
            dispose_engines()
            fcntl.flock(held, fcntl.LOCK_UN)
            wait_for(lambda: _lines(log, "app.db.schema"), what="the worker's schema line")
            assert worker.poll() is None
    assert _lines(log, "app.db.schema") == [
        f"INFO app.db.schema database schema at revision {HEAD} (current)"
    ]


def _waiting_for_advisory_lock(url: str) -> bool:
    engine = create_engine(url)
    with engine.connect() as connection:
        waiting = connection.execute(
            text(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            )
        ).scalar()
    engine.dispose()
    return bool(waiting)


def test_migrations_of_one_postgres_database_take_turns(tmp_path: Path, postgres: str) -> None:
    """Containers that each run `bulwark migrate` on start: the second waits, then finds nothing to do."""
    settings = make_settings(tmp_path, database_url=postgres)
    holder = create_engine(postgres, isolation_level="AUTOCOMMIT")
    with holder.connect() as connection:
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        second = subprocess.Popen(
            [sys.executable, "-m", "app", "migrate"],
            env=settings_env(settings),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        wait_for(lambda: _waiting_for_advisory_lock(postgres), what="the second migration waiting")
        upgrade(postgres)  # the first migration
        dispose_engines()
        connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK_KEY})
        out, err = second.communicate(timeout=60)
    holder.dispose()
    assert (second.returncode, out, err) == (0, f"database is at the latest migration ({HEAD})\n", "")


@pytest.mark.parametrize("state", ["empty", "behind", "ahead"])
@pytest.mark.parametrize("kind", KINDS, ids=" ".join)
def test_a_postgres_database_at_another_revision_stops_every_process_with_one_line(
    tmp_path: Path, postgres: str, kind: tuple[str, ...], state: str
) -> None:
    if state != "empty":
        upgrade(postgres, BEHIND if state == "behind" else HEAD)
        dispose_engines()
    if state == "ahead":  # a newer version migrated it
        _execute(postgres, "UPDATE alembic_version SET version_num = 'f00d'")
    settings = make_settings(tmp_path, database_url=postgres)
    log = tmp_path / "process.log"
    with running_bulwark(settings, *_argv(kind, free_port()), log_path=str(log)) as proc:
        code = proc.wait(timeout=60)
    expected = {
        "empty": f"bulwark: the database has no schema yet (this version of Bulwark needs revision {HEAD}): "
        + MIGRATE_FIX,
        "behind": f"bulwark: the database schema is at revision {BEHIND}, this version of Bulwark needs "
        f"{HEAD}: {MIGRATE_FIX}",
        "ahead": "bulwark: the database schema is at revision f00d, which this version of Bulwark does not "
        f"know (it needs {HEAD}): run the newer version that migrated it",
    }
    assert (code, _lines(log)) == (2, [expected[state]])
    database = read_schema(postgres).database  # left as it was: only `bulwark migrate` changes it
    assert database == {"empty": (), "behind": (BEHIND,), "ahead": ("f00d",)}[state]


def test_readiness_names_the_revisions_and_fails_until_the_database_is_migrated(
    tmp_path: Path, postgres: str, client: httpx.Client
) -> None:
    upgrade(postgres)
    settings = make_settings(tmp_path, database_url=postgres)
    port = free_port()
    web = f"http://127.0.0.1:{port}"
    with running_bulwark(settings, "serve", "--no-worker", "--port", str(port)):
        assert wait_for(lambda: _ready(client, web), what="/readyz")["schema"] == {
            "database": HEAD,
            "code": HEAD,
        }
        command.downgrade(alembic_config(postgres), BEHIND)  # as if restored from an older backup
        dispose_engines()
        behind = client.get(f"{web}/readyz")
        accepted = _deliver(client, web, "b-1")  # the database can still take it: no reason to refuse
        migrate = subprocess.run(
            [sys.executable, "-m", "app", "migrate"],
            env=settings_env(settings),
            capture_output=True,
            text=True,
        )
        ready = wait_for(lambda: _ready(client, web), what="/readyz after the migration")
    assert behind.status_code == 503
    assert behind.json() == {
        "status": "unavailable",
        "problems": {
            "schema": f"the database schema is at revision {BEHIND}, this version of Bulwark needs {HEAD}: "
            + MIGRATE_FIX
        },
        "schema": {"database": BEHIND, "code": HEAD},
    }
    assert accepted.status_code == 202
    assert (migrate.returncode, migrate.stdout) == (0, f"database upgraded from {BEHIND} to {HEAD}\n")
    assert ready == {"status": "ready", "schema": {"database": HEAD, "code": HEAD}}


def test_a_delivery_the_sqlite_database_cannot_take_is_answered_503(
    tmp_path: Path, client: httpx.Client
) -> None:
    settings = make_settings(tmp_path)
    log, port = tmp_path / "serve.log", free_port()
    web = f"http://127.0.0.1:{port}"
    with running_bulwark(settings, "serve", "--no-worker", "--port", str(port), log_path=str(log)):
        wait_for(lambda: _ready(client, web), what="/readyz")
        _execute(settings.database_url, "ALTER TABLE delivery RENAME TO delivery_moved")
        refused = _deliver(client, web, "x-1")
        _execute(settings.database_url, "ALTER TABLE delivery_moved RENAME TO delivery")
        accepted = _deliver(client, web, "x-1")  # GitHub's redelivery of the same id
    assert (refused.status_code, refused.json()) == (
        503,
        {"error": "the database cannot take deliveries now; redeliver this one later"},
    )
    assert accepted.status_code == 202
    assert _assert_one_line_no_traceback(log) == [
        "WARNING app.web.webhooks delivery not stored, answered 503: OperationalError: no such table: delivery"
    ]
    dispose_engines()


def test_a_delivery_while_postgres_refuses_connections_is_answered_503(
    tmp_path: Path, postgres: str, client: httpx.Client
) -> None:
    upgrade(postgres)
    dispose_engines()
    settings = make_settings(tmp_path, database_url=postgres)
    name = postgres.rsplit("/", 1)[1]
    log, port = tmp_path / "serve.log", free_port()
    web = f"http://127.0.0.1:{port}"
    server = service_url("BULWARK_TEST_POSTGRES_URL")
    with running_bulwark(settings, "serve", "--no-worker", "--port", str(port), log_path=str(log)):
        wait_for(lambda: _ready(client, web), what="/readyz")
        _execute(server, f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        _execute(
            server, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name", name=name
        )
        refused, not_ready = _deliver(client, web, "p-1"), client.get(f"{web}/readyz")
        _execute(server, f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
        accepted = _deliver(client, web, "p-1")
    assert refused.status_code == 503
    assert (not_ready.status_code, not_ready.json()["problems"]) == (503, {"database": "OperationalError"})
    assert accepted.status_code == 202
    [line] = _assert_one_line_no_traceback(log)
    assert line.startswith("WARNING app.web.webhooks delivery not stored, answered 503: OperationalError: ")


def _assert_one_line_no_traceback(log: Path) -> list[str]:
    """The log's lines but the schema and listening lines, after checking that no traceback was written."""
    assert "Traceback" not in log.read_text()
    return [
        line for line in _lines(log) if "app.db.schema" not in line and "bulwark listening on" not in line
    ]
