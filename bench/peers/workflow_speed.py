"""Wall time of one workflow file's analysis, whole process: `bulwark scan` of a commit that adds the
file beside `zizmor --offline` on the same file. Target: Bulwark within 2x of zizmor.

Files are sampled (every n-th, sorted) from the extraction folder of `bench.peers.zizmor`; each command
runs `--repeat` times per file and the medians are compared.

    .venv/bin/python -m bench.peers.workflow_speed --zizmor /tmp/peers-zizmor/bin/zizmor --files 30
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _timed(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, capture_output=True, check=False)
    return time.perf_counter() - started


def _repository(file: Path, root: Path) -> Path:
    repo = root / "repo"
    if repo.exists():
        shutil.rmtree(repo)
    (repo / ".github" / "workflows").mkdir(parents=True)
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@localhost"]
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "base"], cwd=repo, check=True)
    shutil.copyfile(file, repo / ".github" / "workflows" / file.name)
    subprocess.run([*git, "add", "."], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "head"], cwd=repo, check=True)
    return repo


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--zizmor", type=Path, required=True)
    parser.add_argument("--bulwark", type=Path, default=Path(sys.executable).with_name("bulwark"))
    parser.add_argument("--work", type=Path, default=Path("/tmp/bulwark-bench-workflows"))
    parser.add_argument("--files", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    every = sorted(args.work.glob("*/.github/workflows/*.y*ml"))
    sample = every[:: max(1, len(every) // args.files)][: args.files]
    bulwark_times: list[float] = []
    zizmor_times: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for file in sample:
            repo = _repository(file, root)
            target = str(Path(".github") / "workflows" / file.name)
            scan = [
                str(args.bulwark),
                "scan",
                "--base",
                "HEAD~1",
                "--head",
                "HEAD",
                "--offline",
                "--format",
                "json",
            ]
            peer = [str(args.zizmor), "--offline", "--format", "json", "--no-progress", target]
            bulwark_times.append(statistics.median(_timed(scan, repo) for _ in range(args.repeat)))
            zizmor_times.append(statistics.median(_timed(peer, repo) for _ in range(args.repeat)))
    ours, theirs = statistics.median(bulwark_times), statistics.median(zizmor_times)
    print(f"{len(sample)} files, median of {args.repeat} runs each, whole process")
    print(f"bulwark scan:     median {ours * 1000:7.0f} ms  (max {max(bulwark_times) * 1000:.0f} ms)")
    print(f"zizmor --offline: median {theirs * 1000:7.0f} ms  (max {max(zizmor_times) * 1000:.0f} ms)")
    print(f"ratio {ours / theirs:.2f} (target <= 2.0)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
