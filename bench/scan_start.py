"""What a one-file `bulwark scan` costs as a whole process, on real one-file commits.

The commits are the first `--per-repo` commits of each repository's tuning split in
`bench/noise_corpus.tsv` whose change touches exactly one file (the mirrors under `--mirrors`). Each
commit is scanned `--repeat` times as `bulwark scan --offline --format json`, in a fresh process; with
`--source DIR` (another checkout, for example the code before a change) the same command runs from that
checkout too, interleaved run by run so both see the same machine load. Printed per commit and over all
of them: the median wall time, CPU time (user + system) and peak RSS of the process, and whether the two
checkouts printed the same report (the `stats` timings left out). Target (issue "One straight pipeline"):
a one-file scan's whole process in at most 0.25 s.

    .venv/bin/python -m bench.scan_start [--source DIR] [--repeat 5] [--per-repo 2]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).with_name("noise_corpus.tsv")
MIRRORS = Path("/work/.mirror")
TARGET_SECONDS = 0.25


@dataclass(frozen=True, slots=True)
class Commit:
    repo: str
    base: str
    head: str
    path: str

    @property
    def label(self) -> str:
        return f"{self.repo.split('/')[1]}@{self.head[:8]} {self.path}"


@dataclass
class Runs:
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    rss_mb: list[float] = field(default_factory=list)
    report: object = None


def mirror_of(mirrors: Path, repo: str) -> Path:
    return mirrors / repo.replace("/", "+") / "repo"


def one_file_commits(mirrors: Path, per_repo: int) -> list[Commit]:
    """The first `per_repo` tuning commits of each repository that change exactly one file."""
    chosen: list[Commit] = []
    counts: dict[str, int] = {}
    with CORPUS.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            repo = row["repo"]
            if row["split"] != "tune" or counts.get(repo, 0) >= per_repo:
                continue
            git_dir = mirror_of(mirrors, repo)
            if not git_dir.exists():
                continue
            names = subprocess.run(
                ["git", "--git-dir", str(git_dir), "diff", "--name-only", row["base"], row["commit"]],
                capture_output=True,
                text=True,
                check=False,
            ).stdout.split()
            if len(names) == 1:
                chosen.append(Commit(repo, row["base"], row["commit"], names[0]))
                counts[repo] = counts.get(repo, 0) + 1
    return chosen


def scan_once(commit: Commit, mirrors: Path, source: Path | None) -> tuple[float, float, float, object]:
    """Wall seconds, CPU seconds, peak RSS (MB) and the report (without its timings) of one scan."""
    env = dict(os.environ)
    if source is not None:
        env["PYTHONPATH"] = str(source)
    command = [
        str(Path(sys.executable).with_name("bulwark")),
        "scan",
        "--offline",
        "--repo",
        str(mirror_of(mirrors, commit.repo)),
        "--base",
        commit.base,
        "--head",
        commit.head,
        "--format",
        "json",
    ]
    started = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, _, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = 0  # reaped above
    try:
        report = json.loads(out)
        report.pop("stats", None)
    except json.JSONDecodeError:
        report = out.decode("utf-8", "replace")[:200]
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, report


def show(label: str, runs: Runs) -> str:
    return (
        f"{label:<10} wall {statistics.median(runs.wall):6.3f} s  cpu {statistics.median(runs.cpu):6.3f} s  "
        f"rss {max(runs.rss_mb):5.0f} MB"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--source", type=Path, help="another checkout to run beside this one")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--per-repo", type=int, default=2)
    parser.add_argument("--mirrors", type=Path, default=MIRRORS)
    args = parser.parse_args(argv)
    commits = one_file_commits(args.mirrors, args.per_repo)
    sources: dict[str, Path | None] = {"this": None}
    if args.source is not None:
        sources["source"] = args.source.resolve()
    totals = {name: Runs() for name in sources}
    differing = 0
    for commit in commits:
        runs = {name: Runs() for name in sources}
        for _ in range(args.repeat):
            for name, source in sources.items():
                wall, cpu, rss, report = scan_once(commit, args.mirrors, source)
                runs[name].wall.append(wall)
                runs[name].cpu.append(cpu)
                runs[name].rss_mb.append(rss)
                runs[name].report = report
        print(commit.label)
        for name, measured in runs.items():
            print(f"  {show(name, measured)}")
            totals[name].wall.append(statistics.median(measured.wall))
            totals[name].cpu.append(statistics.median(measured.cpu))
            totals[name].rss_mb.append(max(measured.rss_mb))
        if len({json.dumps(r.report, sort_keys=True) for r in runs.values()}) > 1:
            differing += 1
            print("  the reports differ")
    print(f"{len(commits)} one-file commits, {args.repeat} runs each; medians of the per-commit medians:")
    for name, measured in totals.items():
        print(f"  {show(name, measured)}")
    if len(sources) > 1:
        print(f"reports that differ between the checkouts: {differing} of {len(commits)}")
    print(f"target: a one-file scan in at most {TARGET_SECONDS} s (wall); load {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
