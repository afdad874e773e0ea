"""What the schema step costs: at start-up (`prepare_schema`) and per readiness probe (`/readyz`).

In-process timings on SQLite (and PostgreSQL with `--postgres URL`): preparing an empty file (the
migration itself), preparing a current database (every later start), the readiness check beside a bare
`SELECT 1`; and, in real processes, the time from starting `bulwark serve --no-worker` on a migrated
SQLite file to its first `/healthz` answer. `--source DIR` runs those processes from another checkout
(e.g. the version before the schema step) for comparison. Bounded: fixed repetitions, loopback only.

    .venv/bin/python -m bench.start_up [--postgres postgresql://…] [--source DIR] [--starts 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.db.migrate import upgrade
from app.db.schema import prepare_schema
from app.db.session import dispose_engines, get_engine
from app.jobs.queue import JobQueue, build_queue
from app.settings import Settings
from app.web.application import _check_ready
from bench.webhook_ack import free_port


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    """Milliseconds per call."""
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def show(label: str, samples: list[float]) -> None:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    print(f"{label:<52} p50 {statistics.median(ordered):7.2f} ms   p99 {p99:7.2f} ms   (n={len(ordered)})")


def check_before(url: str, queue: JobQueue) -> None:
    """The readiness check as it was: `SELECT 1` and a queue ping."""
    with get_engine(url).connect() as connection:
        connection.execute(text("SELECT 1"))
    queue.ping()


def measure_database(label: str, url: str, queue_path: str) -> None:
    settings = Settings(_env_file=None, database_url=url, queue_path=queue_path)
    queue = build_queue(settings)
    show(f"{label}: prepare_schema, current", timed(lambda: prepare_schema(url), 50))
    show(
        f"{label}: readiness before (SELECT 1 + queue ping)",
        timed(lambda: check_before(url, queue), 300),
    )
    show(
        f"{label}: readiness now (revisions + queue ping)", timed(lambda: _check_ready(settings, queue), 300)
    )


def fresh_postgres(server: str) -> tuple[str, Callable[[], None]]:
    url = make_url(server).set(drivername="postgresql+psycopg")
    name = f"bench_{os.getpid()}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        dispose_engines()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return url.set(database=name).render_as_string(hide_password=False), drop


def time_to_healthz(directory: Path, source: str | None, starts: int) -> list[float]:
    """Seconds from starting `serve --no-worker` on a migrated SQLite file to its first /healthz 200."""
    url = f"sqlite:///{directory / 'served.db'}"
    upgrade(url)
    env = {k: v for k, v in os.environ.items() if not k.startswith("BULWARK_")}
    env |= {"BULWARK_DATABASE_URL": url, "BULWARK_QUEUE_PATH": str(directory / "served-queue.db")}
    if source:
        env["PYTHONPATH"] = source
    samples = []
    for _ in range(starts):
        port = free_port()
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "app", "serve", "--no-worker", "--port", str(port)],
            env=env,
            cwd=source or None,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            while True:
                try:
                    if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.01)
                if time.perf_counter() - started > 30 or proc.poll() is not None:
                    raise RuntimeError("serve did not come up")
            samples.append((time.perf_counter() - started) * 1000)
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", help="a PostgreSQL server URL (a scratch database is made and dropped)")
    parser.add_argument("--source", help="run the processes from this checkout instead")
    parser.add_argument("--starts", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        directory = Path(scratch)
        fresh = [f"sqlite:///{directory / f'empty-{i}.db'}" for i in range(10)]
        samples = timed(lambda: prepare_schema(fresh.pop()), 10)
        show("sqlite: prepare_schema, empty file (migrates)", samples)
        measure_database("sqlite", f"sqlite:///{directory / 'empty-0.db'}", str(directory / "q.db"))
        if args.postgres:
            url, drop = fresh_postgres(args.postgres)
            try:
                upgrade(url)
                measure_database("postgres", url, str(directory / "q.db"))
            finally:
                drop()
        show(
            f"serve --no-worker start to /healthz ({args.source or 'this checkout'})",
            time_to_healthz(directory, args.source, args.starts),
        )


if __name__ == "__main__":
    main()
