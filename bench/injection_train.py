"""Fit the instruction detector's weights on the training split of the corpus in `bench/injection/`.

    .venv/bin/python -m bench.injection_train

Logistic regression over the window features of `analyzers.injection.features`, fitted by gradient
descent with L2 regularisation in plain Python (identical feature vectors are merged first); the
features of three classes that make one act are pulled towards a positive prior weight (`PRIORS`)
instead of towards zero. A
passage is a bag of windows (and decoded readings): attack passages contribute their best window
under the current weights, benign passages every window (each passage weighing one in all, the
kinds that look most like attacks twice; attacks balanced over techniques and languages), refitted a
few rounds. The report threshold is the lowest
score that keeps the training benign false-positive rate at or under 0.003 overall and at or under 0.006 in
every kind of benign text with at least 300 passages (a smaller kind's rate says little); a benign
passage that the report rule could not report at any score (`could_report`: one kind of evidence, no
order framed) counts as never reported, so it sets no threshold. Read: `attacks.jsonl`, `attacks_heldout.jsonl` and the benign rows whose index is not a multiple
of 5 (`benign.jsonl`, `benign_repos.jsonl`, the near misses written here,
`benign_written.jsonl`, and the repository texts in everyday words, `benign_everyday.jsonl`); never the other benign rows, `attacks_dev5.jsonl`, `attacks_dev7.jsonl`, `attacks_dev8.jsonl`,
their near misses, nor anything under
`frozen*/`. Writes `analyzers/data/instruction_weights.json`.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from analyzers.injection import detector, features, injection_instruction_text, ngrams
from analyzers.injection.passages import Passage, prose_passages
from bench import injection_ngrams
from bench.injection.attack_texts import FILLER

FOLDER = Path(__file__).parent / "injection"
OUTPUT = Path(__file__).parent.parent / "analyzers" / "data" / "instruction_weights.json"
NGRAM_OUTPUT = OUTPUT.with_name("instruction_ngrams.json")
FOLDS = 5
ROUNDS, EPOCHS, RATE, L2 = 5, 120, 0.5, 0.002
TARGET_FPR, TARGET_KIND_FPR, MIN_KIND_ROWS = 0.003, 0.006, 300
HARD_KINDS = {
    "security-doc": 3.0,
    "prompt-template": 2.0,
    "agent-docs": 4.0,
    "agent-file": 2.0,
    "near-miss": 4.0,
}
# What is known before any data: the three classes of an act together are strong evidence whatever
# words carry them (the training texts say most overrides with a few stock phrases, so without this
# the weights would leave paraphrases to chance); pulled towards this weight, not towards zero.
PRIORS = {"*".join(triple): (1.5, 0.02) for triple in features.TRIPLES}
# Known before any data too: an act (`send`, `approve`, `ignore`) and dialogue turns are evidence for
# an order, each a kind of evidence of its own (`detector.evidence_strands` counts a class only when
# it weighs for a report). The near misses in everyday words use the same verbs and FAQ turns with no
# order, which alone would push these weights under zero; pulled towards a small positive weight.
PRIORS |= dict.fromkeys(("action", "transfer", "dismiss", "turns"), (0.2, 0.02))
MIN_REPORT_AT = 0.4  # never report below this, whatever the training texts allow
HIDDEN_REPORT_AT = 0.05  # text that hides itself needs fewer cues
UNREAD_REPORT_AT = 0.3  # text where nobody reads it (an HTML comment) needs fewer cues too
# text in plain view whose best window frames no order (`detector.ordered`) needs more: chosen on the
# development corpora (frozen v1 and frozen2 attacks, translated man pages and gettext catalogs of
# this machine as benign text), not fitted
UNFRAMED_REPORT_AT = 0.7
Vector = dict[str, float]
# benign texts fitted (rows whose index is not a multiple of 5); `benign_everyday.jsonl`: repository
# texts in the everyday words that the attacks of `attack_round6.py` give their orders in
BENIGN_FILES = ("benign.jsonl", "benign_repos.jsonl", "benign_written.jsonl", "benign_everyday.jsonl")
# near misses written as the pair of an attack (the same words, no order): fitted as one kind of their
# own, so that they count in the overall false-positive target and not in that of the kind of text
# they imitate (`threshold`: a kind of real text is held to its own rate)
NEAR_MISS_FILES, NEAR_MISS = ("benign_everyday.jsonl",), "near-miss"


def load(name: str) -> list[dict[str, str]]:
    return [json.loads(line) for line in (FOLDER / name).read_text(encoding="utf-8").splitlines() if line]


def as_read(row: dict[str, str]) -> list[Passage]:
    """The passages the rule reads from a benign text: quotations apart, as in visible docs."""
    if row["kind"] in ("docstring", "comment", "prompt-template", "i18n", "string", "yaml"):
        return [Passage(1, 1, row["text"], "comment")]
    place = "agent-file" if row["kind"] == "agent-file" else "docs"  # as the rule reads such a file
    return [p for p in prose_passages(row["text"].splitlines(), place) if p.place != "quoted"]


def bag(text: str, model: ngrams.Model) -> list[Vector]:
    windows: list[Vector] = []
    for folded, how, words in detector.readings(text):
        ngram = ngrams.score(words, model)
        local = detector.window_ngrams(folded, words, ngram, model)
        found = features.reading_features(text, folded, how, ngram)
        for index, values in enumerate(found):
            if local:
                values["ngram"] = local[index]
        windows.extend(found)
    return windows[:40] or [{}]


def without_padding(text: str) -> str:
    """An attack text without the ordinary prose it is padded with (`attack_texts.FILLER`, repeated
    around the order of a filler or mixed-language attack, and any sentence said twice): that prose is no instruction, and a
    model that learnt its words from attacks alone would score the padding by itself as an order
    (and filler attacks would look solved on training texts whatever the order's window scores)."""
    for padding in FILLER.values():
        text = text.replace(padding.strip(), " ")
    sentences = _SENTENCE_END.split(text)
    counts = Counter(sentence.strip() for sentence in sentences)
    return " ".join(s for s in sentences if counts[s.strip()] < 2)  # padding repeats, an order is said once


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[\u3002\uff01\uff1f])\s*")


def ngram_words(text: str, attack: bool) -> list[str]:
    """The words the n-gram model learns from: of an attack, its decoded readings where it has
    some (the plain reading of a smuggled text is its encoding), else its plain reading; without
    the filler padding around its order (`without_padding`)."""
    found = detector.readings(without_padding(text) if attack else text)
    decoded = [words for _, how, words in found if how] if attack else []
    plain = [words for _, how, words in found if not how]
    chosen = decoded or plain or [w for _, _, w in found[:1]]
    return [word for words in chosen for word in words]


def fit_ngrams(
    attack_rows: list[dict[str, str]], attack_weights: list[float], benign: list[tuple[str, Passage]]
) -> tuple[ngrams.Model, list[ngrams.Model]]:
    """The n-gram model of the whole training split, and one per fold fitted without that fold
    (attacks and benign passages are in fold `index % FOLDS`). Both classes weigh the same."""
    attack_words = [ngram_words(row["text"], True) for row in attack_rows]
    benign_words = [ngram_words(passage.text, False) for _, passage in benign]
    scale = sum(attack_weights) / max(len(benign_words), 1)
    benign_weights = [HARD_KINDS.get(kind, 1.0) * scale for kind, _ in benign]

    def examples(skip: int | None) -> list[tuple[list[str], float, float]]:
        out = [
            (words, 1.0, weight)
            for index, (words, weight) in enumerate(zip(attack_words, attack_weights, strict=True))
            if index % FOLDS != skip
        ]
        out += [
            (words, 0.0, weight)
            for index, (words, weight) in enumerate(zip(benign_words, benign_weights, strict=True))
            if index % FOLDS != skip
        ]
        return out

    folds = [injection_ngrams.fit(examples(fold), seed=fold) for fold in range(FOLDS)]
    return injection_ngrams.fit(examples(None), seed=FOLDS), folds


def score(vector: Vector, weights: Vector, bias: float) -> float:
    return bias + sum(weights.get(name, 0.0) * value for name, value in vector.items())


def best(windows: list[Vector], weights: Vector, bias: float) -> float:
    return max(score(vector, weights, bias) for vector in windows)


def merged(rows: list[tuple[Vector, float, float]]) -> list[tuple[Vector, float, float]]:
    """Identical (vector, label) rows as one row with their weights summed."""
    total: dict[tuple[tuple[tuple[str, float], ...], float], float] = defaultdict(float)
    for vector, label, weight in rows:
        total[(tuple(sorted(vector.items())), label)] += weight
    return [(dict(key), label, weight) for (key, label), weight in total.items()]


def fit(rows: list[tuple[Vector, float, float]], weights: Vector, bias: float) -> tuple[Vector, float]:
    total = sum(weight for _, _, weight in rows)
    for _ in range(EPOCHS):
        grad: Vector = defaultdict(float)
        grad_bias = 0.0
        for vector, label, weight in rows:
            error = (detector.sigmoid(score(vector, weights, bias)) - label) * weight
            grad_bias += error
            for name, value in vector.items():
                grad[name] += error * value
        bias -= RATE * grad_bias / total
        for name in features.FEATURES:
            current = weights.get(name, 0.0)
            centre, strength = PRIORS.get(name, (0.0, L2))
            weights[name] = current - RATE * (grad.get(name, 0.0) / total + strength * (current - centre))
    return weights, bias


def threshold(
    benign: list[tuple[str, list[Vector]]], weights: Vector, bias: float, reportable: list[bool]
) -> float:
    """The lowest score whose false-positive rate meets the targets overall and per kind. A passage
    the report rule could not report whatever its score (`reportable` False: one kind of evidence,
    no order framed) counts in the rates as one that is never reported."""
    scores = [
        (detector.sigmoid(best(windows, weights, bias)) if could else 0.0, kind)
        for (kind, windows), could in zip(benign, reportable, strict=True)
        if kind != NEAR_MISS
    ]
    by_kind: dict[str, list[float]] = defaultdict(list)
    for value, kind in scores:
        by_kind[kind].append(value)
    cut = sorted((value for value, _ in scores), reverse=True)[int(TARGET_FPR * len(scores))]
    print(f"threshold: overall {cut:.3f}")
    for kind, values in sorted(by_kind.items()):
        if len(values) >= MIN_KIND_ROWS:
            values.sort(reverse=True)
            cut = max(cut, values[int(TARGET_KIND_FPR * len(values))])
            print(
                f"threshold: {kind} ({len(values)} passages) {values[int(TARGET_KIND_FPR * len(values))]:.3f}"
            )
    return max(MIN_REPORT_AT, cut + 1e-6)


def could_report(
    passages: list[tuple[str, Passage]],
    benign: list[tuple[str, list[Vector]]],
    fitted: detector.Weights,
    folds: list[ngrams.Model],
) -> list[bool]:
    """For each benign passage, whether the report rule (`injection_instruction_text.reportable`,
    at any score) could report it as the detector judges it with the fitted weights and the
    n-gram model of its fold. Only passages that reach `MIN_REPORT_AT` are judged: no threshold is
    lower, so the others are never reported."""
    found = []
    for index, ((_, passage), (_, windows)) in enumerate(zip(passages, benign, strict=True)):
        if detector.sigmoid(best(windows, fitted.weights, fitted.bias)) < MIN_REPORT_AT:
            found.append(False)
            continue
        hidden = injection_instruction_text.has_hidden_characters(passage.text)
        verdict = detector.judge(passage.text, fitted, floor=MIN_REPORT_AT, model=folds[index % FOLDS])
        found.append(injection_instruction_text.reportable(verdict, 0.0, fitted, passage.place, hidden))
    return found


def balanced(rows: list[dict[str, str]]) -> list[float]:
    """Weights that give every technique and every language of the attacks the same total, so the
    many slot-filled templates do not drown the fewer texts written whole (mean weight one)."""
    techniques = Counter(row["technique"] for row in rows)
    languages = Counter(row["language"] for row in rows)
    raw = [1.0 / techniques[row["technique"]] + 1.0 / languages[row["language"]] for row in rows]
    scale = len(rows) / sum(raw)
    return [value * scale for value in raw]


def main() -> None:
    attack_rows = load("attacks.jsonl") + load("attacks_heldout.jsonl")
    attack_weights = balanced(attack_rows)
    passages = [
        (NEAR_MISS if name in NEAR_MISS_FILES else row["kind"], passage)
        for name in BENIGN_FILES
        for index, row in enumerate(load(name))
        if index % 5
        for passage in as_read(row)
    ]
    model, folds = fit_ngrams(attack_rows, attack_weights, passages)
    print(f"n-gram model: {len(model.weights)} features")
    attack_bags = [bag(row["text"], folds[index % FOLDS]) for index, row in enumerate(attack_rows)]
    benign = [
        (kind, bag(passage.text, folds[index % FOLDS])) for index, (kind, passage) in enumerate(passages)
    ]
    weights: Vector = {}
    bias = -4.0
    for _ in range(ROUNDS):
        rows = [
            (max(windows, key=lambda v: score(v, weights, bias)), 1.0, weight)
            for windows, weight in zip(attack_bags, attack_weights, strict=True)
        ]
        rows += [
            (v, 0.0, HARD_KINDS.get(kind, 1.0) / len(windows)) for kind, windows in benign for v in windows
        ]
        weights, bias = fit(merged(rows), weights, bias)
    fitted = detector.Weights(
        bias=bias,
        weights=dict(weights),
        report_at=MIN_REPORT_AT,
        report_hidden_at=HIDDEN_REPORT_AT,
        report_unread_at=UNREAD_REPORT_AT,
        report_unframed_at=UNFRAMED_REPORT_AT,
        sure_at=0.999,
    )
    reportable = could_report(passages, benign, fitted, folds)
    print(f"benign passages the rule could report at {MIN_REPORT_AT}: {sum(reportable)} of {len(reportable)}")
    report_at = threshold(benign, weights, bias, reportable)
    top = max(detector.sigmoid(best(windows, weights, bias)) for _, windows in benign)
    recall = sum(detector.sigmoid(best(w, weights, bias)) >= report_at for w in attack_bags) / len(
        attack_bags
    )
    data = {
        "_about": "Fitted by bench/injection_train.py on bench/injection/ (training split); do not edit by hand.",
        "bias": round(bias, 4),
        "report_at": round(report_at, 4),
        "report_hidden_at": HIDDEN_REPORT_AT,
        "report_unread_at": UNREAD_REPORT_AT,
        "report_unframed_at": UNFRAMED_REPORT_AT,
        "sure_at": round(min(max(report_at, top + 1e-6, 0.9), 0.999), 4),
        "weights": {name: round(weights.get(name, 0.0), 4) for name in features.FEATURES},
    }
    OUTPUT.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    NGRAM_OUTPUT.write_text(
        json.dumps(injection_ngrams.as_data(model), ensure_ascii=False, indent=0) + "\n", encoding="utf-8"
    )
    print(
        f"training (n-gram scores out of fold): {len(attack_bags)} attacks, {len(benign)} benign;"
        f" recall {recall:.3f} at {report_at:.3f}"
    )


if __name__ == "__main__":
    main()
