"""Bulwark processes and services for end-to-end tests: workers, PostgreSQL databases, polling."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import TypeVar

from pydantic import SecretStr
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.settings import Settings

T = TypeVar("T")


def settings_env(settings: Settings) -> dict[str, str]:
    """The environment that gives a child process (`python -m app worker`) the same settings."""
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("BULWARK_") or k.startswith("BULWARK_TEST_")
    }
    for name, value in settings.model_dump().items():
        if value is None:
            continue
        if isinstance(value, SecretStr):
            value = value.get_secret_value()
        env[f"BULWARK_{name.upper()}"] = str(value)
    return env


@contextmanager
def running_bulwark(
    settings: Settings, *argv: str, log_path: str | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """`python -m app <argv>` with these settings, stopped (or killed) when the block ends."""
    log = open(log_path, "ab") if log_path else subprocess.DEVNULL  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", *argv],
        env=settings_env(settings),
        stdout=log,
        stderr=log,
    )
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if not isinstance(log, int):
            log.close()


def running_worker(
    settings: Settings, log_path: str | None = None
) -> AbstractContextManager[subprocess.Popen[bytes]]:
    """`python -m app worker` with these settings, stopped (or killed) when the block ends."""
    return running_bulwark(settings, "worker", log_path=log_path)


def free_port() -> int:
    """A loopback port free at the moment of asking."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def wait_for(predicate: Callable[[], T | None], timeout: float = 30.0, what: str = "condition") -> T:
    """Poll until `predicate` returns something truthy; fail with `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")
        time.sleep(0.05)


@contextmanager
def fresh_postgres_database(server_url: str) -> Iterator[str]:
    """A new, empty database on the PostgreSQL server of `server_url`, dropped afterwards."""
    url = make_url(server_url).set(drivername="postgresql+psycopg")
    name = f"bulwark_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        from app.db.session import dispose_engines

        dispose_engines()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
