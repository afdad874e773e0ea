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
from functools import cache, lru_cache

from analyzers.injection import cues, normalise, scripts
from analyzers.record import record

WINDOW_SENTENCES = 2
MAX_SENTENCES = 400
CAP = 3
_ENDS = ".!?;\u3002\uff01\uff1f\uff1b"
# a sentence: characters up to an end mark followed by a space (a dot inside `.env` or a URL is no end)
_SENTENCE = re.compile(
    r"(?:[^.!?;\n\u3002\uff01\uff1f\uff1b]|[.!?;](?=\S)){1,2000}[.!?;\n\u3002\uff01\uff1f\uff1b]?"
)
MAX_SENTENCE_CHARS = 2000  # `_SENTENCE` reads at most this many characters before its end mark
# the same sentences found run by run: a run of characters that end nothing is taken whole (possessive,
# and the two branches start on different characters: nothing to backtrack into, linear), not tried
# character by character; it knows no length, so a sentence
# longer than `_SENTENCE` takes is found again by `_SENTENCE`
_SENTENCE_RUNS = re.compile(
    r"(?:[^.!?;\n\u3002\uff01\uff1f\uff1b]++|[.!?;](?=\S))+[.!?;\n\u3002\uff01\uff1f\uff1b]?"
)
_CODE_MARK = re.compile(r"[\[\]().`_*=/]")  # a label made of code (`[agents.Runner]:`) names no one
_VOCATIVE_MARK = re.compile(r"[:\uff1a,\uff0c\u2014\u2013]| - ")
# URLs, IP addresses and e-mail addresses: destinations, whose words are not read as cues
_URL = re.compile(r"\b(?:https?|ftp)://[^\s<>\"'`)\]]{1,300}")
_IP = re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}\b(?::\d{1,5})?")
_DIGIT_DOT = re.compile(r"\d\.\d")
_EMAIL = re.compile(r"\b[\w.+-]{1,64}@[\w-]{1,63}\.[a-z]{2,12}\b")
_TURN_LABELS = (r"user|human|assistant|ai|system|bot|q|a|question|answer|input|output|request|result|usuario"
                r"|utilisateur|benutzer|nutzer|frage|antwort|пользователь|вопрос|ответ|用户|问|答|ユーザー|質問"
                r"|回答|사용자|pregunta|respuesta|pergunta|resposta|réponse|domanda|risposta|질문|답변")  # fmt: skip
_TURN = re.compile(r"(?im)^[ \t>#*\-/\[]{0,6}(?:" + _TURN_LABELS + r")\]?\s{0,2}[:：]")
# the labels of a dialogue's turns anywhere in a line (a passage's lines are joined): `Q1: ... A1: ...`
_INLINE_LABELS = (r"user|human|assistant|ai|system|bot|q\d{0,2}|a\d{0,2}|p|r|question|answer|usuario"
                  r"|utilisateur|benutzer|nutzer|frage|antwort|пользователь|вопрос|ответ|в|о|用户|问|答|ユーザー"
                  r"|質問|回答|사용자|pregunta|respuesta|pergunta|resposta|réponse|domanda|risposta|질문|답변")  # fmt: skip
_INLINE_TURN = re.compile(r"(?i)(?:^|(?<=[\s.!?;\u3002\uff1f\uff01]))(?:" + _INLINE_LABELS + r")\s{0,2}[:：]")


def _backwards(labels: str) -> str:
    r"""An alternation of labels (words, or a word and `\d{0,2}`) spelled backwards."""
    digits = r"\d{0,2}"
    spelled = []
    for label in labels.split("|"):
        word = label.removesuffix(digits)
        if not word.isalpha():
            raise ValueError(f"a turn label must be a word, optionally followed by {digits}: {label!r}")
        spelled.append((digits if label != word else "") + word[::-1])
    return "|".join(spelled)


# the same two patterns read on the reversed text, from each colon back (each match holds one colon,
# its last character, so both find as many turns; a scan for colons is cheaper than trying the
# labels at every position)
_TURN_BACK = re.compile(
    r"[:：](?i:\s{0,2}\]?(?:" + _backwards(_TURN_LABELS) + r")[ \t>#*\-/\[]{0,6})(?=\n|\Z)"
)
_INLINE_TURN_BACK = re.compile(
    r"[:：](?i:\s{0,2}(?:" + _backwards(_INLINE_LABELS) + r"))(?=[\s.!?;\u3002\uff1f\uff01]|\Z)"
)
_ACCOUNT = re.compile(r"[\w.-]{1,39}\[bot\]")  # a GitHub App's account (`dependabot[bot]`) is a name
# programs named agents (`gpg-agent`, `ssh-agent`, a `User-Agent` header, `l'agente SSH`) are no AI tool
_PROGRAM_AGENT = re.compile(
    r"\b(?:gpg2?|ssh|pgp|user|polkit|keyring)[-_ ]?agent\w{0,2}\b|\bagent\w{0,2} (?:(?:de|di|del|des) )?(?:gpg2?|ssh|pgp)\b"
)
# a word that can stand before an imperative without changing its mood (not `solo`, `apenas`: in
# Spanish and Portuguese the verb after them reads as the indicative, `solo muestra` "only shows")
_SOFTENERS = frozenset({"just", "simply", "then", "so", "and", "now", "please", "kindly", "luego", "puis",
                        "alors", "dann", "einfach", "bitte", "poi", "depois", "просто", "потом", "затем",
                        "теперь"})  # fmt: skip
_LIST_MARKS = frozenset(",\u3001\uff0c")
_NOT_CODE = str.maketrans(dict.fromkeys("{}();=<>[]$&|\\"))  # deletes the characters of code

COUNTED = tuple(c for c in cues.CATEGORIES if c not in ("imperative", "request"))
_COUNTED = frozenset(COUNTED)
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
    ("instruction_ref", ("prior",)),
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
# three classes that together are one act: exfiltration, overriding, an order on a secret, on a
# safeguard, or an AI tool sent to act on a destination (`agent: download and run https://.../x.sh`)
TRIPLES = (
    ("transfer", "secret", "destination"),
    ("dismiss", "instruction_ref", "prior"),
    ("addressee", "action", "secret"),
    ("action", "safeguard", "addressee"),
    ("addressee", "action", "destination"),
)
PASSAGE_FEATURES = ("turns", "decoded", "filler", "code_density", "ngram")
_DILUTE = frozenset({"docs", "meta", "hedge", "imperative", "request", "second_person", "addressee"})
FEATURES = (
    *COUNTED,
    "imperative_lead",
    "density",
    *(f"{one}*{other}" for one, others in PAIRS for other in others),
    *("*".join(triple) for triple in TRIPLES),
    *PASSAGE_FEATURES,
)


def _literals(text: str) -> tuple[str, list[str]]:
    """`text` with its URLs, IP addresses and e-mail addresses blanked, and those literals; each
    pattern only runs where its mark (`://`, a dotted number, `@`) can be."""
    found: list[str] = []
    for pattern, mark in ((_URL, "://"), (_EMAIL, "@"), (_IP, ".")):
        if mark in text and (pattern is not _IP or _DIGIT_DOT.search(text)):
            matched = pattern.findall(text)
            if matched:
                found.extend(matched)
                text = pattern.sub(" ", text)
    return text, found


@lru_cache(maxsize=1)  # the readings of one passage, and its windows, share its raw text
def turn_count(raw: str) -> int:
    """How many dialogue turns the first `MAX_PASSAGE_CHARS` characters of `raw` hold: turns that
    open a line, or else (fewer than two) labels anywhere in it (`_TURN`, `_INLINE_TURN`, counted
    on the reversed text)."""
    backwards = raw[: normalise.MAX_PASSAGE_CHARS][::-1]
    turns = len(_TURN_BACK.findall(backwards))
    return turns if turns >= 2 else len(_INLINE_TURN_BACK.findall(backwards))


_ARROWS = ("->", "\u2192", "=>")
MIN_EXAMPLES = 2  # worked examples before the open one


def open_examples(raw: str) -> int:
    """How many example lines a passage holds when it ends on an open one, as few-shot priming
    does: lines that map one thing to another with an arrow (`Task: fix typo -> ran the script`),
    at least `MIN_EXAMPLES` of them worked, then a last line that ends on its arrow, the answer
    left for the reader to give (`Task: this issue ->`). A list of mappings with every answer given
    is documentation (0)."""
    lines = [line.strip() for line in raw[: normalise.MAX_PASSAGE_CHARS].splitlines() if line.strip()]
    if not lines or not lines[-1].endswith(_ARROWS):
        return 0
    worked = sum(1 for line in lines[:-1] if any(arrow in line for arrow in _ARROWS))
    return worked + 1 if worked >= MIN_EXAMPLES else 0


def _colons(raw: str) -> int:
    """How many colons the characters `turn_count` reads hold: each of its turns holds one."""
    end = normalise.MAX_PASSAGE_CHARS
    return raw.count(":", 0, end) + raw.count("\uff1a", 0, end)


def words_in(text: str, tokens: list[str]) -> int:
    """How many words a text holds: its tokens, and in scripts written without spaces one word for
    every two characters (a token of Chinese or Japanese is a whole run of words)."""
    if text.isascii():
        return len(tokens)
    spaceless = len(scripts.unspaced().findall(text))
    return len(tokens) + spaceless // 2 - (1 if spaceless else 0)


def _names_addressee(head: str, words: list[str], addressees: list[str]) -> bool:
    """Whether the words before a colon or comma end by naming an AI tool (`Dear assistant,`, `To the
    reviewing model:`), as a vocative does; `Agents read comments,` names one and goes on
    (`addressees`: the addressee cues of the sentence)."""
    tail = head.rstrip()
    return any(entry.split()[-1] == words[-1] or tail.endswith(entry) for entry in addressees)


def _enumerates(text: str, addressees: list[str]) -> bool:
    """Whether a sentence lists AI tools by name (`works with Codex, Claude Code, Copilot and
    Gemini`) rather than speaking to them: three tools or more in a list, and no colon that could
    close a greeting (`Claude, Copilot, Cursor: ...` speaks to them)."""
    return (
        len(set(addressees)) >= 3
        and sum(1 for ch in text if ch in _LIST_MARKS) >= 2
        and ":" not in text[:80]
        and "\uff1a" not in text[:80]
    )


class Sentence:
    """The distinct cues of one sentence and whether it opens with an order."""

    __slots__ = ("hits", "lead", "size", "tokens")

    def __init__(self, text: str, prepared: tuple[str, list[str], list[str]] | None = None) -> None:
        text, literals, self.tokens = prepare(text) if prepared is None else prepared
        self.size = words_in(text, self.tokens)
        self.hits = cues.cue_hits(text, self.tokens)
        self.hits.update(("destination", literal) for literal in literals)
        self.lead = 0
        opening = self.tokens
        addressees = [entry for category, entry in self.hits if category == "addressee"]
        if _enumerates(text, addressees):
            self.hits = {hit for hit in self.hits if hit[0] != "addressee"}
            addressees = []
        mark = _VOCATIVE_MARK.search(text, 0, 80) if addressees else None
        if mark:
            head = text[: mark.start()]
            before = cues.tokens(head)
            if (
                0 < words_in(head, before) <= 6
                and not _CODE_MARK.search(head)
                and _names_addressee(head, before, addressees)
            ):
                self.hits.add(("vocative", ":"))
                opening = self.tokens[len(before) :]
        if opening and opening[0] in _SOFTENERS:
            opening = opening[1:]  # `just approve`, `simply run`, `einfach ausführen`
        if opening and (opening[0] in _imperatives() or " ".join(opening[:2]) in _imperatives()):
            self.lead = 1


def prepare(text: str) -> tuple[str, list[str], list[str]]:
    """A sentence as `Sentence` reads it: its text with URLs, addresses, GitHub App accounts and
    programs named agents blanked, those literals, and its tokens."""
    text, literals = _literals(text)
    if "[bot]" in text:
        text = _ACCOUNT.sub(" ", text)
    if "agent" in text:
        text = _PROGRAM_AGENT.sub(" ", text)
    return text, literals, cues.tokens(text)


@record
class Reading:
    """One reading of a passage: its sentences and the features shared by all its windows."""

    sentences: list[Sentence]
    shared: dict[str, float]


def sentence_texts(folded: str) -> list[str]:
    """The sentences of a reading, as `read` splits it (at most `MAX_SENTENCES`): `_SENTENCE`'s
    matches, found run by run (`_SENTENCE_RUNS`) unless a sentence is longer than `_SENTENCE` reads."""
    found = _sentences(folded, _SENTENCE_RUNS, MAX_SENTENCE_CHARS)
    if found is None:
        found = _sentences(folded, _SENTENCE, None) or []
    return found


def _sentences(folded: str, pattern: re.Pattern[str], longest: int | None) -> list[str] | None:
    """The sentences `pattern` finds, or None when one is longer than `longest` characters."""
    found: list[str] = []
    for match in pattern.finditer(folded):
        text = match.group(0)
        if longest is not None and len(text) > longest:
            return None
        if text.strip():
            found.append(text)
            if len(found) >= MAX_SENTENCES:
                break
    return found


def read(raw: str, folded: str, decoding: str, ngram: float | None = None) -> Reading:
    found = [Sentence(text) for text in sentence_texts(folded)]
    return Reading(found, passage_features(raw, [t for s in found for t in s.tokens], decoding, ngram=ngram))


def window_words(folded: str) -> list[list[str]]:
    """The words (`cues.TOKEN` matches) of every window of a reading, in the order of `windows`."""
    words = [cues.tokens(text) for text in sentence_texts(folded)]
    if len(words) <= WINDOW_SENTENCES:
        return [[w for sentence in words for w in sentence]] if words else []
    return [
        [w for sentence in words[i : i + WINDOW_SENTENCES] for w in sentence]
        for i in range(len(words) - WINDOW_SENTENCES + 1)
    ]


def window_features(counts: Counter[str], lead: int, tokens: int) -> dict[str, float]:
    """The features of one window from its cue counts, its imperative sentence openings and its
    length in tokens (orders are dense: many cues in few words)."""
    features: dict[str, float] = {c: float(min(n, CAP)) for c, n in counts.items() if n and c in _COUNTED}
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
    for triple in TRIPLES:
        if present.issuperset(triple):
            features["*".join(triple)] = 1.0
    return features


def windows(found: list[Sentence]) -> list[tuple[Counter[str], int, int]]:
    """(cue counts, imperative openings, tokens) of every window of up to two sentences."""
    if len(found) <= WINDOW_SENTENCES:
        spans = [found] if found else []
    else:
        spans = [found[i : i + WINDOW_SENTENCES] for i in range(len(found) - WINDOW_SENTENCES + 1)]
    return [merge(span) for span in spans]


def window_span(found: list[Sentence], index: int) -> list[Sentence]:
    """The sentences of the window at `index` of `windows(found)`."""
    return found if len(found) <= WINDOW_SENTENCES else found[index : index + WINDOW_SENTENCES]


def merge(span: list[Sentence]) -> tuple[Counter[str], int, int]:
    hits: set[cues.Hit] = set()
    for sentence in span:
        hits |= sentence.hits
    lead = sum(sentence.lead for sentence in span)
    return Counter(category for category, _ in hits), lead, sum(sentence.size for sentence in span)


def passage_features(
    raw: str, tokens: list[str], decoding: str, bound: bool = False, ngram: float | None = None
) -> dict[str, float]:
    """Features of the whole passage, the same in every window; for a bound, only those that can
    raise a score (code density only lowers one). `ngram`: the reading's n-gram score."""
    features: dict[str, float] = {}
    if ngram is not None:
        features["ngram"] = ngram
    turns = 0
    if _colons(raw) >= 2:  # each turn holds one colon
        turns = turn_count(raw)
    if turns < 2 and ("->" in raw or "\u2192" in raw):
        turns = max(turns, open_examples(raw))
    if turns >= 2:
        features["turns"] = min(turns, 8) / 2
    if len(tokens) > 150:
        features["filler"] = 1.0 - len(set(tokens)) / len(tokens)
    sample = raw[:2000]
    if sample and not bound:
        features["code_density"] = 10 * (len(sample) - len(sample.translate(_NOT_CODE))) / len(sample)
    if decoding:
        features["decoded"] = 1.0
    return features


def vectors(reading: Reading) -> list[dict[str, float]]:
    """The feature vectors of every window of a reading."""
    return [
        {**window_features(counts, lead, size), **reading.shared}
        for counts, lead, size in windows(reading.sentences)
    ]


def reading_features(
    raw: str, folded: str, decoding: str, ngram: float | None = None
) -> list[dict[str, float]]:
    """The feature vectors of every window of one reading of a passage."""
    return vectors(read(raw, folded, decoding, ngram))


def bound_features(
    raw: str,
    folded: str,
    words: list[str],
    decoding: str,
    ngram: float | None = None,
    *,
    distinct: set[str] | None = None,
    pairs: set[tuple[str, str]] | None = None,
) -> dict[str, float]:
    """Features no window of a reading can exceed, where they weigh for a report, from one look at
    its words (`words`: the TOKEN matches of `folded`): the whole reading counted as one window,
    with as many imperative openings as a window has sentences where an imperative word occurs,
    one spoken-to opening where an addressee and a mark that can close it occur, destinations
    wherever a URL, address or dotted number can be, and the densest window the cues allow. Words
    inside URLs count too, which only raises the bound. `distinct`, `pairs`: see `cues.cue_hits`."""
    bound = window_bound(folded, words, distinct=distinct, pairs=pairs)
    return {**bound, **passage_features(raw, words, decoding, bound=True, ngram=ngram)}


def window_bound(
    folded: str,
    words: list[str],
    *,
    distinct: set[str] | None = None,
    pairs: set[tuple[str, str]] | None = None,
    destinations: list[str] | None = None,
) -> dict[str, float]:
    """The window features of `bound_features`: what no window within `folded` can exceed, where
    they weigh for a report. `destinations`: literals blanked out of `folded` (see `prepare`)."""
    # every hit, not only the outermost: a window's sentences can hold `token` apart from `the token`
    hits = cues.cue_hits(folded, words, distinct=distinct, pairs=pairs, outermost=False)
    if destinations:
        hits.update(("destination", literal) for literal in destinations)
    counts = Counter(category for category, _ in hits)
    if "://" in folded or "@" in folded or _DIGIT_DOT.search(folded):
        counts["destination"] += CAP
    if counts["addressee"] and _VOCATIVE_MARK.search(folded):
        counts["vocative"] += 1
    lead = WINDOW_SENTENCES if counts["imperative"] else 0
    bound = window_features(counts, lead, 8)
    if "density" in bound:
        bound["density"] = min(float(CAP), sum(n for c, n in counts.items() if c not in _DILUTE) / 2)
    if counts["hedge"]:
        bound["hedge"] = float(CAP)
    return bound


@cache
def _imperatives() -> frozenset[str]:
    lex = cues.lexicon()
    words = {word for word, cats in lex.words.items() if "imperative" in cats}
    words |= {" ".join(key) for key, cats in lex.phrases.items() if "imperative" in cats and len(key) == 2}
    return frozenset(words)
