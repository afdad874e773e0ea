"""High and critical findings on code no one here wrote, treated as all new.

Each chosen package installed in this interpreter (and each corpus repository's newer release, see
`bench/corpus.py`) becomes one change that adds every one of its source files, scanned with every rule
as `bulwark scan --offline` runs them. Reported: the lines scanned, the findings by rule and severity,
and every high or critical finding with its evidence, to be judged by a reader (a true finding in real
code is possible; the target is at most one false positive per 20,000 lines).

    .venv/bin/python -m bench.precision                     # the default packages and the corpus
    .venv/bin/python -m bench.precision --packages flask    # chosen packages only
    .venv/bin/python -m bench.precision --go                # the Go repositories only, one change
                                                            # per package folder
    .venv/bin/python -m bench.precision --packages --no-corpus --tree /tmp/redis/src   # a checkout's folder

The Go repositories (`GO_REPOSITORIES`, at pinned commits of the bare mirrors under `--mirrors`) are
scanned one folder (a Go package) per change; the report then adds the longest change, the peak
resident memory of the process and the analysis gaps, so a bound that is hit shows.
"""

from __future__ import annotations

import argparse
import importlib.util
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from analyzers.base import Finding, Severity
from analyzers.runner import run_analyzers
from app.context.builder import build_from_git
from bench.corpus import changes

PACKAGES = (
    "alembic", "anyio", "click", "httpx", "httpcore", "huey", "jwt", "mako", "markupsafe", "pydantic",
    "redis", "rich", "sqlalchemy", "starlette", "psycopg", "prometheus_client", "dotenv", "hishel", "idna",
    "h11", "pathspec", "packaging", "pluggy", "markdown_it", "uvicorn", "sqlmodel", "yaml", "certifi",
)  # fmt: skip
GO_REPOSITORIES = (
    ("prometheus/prometheus", "d15adb9ad7e5d9fbde3a9a8f30200593a5a14d86"),
    ("caddyserver/caddy", "0cf03d32f7d99cf160d5375e8a40fbe3d910d515"),
)
SOURCES = frozenset({".py", ".js", ".ts", ".go", ".java", ".rb", ".php", ".c", ".h", ".cpp", ".cc"})
TARGET_LINES_PER_FALSE_POSITIVE = 20_000


@dataclass
class Scan:
    name: str
    lines: int = 0
    seconds: float = 0.0
    findings: list[Finding] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)


def _git(repo: Path, *args: str) -> str:
    command = ["git", "-C", str(repo), "-c", "user.name=Bench", "-c", "user.email=bench@localhost"]
    return subprocess.run([*command, *args], check=True, capture_output=True, text=True).stdout.strip()


def package_root(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None:
        return None
    if spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return Path(spec.origin) if spec.origin else None


def scan_tree(name: str, root: Path, only: list[Path] | None = None) -> Scan:
    """Every source file under `root` (or the files `only`) added in one commit, scanned."""
    with tempfile.TemporaryDirectory(prefix="bulwark-precision-") as folder:
        repo = Path(folder)
        _git(repo, "init", "--quiet", "-b", "main")
        _git(repo, "commit", "--quiet", "--allow-empty", "-m", "empty")
        base = _git(repo, "rev-parse", "HEAD")
        lines = 0
        files = only or ([root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file()))
        for path in files:
            if path.suffix not in SOURCES or "__pycache__" in path.parts or ".git" in path.parts:
                continue
            target = repo / name / (path.name if root.is_file() else path.relative_to(root))
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            lines += path.read_bytes().count(b"\n")
        _git(repo, "add", "-A")
        _git(repo, "commit", "--quiet", "-m", name)
        started = time.perf_counter()
        ctx = build_from_git(repo, base, "HEAD")
        result = run_analyzers(ctx)
        gaps = [
            f"{gap.rule_id or 'analysis'} on {gap.path or 'the change'}: {gap.reason}" for gap in result.gaps
        ]
        return Scan(name, lines, time.perf_counter() - started, list(result.findings), gaps)


def scan_go(mirrors: Path) -> list[Scan]:
    """Each Go package folder of `GO_REPOSITORIES` at its pinned commit, as one change."""
    scans: list[Scan] = []
    for repo, commit in GO_REPOSITORIES:
        mirror = mirrors / repo.replace("/", "+") / "repo"
        with tempfile.TemporaryDirectory(prefix="bulwark-go-") as folder:
            export = Path(folder)
            archive = subprocess.run(
                ["git", "-C", str(mirror), "archive", commit, "--", ":(glob)**/*.go"],
                check=True,
                capture_output=True,
            )
            subprocess.run(["tar", "-x", "-C", str(export)], input=archive.stdout, check=True)
            packages: dict[Path, list[Path]] = {}
            for path in sorted(export.rglob("*.go")):
                packages.setdefault(path.parent, []).append(path)
            for package, files in packages.items():
                name = f"{repo}/{package.relative_to(export)}"
                scans.append(scan_tree(name, package, files))
    return scans


def report(scans: list[Scan]) -> None:
    lines = sum(scan.lines for scan in scans)
    seconds = sum(scan.seconds for scan in scans)
    counts = Counter((f.rule_id, f.severity.label) for scan in scans for f in scan.findings)
    print(f"{len(scans)} packages, {lines} lines, {seconds:.1f} s")
    for (rule, severity), count in sorted(counts.items()):
        print(f"  {rule:40} {severity:8} {count:5d}")
    serious = [(scan.name, f) for scan in scans for f in scan.findings if f.severity >= Severity.HIGH]
    print(f"high or critical: {len(serious)} ({lines / max(len(serious), 1):,.0f} lines each); "
          f"judge each below (target: at most one false positive per "
          f"{TARGET_LINES_PER_FALSE_POSITIVE:,} lines)")  # fmt: skip
    for name, finding in serious:
        print(f"  {finding.severity.label:8} {finding.rule_id} {name}: {finding.path}:{finding.start_line} "
              f"{finding.confidence:.2f} {finding.evidence[:110]}")  # fmt: skip
    longest = max(scans, key=lambda scan: scan.seconds, default=None)
    if longest is not None:
        print(f"longest change: {longest.name}, {longest.seconds:.1f} s for {longest.lines} lines")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    gaps = [(scan.name, gap) for scan in scans for gap in scan.gaps]
    print(f"peak resident memory: {peak} MB; analysis gaps: {len(gaps)}")
    for name, gap in gaps:
        print(f"  gap {name}: {gap}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--packages", nargs="*", help="installed packages to scan (default: a fixed list)")
    parser.add_argument("--no-corpus", action="store_true", help="skip the corpus repositories")
    parser.add_argument("--go", action="store_true", help="only the Go repositories, per package folder")
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"), help="bare git mirrors")
    parser.add_argument("--tree", type=Path, action="append", default=[], help="also a folder (a checkout)")
    args = parser.parse_args(argv)
    if args.go:
        report(scan_go(args.mirrors))
        return 0
    scans: list[Scan] = [scan_tree(tree.name, tree) for tree in args.tree]
    for name in args.packages if args.packages is not None else PACKAGES:
        root = package_root(name)
        if root is None:
            print(f"{name}: not installed, skipped", file=sys.stderr)
            continue
        scans.append(scan_tree(name, root))
    if not args.no_corpus and args.packages is None:
        for repo in changes():
            with tempfile.TemporaryDirectory(prefix="bulwark-release-") as folder:
                subprocess.run(
                    ["git", "-C", str(repo), "worktree", "prune"], check=False, capture_output=True
                )
                export = Path(folder) / repo.name
                subprocess.run(
                    [
                        "git",
                        "-c",
                        "advice.detachedHead=false",
                        "clone",
                        "--quiet",
                        "--branch",
                        "new",
                        str(repo),
                        str(export),
                    ],
                    check=True,
                )
                shutil.rmtree(export / ".git")
                scans.append(scan_tree(repo.name, export))
    report(scans)
    return 0


if __name__ == "__main__":
    sys.exit(main())
