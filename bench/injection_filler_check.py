"""Recall on orders padded with ordinary prose (filler) that no model was fitted on: a development
check for the n-gram scores per window (`detector.window_ngrams`).

    .venv/bin/python -m bench.injection_filler_check

Each order of the development split (`attacks_heldout.jsonl`, techniques written as one short text)
is placed among three benign paragraphs of its language (or of English where the language has too
few) from the rows of `benign.jsonl` that were never used for fitting (index a multiple of 5), at a
position fixed by a seed, and embedded as `bench.injection_eval` embeds attacks. Prints a Markdown
table of recall per language.
"""

from __future__ import annotations

import random
from collections import defaultdict

from bench.injection_eval import EMBEDDINGS, flagged, load

TECHNIQUES = ("plain-override", "roleplay", "mode", "output-format", "hypothetical", "indirect", "persuasion")
PAD_KINDS = ("paragraph", "docs", "translation")


def padded_orders(seed: int = 5) -> list[tuple[str, str]]:
    """(language, text) of every padded order."""
    pads: dict[str, list[str]] = defaultdict(list)
    for index, row in enumerate(load("benign.jsonl")):
        if index % 5 == 0 and row["kind"] in PAD_KINDS and len(row["text"].split()) >= 25:
            pads[row["language"]].append(row["text"].replace("\n", " "))
    rng = random.Random(seed)
    found: list[tuple[str, str]] = []
    for row in load("attacks_heldout.jsonl"):
        if row["technique"] not in TECHNIQUES:
            continue
        pool = pads.get(row["language"], [])
        pool = pool if len(pool) >= 3 else pads["en"]
        parts = rng.sample(pool, 3)
        parts.insert(rng.randrange(3) + 1, row["text"])
        found.append((row["language"], " ".join(parts)))
    return found


def main() -> None:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for language, text in padded_orders():
        hits = sum(flagged(path, wrap(text)) for path, wrap in EMBEDDINGS.values())
        for key in (language, "all"):
            counts[key][0] += hits
            counts[key][1] += len(EMBEDDINGS)
    print("| language | embeddings | recall |\n| --- | ---: | ---: |")
    for key in sorted(counts):
        hits, total = counts[key]
        print(f"| {key} | {total} | {hits / total:.3f} |")


if __name__ == "__main__":
    main()
