"""The data-flow engine alone on every Go file of the Go repositories, one file at a time.

Each file is analysed as an added file, with the other files of its package (its folder) there to be
called into, as a change adding that file would be. Reported: the slowest files, the most statements
interpreted (`Engine.steps`, against the per-file bound `FILE_STEPS`), the files that reached a bound,
and the peak resident memory of the process; time is processor time (the machine's, unlike the statement
counts).

    .venv/bin/python -m bench.flow_files                    # GO_REPOSITORIES of bench/precision.py
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from analyzers.contract.syntax import parse_text
from analyzers.flow.engine import FILE_STEPS, Engine
from analyzers.flow.program import Program, SourceFile
from bench.precision import GO_REPOSITORIES


@dataclass(frozen=True, slots=True)
class Measured:
    path: str
    lines: int
    seconds: float
    steps: int
    hits: int
    bounded: bool


def measure_package(name: str, files: list[Path]) -> list[Measured]:
    trees = {path: parse_text("go", path.read_text(encoding="utf-8", errors="replace")) for path in files}
    measured = []
    for path in files:
        sources = [
            SourceFile(
                f"{name}/{other.name}", "go", tree, None if other == path else frozenset(), other == path
            )
            for other, tree in trees.items()
            if tree is not None
        ]
        started = time.process_time()
        engine = Engine(Program(sources))
        hits = engine.analyze()
        seconds = time.process_time() - started
        lines = path.read_bytes().count(b"\n")
        bounded = engine.steps > FILE_STEPS or any(hit.bounded for hit in hits)
        measured.append(Measured(f"{name}/{path.name}", lines, seconds, engine.steps, len(hits), bounded))
    return measured


def measure(mirrors: Path) -> list[Measured]:
    measured: list[Measured] = []
    for repo, commit in GO_REPOSITORIES:
        mirror = mirrors / repo.replace("/", "+") / "repo"
        with tempfile.TemporaryDirectory(prefix="bulwark-flow-") as folder:
            export = Path(folder)
            command = ["git", "-C", str(mirror), "archive", commit, "--", ":(glob)**/*.go"]
            archive = subprocess.run(command, check=True, capture_output=True)
            subprocess.run(["tar", "-x", "-C", str(export)], input=archive.stdout, check=True)
            packages: dict[Path, list[Path]] = {}
            for path in sorted(export.rglob("*.go")):
                packages.setdefault(path.parent, []).append(path)
            for package, files in packages.items():
                measured.extend(measure_package(f"{repo}/{package.relative_to(export)}", files))
    return measured


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"), help="bare git mirrors")
    args = parser.parse_args(argv)
    measured = measure(args.mirrors)
    lines = sum(m.lines for m in measured)
    print(f"{len(measured)} files, {lines} lines, {sum(m.seconds for m in measured):.1f} s")
    for m in sorted(measured, key=lambda m: -m.seconds)[:10]:
        print(f"  {m.seconds:6.2f} s {m.steps:7d} statements {m.lines:6d} lines  {m.path}")
    most = max(measured, key=lambda m: m.steps)
    print(f"most statements: {most.steps} ({most.path}); bound per file {FILE_STEPS}")
    print(
        f"files with a bound reached: {sum(m.bounded for m in measured)}; hits: {sum(m.hits for m in measured)}"
    )
    for m in measured:
        if m.bounded:
            print(f"  bounded: {m.path} ({m.steps} statements)")
    print(f"peak resident memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
