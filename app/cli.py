"""`bulwark` command line: serve, worker, migrate, and the commands later pillars add."""

from __future__ import annotations

import argparse
import ctypes
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from analyzers.base import Severity
from app import __version__
from app.calibration_cli import register as register_calibration
from app.logs import configure_logging
from app.settings_error import SettingsError

if TYPE_CHECKING:
    from app.settings import Settings

log = logging.getLogger("bulwark")


def _settings(args: argparse.Namespace) -> Settings:
    from app.settings import load_settings  # not for `scan` and `rules`: they start faster without

    settings = load_settings()
    configure_logging(settings.log_level, settings.log_format)
    return settings


EMBEDDED_WORKER_NICENESS = 10


def _die_with_parent() -> None:
    """In the child: Linux sends SIGTERM when the parent (`bulwark serve`) dies, however it dies.

    The child also yields the CPU to its parent: sharing one machine, the front door answers GitHub
    first (it has 10 s before GitHub gives up on a delivery) and analyses take the spare time."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    os.nice(EMBEDDED_WORKER_NICENESS)


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


def _prepare_database(settings: Settings) -> bool:
    """Before serving: SQLite brought to the code's schema, PostgreSQL checked. False (the reason
    printed on one line) when this process must not start."""
    from app.schema import SchemaError, prepare_schema

    try:
        prepare_schema(settings.database_url)
    except SchemaError as exc:
        print(f"bulwark: {exc}", file=sys.stderr)
        return False
    return True


def _share_metrics(fresh: bool) -> None:
    """Multiprocess metrics for `serve` and its worker (before prometheus_client is first imported)."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return
    directory = Path(tempfile.gettempdir()) / f"bulwark-metrics-{os.getpid()}"
    if fresh:
        shutil.rmtree(directory, ignore_errors=True)
        directory.mkdir(parents=True)
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(directory)


def cmd_serve(args: argparse.Namespace) -> int:
    if not args.no_worker:
        _share_metrics(fresh=True)  # the child worker inherits the directory
    import uvicorn

    from app.web import create_app

    settings = _settings(args)
    if not _prepare_database(settings):
        return 2
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

    settings = _settings(args)
    if not _prepare_database(settings):
        return 2
    run_worker(settings)
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    from app.schema import SchemaError, upgrade_to_head

    settings = _settings(args)
    try:
        before, after = upgrade_to_head(settings.database_url)
    except SchemaError as exc:
        print(f"bulwark migrate: {exc}", file=sys.stderr)
        return 2
    revision = ", ".join(after.database)
    if before.current:
        print(f"database is at the latest migration ({revision})")
    else:
        print(f"database upgraded from {', '.join(before.database) or 'an empty schema'} to {revision}")
    return 0


def cmd_scan(args: argparse.Namespace) -> int:
    from app.analysis_limits import limits_from_environment
    from app.scan import ScanUsageError, exit_code, render, run_scan, write_output

    logging.basicConfig(level=logging.WARNING)
    try:
        limits = limits_from_environment()
    except SettingsError as error:
        print(f"bulwark scan: {error}", file=sys.stderr)
        return 2
    try:
        result = run_scan(
            Path(args.repo),
            args.base,
            args.head,
            offline=args.offline,
            progress=sys.stderr.isatty(),
            limits=limits,
        )
    except ScanUsageError as error:
        print(f"bulwark scan: {error}", file=sys.stderr)
        return 2
    compared = len(result.ctx.files)
    head = args.head or "the working tree"
    print(
        f"bulwark scan: compared {compared} file{'s' * (compared != 1)}, {args.base}...{head}",
        file=sys.stderr,
    )
    write_output(render(result, args.format), args.output, sys.stdout)
    return exit_code(result, Severity.parse(args.fail_on) if args.fail_on else None)


def cmd_rules(args: argparse.Namespace) -> int:
    from analyzers.docs import list_rules_table, render_all, rule_page

    if args.render:
        written = render_all(Path(args.render))
        print(f"wrote {len(written)} rule pages to {args.render}")
        return 0
    if args.rule_id:
        try:
            print(rule_page(args.rule_id), end="")
        except KeyError:
            print(f"bulwark rules: no rule {args.rule_id!r}", file=sys.stderr)
            return 2
        return 0
    rows = list_rules_table()
    width = max(len(r["id"]) for r in rows)
    for row in rows:
        languages = ", ".join(row["languages"]) or "any"
        print(f"{row['id']:<{width}}  {row['family']:<12} {row['severity']:<8} {languages}")
    return 0


def cmd_policy(args: argparse.Namespace) -> int:
    from app.context.policy import policy_check_file

    problems = policy_check_file(args.file)
    for problem in problems:
        print(problem)
    if not problems:
        print(f"{args.file}: valid")
    return 1 if problems else 0


def cmd_doctor(args: argparse.Namespace) -> int:
    from app.doctor import diagnose, render

    diagnosis = diagnose(_settings(args))
    print(render(diagnosis), end="")
    return 0 if diagnosis.healthy else 1


def cmd_data(args: argparse.Namespace) -> int:
    if args.data_command == "show":
        return _show_data()
    from app.data.sources import UpdateOptions, update

    names = ["popular"] if args.data_command == "refresh" else args.sources
    options = UpdateOptions(
        offline=getattr(args, "offline", False), sites=tuple(getattr(args, "site", None) or ())
    )
    failed = False
    for name, refreshed, message in update(names, options):
        stream = sys.stdout if refreshed else sys.stderr
        print(f"{name}: {message}", file=stream)
        failed = failed or not refreshed
    return 1 if failed else 0


def _show_data() -> int:
    import json

    from analyzers.drift.action_refs import ADVISORIES_FILE, TAGS_FILE
    from app.data.modules import shipped_module_map
    from app.data.popular import shipped_popular

    for ecosystem in ("pypi", "npm"):
        shipped = shipped_popular(ecosystem)
        print(f"{ecosystem}: {len(shipped.names)} names from {shipped.source}, dated {shipped.date}")
    modules = shipped_module_map()
    print(
        f"pypi import names: {len(modules.entries)} that differ from their distribution's, dated {modules.date}"
    )
    for label, path, key in (
        ("action advisories", ADVISORIES_FILE, "advisories"),
        ("action tags", TAGS_FILE, "tags"),
    ):
        data = json.loads(path.read_text(encoding="utf-8"))
        count = len(data.get(key) or ())
        print(f"{label}: {count} entries from {data.get('source', '?')}, dated {data.get('date', '?')}")
    return 0


def _add_data(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    data = sub.add_parser("data", help="the data sets that ship with Bulwark (package lists, action facts)")
    data_sub = data.add_subparsers(dest="data_command", required=True)
    data_sub.add_parser("show", help="which data sets ship, and their dates").set_defaults(func=cmd_data)
    update = data_sub.add_parser(
        "update",
        help="refresh the shipped data (all sets, or those named); a set that fails keeps its shipped file",
        description="Sources: popular, action-advisories, action-tags (downloaded), pypi-modules (read from "
        "installed distributions, offline). Exit 1 when any source failed (its shipped file is left as it "
        "was); analyses never go to the network.",
    )
    update.add_argument("sources", nargs="*", metavar="SOURCE")
    update.add_argument(
        "--offline", action="store_true", help="refresh only the sources that need no network"
    )
    update.add_argument(
        "--site", action="append", metavar="DIR", help="read distributions installed in DIR (repeatable)"
    )
    update.set_defaults(func=cmd_data)
    data_sub.add_parser("refresh", help="the same as `update popular`").set_defaults(func=cmd_data)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bulwark", description=__doc__)
    parser.add_argument("--version", action="version", version=f"bulwark {__version__}")
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
    doctor = sub.add_parser("doctor", help="check settings, database, queue, GitHub credentials and webhooks")
    doctor.set_defaults(func=cmd_doctor)
    scan = sub.add_parser(
        "scan",
        help="analyse local changes like a pull request",
        description="Analyse the change from --base to --head (default: the working tree) in a git "
        "repository. Exit status: 0 nothing fails, 1 a finding the policy blocks or one at or above "
        "--fail-on, 2 a usage error, 3 the analysis did not finish and nothing fails (every finding "
        "found is still printed, with what did not run, where and why).",
    )
    scan.add_argument("--repo", default=".", help="the git repository (default: here)")
    scan.add_argument("--base", required=True, help="the base revision (the branch merged into)")
    scan.add_argument(
        "--head",
        help="the head revision (default: the working tree, uncommitted changes to tracked files included)",
    )
    scan.add_argument(
        "--fail-on",
        choices=[s.label for s in reversed(Severity)],
        metavar="SEVERITY",
        help="also exit 1 on a finding at or above this severity: critical, high, medium, low or info",
    )
    scan.add_argument("--format", choices=["text", "json", "sarif"], default="text")
    scan.add_argument("--offline", action="store_true", help="no registry look-ups (said in the output)")
    scan.add_argument("--output", help="write to this file instead of standard output")
    scan.set_defaults(func=cmd_scan)
    rules = sub.add_parser("rules", help="list the rules, or print one rule's page")
    rules.add_argument("rule_id", nargs="?")
    rules.add_argument("--render", metavar="DIR", help="write every rule's page to DIR")
    rules.set_defaults(func=cmd_rules)
    policy = sub.add_parser("policy", help="repository policy tools")
    policy_sub = policy.add_subparsers(dest="policy_command", required=True)
    check = policy_sub.add_parser("check", help="validate a .github/bulwark.yml file")
    check.add_argument("file")
    check.set_defaults(func=cmd_policy)
    register_calibration(sub)
    _add_data(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except SettingsError as exc:
        print(f"bulwark: configuration error: {exc}", file=sys.stderr)
        return 2
