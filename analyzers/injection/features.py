"""Feature vectors of the instruction detector: sentences, windows of sentences, structural cues.

A reading of a passage (folded text, see `normalise.fold`) is split into sentences and read in
windows of up to three sentences, so that cues far apart in a long text do not add up. A window's
features are, per semantic class of the cue lexicon, how many entries it holds (capped), two cues
of sentence structure (a sentence that opens with an imperative verb, possibly after naming whom it
speaks to; a sentence that opens by addressing an AI tool: `Agent:`, `To the reviewing AI,`), and
the pairs of classes that together mark an order to a machine (an addressee with an action, an
action with a secret, a secret with a destination, a dismissal with instructions, ...). Passage-wide
features add dialogue turns (few-shot priming), filler, code density and whether the reading was
decoded. Everything is linear in the (capped) text; the patterns have no nested quantifiers.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from analyzers.injection import cues, normalise

WINDOW_SENTENCES = 2
MAX_SENTENCES = 400
CAP = 3
_ENDS = ".!?;\u3002\uff01\uff1f\uff1b"
# a sentence: characters up to an end mark followed by a space (a dot inside `.env` or a URL is no end)
_SENTENCE = re.compile(
    r"(?:[^.!?;\n\u3002\uff01\uff1f\uff1b]|[.!?;](?=\S)){1,2000}[.!?;\n\u3002\uff01\uff1f\uff1b]?"
)
_CODE_MARK = re.compile(r"[\[\]().`_*=/]")  # a label made of code (`[agents.Runner]:`) names no one
_VOCATIVE_MARK = re.compile(r"[:\uff1a,\uff0c\u2014\u2013]| - ")
# URLs, IP addresses and e-mail addresses: destinations, whose words are not read as cues
_LITERAL = re.compile(r"\b(?:https?|ftp)://[^\s<>\"'`)\]]{1,300}|\b\d{1,3}(?:\.\d{1,3}){3}\b(?::\d{1,5})?"
                      r"|[\w.+-]{1,64}@[\w-]{1,63}\.[a-z]{2,12}\b")  # fmt: skip
_TURN = re.compile(r"(?m)^[ \t>#*\-/\[]{0,6}(?:user|human|assistant|ai|system|bot|q|a|question|answer|input|output"
                   r"|request|result|usuario|utilisateur|benutzer|nutzer|frage|antwort|пользователь|вопрос|ответ"
                   r"|用户|问|答|ユーザー|質問|回答|사용자)\]?\s{0,2}[:：]")  # fmt: skip
_CODE_CHARS = frozenset("{}();=<>[]$&|\\")

COUNTED = tuple(c for c in cues.CATEGORIES if c not in ("imperative", "request"))
PAIRS = (
    ("addressee", ("action", "transfer", "dismiss", "secrecy", "modal")),
    ("vocative", ("action", "transfer", "dismiss", "imperative_lead", "modal", "secret", "indirect", "output_format")),
    ("second_person", ("dismiss", "secrecy", "roleplay", "mode", "output_format", "action", "hypothetical", "secret")),
    ("imperative_lead", ("action", "transfer", "dismiss", "secret", "secrecy", "destination")),
    ("modal", ("action", "transfer", "secret", "output_format")),
    ("action", ("secret", "destination", "secrecy")),
    ("transfer", ("secret", "destination")),
    ("secret", ("destination",)),
    ("safeguard", ("action", "dismiss", "imperative_lead", "vocative", "modal", "secrecy")),
    ("dismiss", ("instruction_ref", "prior")),
    ("instruction_ref", ("override", "prior")),
    ("roleplay", ("addressee", "mode", "action", "secret")),
    ("mode", ("action", "secret", "instruction_ref")),
    ("hypothetical", ("action", "secret", "imperative_lead", "transfer")),
    ("persuasion", ("action", "transfer", "secret", "dismiss")),
    ("output_format", ("addressee", "imperative_lead", "action")),
    ("indirect", ("imperative_lead", "instruction_ref", "action", "modal", "reference")),
    ("reference", ("instruction_ref", "imperative_lead", "modal")),
    ("splitting", ("action", "instruction_ref", "imperative_lead", "dismiss")),
    ("verdict", ("output_format", "secrecy", "modal", "imperative_lead", "second_person", "vocative", "persuasion")),
    ("meta", ("addressee", "action", "instruction_ref")),
    ("docs", ("action", "secret")),
    ("hedge", ("addressee", "action")),
)  # fmt: skip
PASSAGE_FEATURES = ("turns", "decoded", "filler", "code_density")
_DILUTE = frozenset({"docs", "meta", "hedge", "imperative", "request", "second_person", "addressee"})
FEATURES = (
    *COUNTED,
    "imperative_lead",
    "density",
    *(f"{one}*{other}" for one, others in PAIRS for other in others),
    *PASSAGE_FEATURES,
)


class Sentence:
    """The distinct cues of one sentence and whether it opens with an order."""

    __slots__ = ("hits", "lead", "tokens")

    def __init__(self, text: str) -> None:
        literals: list[str] = []
        if "/" in text or "@" in text or "." in text:
            literals = _LITERAL.findall(text)
            if literals:
                text = _LITERAL.sub(" ", text)
        self.tokens = cues.TOKEN.findall(text)
        self.hits = cues.cue_hits(text, self.tokens)
        self.hits.update(("destination", literal) for literal in literals)
        self.lead = 0
        opening = self.tokens
        mark = _VOCATIVE_MARK.search(text, 0, 80)
        if (
            mark
            and any(category == "addressee" for category, _ in self.hits)
            and not _CODE_MARK.search(text, 0, mark.start())
        ):
            before = cues.TOKEN.findall(text[: mark.start()])
            if 0 < len(before) <= 6 and cues.count_cues(text[: mark.start()], before)["addressee"]:
                self.hits.add(("vocative", ":"))
                opening = self.tokens[len(before) :]
        if opening and (opening[0] in _imperatives() or " ".join(opening[:2]) in _imperatives()):
            self.lead = 1


def sentences(folded: str) -> list[Sentence]:
    found: list[Sentence] = []
    for match in _SENTENCE.finditer(folded):
        text = match.group(0)
        if text.strip():
            found.append(Sentence(text))
            if len(found) >= MAX_SENTENCES:
                break
    return found


def window_features(counts: Counter[str], lead: int, tokens: int) -> dict[str, float]:
    """The features of one window from its cue counts, its imperative sentence openings and its
    length in tokens (orders are dense: many cues in few words)."""
    features: dict[str, float] = {c: float(min(counts[c], CAP)) for c in COUNTED if counts[c]}
    strong = sum(n for c, n in counts.items() if c not in _DILUTE)
    if strong:
        features["density"] = min(CAP, 4 * strong / max(tokens, 8))
    hedge = counts["hedge"] - counts["request"]
    if hedge > 0:
        features["hedge"] = float(min(hedge, CAP))
    else:
        features.pop("hedge", None)
    if lead:
        features["imperative_lead"] = float(min(lead, CAP))
    present = {name for name, value in features.items() if value}
    for one, others in PAIRS:
        if one in present:
            for other in others:
                if other in present:
                    features[f"{one}*{other}"] = 1.0
    return features


def windows(found: list[Sentence]) -> list[tuple[Counter[str], int, int]]:
    """(cue counts, imperative openings, tokens) of every window of up to two sentences."""
    if len(found) <= WINDOW_SENTENCES:
        spans = [found] if found else []
    else:
        spans = [found[i : i + WINDOW_SENTENCES] for i in range(len(found) - WINDOW_SENTENCES + 1)]
    merged = []
    for span in spans:
        hits: set[tuple[str, str]] = set()
        for sentence in span:
            hits |= sentence.hits
        lead = sum(sentence.lead for sentence in span)
        merged.append((Counter(category for category, _ in hits), lead, sum(len(s.tokens) for s in span)))
    return merged


def passage_features(raw: str, tokens: list[str], decoding: str) -> dict[str, float]:
    features: dict[str, float] = {}
    turns = len(_TURN.findall(raw[: normalise.MAX_PASSAGE_CHARS]))
    if turns >= 2:
        features["turns"] = min(turns, 8) / 2
    if len(tokens) > 150:
        features["filler"] = 1.0 - len(set(tokens)) / len(tokens)
    sample = raw[:2000]
    if sample:
        features["code_density"] = 10 * sum(ch in _CODE_CHARS for ch in sample) / len(sample)
    if decoding:
        features["decoded"] = 1.0
    return features


def reading_features(raw: str, folded: str, decoding: str) -> list[dict[str, float]]:
    """The feature vectors of every window of one reading of a passage."""
    found = sentences(folded)
    if not found:
        return []
    shared = passage_features(raw, [t for s in found for t in s.tokens], decoding)
    return [{**window_features(counts, lead, size), **shared} for counts, lead, size in windows(found)]


def bound_features(raw: str, folded: str, decoding: str) -> dict[str, float]:
    """Features no window of this reading can exceed (for the monotone ones): the whole reading
    counted as one window, every structural cue assumed where its words are present."""
    literals = _LITERAL.findall(folded) if "/" in folded or "@" in folded or "." in folded else []
    text = _LITERAL.sub(" ", folded) if literals else folded
    tokens = cues.TOKEN.findall(text)
    hits = cues.cue_hits(text, tokens)
    hits.update(("destination", literal) for literal in literals)
    counts = Counter(category for category, _ in hits)
    if counts["addressee"]:
        counts["vocative"] += CAP
    lead = CAP if _lead_words().intersection(tokens) else 0
    bound = window_features(counts, lead, 8)
    for name in ("density", "hedge"):  # not monotone in the window: their largest value
        if name in bound or (name == "hedge" and counts["hedge"]):
            bound[name] = float(CAP)
    return {**bound, **passage_features(raw, tokens, decoding)}


@cache
def _imperatives() -> frozenset[str]:
    lex = cues.lexicon()
    words = {word for word, cats in lex.words.items() if "imperative" in cats}
    words |= {" ".join(key) for key, cats in lex.phrases.items() if "imperative" in cats and len(key) == 2}
    return frozenset(words)


@cache
def _lead_words() -> frozenset[str]:
    """Words an imperative opening can start with (single words and first words of phrases)."""
    return frozenset(phrase.split(" ", 1)[0] for phrase in _imperatives())
