"""Fit the word n-gram model of the instruction detector (`analyzers.injection.ngrams`).

Logistic regression over the n-gram features of folded text, binary presence divided by `ngrams.spread` (the
score's own scaling: L2-normalised, short readings shrunk), fitted
by AdaGrad with L2 regularisation in plain Python (deterministic order). `bench/injection_train.py`
calls `fit` once per fold (the cue weights are fitted on out-of-fold n-gram scores, so that the
weight of the `ngram` feature is what it is worth on text the model has not seen) and once on the
whole training split, whose weights it writes to `analyzers/data/instruction_ngrams.json` (features
whose weight is negligible left out).
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

from analyzers.injection import ngrams

EPOCHS, RATE, L2 = 6, 0.3, 5e-5
KEEP, MIN_WEIGHT = 25_000, 0.02


def fit(examples: Sequence[tuple[list[str], float, float]], seed: int = 0) -> ngrams.Model:
    """A model from (words, label, weight) examples; weights are scaled to a mean of one."""
    rows = []
    for words, label, weight in examples:
        found = sorted(ngrams.features_of(words))
        if found:
            rows.append((found, 1.0 / ngrams.spread(len(found)), label, weight))
    mean = sum(row[3] for row in rows) / max(len(rows), 1)
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    bias, bias_square = 0.0, 1e-8
    order = list(range(len(rows)))
    shuffle = random.Random(seed)
    for _ in range(EPOCHS):
        shuffle.shuffle(order)
        for index in order:
            found, value, label, weight = rows[index]
            logit = bias + value * sum(weights.get(name, 0.0) for name in found)
            error = (1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit)))) - label) * weight / mean
            bias_square += error * error
            bias -= RATE * error / math.sqrt(bias_square)
            for name in found:
                current = weights.get(name, 0.0)
                grad = error * value + L2 * current
                square = squares.get(name, 1e-8) + grad * grad
                squares[name] = square
                weights[name] = current - RATE * grad / math.sqrt(square)
    kept = sorted(((abs(w), name) for name, w in weights.items() if abs(w) >= MIN_WEIGHT), reverse=True)
    return ngrams.Model(bias=bias, weights={name: weights[name] for _, name in kept[:KEEP]})


def as_data(model: ngrams.Model) -> dict[str, object]:
    return {
        "_about": "Fitted by bench/injection_train.py on bench/injection/ (training split); do not edit by hand.",
        "bias": round(model.bias, 4),
        "weights": {name: round(weight, 3) for name, weight in sorted(model.weights.items())},
    }
