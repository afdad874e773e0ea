"""`bulwark` command line: serve, worker, migrate, and the commands later pillars add."""

from __future__ import annotations

import argparse
import ctypes
import logging
import signal
import subprocess
import sys
import threading
from collections.abc import Sequence

from app.logs import configure_logging
from app.settings import Settings, SettingsError, load_settings

log = logging.getLogger("bulwark")


def _settings(args: argparse.Namespace) -> Settings:
    settings = load_settings()
    configure_logging(settings.log_level, settings.log_format)
    return settings


def _die_with_parent() -> None:
    """In the child: Linux sends SIGTERM when the parent (`bulwark serve`) dies, however it dies."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _supervise_worker(stop: threading.Event, procs: list[subprocess.Popen[bytes]]) -> None:
    """Run `bulwark worker` as a child process and restart it if it dies."""
    while not stop.is_set():
        proc = subprocess.Popen([sys.executable, "-m", "app", "worker"], preexec_fn=_die_with_parent)
        procs[:] = [proc]
        while proc.poll() is None and not stop.wait(0.5):
            pass
        if not stop.is_set():
            log.warning("worker exited with %s; restarting", proc.returncode)
            stop.wait(1.0)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from app.web import create_app

    settings = _settings(args)
    stop = threading.Event()
    procs: list[subprocess.Popen[bytes]] = []
    if not args.no_worker:
        threading.Thread(
            target=_supervise_worker, args=(stop, procs), name="worker-supervisor", daemon=True
        ).start()
    try:
        uvicorn.run(
            create_app(settings),
            host=args.host,
            port=args.port,
            log_level="warning",
            access_log=False,
        )
    finally:
        stop.set()
        for proc in procs:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    from app.worker import run_worker

    run_worker(_settings(args))
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    from app.migrate import upgrade

    settings = _settings(args)
    upgrade(settings.database_url)
    print("database is at the latest migration")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bulwark", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="serve the App (webhooks, health) and start a worker")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=3000)
    serve.add_argument("--no-worker", action="store_true", help="web tier only")
    serve.set_defaults(func=cmd_serve)
    worker = sub.add_parser("worker", help="consume jobs from the queue")
    worker.set_defaults(func=cmd_worker)
    migrate = sub.add_parser("migrate", help="upgrade the database to the latest migration")
    migrate.set_defaults(func=cmd_migrate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except SettingsError as exc:
        print(f"bulwark: configuration error: {exc}", file=sys.stderr)
        return 2
