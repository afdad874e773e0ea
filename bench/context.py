"""Time to build the change context beside the bare floor, over the real-change corpus, and peak
memory for a synthetic 1,000-file change.

The floor lists the changed files (`git diff --raw`), reads both sides of each through the same
pipelined `git cat-file --batch` plumbing and parses each head file once with tree-sitter, nothing else. Both are measured in the same run,
interleaved, after one warm-up (grammars loaded, as in a worker); the median of `--repeat` runs is
reported. Target: context <= 1.5 x floor + 30 ms per change; peak memory < 300 MB for 1,000 files.

    .venv/bin/python -m bench.corpus     # once, needs the registries
    .venv/bin/python -m bench.context    # offline
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from analyzers.contract.syntax import detect_language, parse_text
from app.context.builder import build_context
from app.context.git_plumbing import NULL_SHA, git_bytes, raw_entries, read_blobs
from app.context.git_source import GitSource
from app.context.manifest import build_manifest
from bench.corpus import CORPUS

TARGET_RATIO, TARGET_SLACK_MS, TARGET_PEAK_MB = 1.5, 30.0, 300.0


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    files: int
    changed_lines: int
    floor_ms: float
    context_ms: float
    manifest_ms: float
    floor_cpu_ms: float
    context_cpu_ms: float

    @property
    def size_class(self) -> str:
        if self.changed_lines < 100:
            return "small"
        return "medium" if self.changed_lines < 1000 else "large"

    @property
    def within_target(self) -> bool:
        return self.context_ms <= TARGET_RATIO * self.floor_ms + TARGET_SLACK_MS


def floor(repo: Path, base: str, head: str) -> int:
    """List the changed files, read both sides of each (one pipelined `git cat-file --batch`) and
    parse each head file once; the file count."""
    raw = git_bytes(repo, "diff", "--raw", "-z", "-M", "--no-abbrev", base, head)
    entries = raw_entries(raw)
    specs = [sha for entry in entries for sha in (entry.old_sha, entry.new_sha) if sha != NULL_SHA]
    blobs = dict(zip(specs, read_blobs(repo, specs), strict=True))
    for entry in entries:
        data = blobs.get(entry.new_sha)
        if data is None or b"\x00" in data[:8000]:
            continue
        text = data.decode("utf-8", "replace")
        language = detect_language(entry.path, text)
        if language is not None:
            parse_text(language, text)
    return len(entries)


def context(repo: Path, base: str, head: str, *, manifest: bool) -> int:
    """Build the full context (and the manifest, when asked); the changed-line count."""
    with GitSource(repo, base, head, merge_base=False) as source:
        ctx = build_context(source)
    if manifest:
        build_manifest(ctx)
    return sum(len(f.added_lines) + len(f.removed_lines) for f in ctx.files)


def _cpu_seconds() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _timed(action: Callable[[], object]) -> tuple[float, float]:
    """(wall ms, CPU ms of this process and its git children) of one call."""
    started, cpu = time.perf_counter(), _cpu_seconds()
    action()
    return (time.perf_counter() - started) * 1000, (_cpu_seconds() - cpu) * 1000


def _milliseconds(action: Callable[[], object]) -> float:
    return _timed(action)[0]


def measure(repo: Path, base: str, head: str, repeat: int) -> Row:
    files = floor(repo, base, head)
    lines = context(repo, base, head, manifest=True)
    floors, contexts, manifests = [], [], []
    for _ in range(repeat):
        floors.append(_timed(lambda: floor(repo, base, head)))
        contexts.append(_timed(lambda: context(repo, base, head, manifest=False)))
        manifests.append(_timed(lambda: context(repo, base, head, manifest=True)))
    return Row(
        repo.name,
        files,
        lines,
        statistics.median(wall for wall, _ in floors),
        statistics.median(wall for wall, _ in contexts),
        statistics.median(wall for wall, _ in manifests),
        statistics.median(cpu for _, cpu in floors),
        statistics.median(cpu for _, cpu in contexts),
    )


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


def _synthetic_file(index: int, version: int) -> tuple[str, str]:
    kind = index % 4
    body = "\n".join(f"    value_{n} = compute({n}, {version if n % 7 == 0 else 0})" for n in range(60))
    if kind == 0:
        return (
            f"pkg/mod_{index}.py",
            f"import os\n\n\ndef handler_{index}():\n{body}\n    return 1\n",
        )
    if kind == 1:
        js = body.replace("    value", "  const value")
        return f"web/mod_{index}.js", f"export function handler{index}() {{\n{js}\n}}\n"
    if kind == 2:
        items = "\n".join(f"  key_{n}: {version if n % 5 == 0 else n}" for n in range(80))
        return f"config/conf_{index}.yaml", f"settings:\n{items}\n"
    return f"docs/page_{index}.md", "\n".join(f"Line {n} v{version}" for n in range(60)) + "\n"


def synthetic_repo(root: Path, count: int) -> Path:
    """A repository whose commit `new` changes `count` files of `old` (code, config, prose)."""
    _git(root, "init", "--quiet", "-b", "main")
    for version, tag in ((1, "old"), (2, "new")):
        for index in range(count):
            path, text = _synthetic_file(index, version)
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_text(text)
        _git(root, "add", "-A")
        _git(
            root, "-c", "user.name=Bench", "-c", "user.email=bench@localhost",
            "commit", "--quiet", "-m", tag,
        )  # fmt: skip
        _git(root, "tag", tag)
    return root


def synthetic_peak(count: int) -> None:
    """Child process: build the context and manifest of a synthetic change; print ms and peak MB."""
    with tempfile.TemporaryDirectory() as scratch:
        repo = synthetic_repo(Path(scratch), count)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        elapsed = _milliseconds(lambda: context(repo, "old", "new", manifest=True))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        floor_ms = _milliseconds(lambda: floor(repo, "old", "new"))
    print(f"{elapsed:.0f} {floor_ms:.0f} {before / 1024:.1f} {peak / 1024:.1f}")


def _print_table(rows: list[Row]) -> None:
    print(
        f"{'change':<15}{'class':<7}{'files':>6}{'lines':>6}{'floor':>8}{'context':>9}"
        f"{'ratio':>7}{'+manif.':>9}{'cpu floor':>11}{'cpu ctx':>9}{'cpu ratio':>10}  target"
    )
    for row in rows:
        ratio = row.context_ms / row.floor_ms if row.floor_ms else 0.0
        cpu_ratio = row.context_cpu_ms / row.floor_cpu_ms if row.floor_cpu_ms else 0.0
        print(
            f"{row.name:<15}{row.size_class:<7}{row.files:>6}{row.changed_lines:>6}"
            f"{row.floor_ms:>8.1f}{row.context_ms:>9.1f}{ratio:>7.2f}{row.manifest_ms:>9.1f}"
            f"{row.floor_cpu_ms:>11.1f}{row.context_cpu_ms:>9.1f}{cpu_ratio:>10.2f}"
            f"  {'ok' if row.within_target else 'MISSED'}"
        )
    for size in ("small", "medium", "large"):
        group = [row for row in rows if row.size_class == size]
        if group:
            floor_ms = sum(row.floor_ms for row in group)
            context_ms = sum(row.context_ms for row in group)
            cpu = sum(row.context_cpu_ms for row in group) / sum(r.floor_cpu_ms for r in group)
            print(
                f"{size:<7}{len(group)} changes: floor {floor_ms:.1f} ms, context "
                f"{context_ms:.1f} ms, wall ratio {context_ms / floor_ms:.2f}, cpu ratio {cpu:.2f}"
            )
    print(f"(wall times and ratios are medians; times in ms; load average {_load():.1f})")


def _load() -> float:
    import os

    return os.getloadavg()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description="context build time against the floor")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--synthetic-files", type=int, default=1000)
    parser.add_argument("--synthetic-child", type=int, default=0, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.synthetic_child:
        synthetic_peak(arguments.synthetic_child)
        return
    repos = sorted(p for p in CORPUS.glob("*-*") if (p / ".git").exists())
    if not repos:
        print("no corpus: run `python -m bench.corpus` first", file=sys.stderr)
    rows = [measure(repo, "old", "new", arguments.repeat) for repo in repos]
    _print_table(rows)
    child = [sys.executable, "-m", "bench.context", "--synthetic-child"]
    output = subprocess.run(
        [*child, str(arguments.synthetic_files)], check=True, capture_output=True, text=True
    ).stdout.split()
    elapsed, floor_ms, before, peak = (float(value) for value in output)
    print(
        f"synthetic {arguments.synthetic_files} files: context+manifest {elapsed:.0f} ms "
        f"(floor {floor_ms:.0f} ms), peak RSS {peak:.1f} MB (start {before:.1f} MB; "
        f"target < {TARGET_PEAK_MB:.0f} MB)"
    )


if __name__ == "__main__":
    main()
