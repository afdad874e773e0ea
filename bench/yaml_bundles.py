"""Time and memory of the whole analysis of one big rendered YAML bundle, added in a pull request.

Rendered Kubernetes bundles (argo-cd's `manifests/install.yaml`, `helm template` outputs) are a few
megabytes; they are read up to `BULWARK_MAX_YAML_BYTES`, split at `---` and parsed document by
document. Each run is a fresh process (peak RSS is the process's own): the file is added in a change
of an otherwise empty tree and every registered rule runs over it, as the App would run them.

    .venv/bin/python -m bench.yaml_bundles FILE [FILE...] [--repeat 3]

A file can be a copy of a real bundle, or `--synthetic N` writes a bundle of N copies of the first
file's documents (to see how the cost grows with size, up to the cap).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def analyse(path: Path) -> dict[str, object]:
    """One analysis of `path` added to an empty tree, in this process."""
    from analyzers.registry import all_rules
    from analyzers.runner import run_analyzers
    from app.context.builder import build_from_directories

    with tempfile.TemporaryDirectory() as work:
        base, head = Path(work, "base"), Path(work, "head")
        base.mkdir()
        (head / "deploy").mkdir(parents=True)
        shutil.copyfile(path, head / "deploy" / "install.yaml")
        started, cpu = time.monotonic(), time.process_time()
        result = run_analyzers(build_from_directories(base, head), all_rules())
        wall, cpu = time.monotonic() - started, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return {
        "bytes": path.stat().st_size,
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),
        "peak_rss_mib": round(peak / 1024, 1),
        "findings": len(result.findings),
        "k8s_findings": sum(f.rule_id.startswith("k8s-") for f in result.findings),
        "gaps": [f"{gap.rule_id}: {gap.reason}" for gap in result.gaps][:5],
    }


def synthetic(source: Path, copies: int, target: Path) -> Path:
    text = source.read_text(encoding="utf-8")
    target.write_text("\n---\n".join([text] * copies), encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", type=Path, nargs="+")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--synthetic", type=int, default=0, help="N copies of the first file's documents")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # a child's single run
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(analyse(args.files[0])))
        return 0
    files = list(args.files)
    work = Path(tempfile.mkdtemp(prefix="bulwark-yaml-bundles-"))
    if args.synthetic:
        files = [synthetic(files[0], args.synthetic, work / f"x{args.synthetic}.yaml")]
    for path in files:
        runs = []
        for _ in range(args.repeat):
            out = subprocess.run(
                [sys.executable, "-m", "bench.yaml_bundles", "--one", str(path)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            runs.append(json.loads(out.strip().splitlines()[-1]))
        first = runs[0]
        print(
            f"{path.name}: {first['bytes']:,} bytes; wall median {statistics.median(r['wall_s'] for r in runs)} s, "
            f"cpu median {statistics.median(r['cpu_s'] for r in runs)} s, "
            f"peak RSS max {max(r['peak_rss_mib'] for r in runs)} MiB; "
            f"findings {first['findings']} (k8s {first['k8s_findings']}); gaps {first['gaps']}"
        )
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
