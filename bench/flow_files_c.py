"""The data-flow engine alone over every C, C++ (or other lowered) file of a folder, each file a change
of its own that adds every line: the slowest file's CPU time, the peak memory of the process, and every
hit a rule would report (data from a source, or a call risky in itself), to be read by a person.

    .venv/bin/python -m bench.flow_files_c /tmp/redis          # a checkout of redis/redis
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from analyzers.contract.limits import InputLimitError
from analyzers.contract.syntax import parse_text
from analyzers.flow.engine import Engine
from analyzers.flow.program import Program, SourceFile

GRAMMARS = {".c": "c", ".h": "c", ".cpp": "cpp", ".cc": "cpp", ".hpp": "cpp"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("root", type=Path, help="the folder to read")
    args = parser.parse_args(argv)
    root: Path = args.root
    files = sorted(p for p in root.rglob("*") if p.suffix in GRAMMARS and p.is_file())
    lines = 0
    slowest = (0.0, "")
    reported: list[str] = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        lines += text.count("\n")
        started = time.process_time()
        try:
            tree = parse_text(GRAMMARS[path.suffix], text)
        except InputLimitError as error:
            reported.append(f"not parsed: {path.relative_to(root)} ({error})")
            continue
        if tree is None:
            continue
        source = SourceFile(str(path.relative_to(root)), GRAMMARS[path.suffix], tree, None)
        hits = Engine(Program([source])).analyze()
        slowest = max(slowest, (time.process_time() - started, source.path))
        for hit in hits:
            kinds = sorted({fact.kind for fact in hit.facts if fact.kind != "unknown"})
            if kinds or hit.literal:
                reported.append(f"{hit.path}:{hit.line} {hit.kind} {','.join(kinds) or 'call'}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{len(files)} files, {lines} lines; slowest {slowest[0]:.2f} s CPU ({slowest[1]}); peak {peak:.0f} MB"
    )
    print(f"{len(reported)} hits")
    for line in reported:
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
