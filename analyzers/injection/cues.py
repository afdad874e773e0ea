"""The cue lexicon: words and phrases of each category in each natural language, matched on folded text.

The lexicon is `analyzers/data/instruction_cues.json`. Entries made of words are matched on whole
tokens (phrases of up to six words as token n-grams; `word*` as a prefix); entries holding other
characters (`.env`, `<|im_start|>`, `system:`) and entries in scripts written without spaces between
words (Chinese, Japanese, Korean) are matched as substrings. Matching is dictionary look-ups per token
(each distinct word resolved once), and substring searches only for the entries whose trigger
character occurs in the text: linear in the text.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import field
from functools import cache
from importlib import resources
from typing import cast

from analyzers.injection import scripts
from analyzers.injection.normalise import fold_entry
from analyzers.record import record
from analyzers.table_cache import built_table

CATEGORIES = (
    "addressee", "vocative", "second_person", "imperative", "request", "modal", "hedge", "dismiss", "prior",
    "instruction_ref", "role_tag", "action", "transfer", "secret", "safeguard", "destination", "secrecy",
    "roleplay", "mode", "hypothetical", "persuasion", "output_format", "reference", "indirect", "splitting",
    "verdict", "meta", "docs",
)  # fmt: skip
"""Semantic classes of the lexicon: who is addressed (`addressee`, `vocative`, `second_person`), the
mood (`imperative` sentence openings, polite `request`, deontic `modal`, descriptive `hedge`), what is
dismissed (`dismiss` what `instruction_ref` said `prior`: an override is these classes together, not
a list of phrases), what is asked (`action`, `transfer`)
on what (`secret`, `safeguard`, `destination`), where orders are said to be (`reference`) and the words that defer
to them (`indirect`), the framings of known techniques, the words of a review's outcome (`verdict`),
`meta`, the vocabulary of text that talks about attacks rather than making one, and `docs`, the
vocabulary of software documentation."""
MAX_PHRASE_WORDS = 6
MIN_STEM = 5  # a shorter stem (`cle*`) matches unrelated words of other languages (`clear`)
TOKEN = re.compile(r"\w+(?:'\w+)?")
# every ASCII character that is neither a word character (`\w`) nor an apostrophe, read as a space
_NOT_WORD = str.maketrans({chr(i): " " for i in range(128) if not (chr(i).isalnum() or chr(i) in "_'")})
_WORDY = re.compile(r"^\w+(?:'\w+)?(?: \w+(?:'\w+)?)*\*?$")
_JOINED = re.compile(r"^\w+(?:[-.]\w+)+\.?$")
_JOINERS = re.compile(r"[-.]")
# classes whose Korean entries end words: verb endings, and the particles that open the orders of an
# answer's form (`만 답하`, `라고만`, `이라고 설명`: `수정이라고 설명하세요`)
_ENDINGS = frozenset({"modal", "imperative", "request", "hedge", "output_format"})


def tokens(text: str) -> list[str]:
    r"""The `TOKEN` matches of `text`: the words it is read in. ASCII text, most text here, is cut in
    bulk: every character that is no word character (`\w`: a letter, a digit or `_`) and no
    apostrophe becomes a space and the rest is split at spaces; a piece holding apostrophes keeps
    one between two runs of word characters (`don't`), as `TOKEN` does (`a'b'c` reads `a'b`, `c`)."""
    if not text.isascii():
        return TOKEN.findall(text)
    pieces = text.translate(_NOT_WORD).split()
    if "'" not in text:
        return pieces
    found: list[str] = []
    for piece in pieces:
        if "'" in piece:
            found.extend(_apostrophes(piece))
        else:
            found.append(piece)
    return found


def _apostrophes(piece: str) -> list[str]:
    """The `TOKEN` matches of a run of word characters and apostrophes: a token is a run of word
    characters, and the run after it when one apostrophe alone stands between them."""
    runs = piece.split("'")
    found: list[str] = []
    index = 0
    while index < len(runs):
        run = runs[index]
        if run and index + 1 < len(runs) and runs[index + 1]:
            found.append(f"{run}'{runs[index + 1]}")
            index += 2
            continue
        if run:
            found.append(run)
        index += 1
    return found


Hit = tuple[str, str]  # (category, matched text)
_MEMO_LIMIT = 200_000  # distinct words remembered per lexicon


@record
class Lexicon:
    words: dict[str, frozenset[str]]  # one word → categories
    phrases: dict[tuple[str, ...], frozenset[str]]  # token n-gram of two words or more → categories
    longest: dict[str, int]  # first word of those n-grams → the longest n-gram it starts
    bigrams: frozenset[tuple[str, str]]  # first two words of those n-grams
    prefixes: dict[str, frozenset[str]]  # word prefix → categories
    prefix_lengths: tuple[int, ...]
    substrings: dict[str, tuple[Hit, ...]]  # trigger character → (entry, category) holding it
    spaceless: dict[str, tuple[Hit, ...]]  # first character → (entry, category), CJK and Hangul
    languages: tuple[str, ...]
    memo: dict[str, frozenset[Hit]] = field(default_factory=dict)  # word → its hits, filled lazily


def read_lexicon(data: dict[str, dict[str, list[str]]]) -> Lexicon:
    """The matcher for a lexicon document (language → category → entries)."""
    phrases: dict[tuple[str, ...], set[str]] = {}
    prefixes: dict[str, set[str]] = {}
    substrings: set[tuple[str, str]] = set()
    spaceless: set[tuple[str, str]] = set()
    for language, categories in data.items():
        if language.startswith("_"):
            continue
        for category, entries in categories.items():
            if category not in CATEGORIES:
                raise ValueError(f"unknown cue category {category!r} in language {language!r}")
            for entry in entries:
                _add(fold_entry(entry), category, phrases, prefixes, substrings, spaceless)
    longest: dict[str, int] = {}
    for key in phrases:
        if len(key) > 1:
            longest[key[0]] = max(longest.get(key[0], 0), len(key))
    return Lexicon(
        words={key[0]: frozenset(value) for key, value in phrases.items() if len(key) == 1},
        phrases={key: frozenset(value) for key, value in phrases.items() if len(key) > 1},
        longest=longest,
        bigrams=frozenset((key[0], key[1]) for key in phrases if len(key) > 1),
        prefixes={key: frozenset(value) for key, value in prefixes.items()},
        prefix_lengths=tuple(sorted({len(key) for key in prefixes})),
        substrings=_index(substrings, _trigger),
        spaceless=_index(spaceless, lambda entry: entry[0]),
        languages=tuple(sorted(k for k in data if not k.startswith("_"))),
    )


def _trigger(entry: str) -> str:
    """The character an entry is looked up by: its first non-word character (rarer than letters)."""
    return next((ch for ch in entry if not (ch.isalnum() or ch == " ")), entry[0])


def _index(entries: set[tuple[str, str]], key: Callable[[str], str]) -> dict[str, tuple[Hit, ...]]:
    index: dict[str, list[Hit]] = {}
    for entry, category in sorted(entries):
        index.setdefault(key(entry), []).append((entry, category))
    return {ch: tuple(items) for ch, items in index.items()}


def _add(
    entry: str,
    category: str,
    phrases: dict[tuple[str, ...], set[str]],
    prefixes: dict[str, set[str]],
    substrings: set[tuple[str, str]],
    spaceless: set[tuple[str, str]],
) -> None:
    if _JOINED.match(entry):  # `ki-assistent`, `e.g`: the words a tokenised text holds
        entry = _JOINERS.sub(" ", entry).strip()
    if scripts.spaceless().search(entry):
        spaceless.add((entry, category))
    elif entry.endswith("*") and " " not in entry and _WORDY.match(entry):
        if len(entry) - 1 < MIN_STEM:
            raise ValueError(
                f"stem {entry!r} is shorter than {MIN_STEM} characters: it would match unrelated words"
            )
        prefixes.setdefault(entry[:-1], set()).add(category)
    elif entry.endswith("*"):  # a phrase is matched word for word: a stem in it would never match
        raise ValueError(f"stem in the phrase {entry!r}: list the phrase's forms instead")
    elif _WORDY.match(entry) and len(entry.split()) <= MAX_PHRASE_WORDS:
        phrases.setdefault(tuple(entry.split()), set()).add(category)
    else:
        substrings.add((entry, category))


@cache
def lexicon() -> Lexicon:
    """The packaged lexicon (read once per process; its built index is kept by `table_cache`)."""
    source = resources.files("analyzers").joinpath("data", "instruction_cues.json").read_bytes()
    return built_table(
        "instruction-lexicon-1", source, lambda: read_lexicon(json.loads(source)), _plain, _from_plain
    )


def _plain(lex: Lexicon) -> tuple[object, ...]:
    return (lex.words, lex.phrases, lex.longest, lex.bigrams, lex.prefixes, lex.prefix_lengths,
            lex.substrings, lex.spaceless, lex.languages)  # fmt: skip


def _from_plain(value: object) -> Lexicon:
    kinds = (dict, dict, dict, frozenset, dict, tuple, dict, dict, tuple)
    if not (isinstance(value, tuple) and len(value) == len(kinds)):
        raise ValueError("not a built lexicon")
    if not all(isinstance(part, kind) for part, kind in zip(value, kinds, strict=True)):
        raise ValueError("not a built lexicon")
    return Lexicon(*value)


def cue_hits(
    folded: str,
    tokens: list[str],
    lex: Lexicon | None = None,
    *,
    distinct: set[str] | None = None,
    pairs: set[tuple[str, str]] | None = None,
    outermost: bool = True,
) -> set[Hit]:
    """The distinct (category, matched text) cues of `folded` (`tokens`: its TOKEN matches): a word
    repeated, or matched both whole and by its stem, is one cue. With `outermost` false, hits held in
    a longer hit of their class are kept too: a bound needs them, because a part of the text (one
    sentence) can hold the shorter hit without the longer one. Each distinct word is looked up
    once per process; phrases only where their first two words occur together; entries with other
    characters only where their trigger character occurs. `distinct` and `pairs`: the set of
    `tokens` and of its adjacent pairs, when the caller has them already (`ngrams.score` reads the
    same ones)."""
    lex = lex or lexicon()
    memo = lex.memo
    words = set(tokens) if distinct is None else distinct
    found = list(map(memo.get, words))  # one look-up per word; None for a word not met yet
    if None in found:
        fresh = {word: _word_hits(word, lex) for word in words.difference(memo)}
        if len(memo) + len(fresh) <= _MEMO_LIMIT:
            memo.update(fresh)
        found = [hits for hits in found if hits is not None]
        found.extend(fresh.values())  # a full memo: new words looked up here
    hits: set[Hit] = set(itertools.chain.from_iterable(cast("list[frozenset[Hit]]", found)))
    starts = lex.bigrams.intersection(itertools.pairwise(tokens) if pairs is None else pairs)
    if starts:
        count, longest, phrases = len(tokens), lex.longest, lex.phrases
        for index in range(count - 1):
            if (tokens[index], tokens[index + 1]) in starts:
                for size in range(2, min(longest[tokens[index]], count - index) + 1):
                    key = tuple(tokens[index : index + size])
                    if (categories := phrases.get(key)) is not None:
                        hits.update((category, " ".join(key)) for category in categories)
    # the trigger characters `folded` holds, each found by a search of the text rather than by a
    # set of all its characters, and met in the order `set(folded) & lex.substrings` meets them
    for ch in {ch for ch in lex.substrings if ch in folded}:
        hits.update(
            (category, entry)
            for entry, category in lex.substrings[ch]
            if entry in folded and (entry[-1] != ":" or _labels(folded, entry))
        )
    if not folded.isascii() and scripts.spaceless().search(folded):
        for ch in set(folded).intersection(lex.spaceless):
            hits.update((c, entry) for entry, c in lex.spaceless[ch] if _holds(folded, entry, c in _ENDINGS))
    return _outermost(hits) if outermost else hits


def _labels(text: str, entry: str) -> bool:
    """Whether `text` holds the label `entry` (`user:`) as a label: not joined to a word after the
    colon, as a credential pair (`user:password`) or a scheme (`bot:x`) is."""
    index = text.find(entry)
    while index >= 0:
        after = index + len(entry)
        if after >= len(text) or not (text[after].isalnum() or text[after] == "_"):
            return True
        index = text.find(entry, after)
    return False


def _holds(text: str, entry: str, ending: bool) -> bool:
    """Whether `text` holds `entry`; a Korean entry only at the start of a word (Korean is written
    with spaces: `키` is not in `패키지`, `너는` is not in `러너는`), unless it is a verb ending."""
    if ending or not scripts.hangul().match(entry):
        return entry in text
    index = text.find(entry)
    while index >= 0:
        if index == 0 or not scripts.hangul().match(text[index - 1]):
            return True
        index = text.find(entry, index + 1)
    return False


def _outermost(hits: set[Hit]) -> set[Hit]:
    """The hits not contained in a longer hit of the same class: `api token` holds `token`, and
    `~/.ssh` holds `.ssh` and `ssh`; one mention is one cue."""
    by_category: dict[str, list[str]] = {}
    for category, entry in hits:
        by_category.setdefault(category, []).append(entry)
    inner = {
        (category, entry)
        for category, entries in by_category.items()
        if len(entries) > 1
        for entry in entries
        if any(entry != other and entry in other for other in entries)
    }
    return hits - inner if inner else hits


def _word_hits(word: str, lex: Lexicon) -> frozenset[Hit]:
    found = {(category, word) for category in lex.words.get(word, ())}
    for length in lex.prefix_lengths:
        if length > len(word):
            break
        if (categories := lex.prefixes.get(word[:length])) is not None:
            found.update((category, word) for category in categories)
    return frozenset(found)


def count_cues(folded: str, tokens: list[str], lex: Lexicon | None = None) -> Counter[str]:
    """How many distinct entries of each category `folded` holds."""
    return Counter(category for category, _ in cue_hits(folded, tokens, lex))
