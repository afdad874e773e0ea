"""Recall and false-positive rate of `injection-instruction-text` on the labelled corpus, through the
rule itself: every text embedded in a changed file as a reader would meet it.

    .venv/bin/python -m bench.injection_eval [--heldout]

Attack texts (`attacks.jsonl`, or `attacks_heldout.jsonl` with `--heldout`) are embedded in a
Markdown paragraph, in comments of Python, JavaScript and SQL (no grammar here: the lexical
fallback) and in string literals of Python, JavaScript and Go; an embedding counts as detected when
the rule reports it at `medium` or above. Benign texts are embedded where they came from (paragraphs
and translations in a README, docstrings and comments in Python, agent files as AGENTS.md) and count
as false positives when reported at `medium` or above; benign rows whose index is a multiple of 5
were never used for fitting and are reported apart. Prints Markdown tables.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from analyzers.base import Severity
from analyzers.injection.injection_instruction_text import InjectionInstructionText
from app.context.classify import classify
from app.context.model import ChangeContext, ChangedFile, FileStatus, Hunk, PullRequestInfo
from app.context.syntax import detect_language

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
    ctx = ChangeContext(pr=PR, files=(changed(path, text),))
    return any(f.severity >= Severity.MEDIUM for f in InjectionInstructionText().analyze(ctx))


def load(name: str) -> list[dict[str, str]]:
    return [json.loads(line) for line in (FOLDER / name).read_text(encoding="utf-8").splitlines() if line]


def table(title: str, counts: dict[str, list[int]], label: str) -> None:
    print(f"\n| {title} | n | {label} |\n| --- | ---: | ---: |")
    for key in sorted(counts):
        hits, total = counts[key]
        print(f"| {key} | {total} | {hits / total:.3f} |")


def attacks(name: str) -> None:
    rows = load(name)
    by: dict[str, dict[str, list[int]]] = {
        "technique": defaultdict(lambda: [0, 0]),
        "language": defaultdict(lambda: [0, 0]),
        "embedding": defaultdict(lambda: [0, 0]),
    }
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


def benign() -> None:
    rows = load("benign.jsonl")
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_language: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    split: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    raw_agent = [0, 0]
    for index, row in enumerate(rows):
        path, wrap = {**EMBEDDINGS, **EXTRA}[BENIGN_EMBEDDING[row["kind"]]]
        hit = flagged(path, wrap(row["text"]))
        for counts, key in (
            (by_kind, row["kind"]),
            (by_language, row["language"]),
            (split, "held out" if index % 5 == 0 else "training"),
        ):
            counts[key][0] += hit
            counts[key][1] += 1
        if row["kind"] == "agent-file":
            raw_agent[0] += flagged("README.md", row["text"] + "\n")
            raw_agent[1] += 1
    hits, total = sum(v[0] for v in by_kind.values()), sum(v[1] for v in by_kind.values())
    print(f"\n## benign.jsonl: {total} texts, false-positive rate {hits / total:.4f} at medium or above")
    table("kind", by_kind, "FPR")
    table("language", by_language, "FPR")
    table("split", split, "FPR")
    print(f"\nagent-file paragraphs read as a README instead: {raw_agent[0]} of {raw_agent[1]} flagged")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--heldout", action="store_true")
    args = parser.parse_args()
    attacks("attacks_heldout.jsonl" if args.heldout else "attacks.jsonl")
    if not args.heldout:
        benign()


if __name__ == "__main__":
    main()
