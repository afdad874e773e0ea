"""Recall and false-positive rate of `injection-instruction-text` on the labelled corpus, through the
rule itself: every text embedded in a changed file as a reader would meet it.

    .venv/bin/python -m bench.injection_eval [--heldout | --dev5 | --dev7 | --dev8 | --tune9 | --frozen | ...]

Attack texts (`attacks.jsonl`, or `attacks_heldout.jsonl` with `--heldout`) are embedded in a
Markdown paragraph, in comments of Python, JavaScript and SQL (no grammar here: the lexical
fallback) and in string literals of Python, JavaScript and Go; an embedding counts as detected when
the rule reports it at `medium` or above. Benign texts are embedded where they came from (paragraphs
and translations in a README, docstrings and comments in Python, agent files as AGENTS.md) and count
as false positives when reported at `medium` or above; benign rows whose index is a multiple of 5
were never used for fitting and are reported apart (`benign.jsonl`, then the translated tutorials
`benign_translated.jsonl`). `--heldout` reads the development split;
`--dev5` the development attacks of the fifth round (never fitted) and the near misses
written for it (`benign_written.jsonl`, split as the other benign rows); `--dev7` the development
attacks of the seventh round (output formats, agent tasks, Korean) and its near misses
(`benign_written7.jsonl`), neither ever fitted; `--dev8` the development attacks of round ten
(orders worded as repositories word things, `attack_dev8.py`) and its near misses
(`benign_written8.jsonl`), neither ever fitted; `--tune9` the tuning attacks of round thirteen
(`attack_tune9.py`, whose misses may be read and fitted with cues, never with weights) and its near
misses (`benign_written9.jsonl`); `--frozen` the frozen
held-out split (`bench/injection/frozen/`, attacks, payloads split across
files of one change, and held-out benign documents), after checking that its files are the ones
recorded in its README; `--frozen2`, `--frozen3` and `--frozen4` the later sealed splits, checked
the same way. Prints Markdown tables.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from analyzers.base import Severity
from analyzers.contract.model import ChangeContext, ChangedFile, FileStatus, Hunk, PullRequestInfo
from analyzers.contract.syntax import detect_language
from analyzers.injection.injection_instruction_text import InjectionInstructionText
from analyzers.injection.passages import prose_passages
from app.context.classify import classify

FOLDER = Path(__file__).parent / "injection"
PR = PullRequestInfo("acme/shop", 1, "Change", "", "someone", "f", "main", "b" * 40, "a" * 40)


def _comment(mark: str, text: str) -> str:
    return "\n".join(f"{mark} {line}" for line in text.splitlines())


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


EMBEDDINGS: dict[str, tuple[str, Callable[[str], str]]] = {
    "markdown": ("README.md", lambda t: f"# Tools\n\nA small helper.\n\n{t}\n"),
    "py-comment": ("tools/run.py", lambda t: f"def run():\n{_comment('    #', t)}\n    return 1\n"),
    "js-comment": ("src/run.js", lambda t: f"{_comment('//', t)}\nfunction run() {{ return 1; }}\n"),
    "sql-comment": ("db/setup.sql", lambda t: f"{_comment('--', t)}\nSELECT 1;\n"),
    "py-string": ("tools/text.py", lambda t: f"MESSAGE = {_quoted(t)}\n"),
    "js-string": ("src/text.js", lambda t: f"const message = {_quoted(t)};\n"),
    "go-string": ("cmd/text.go", lambda t: f"package main\n\nvar message = {_quoted(t)}\n"),
}
BENIGN_EMBEDDING = {
    "paragraph": "markdown", "translation": "markdown", "security-doc": "markdown",
    "docstring": "py-docstring", "comment": "py-comment", "agent-file": "agent-file",
    "agent-docs": "markdown", "prompt-template": "py-string", "docs": "markdown", "i18n": "js-string",
    "agent-file-as-doc": "markdown", "todo": "markdown", "tutorial": "markdown",
}  # fmt: skip
EXTRA: dict[str, tuple[str, Callable[[str], str]]] = {
    "py-docstring": (
        "tools/lib.py",
        lambda t: f'def run():\n    """{t.replace(chr(34) * 3, "")}"""\n    return 1\n',
    ),
    "agent-file": ("AGENTS.md", lambda t: f"{t}\n"),
}


def changed(path: str, text: str) -> ChangedFile:
    count = max(len(text.splitlines()), 1)
    language = detect_language(path, text)
    return ChangedFile(
        path=path, status=FileStatus.ADDED, language=language, kinds=classify(path, text, language=language),
        head_text=text, hunks=(Hunk(0, 0, 1, count, tuple(range(1, count + 1)), (), ()),),
    )  # fmt: skip


def flagged(path: str, text: str) -> bool:
    return flagged_change([(path, text)])


def flagged_change(files: list[tuple[str, str]]) -> bool:
    ctx = ChangeContext(pr=PR, files=tuple(changed(path, text) for path, text in files))
    return any(f.severity >= Severity.MEDIUM for f in InjectionInstructionText().analyze(ctx))


def load(name: str) -> list[dict[str, str]]:
    return [json.loads(line) for line in (FOLDER / name).read_text(encoding="utf-8").splitlines() if line]


def table(title: str, counts: dict[str, list[int]], label: str) -> None:
    print(f"\n| {title} | n | {label} |\n| --- | ---: | ---: |")
    for key in sorted(counts):
        hits, total = counts[key]
        print(f"| {key} | {total} | {hits / total:.3f} |")


def _tally() -> dict[str, list[int]]:
    return defaultdict(lambda: [0, 0])


def attacks(name: str) -> None:
    rows = load(name)
    by: dict[str, dict[str, list[int]]] = {"technique": _tally(), "language": _tally(), "embedding": _tally()}
    for row in rows:
        for embedding, (path, wrap) in EMBEDDINGS.items():
            hit = flagged(path, wrap(row["text"]))
            for axis, key in (
                ("technique", row["technique"]),
                ("language", row["language"]),
                ("embedding", embedding),
            ):
                by[axis][key][0] += hit
                by[axis][key][1] += 1
    total = [sum(v[0] for v in by["embedding"].values()), sum(v[1] for v in by["embedding"].values())]
    print(f"\n## {name}: {len(rows)} texts, {total[1]} embeddings, recall {total[0] / total[1]:.3f}")
    for axis, counts in by.items():
        table(axis, counts, "recall")


SPLIT_PLACES: list[tuple[str, Callable[[str], str]]] = [
    ("docs/notes.md", lambda t: f"# Notes\n\n{t}\n"),
    ("src/helper.py", lambda t: f"def helper():\n{_comment('    #', t)}\n    return 1\n"),
    ("lib/util.js", lambda t: f"{_comment('//', t)}\nexport const util = 1;\n"),
]


def split_across_files(name: str) -> None:
    """Payloads split over several files of one change: one part per file."""
    rows = load(name)
    hits = sum(
        flagged_change(
            [(SPLIT_PLACES[i][0], SPLIT_PLACES[i][1](part)) for i, part in enumerate(row["parts"])]
        )
        for row in rows
    )
    print(f"\n## {name}: {len(rows)} payloads split across files, recall {hits / len(rows):.3f}")


def benign(name: str, *, development_split: bool = True) -> None:
    rows = load(name)
    by_kind, by_language, split = _tally(), _tally(), _tally()
    raw_agent = [0, 0]
    for index, row in enumerate(rows):
        path, wrap = {**EMBEDDINGS, **EXTRA}[BENIGN_EMBEDDING[row["kind"]]]
        hit = flagged(path, wrap(row["text"]))
        keys = [(by_kind, row["kind"]), (by_language, row["language"])]
        if development_split:
            keys.append((split, "held out" if index % 5 == 0 else "training"))
        for counts, key in keys:
            counts[key][0] += hit
            counts[key][1] += 1
        if row["kind"] == "agent-file":
            raw_agent[0] += flagged("README.md", row["text"] + "\n")
            raw_agent[1] += 1
    hits, total = sum(v[0] for v in by_kind.values()), sum(v[1] for v in by_kind.values())
    print(f"\n## {name}: {total} texts, false-positive rate {hits / total:.4f} at medium or above")
    table("kind", by_kind, "FPR")
    table("language", by_language, "FPR")
    if development_split:
        table("split", split, "FPR")
    print(f"\nagent-file paragraphs read as a README instead: {raw_agent[0]} of {raw_agent[1]} flagged")


def whole_documents(folder: Path) -> None:
    """Benign documents read whole, as a change adding them (adjacent paragraphs can be joined):
    findings at medium or above per passage of prose read."""
    by_kind: dict[str, list[int]] = _tally()
    for path in sorted(folder.glob("*.md")):
        kind = path.name.split(".", 1)[0]
        body = path.read_text(encoding="utf-8").partition("\n")[2]
        name = "AGENTS.md" if kind == "agent-file" else "docs/page.md"
        ctx = ChangeContext(pr=PR, files=(changed(name, body),))
        found = [f for f in InjectionInstructionText().analyze(ctx) if f.severity >= Severity.MEDIUM]
        read = len(prose_passages(body.splitlines(), "docs"))
        by_kind[kind][0] += len(found)
        by_kind[kind][1] += read
        for finding in found:
            print(f"  flagged in {path.name}:{finding.start_line}: {finding.evidence[:100]!r}")
    table(f"{folder.parent.name}/{folder.name} read whole", by_kind, "findings per passage")


def check_frozen(split: str) -> None:
    """Refuse to evaluate on a frozen split whose files changed since they were recorded."""
    readme = (FOLDER / split / "README.md").read_text(encoding="utf-8")
    recorded = dict(re.findall(r"^\| (\S+) \| \d+ \| ([0-9a-f]{64}) \|$", readme, re.MULTILINE))
    if not recorded:
        raise SystemExit(f"{split}/README.md records no hashes")
    for name, digest in recorded.items():
        actual = hashlib.sha256((FOLDER / split / name).read_bytes()).hexdigest()
        if actual != digest:
            raise SystemExit(f"{split}/{name} changed since it was frozen ({actual} != {digest})")


def main() -> None:
    parser = argparse.ArgumentParser()
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--heldout", action="store_true", help="the development split")
    group.add_argument("--frozen", action="store_true", help="the frozen held-out split (final figures only)")
    group.add_argument("--frozen2", action="store_true", help="the second frozen held-out split")
    group.add_argument("--frozen3", action="store_true", help="the third frozen held-out split")
    group.add_argument("--frozen4", action="store_true", help="the fourth sealed split (final figures only)")
    group.add_argument(
        "--dev5", action="store_true", help="the fifth round's development attacks and written near misses"
    )
    group.add_argument(
        "--dev7",
        action="store_true",
        help="the seventh round's development attacks and near misses (never fitted)",
    )
    group.add_argument(
        "--dev8",
        action="store_true",
        help="round ten's development attacks in repository wording and near misses (never fitted)",
    )
    group.add_argument(
        "--tune9",
        action="store_true",
        help="round thirteen's tuning attacks in repository wording and near misses (never fitted)",
    )
    args = parser.parse_args()
    if args.frozen4:
        check_frozen("frozen4")
        attacks("frozen4/attacks.jsonl")
        benign("frozen4/benign.jsonl", development_split=False)
    elif args.frozen3:
        check_frozen("frozen3")
        attacks("frozen3/attacks.jsonl")
        benign("frozen3/benign.jsonl", development_split=False)
    elif args.frozen2:
        check_frozen("frozen2")
        attacks("frozen2/attacks.jsonl")
        benign("frozen2/benign.jsonl", development_split=False)
        whole_documents(FOLDER / "frozen2" / "benign_files")
    elif args.frozen:
        check_frozen("frozen")
        attacks("frozen/attacks.jsonl")
        split_across_files("frozen/files.jsonl")
        benign("frozen/benign.jsonl", development_split=False)
        whole_documents(FOLDER / "frozen" / "benign_files")
    elif args.dev5:
        attacks("attacks_dev5.jsonl")
        benign("benign_written.jsonl")
    elif args.dev7:
        attacks("attacks_dev7.jsonl")
        benign("benign_written7.jsonl", development_split=False)
    elif args.dev8:
        attacks("attacks_dev8.jsonl")
        benign("benign_written8.jsonl", development_split=False)
    elif args.tune9:
        attacks("attacks_tune9.jsonl")
        benign("benign_written9.jsonl", development_split=False)
    elif args.heldout:
        attacks("attacks_heldout.jsonl")
    else:
        attacks("attacks.jsonl")
        benign("benign.jsonl")
        benign("benign_translated.jsonl")
        whole_documents(FOLDER / "benign_files")


if __name__ == "__main__":
    main()
