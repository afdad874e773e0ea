"""Fit the instruction detector's weights on the training split of the corpus in `bench/injection/`.

    .venv/bin/python -m bench.injection_train

Logistic regression over the window features of `analyzers.injection.detector`, fitted by gradient
descent with L2 regularisation in plain Python (a few dozen features). A passage is a bag of windows
(and decoded readings): attack passages contribute their best window under the current weights,
benign passages every window, refitted a few rounds. The report threshold is the lowest score that
keeps the training benign false-positive rate at or under 0.005. Benign rows whose index is a
multiple of 5 and every held-out attack are never read here. Writes
`analyzers/data/instruction_weights.json`.
"""

from __future__ import annotations

import json
from pathlib import Path

from analyzers.injection import detector
from analyzers.injection.passages import Passage, prose_passages

FOLDER = Path(__file__).parent / "injection"
OUTPUT = Path(__file__).parent.parent / "analyzers" / "data" / "instruction_weights.json"
ROUNDS, EPOCHS, RATE, L2, BENIGN_WEIGHT = 5, 80, 0.5, 0.001, 1.0
TARGET_FPR = 0.006
HIDDEN_REPORT_AT = 0.2  # text that hides itself needs fewer cues


def load(name: str) -> list[dict[str, str]]:
    return [json.loads(line) for line in (FOLDER / name).read_text(encoding="utf-8").splitlines() if line]


def as_read(row: dict[str, str]) -> list[Passage]:
    """The passages the rule reads from a benign text: quotations apart, as in visible docs."""
    if row["kind"] in ("docstring", "comment"):
        return [Passage(1, 1, row["text"], "comment")]
    return [p for p in prose_passages(row["text"].splitlines(), "docs") if p.place != "quoted"]


def bags(texts: list[str]) -> list[list[dict[str, float]]]:
    out = []
    for text in texts:
        windows = [
            f for folded, how in detector.readings(text) for f in detector.reading_features(text, folded, how)
        ]
        out.append(windows[:40] or [{}])
    return out


def fit(
    rows: list[tuple[dict[str, float], float, float]], weights: dict[str, float], bias: float
) -> tuple[dict[str, float], float]:
    for _ in range(EPOCHS):
        grad: dict[str, float] = {}
        grad_bias, total = 0.0, 0.0
        for features, label, weight in rows:
            z = bias + sum(weights.get(k, 0.0) * v for k, v in features.items())
            error = (detector.sigmoid(z) - label) * weight
            grad_bias += error
            total += weight
            for k, v in features.items():
                grad[k] = grad.get(k, 0.0) + error * v
        bias -= RATE * grad_bias / total
        for name in detector.FEATURES:
            weights[name] = weights.get(name, 0.0) - RATE * (
                grad.get(name, 0.0) / total + L2 * weights.get(name, 0.0)
            )
    return weights, bias


def best(bag: list[dict[str, float]], weights: dict[str, float], bias: float) -> float:
    return max(bias + sum(weights.get(k, 0.0) * v for k, v in f.items()) for f in bag)


def main() -> None:
    attacks = [row["text"] for row in load("attacks.jsonl")]
    benign = [p.text for index, row in enumerate(load("benign.jsonl")) if index % 5 for p in as_read(row)]
    attack_bags, benign_bags = bags(attacks), bags(benign)
    prior = detector.packaged_weights()
    weights, bias = dict(prior.weights), prior.bias
    for _ in range(ROUNDS):
        rows = [(max(bag, key=lambda f: best([f], weights, bias)), 1.0, 1.0) for bag in attack_bags]
        rows += [(f, 0.0, BENIGN_WEIGHT / len(bag)) for bag in benign_bags for f in bag]
        weights, bias = fit(rows, weights, bias)
    benign_scores = sorted((detector.sigmoid(best(bag, weights, bias)) for bag in benign_bags), reverse=True)
    allowed = int(TARGET_FPR * len(benign_scores))
    report_at = max(0.5, benign_scores[allowed] + 1e-6)
    sure_at = max(report_at, benign_scores[0] + 1e-6, 0.9)
    recall = sum(detector.sigmoid(best(bag, weights, bias)) >= report_at for bag in attack_bags) / len(
        attack_bags
    )
    data = {
        "_about": "Fitted by bench/injection_train.py on bench/injection/ (training split); do not edit by hand.",
        "bias": round(bias, 4),
        "report_at": round(report_at, 4),
        "report_hidden_at": HIDDEN_REPORT_AT,
        "sure_at": round(min(sure_at, 0.999), 4),
        "weights": {name: round(weights.get(name, 0.0), 4) for name in detector.FEATURES},
    }
    OUTPUT.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"training: {len(attacks)} attacks, {len(benign)} benign; recall {recall:.3f} at {report_at:.3f}")


if __name__ == "__main__":
    main()
