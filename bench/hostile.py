"""Hostile inputs: the time and peak memory of `bulwark scan` on each generated hostile file.

For every file of `tests/hostile/corpus.py` (and a change of many tiny files) a git repository is
built whose head adds that file beside two files with real findings; `bulwark scan --offline --format
json` runs on it in a fresh process under a wall-clock limit (`--timeout`) and an address-space limit
(`--memory-mb`). Reported per input: wall seconds, peak resident memory of the scan process, its exit
code, whether both real findings were still reported, and how many gaps (work not done) it named.

    .venv/bin/python -m bench.hostile                      # this checkout
    .venv/bin/python -m bench.hostile --source /tmp/before # another checkout, same interpreter

A scan killed by the time limit shows `timeout`, one killed by the memory limit `memory`.

`--readers` measures single readers instead, each in a fresh process under the same limits: what
one hostile input costs the function that meets it first (the outcome is the exception it ends
with, `ok`, or the signal that killed it).

`--pauses` runs each hostile change in this process (context, facts, rules, summary) beside a thread
that wakes every 10 ms, and reports the longest time that thread waited for the GIL: how long a
job's heartbeat could be held up.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.hostile.corpus import HOSTILE, REAL_FINDINGS, real_files, tiny_files

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Row:
    name: str
    seconds: float
    peak_mb: float
    exit_code: str
    real_kept: str
    gaps: str


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


def make_repo(root: Path, files: dict[str, bytes]) -> Path:
    repo = root / "repo"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "config", "user.email", "dev@example.com")
    _git(repo, "config", "user.name", "Dev")
    (repo / "README.md").write_text("base\n")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "base")
    _git(repo, "checkout", "-qb", "feature")
    for path, data in {**real_files(), **files}.items():
        target = repo / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "change")
    return repo


def _limit(memory_mb: int) -> None:
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def scan(
    repo: Path, source: Path, timeout: float, memory_mb: int
) -> tuple[float, float, str, dict[str, object]]:
    env = {**os.environ, "PYTHONPATH": str(source)}
    command = [sys.executable, "-m", "app", "scan", "--offline", "--repo", str(repo), "--base", "main"]
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            [*command, "--format", "json"],
            stdout=out,
            stderr=err,
            env=env,
            cwd=source,  # `python -m app` finds `app` in its working directory first
            preexec_fn=lambda: _limit(memory_mb),
        )
        code: str
        try:
            _pid, status, usage = _wait(proc, timeout)
            code = str(os.waitstatus_to_exitcode(status))
        except TimeoutError:
            proc.kill()
            _pid, _status, usage = os.wait4(proc.pid, 0)
            code = "timeout"
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        text, errors = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    if code != "timeout" and "MemoryError" in errors:
        code = "memory"
    try:
        report: dict[str, object] = json.loads(text)
    except ValueError:
        report = {}
    return seconds, usage.ru_maxrss / 1024, code, report


def _wait(proc: subprocess.Popen[bytes], timeout: float) -> tuple[int, int, resource.struct_rusage]:
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return pid, status, usage
        if time.monotonic() > deadline:
            raise TimeoutError
        time.sleep(0.02)


def _row(name: str, files: dict[str, bytes], args: argparse.Namespace) -> Row:
    with tempfile.TemporaryDirectory() as folder:
        repo = make_repo(Path(folder), files)
        seconds, peak, code, report = scan(repo, args.source, args.timeout, args.memory_mb)
    findings = report.get("findings", [])
    assert isinstance(findings, list)
    found = {(f["rule_id"], f["path"], f["start_line"]) for f in findings}
    wanted = {(rule, path, line) for path, _text, rule, line in REAL_FINDINGS}
    kept = f"{len(wanted & found)}/{len(wanted)}" if report else "-"
    gaps = report.get("gaps", report.get("errors"))
    return Row(name, seconds, peak, code, kept, str(len(gaps)) if isinstance(gaps, list) else "-")


_DEEP = 100_000
READERS: dict[str, str] = {
    "template line (185 bytes), mask_templates": (
        "from analyzers.config.yaml_doc import mask_templates\nmask_templates('{{' + '}}{{' * 45 + 'x')"
    ),
    "workflow alias bomb (on: *a9), ci_changes": (
        "from app.context.ci_changes import ci_changes\n"
        "lines = ['a0: &a0 [' + ', '.join(['lol'] * 9) + ']']\n"
        "lines += [f'a{n}: &a{n} [' + ', '.join([f'*a{n - 1}'] * 9) + ']' for n in range(1, 10)]\n"
        "text = '\\n'.join(lines) + '\\non: *a9\\njobs: {}\\n'\n"
        "ci_changes('.github/workflows/x.yml', None, text)"
    ),
    "workflow nested 100,000 levels (200 KB), ci_changes": (
        "from app.context.ci_changes import ci_changes\n"
        f"ci_changes('.github/workflows/x.yml', None, 'on: ' + '[' * {_DEEP} + ']' * {_DEEP})"
    ),
    "Kubernetes alias bomb, walk_pairs": (
        "from analyzers.config.yaml_doc import load_document\n"
        "from analyzers.drift.common import walk_pairs\n"
        "from tests.hostile.corpus import _kubernetes_alias_bomb\n"
        "sum(1 for _ in walk_pairs(load_document(_kubernetes_alias_bomb().decode())))"
    ),
    "package.json nested 5,000 levels, declared": (
        "from app.context.dependencies import declared\n"
        "from tests.hostile.corpus import _package_json\n"
        "declared('package.json', _package_json().decode())"
    ),
}


def reader(snippet: str, args: argparse.Namespace) -> tuple[float, float, str]:
    """Seconds, peak MB and outcome of one snippet in a fresh process."""
    code = "import sys\ntry:\n" + "".join(f"    {line}\n" for line in snippet.split("\n"))
    code += "except BaseException as e:\n    print(type(e).__name__); sys.exit(0)\nprint('ok')\n"
    env = {**os.environ, "PYTHONPATH": f"{args.source}:{ROOT}"}
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(
            [sys.executable, "-c", code],
            stdout=out,
            stderr=subprocess.DEVNULL,
            env=env,
            cwd=args.source,
            preexec_fn=lambda: _limit(args.memory_mb),
        )
        try:
            _pid, status, usage = _wait(proc, args.timeout)
            outcome = "ok" if os.WIFEXITED(status) else f"signal {os.WTERMSIG(status)}"
        except TimeoutError:
            proc.kill()
            _pid, _status, usage = os.wait4(proc.pid, 0)
            outcome = "timeout"
        out.seek(0)
        printed = out.read().decode("utf-8", "replace").strip()
    if outcome == "ok" and printed:
        outcome = printed.splitlines()[-1]
    return time.perf_counter() - started, usage.ru_maxrss / 1024, outcome


def _tick(stop: Any, longest: list[float]) -> None:
    last = time.perf_counter()
    while not stop.wait(0.01):
        now = time.perf_counter()
        longest[0] = max(longest[0], now - last - 0.01)
        last = now


def pauses(args: argparse.Namespace) -> None:
    """The longest wait of a 10 ms ticker thread while each hostile change is analysed here."""
    import threading

    from analyzers.runner import run_analyzers
    from app.context.builder import build_from_git
    from app.context.manifest import build_manifest
    from app.context.preparation import finish_context
    from app.packages.cache import MemoryFactCache
    from app.packages.config import RegistryConfig
    from app.packages.facts import build_options

    cases = [
        (item.path, {item.path: item.build()}) for item in HOSTILE if not args.only or item.path in args.only
    ]
    print(f"{'input':36} {'seconds':>8} {'longest pause ms':>17}")
    for name, files in cases:
        longest, stop = [0.0], threading.Event()
        with tempfile.TemporaryDirectory() as folder:
            repo = make_repo(Path(folder), files)
            ticker = threading.Thread(target=_tick, args=(stop, longest), daemon=True)
            ticker.start()
            started = time.perf_counter()
            built = build_from_git(repo, "main", "HEAD", options=build_options(1_000_000))
            ctx = finish_context(
                built, policy=None, config=RegistryConfig(offline=True), cache=MemoryFactCache()
            )
            run_analyzers(ctx)
            build_manifest(ctx)
            seconds = time.perf_counter() - started
            stop.set()
            ticker.join()
        print(f"{name:36} {seconds:8.2f} {longest[0] * 1000:17.0f}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--source", type=Path, default=ROOT, help="the checkout whose `app` runs")
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--memory-mb", type=int, default=3000)
    parser.add_argument("--tiny", type=int, default=3000, help="files in the many-tiny-files change")
    parser.add_argument("--only", nargs="*", help="paths of the hostile files to run")
    parser.add_argument("--readers", action="store_true", help="single readers instead of whole scans")
    parser.add_argument("--pauses", action="store_true", help="the longest GIL wait of a ticker thread")
    args = parser.parse_args(argv)
    if args.pauses:
        pauses(args)
        return 0
    if args.readers:
        print(f"source: {args.source}   limits: {args.timeout:g} s, {args.memory_mb} MB address space")
        print(f"{'reader and input':55} {'seconds':>8} {'peak MB':>8}  outcome")
        for name, snippet in READERS.items():
            seconds, peak, outcome = reader(snippet, args)
            print(f"{name:55} {seconds:8.2f} {peak:8.0f}  {outcome}", flush=True)
        return 0
    cases = [
        (item.path, {item.path: item.build()}) for item in HOSTILE if not args.only or item.path in args.only
    ]
    if not args.only:
        cases.append((f"{args.tiny} tiny files", tiny_files(args.tiny)))
        cases.insert(0, ("(no hostile file)", {}))
    print(f"source: {args.source}   limits: {args.timeout:g} s, {args.memory_mb} MB address space")
    print(f"{'input':36} {'seconds':>8} {'peak MB':>8} {'exit':>8} {'real kept':>9} {'gaps':>5}")
    for name, files in cases:
        row = _row(name, files, args)
        print(
            f"{row.name:36} {row.seconds:8.2f} {row.peak_mb:8.0f} {row.exit_code:>8} {row.real_kept:>9} {row.gaps:>5}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
