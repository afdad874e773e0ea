"""Where `injection-instruction-text` spends its time on the real-change corpus (`bench/corpus.py`):
cutting files into passages, and each stage of judging them. Thread CPU time (not wall time, which the
other processes of a shared machine inflate), medians of `--repeat` runs; every run builds fresh
contexts and first runs the rules that precede this one, as `bench.analyzers` does.

    .venv/bin/python -m bench.injection_stages --repeat 7

Compare two trees back to back (`git archive main | tar -x -C DIR`, then `PYTHONPATH=DIR`).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable

from analyzers.contract.model import ChangeContext, FileKind
from analyzers.injection import cues, detector, features, ngrams, normalise
from analyzers.injection.injection_instruction_text import (
    InjectionInstructionText,
    file_passages,
    has_hidden_characters,
    report_floor,
)
from analyzers.runner import run_analyzers
from analyzers.text.places import skip_reason
from bench.analyzers import build, rules_of
from bench.corpus import changes

RULE = "injection-instruction-text"


def _contexts() -> list[ChangeContext]:
    """Fresh contexts of the corpus, with the rules before this one already run on them."""
    rules = rules_of(None)
    before = rules[: [rule.meta.id for rule in rules].index(RULE)]
    found = []
    for repo in changes():
        ctx = build(repo)
        run_analyzers(ctx, before)
        found.append(ctx)
    return found


def _seconds(action: Callable[[], object]) -> float:
    started = time.thread_time()
    action()
    return time.thread_time() - started


def measure(repeat: int) -> dict[str, list[float]]:
    spent: dict[str, list[float]] = {}
    for _ in range(repeat):
        _measure_once(spent)
    return spent


def _measure_once(spent: dict[str, list[float]]) -> None:
    weights = detector.packaged_weights()

    def note(stage: str, action: Callable[[], object]) -> None:
        spent.setdefault(stage, []).append(_seconds(action))

    contexts = _contexts()
    note("rule", lambda: [list(InjectionInstructionText().analyze(ctx)) for ctx in contexts])
    contexts = _contexts()
    judged: list[tuple[str, float]] = []

    def cut() -> None:
        for ctx in contexts:
            for file in ctx.files:
                if skip_reason(file) is None and file.added_lines and not file.is_kind(FileKind.LOCKFILE):
                    for passage in file_passages(ctx, file):
                        floor = report_floor(weights, passage.place, has_hidden_characters(passage.text))
                        judged.append((passage.text, floor))

    note("passages", cut)
    texts = list(dict.fromkeys((text, floor) for text, floor in judged if len(text.strip()) >= 8))
    note("judge", lambda: [detector.judge(text, weights, floor) for text, floor in texts])
    folded = [normalise.fold(text) for text, _ in texts]
    note("  fold", lambda: [normalise.fold(text) for text, _ in texts])
    note("  tokens", lambda: [cues.TOKEN.findall(text) for text in folded])
    tokens = [cues.TOKEN.findall(text) for text in folded]
    note(
        "  decoded views",
        lambda: [
            normalise.decoded_views(f, t, w) for f, (t, _), w in zip(folded, texts, tokens, strict=True)
        ],
    )
    readings = [(text, reading) for text, _ in texts for reading in detector.readings(text)]
    note("  n-gram score", lambda: [ngrams.score(words) for _, (_, _, words) in readings])
    scores = [ngrams.score(words) for _, (_, _, words) in readings]
    note(
        "  bound features",
        lambda: [
            features.bound_features(text, folded_text, words, decoding, score)
            for (text, (folded_text, decoding, words)), score in zip(readings, scores, strict=True)
        ],
    )
    note("    of which cue hits", lambda: [cues.cue_hits(f, words) for _, (f, _, words) in readings])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    if not changes():
        print("no corpus: run `python -m bench.corpus` first", file=sys.stderr)
        return 2
    for stage, values in measure(args.repeat).items():
        print(f"{stage:24} {1000 * statistics.median(values):8.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
