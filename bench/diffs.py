"""What computing a patch costs when GitHub leaves it out: `make_patch` on big lockfile updates.

Each case is a generated lockfile (`tests/hostile/lockfiles.py`) and its update: one entry bumped,
every tenth entry bumped, and a reordered half (the shape a hostile author picks against difflib).
Prints seconds and the changed lines of the patch; `--difflib` times plain `difflib.unified_diff` beside.

    .venv/bin/python -m bench.diffs [--count 5000] [--difflib]
"""

from __future__ import annotations

import argparse
import difflib
import time

from app.context.diff import make_patch, read_patch
from tests.hostile import lockfiles


def cases(count: int) -> dict[str, tuple[str, str]]:
    base = lockfiles.pnpm_lock(count)
    lines = base.splitlines(keepends=True)
    half = len(lines) // 2
    return {
        "pnpm, one entry bumped": (base, lockfiles.pnpm_lock(count, bumped=count // 2)),
        "package-lock, one entry bumped": (
            lockfiles.package_lock(count),
            lockfiles.package_lock(count, bumped=7),
        ),
        "pnpm, second half moved first": (base, "".join(lines[half:] + lines[:half])),
        "pnpm, every line reversed": (base, "".join(reversed(lines))),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--difflib", action="store_true", help="also time plain difflib (can take minutes)")
    args = parser.parse_args()
    for name, (base, head) in cases(args.count).items():
        started = time.perf_counter()
        patch = make_patch(base, head)
        seconds = time.perf_counter() - started
        changed = sum(len(h.added) + len(h.removed) for h in read_patch(patch).hunks)
        line = f"{name:<34} {len(base) / 1e6:5.2f} MB  make_patch {seconds:7.2f} s  {changed} changed lines"
        if args.difflib:
            started = time.perf_counter()
            list(difflib.unified_diff(base.splitlines(True), head.splitlines(True), n=3))
            line += f"  difflib {time.perf_counter() - started:7.2f} s"
        print(line, flush=True)


if __name__ == "__main__":
    main()
