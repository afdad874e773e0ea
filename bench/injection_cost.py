"""What the injection family costs beside context building, in instructions (callgrind), and what it
outputs, over the changes of the real-change corpus (`bench/corpus.py`).

Instructions are counted, not timed: a shared machine moves timings by a third from one run to the
next, and callgrind's count does not move with the load. Four runs of this module under
`valgrind --tool=callgrind --trace-children=yes` (git's child processes counted too), with
`PYTHONHASHSEED=0`, differ by one step each:

- `warm`: every corpus change's context built and the family run over it once (grammars loaded,
  queries compiled, as in a worker);
- `context`: then every context built again (Python and git): the context's cost is `context - warm`;
- `prepare`: then each fresh context's head sides parsed and split into lines, as the rules before
  the family leave them (every head tree is parsed by then on this corpus);
- `family`: then the family's rules run once over each fresh context: its cost is `family - prepare`.

    .venv/bin/python -m bench.injection_cost callgrind    # the four runs (some 5 minutes), the counts
    .venv/bin/python -m bench.injection_cost callgrind --family-only   # `prepare` and `family` only
    .venv/bin/python -m bench.injection_cost dump OUT.json       # the family's findings, as JSON
    .venv/bin/python -m bench.injection_cost dump --passages OUT.json   # and every passage, judged alone

The dump is what a change to the family's speed must leave byte-identical (`cmp`).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from analyzers.base import Finding
from analyzers.contract.limits import InputLimitError
from analyzers.contract.model import ChangeContext, FileKind
from bench.analyzers import build, rules_of
from bench.corpus import changes

STAGES = ("warm", "context", "prepare", "family")
_TOTALS = re.compile(r"^(?:summary|totals):\s+(\d+)", re.MULTILINE)


def run_family(ctx: ChangeContext) -> list[Finding]:
    """The family's findings on one change, each rule run directly (no budget thread: a count under
    callgrind must not depend on how slow callgrind makes the run)."""
    found: list[Finding] = []
    for rule in rules_of("injection"):
        found.extend(rule().analyze(ctx))
    return found


def prepare(ctx: ChangeContext) -> None:
    """Parse and split the head sides, as the rules that run before the family leave them."""
    for file in ctx.files:
        file.lines("head")
        with contextlib.suppress(InputLimitError):  # past a parse limit: no rule has its tree
            file.tree("head")


def stage(name: str) -> None:
    repos = changes()
    for repo in repos:
        ctx = build(repo)
        prepare(ctx)
        run_family(ctx)
    if name == "warm":
        return
    fresh = [build(repo) for repo in repos]
    if name == "context":
        return
    for ctx in fresh:
        prepare(ctx)
    if name == "prepare":
        return
    for ctx in fresh:
        run_family(ctx)


def _finding(finding: Finding) -> dict[str, object]:
    return {
        "rule": finding.rule_id,
        "path": finding.path,
        "lines": [finding.start_line, finding.end_line],
        "severity": finding.severity.value,
        "confidence": finding.confidence,
        "message": finding.message,
        "evidence": finding.evidence,
    }


def _verdict(text: str, place: str) -> list[object]:
    """How the detector judges one passage on its own, every field of its verdict."""
    from analyzers.injection import detector
    from analyzers.injection.injection_instruction_text import has_hidden_characters, report_floor

    weights = detector.packaged_weights()
    verdict = detector.judge(text, weights, report_floor(weights, place, has_hidden_characters(text)))
    return [
        repr(verdict.score), list(verdict.cues), verdict.decoding, repr(verdict.bound), sorted(verdict.marks),
        verdict.strands, sorted(map(list, verdict.hits)), verdict.framed, verdict.unaddressed,
        verdict.framed_in_code, verdict.unaddressed_in_code, verdict.asking,
    ]  # fmt: skip


def dump(passages: bool) -> dict[str, object]:
    from analyzers.injection.injection_instruction_text import file_passages
    from analyzers.text.places import skip_reason

    out: dict[str, object] = {}
    for repo in changes():
        ctx = build(repo)
        prepare(ctx)
        entry: dict[str, object] = {"findings": [_finding(f) for f in run_family(ctx)]}
        if passages:
            fresh = build(repo)
            entry["passages"] = {
                file.path: [
                    [p.start_line, p.end_line, p.place, p.text, _verdict(p.text, p.place)]
                    for p in file_passages(fresh, file)
                ]
                for file in fresh.files
                if skip_reason(file) is None and file.added_lines and not file.is_kind(FileKind.LOCKFILE)
            }
        out[repo.name] = entry
    return out


def callgrind(stages: tuple[str, ...] = STAGES) -> dict[str, int]:
    """Instructions of each of `stages` (this process and its children), run under callgrind."""
    counts: dict[str, int] = {}
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    for name in stages:
        with tempfile.TemporaryDirectory() as folder:
            subprocess.run(
                [
                    "valgrind", "--tool=callgrind", "--trace-children=yes",
                    f"--callgrind-out-file={folder}/out.%p", sys.executable, "-m", "bench.injection_cost",
                    "stage", name,
                ],
                check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            counts[name] = instructions(Path(folder))
    return counts


def instructions(folder: Path) -> int:
    """The instructions counted in every callgrind output of `folder` (one per process)."""
    return sum(int(found[0]) for path in folder.iterdir() if (found := _TOTALS.findall(path.read_text())))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("stage").add_argument("name", choices=STAGES)
    dumping = commands.add_parser("dump")
    dumping.add_argument("out", type=Path)
    dumping.add_argument("--passages", action="store_true")
    counting = commands.add_parser("callgrind")
    counting.add_argument("--family-only", action="store_true", help="only the runs the family's count needs")
    args = parser.parse_args(argv)
    if not changes():
        print("no corpus: run `python -m bench.corpus` first", file=sys.stderr)
        return 2
    if args.command == "stage":
        stage(args.name)
    elif args.command == "dump":
        args.out.write_text(json.dumps(dump(args.passages), indent=1, ensure_ascii=False) + "\n")
    else:
        counts = callgrind(("prepare", "family") if args.family_only else STAGES)
        for name, count in counts.items():
            print(f"{name:10} {count / 1e6:12.1f} M")
        family = counts["family"] - counts["prepare"]
        print(f"family     {family / 1e6:12.1f} M   (family - prepare)")
        if not args.family_only:
            context = counts["context"] - counts["warm"]
            print(f"context    {context / 1e6:12.1f} M   (context - warm: Python and git)")
            print(f"family / context  {family / context:6.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
