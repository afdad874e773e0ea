"""Analysis time over the real-change corpus beside context-only time, the findings it produces, and
the peers a user would pick on the same files.

For every corpus repository (two adjacent releases, `old` and `new`, see `bench/corpus.py`) the change
context is built and the full rule set run over it, after one warm-up (grammars loaded and queries
compiled, as in a worker); medians of `--repeat` runs. Target: the rules add at most 50 % to context
building. With `--peers DIR` (a virtualenv's `bin/` holding `bandit` and `semgrep`), the head side of
the changed files is written to a folder and scanned by Bandit (Python files) and by Semgrep with
`bench/analyzers_semgrep.yml` (the code-family patterns in Semgrep's syntax), each as a command (processor time of the command and its children, not wall time), beside
a cold scan in a fresh interpreter (`cold`: context and every rule, as `--one` runs them) and the
`bulwark scan --offline --format json` command itself (`cli`: also argument parsing, the base policy,
placement and the JSON report). Targets: at least 5x faster than Semgrep and 3x faster than Bandit.
`--synthetic 1000` instead scans a synthetic 1,000-file change (`bench/context.py`) in this process and
prints its time and peak memory (target: under 300 MB). Findings are counted per 10,000 changed lines, and every high or critical one
is printed for inspection.

    .venv/bin/python -m bench.analyzers --repeat 3 --peers /tmp/peers/bin
    .venv/bin/python -m bench.analyzers --repeat 5 --process-time   # shares on a machine that is not quiet
"""

from __future__ import annotations

import argparse
import importlib
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from analyzers.base import Analyzer, Finding, Severity
from analyzers.contract.model import ChangeContext
from analyzers.runner import run_analyzers
from app.context.builder import build_context
from app.context.git_source import GitSource
from bench.corpus import changes

SEMGREP_RULES = Path(__file__).with_name("analyzers_semgrep.yml")
TARGET_OVERHEAD, TARGET_SEMGREP, TARGET_BANDIT = 0.5, 5.0, 3.0


@dataclass
class Row:
    name: str
    files: int
    changed_lines: int
    context_ms: float
    analysis_ms: float
    findings: list[Finding] = field(default_factory=list)
    family_ms: dict[str, float] = field(default_factory=dict)
    cold_ms: float | None = None
    cli_ms: float | None = None
    bandit_ms: float | None = None
    semgrep_ms: float | None = None


def build(repo: Path) -> ChangeContext:
    with GitSource(repo, "old", "new", merge_base=False) as source:
        return build_context(source)


def _processor_seconds() -> float:
    children = os.times()  # children at 10 ms resolution; this process at the clock's own
    return time.process_time() + children.children_user + children.children_system


def _milliseconds(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def rules_of(family: str | None) -> list[type[Analyzer]]:
    """The rules of one family (by its package name, `code`), or every registered rule."""
    if family is None:
        from analyzers.registry import all_rules

        return all_rules()
    rules: list[type[Analyzer]] = importlib.import_module(f"analyzers.{family}").RULES
    return list(rules)


def measure(repo: Path, repeat: int, rules: list[type[Analyzer]]) -> Row:
    """Context and analysis time (medians), and the findings, for one corpus repository."""
    ctx = build(repo)
    result = run_analyzers(ctx, rules)  # warm-up: grammars, queries
    contexts, analyses = [], []
    families: dict[str, list[float]] = {}
    for _ in range(repeat):
        contexts.append(_milliseconds(lambda: build(repo)))
        fresh = build(repo)
        started = time.perf_counter()
        timings = run_analyzers(fresh, rules).timings
        analyses.append((time.perf_counter() - started) * 1000)
        for family, seconds in _by_family(timings).items():
            families.setdefault(family, []).append(seconds * 1000)
    changed = sum(len(f.added_lines) + len(f.removed_lines) for f in ctx.files)
    return Row(
        name=repo.name,
        files=len(ctx.files),
        changed_lines=changed,
        context_ms=statistics.median(contexts),
        analysis_ms=statistics.median(analyses),
        findings=list(result.findings),
        family_ms={family: statistics.median(values) for family, values in families.items()},
    )


def _by_family(timings: Mapping[str, float]) -> dict[str, float]:
    families = {rule.meta.id: rule.meta.family.value for rule in rules_of(None)}
    totals: dict[str, float] = {}
    for rule_id, seconds in timings.items():
        family = families.get(rule_id, "other")
        totals[family] = totals.get(family, 0.0) + seconds
    return totals


def head_files(repo: Path, ctx: ChangeContext, target: Path) -> list[Path]:
    """Write the head side of the changed files under `target`; the paths written."""
    written: list[Path] = []
    for changed in ctx.files:
        if changed.head_text is None or changed.binary:
            continue
        path = target / changed.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(changed.head_text, encoding="utf-8")
        written.append(path)
    return written


def _run(command: list[str], cwd: Path | None = None) -> float:
    """Processor milliseconds (user + system) of the command and every process it waited for: on a
    shared machine, wall time measures the neighbours as much as the command."""
    env = {**os.environ, "SEMGREP_ENABLE_VERSION_CHECK": "0", "SEMGREP_SEND_METRICS": "off"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, cwd=cwd, env=env, capture_output=True, check=False, timeout=600)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    spent = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return spent * 1000


def measure_peers(row: Row, repo: Path, peers: Path, family: str | None) -> None:
    """Cold Bulwark scan, Bandit and Semgrep on the head side of the same changed files."""
    ctx = build(repo)
    with tempfile.TemporaryDirectory(prefix="bulwark-peers-") as folder:
        root = Path(folder)
        written = head_files(repo, ctx, root)
        python_files = [str(p.relative_to(root)) for p in written if p.suffix == ".py"]
        scope = ["--family", family] if family else []
        row.cold_ms = _run([sys.executable, "-m", "bench.analyzers", "--one", str(repo), *scope])
        if family is None:
            scan = ["scan", "--offline", "--repo", str(repo), "--base", "old", "--head", "new"]
            row.cli_ms = _run([sys.executable, "-m", "app", *scan, "--format", "json"])
        if python_files and (peers / "bandit").exists():
            row.bandit_ms = _run([str(peers / "bandit"), "-q", "-f", "json", *python_files], root)
        if (peers / "semgrep").exists():
            row.semgrep_ms = _run(
                [
                    str(peers / "semgrep"),
                    "--config",
                    str(SEMGREP_RULES),
                    "--metrics=off",
                    "--disable-version-check",
                    "--json",
                    "--quiet",
                    ".",
                ],
                root,
            )


def scan_once(repo: Path, rules: list[type[Analyzer]]) -> None:
    """One cold scan, as a command would do it: build the context, run the rules."""
    run_analyzers(build(repo), rules)


def synthetic_scan(count: int) -> None:
    """Child process: a cold scan (context and every rule) of a synthetic change of `count` files;
    print its milliseconds and the process's peak memory in MB."""
    from bench.context import synthetic_repo

    with tempfile.TemporaryDirectory(prefix="bulwark-synthetic-") as scratch:
        repo = synthetic_repo(Path(scratch), count)
        started = time.perf_counter()
        found = run_analyzers(build(repo), rules_of(None)).findings
        elapsed = (time.perf_counter() - started) * 1000
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"synthetic change of {count} files: {elapsed:.0f} ms, {len(found)} findings, peak {peak:.0f} MB")


def report(rows: list[Row]) -> None:
    print(f"{'change':18} {'files':>5} {'lines':>6} {'context':>9} {'rules':>9} {'+%':>6}"
          f" {'cold':>8} {'cli':>8} {'bandit':>8} {'semgrep':>8}")  # fmt: skip
    for row in rows:
        print(
            f"{row.name:18} {row.files:5d} {row.changed_lines:6d} {row.context_ms:8.1f}ms "
            f"{row.analysis_ms:8.1f}ms {100 * row.analysis_ms / max(row.context_ms, 1e-9):5.0f}% "
            f"{_ms(row.cold_ms)} {_ms(row.cli_ms)} {_ms(row.bandit_ms)} {_ms(row.semgrep_ms)}"
        )
    context = sum(r.context_ms for r in rows)
    analysis = sum(r.analysis_ms for r in rows)
    print(f"rules add {100 * analysis / context:.0f}% to context building "
          f"(target <= {100 * TARGET_OVERHEAD:.0f}%)")  # fmt: skip
    for family in sorted({name for r in rows for name in r.family_ms}):
        spent = sum(r.family_ms.get(family, 0.0) for r in rows)
        print(f"  family {family:14} {spent:8.1f} ms  {100 * spent / context:5.0f}% of context")
    _ratio("semgrep", rows, lambda r: r.semgrep_ms, TARGET_SEMGREP)
    _ratio("bandit", rows, lambda r: r.bandit_ms, TARGET_BANDIT)
    _findings(rows)


def _ms(value: float | None) -> str:
    return f"{value:6.0f}ms" if value is not None else "       -"


def _ratio(name: str, rows: list[Row], peer: Callable[[Row], float | None], target: float) -> None:
    chosen = [r for r in rows if peer(r) is not None and r.cold_ms is not None]
    if not chosen:
        return
    theirs = sum(peer(r) or 0.0 for r in chosen)
    cold = sum(r.cold_ms or 0.0 for r in chosen)
    warm = sum(r.context_ms + r.analysis_ms for r in chosen)
    cli = sum(r.cli_ms or 0.0 for r in chosen)
    command = f", the command {cli:.0f} ms ({theirs / cli:.1f}x)" if cli else ""
    print(
        f"{name}: {theirs:.0f} ms on the same files; bulwark cold {cold:.0f} ms "
        f"({theirs / cold:.1f}x){command}, warm {warm:.0f} ms ({theirs / warm:.1f}x); "
        f"target >= {target:.0f}x"
    )


def _findings(rows: list[Row]) -> None:
    lines = sum(r.changed_lines for r in rows)
    counts = Counter(f.rule_id for r in rows for f in r.findings)
    print(f"findings over {lines} changed lines:")
    for rule_id, count in sorted(counts.items()):
        print(f"  {rule_id:40} {count:4d}  {10_000 * count / max(lines, 1):6.2f} per 10k lines")
    for row in rows:
        for finding in row.findings:
            if finding.severity >= Severity.HIGH:
                print(f"  {finding.severity.label:8} {row.name}/{finding.path}:{finding.start_line} "
                      f"{finding.rule_id}: {finding.evidence[:100]}")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--peers", type=Path, help="bin/ folder with bandit and semgrep")
    parser.add_argument("--family", help="only this family's rules (package name: code, secrets)")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    parser.add_argument(
        "--process-time",
        action="store_true",
        help="time context and rules in processor time, not wall time (for a machine that is not quiet)",
    )
    parser.add_argument(
        "--synthetic", type=int, metavar="FILES", help="only: a cold scan of a synthetic change"
    )
    args = parser.parse_args(argv)
    if args.process_time:
        # every timer of this process that reads `time.perf_counter` (the bench's and the rule timings of
        # analyzers.isolation) reads processor time instead; budgets read `time.monotonic` and keep wall time
        time.perf_counter = _processor_seconds
    rules = rules_of(args.family)
    if args.synthetic is not None:
        synthetic_scan(args.synthetic)
        return 0
    if args.one is not None:
        scan_once(args.one, rules)
        return 0
    repos = changes()
    if not repos:
        print("no corpus: run `python -m bench.corpus` first", file=sys.stderr)
        return 2
    rows = []
    for repo in repos:
        row = measure(repo, args.repeat, rules)
        if args.peers is not None:
            measure_peers(row, repo, args.peers, args.family)
        rows.append(row)
    report(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
