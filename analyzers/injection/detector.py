"""The scored detector of instruction text: many weak cues, one logistic score.

A passage (a paragraph, a comment block, a joined string) is folded (`normalise.fold`), split into
sentences, and read in windows of up to three sentences, so that cues far apart in a long text do
not add up. Each window gives a feature vector: per category of the cue lexicon how many entries it
holds (capped), and the pairs that mark an order to a machine (an addressee with an action, an action
with a sensitive target, secrecy with an action, ...). Passage-wide features add dialogue turns
(few-shot priming), filler and code density. The score of a passage is the best window score over
its plain reading and every decoded reading (`normalise.decoded_views`).

The weights are `analyzers/data/instruction_weights.json`, fitted by `bench/injection_train.py` on
the training split of the corpus in `bench/injection/`; nothing is downloaded or learned at run time.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

from analyzers.injection import cues, normalise

WINDOW_SENTENCES = 3
MAX_SENTENCES = 400
_SENTENCE = re.compile(r"[^.!?;\n\u3002\uff01\uff1f\uff1b]{1,2000}[.!?;\n\u3002\uff01\uff1f\uff1b]?")
_TURN = re.compile(r"(?m)^[ \t>#*\-/]{0,6}(?:user|human|assistant|ai|system|bot|q|a|question|answer|input"
                   r"|output|usuario|utilisateur|benutzer|пользователь|用户|ユーザー|사용자)\s{0,2}[:：]")  # fmt: skip
_CODE_CHARS = frozenset("{}();=<>[]$&|\\")
PAIRS = (
    ("addressee", ("action", "imperative", "override", "secrecy")),
    ("second_person", ("override", "secrecy", "roleplay", "mode", "output_format")),
    ("action", ("target", "secrecy")),
    ("instruction_ref", ("override", "indirect", "imperative")),
    ("roleplay", ("addressee", "mode", "hypothetical")),
    ("output_format", ("addressee", "second_person", "imperative")),
    ("persuasion", ("action", "override", "addressee")),
    ("splitting", ("action", "instruction_ref", "imperative")),
)
FEATURES = (
    *cues.CATEGORIES,
    "imperative_lead",
    *(f"{one}*{other}" for one, others in PAIRS for other in others),
    "turns", "decoded", "filler", "code_density",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Weights:
    bias: float
    weights: dict[str, float]
    report_at: float  # a passage scoring this or more is reported
    report_hidden_at: float  # the same for a passage that holds hidden characters
    sure_at: float  # a passage scoring this or more is reported with high confidence


@dataclass(frozen=True, slots=True)
class Verdict:
    score: float
    cues: tuple[str, ...]  # categories of the best window, strongest first
    decoding: str  # how the best reading was decoded ("" for plain text)


def read_weights(data: dict[str, object]) -> Weights:
    weights = {str(k): float(v) for k, v in dict(data["weights"]).items()}  # type: ignore[call-overload]
    unknown = set(weights) - set(FEATURES)
    if unknown:
        raise ValueError(f"unknown features in the weights: {sorted(unknown)}")
    return Weights(
        bias=float(data["bias"]),  # type: ignore[arg-type]
        weights=weights,
        report_at=float(data["report_at"]),  # type: ignore[arg-type]
        report_hidden_at=float(data["report_hidden_at"]),  # type: ignore[arg-type]
        sure_at=float(data["sure_at"]),  # type: ignore[arg-type]
    )


@cache
def packaged_weights() -> Weights:
    data = resources.files("analyzers").joinpath("data", "instruction_weights.json")
    return read_weights(json.loads(data.read_text(encoding="utf-8")))


def window_features(counts: Counter[str], lead: int) -> dict[str, float]:
    """The features of one window from its cue counts and its imperative sentence openings."""
    features: dict[str, float] = {c: float(min(n, 3)) for c, n in counts.items() if n}
    if lead:
        features["imperative_lead"] = float(min(lead, 3))
    for one, others in PAIRS:
        if counts[one]:
            for other in others:
                if counts[other]:
                    features[f"{one}*{other}"] = 1.0
    return features


def passage_features(raw: str, tokens: list[str]) -> dict[str, float]:
    features: dict[str, float] = {}
    turns = len(_TURN.findall(raw[: normalise.MAX_PASSAGE_CHARS]))
    if turns >= 2:
        features["turns"] = min(turns, 8) / 2
    if len(tokens) > 150:
        features["filler"] = 1.0 - len(set(tokens)) / len(tokens)
    sample = raw[:2000]
    if sample:
        features["code_density"] = 10 * sum(ch in _CODE_CHARS for ch in sample) / len(sample)
    return features


def windows(folded: str) -> list[tuple[Counter[str], int, list[str]]]:
    """(cue counts, imperative openings, tokens) of every window of the folded text."""
    sentences: list[tuple[Counter[str], int, list[str]]] = []
    imperative = _imperatives()
    for match in _SENTENCE.finditer(folded):
        text = match.group(0)
        tokens = cues.TOKEN.findall(text)
        if not tokens and not text.strip():
            continue
        counts = cues.count_cues(text, tokens)
        lead = 1 if tokens and (tokens[0] in imperative or " ".join(tokens[:2]) in imperative) else 0
        sentences.append((counts, lead, tokens))
        if len(sentences) >= MAX_SENTENCES:
            break
    if len(sentences) <= WINDOW_SENTENCES:
        return [_merge(sentences)] if sentences else []
    return [_merge(sentences[i : i + WINDOW_SENTENCES]) for i in range(len(sentences) - WINDOW_SENTENCES + 1)]


def _merge(part: list[tuple[Counter[str], int, list[str]]]) -> tuple[Counter[str], int, list[str]]:
    counts: Counter[str] = Counter()
    lead, tokens = 0, []
    for sentence_counts, sentence_lead, sentence_tokens in part:
        counts.update(sentence_counts)
        lead += sentence_lead
        tokens.extend(sentence_tokens)
    return counts, lead, tokens


@cache
def _imperatives() -> frozenset[str]:
    lex = cues.lexicon()
    words = {word for word, cats in lex.words.items() if "imperative" in cats}
    words |= {" ".join(key) for key, cats in lex.phrases.items() if "imperative" in cats and len(key) == 2}
    return frozenset(words)


def linear(features: dict[str, float], weights: Weights) -> float:
    return weights.bias + sum(weights.weights.get(name, 0.0) * value for name, value in features.items())


def sigmoid(value: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, value))))


def reading_features(raw: str, folded: str, decoding: str) -> list[dict[str, float]]:
    """The feature vectors of every window of one reading of a passage."""
    found = windows(folded)
    if not found:
        return []
    shared = passage_features(raw, [t for _, _, tokens in found for t in tokens])
    if decoding:
        shared["decoded"] = 1.0
    return [{**window_features(counts, lead), **shared} for counts, lead, _ in found]


def readings(raw: str) -> list[tuple[str, str]]:
    """(folded text, decoding) of the plain reading and of each decoded reading of a passage that
    holds a strong cue word (rot13 and reversal of ordinary text hold none, and cost nothing more)."""
    folded = normalise.fold(raw)
    strong = _strong_words()
    found = [(folded, "")]
    for view in normalise.decoded_views(folded, raw):
        if view.decoding == "base64" or any(token in strong for token in cues.TOKEN.findall(view.text)):
            found.append((view.text, view.decoding))
    return found


@cache
def _strong_words() -> frozenset[str]:
    """Single words of the categories that speak of machines, instructions and secrets."""
    weak = {"second_person", "imperative", "meta", "persuasion", "hypothetical", "splitting"}
    return frozenset(w for w, cats in cues.lexicon().words.items() if cats - weak)


def judge(raw: str, weights: Weights | None = None) -> Verdict:
    """The score of a passage: its best window over every reading."""
    weights = weights or packaged_weights()
    best, best_features, best_decoding = -math.inf, {}, ""
    for folded, decoding in readings(raw):
        for features in reading_features(raw, folded, decoding):
            value = linear(features, weights)
            if value > best:
                best, best_features, best_decoding = value, features, decoding
    if best == -math.inf:
        return Verdict(0.0, (), "")
    named = sorted(
        ((weights.weights.get(n, 0.0) * v, n) for n, v in best_features.items() if n in cues.CATEGORIES),
        reverse=True,
    )
    return Verdict(sigmoid(best), tuple(n for w, n in named if w > 0)[:4], best_decoding)
