"""`bulwark` command line: the GitHub App's server and worker, local scans, rules, policy and set-up checks."""

from __future__ import annotations

import argparse
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

from app import __version__
from app.learning.calibration_cli import register as register_calibration
from app.logs import configure_logging
from app.scan_cli import register as register_scan
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
        import ctypes  # loaded before the fork by `_supervise_worker`: only looked up here

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    os.nice(EMBEDDED_WORKER_NICENESS)


def _supervise_worker(stop: threading.Event, procs: list[subprocess.Popen[bytes]]) -> None:
    """Run `bulwark worker` as a child process and restart it if it dies."""
    import ctypes  # for `_die_with_parent`, which must not import in the forked child

    del ctypes
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
    from app.db.schema import SchemaError, prepare_schema

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

    from app.web.application import create_app

    settings = _settings(args)
    if not _prepare_database(settings):
        return 2
    stop = threading.Event()
    procs: list[subprocess.Popen[bytes]] = []
    if not args.no_worker:
        threading.Thread(
            target=_supervise_worker, args=(stop, procs), name="worker-supervisor", daemon=True
        ).start()
    url = listening_url(args.host, args.port)
    log.info("listening on %s", url)  # a log line: in JSON logs too, it stays one entry
    if not settings.has_credentials:
        log.warning("no GitHub App credentials yet: open %s to register the App", url)
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


def listening_url(host: str, port: int) -> str:
    """The address `serve` listens on, as a browser opens it (`0.0.0.0`: every address, shown as here)."""
    shown = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host, host)  # noqa: S104
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def cmd_worker(args: argparse.Namespace) -> int:
    from app.jobs.worker import run_worker

    settings = _settings(args)
    if not _prepare_database(settings):
        return 2
    run_worker(settings)
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    from app.db.schema import SchemaError, upgrade_to_head

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


def cmd_rules(args: argparse.Namespace) -> int:
    from analyzers.docs import list_rules_table, render_all, rule_page, with_rule_index

    if args.render or args.readme:
        if args.render:
            written = render_all(Path(args.render))
            print(f"wrote {len(written)} rule pages to {args.render}")
        if args.readme:
            readme = Path(args.readme)
            readme.write_text(with_rule_index(readme.read_text(encoding="utf-8")), encoding="utf-8")
            print(f"wrote the rule index of {args.readme}")
        return 0
    rows = list_rules_table()
    if args.rule_id:
        try:
            print(rule_page(args.rule_id), end="")
        except KeyError:
            from analyzers.contract.policy_schema import did_you_mean

            hint = did_you_mean(args.rule_id, [row["id"] for row in rows])
            print(f"bulwark rules: no rule has the id {args.rule_id!r}{hint}", file=sys.stderr)
            print("bulwark rules: `bulwark rules` lists them all", file=sys.stderr)
            return 2
        return 0
    header = {"id": "RULE", "family": "FAMILY", "severity": "SEVERITY", "languages": "LANGUAGES"}
    width = max(len(r["id"]) for r in rows)
    for row in [header, *rows]:
        languages = row["languages"] if row is header else ", ".join(row["languages"]) or "any"
        print(f"{row['id']:<{width}}  {row['family']:<12} {row['severity']:<8} {languages}")
    return 0


def cmd_policy(args: argparse.Namespace) -> int:
    from app.policy_check import policy_check_file

    problems = policy_check_file(args.file)
    for problem in problems:
        print(problem)
    if not problems:
        print(f"{args.file}: valid")
        return 0
    if problems[0].startswith(f"{args.file}: cannot read: "):
        return 2
    print(f"{args.file}: {len(problems)} problem{'s' * (len(problems) != 1)}")
    return 1


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
    from app.packages.modules import shipped_module_map
    from app.packages.popular import shipped_popular

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


DESCRIPTION = """\
Bulwark finds security problems in pull requests. Run it as a GitHub App (serve, worker, migrate,
doctor) or on a local git checkout with no App at all (scan, rules, policy check)."""

EXIT_CODES = """\
exit status:
  0  done; for scan, nothing fails (see `bulwark scan --help`)
  1  problems found: findings that fail (scan), an invalid policy (policy check), a set-up that needs
     attention (doctor), a data source that could not be refreshed (data update)
  2  usage or configuration error (an unknown option, a bad setting, a database at the wrong migration)
  3  scan only: the analysis did not finish and nothing fails"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bulwark",
        description=DESCRIPTION,
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"bulwark {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    serve = sub.add_parser(
        "serve",
        help="run the GitHub App: receive webhooks, analyse pull requests (prints the address it listens on)",
        description="Serve the GitHub App's webhook endpoint, set-up page and dashboard, and analyse pull "
        "requests in a worker process started alongside (restarted if it dies). With no App credentials "
        "yet, open the printed address to register the App. Exit status 2 when the database is not at "
        "the code's migration or a setting is invalid.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=3000, help="the port to listen on (default: 3000)")
    serve.add_argument(
        "--no-worker",
        action="store_true",
        help="only receive webhooks; analyse with `bulwark worker` processes started separately",
    )
    serve.set_defaults(func=cmd_serve)
    worker = sub.add_parser(
        "worker",
        help="analyse the pull requests `serve` received (for more workers, or a separate machine)",
        description="Take the received webhook deliveries from the queue and process them. `serve` "
        "starts one; start more for throughput. Exit status 2 on a database or settings problem.",
    )
    worker.set_defaults(func=cmd_worker)
    migrate = sub.add_parser(
        "migrate",
        help="bring the database to this version's schema",
        description="Upgrade the database to this version's schema (SQLite is also upgraded by `serve`). "
        "Exit status 2 when it cannot.",
    )
    migrate.set_defaults(func=cmd_migrate)
    doctor = sub.add_parser(
        "doctor",
        help="check the set-up: settings, database, queue, GitHub credentials, recent webhook deliveries",
        description="Check each part of the set-up and say how to fix what is wrong. Creates nothing. "
        "Exit status 0 healthy (warnings allowed), 1 something needs attention.",
    )
    doctor.set_defaults(func=cmd_doctor)
    register_scan(sub)
    rules = sub.add_parser(
        "rules",
        help="list the rules, or print one rule's page",
        description="With no argument, a table of every rule (id, family, default severity, languages). "
        "With a rule id, that rule's page. Exit status 2 for an id no rule has (the nearest is suggested).",
    )
    rules.add_argument("rule_id", nargs="?", metavar="RULE", help="a rule id, as `code-command-injection`")
    rules.add_argument("--render", metavar="DIR", help="write every rule's page to DIR as Markdown")
    rules.add_argument(
        "--readme", metavar="FILE", help="write the rule index between the rule-index markers of FILE"
    )
    rules.set_defaults(func=cmd_rules)
    policy = sub.add_parser("policy", help="check a repository policy file (.github/bulwark.yml)")
    policy_sub = policy.add_subparsers(dest="policy_command", required=True, metavar="COMMAND")
    check = policy_sub.add_parser(
        "check",
        help="report every problem in a .github/bulwark.yml file",
        description="Report every problem in a repository policy file at once, with its line and key: "
        "unknown keys and rule ids, keys a rule's config does not take, values of the wrong kind. "
        "Exit status 0 valid, 1 problems, 2 the file cannot be read.",
    )
    check.add_argument("file", metavar="FILE")
    check.set_defaults(func=cmd_policy)
    register_calibration(sub)
    _add_data(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except BrokenPipeError:  # `bulwark rules | head`: the reader left, nothing is wrong
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except SettingsError as exc:
        print(f"bulwark: configuration error: {exc}", file=sys.stderr)
        return 2
