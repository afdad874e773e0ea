"""The cue lexicon: words and phrases of each category in each natural language, matched on folded text.

The lexicon is `analyzers/data/instruction_cues.json`. Entries made of words are matched on whole
tokens (phrases of up to six words as token n-grams; `word*` as a prefix); entries holding other
characters (`.env`, `<|im_start|>`, `system:`) and entries in scripts written without spaces between
words (Chinese, Japanese, Korean) are matched as substrings. Matching is dictionary look-ups per token
and one substring search per entry of a script present in the text: linear in the text.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

from analyzers.injection.normalise import fold_entry

CATEGORIES = (
    "addressee", "vocative", "second_person", "imperative", "request", "modal", "hedge", "dismiss", "prior",
    "override", "instruction_ref", "role_tag", "action", "transfer", "secret", "safeguard", "destination", "secrecy",
    "roleplay", "mode", "hypothetical", "persuasion", "output_format", "reference", "indirect", "splitting",
    "verdict", "meta", "docs",
)  # fmt: skip
"""Semantic classes of the lexicon: who is addressed (`addressee`, `vocative`, `second_person`), the
mood (`imperative` sentence openings, polite `request`, deontic `modal`, descriptive `hedge`), what is
dismissed (`dismiss`, `prior`, `override`, `instruction_ref`), what is asked (`action`, `transfer`)
on what (`secret`, `safeguard`, `destination`), where orders are said to be (`reference`) and the words that defer
to them (`indirect`), the framings of known techniques, the words of a review's outcome (`verdict`),
`meta`, the vocabulary of text that talks about attacks rather than making one, and `docs`, the
vocabulary of software documentation."""
MAX_PHRASE_WORDS = 6
TOKEN = re.compile(r"\w+(?:'\w+)?")
_WORDY = re.compile(r"^\w+(?:'\w+)?(?: \w+(?:'\w+)?)*\*?$")
_SPACELESS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


@dataclass(frozen=True, slots=True)
class Lexicon:
    words: dict[str, frozenset[str]]  # one word → categories
    phrases: dict[tuple[str, ...], frozenset[str]]  # token n-gram of two words or more → categories
    starts: frozenset[str]  # first words of those n-grams
    prefixes: dict[str, frozenset[str]]  # word prefix → categories
    prefix_lengths: tuple[int, ...]
    substrings: tuple[tuple[str, str], ...]  # (entry, category), entries with non-word characters
    spaceless: tuple[tuple[str, str], ...]  # (entry, category), CJK and Hangul entries
    languages: tuple[str, ...]


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
    return Lexicon(
        words={key[0]: frozenset(value) for key, value in phrases.items() if len(key) == 1},
        phrases={key: frozenset(value) for key, value in phrases.items() if len(key) > 1},
        starts=frozenset(key[0] for key in phrases if len(key) > 1),
        prefixes={key: frozenset(value) for key, value in prefixes.items()},
        prefix_lengths=tuple(sorted({len(key) for key in prefixes})),
        substrings=tuple(sorted(substrings)),
        spaceless=tuple(sorted(spaceless)),
        languages=tuple(sorted(k for k in data if not k.startswith("_"))),
    )


def _add(
    entry: str,
    category: str,
    phrases: dict[tuple[str, ...], set[str]],
    prefixes: dict[str, set[str]],
    substrings: set[tuple[str, str]],
    spaceless: set[tuple[str, str]],
) -> None:
    if _SPACELESS.search(entry):
        spaceless.add((entry, category))
    elif entry.endswith("*") and " " not in entry and _WORDY.match(entry):
        prefixes.setdefault(entry[:-1], set()).add(category)
    elif _WORDY.match(entry) and len(entry.split()) <= MAX_PHRASE_WORDS:
        phrases.setdefault(tuple(entry.split()), set()).add(category)
    else:
        substrings.add((entry, category))


@cache
def lexicon() -> Lexicon:
    """The packaged lexicon (read once per process)."""
    data = resources.files("analyzers").joinpath("data", "instruction_cues.json")
    return read_lexicon(json.loads(data.read_text(encoding="utf-8")))


def cue_hits(folded: str, tokens: list[str], lex: Lexicon | None = None) -> set[tuple[str, str]]:
    """The distinct (category, matched text) cues of `folded` (`tokens`: its TOKEN matches): a word
    repeated, or matched both whole and by its stem, is one cue."""
    lex = lex or lexicon()
    hits: set[tuple[str, str]] = set()
    words, phrases, starts, prefixes = lex.words, lex.phrases, lex.starts, lex.prefixes
    for index, word in enumerate(tokens):
        if (found := words.get(word)) is not None:
            hits.update((category, word) for category in found)
        if word in starts:
            for size in range(2, MAX_PHRASE_WORDS + 1):
                key = tuple(tokens[index : index + size])
                if (found := phrases.get(key)) is not None:
                    hits.update((category, " ".join(key)) for category in found)
        if prefixes:
            for length in lex.prefix_lengths:
                if length <= len(word) and (found := prefixes.get(word[:length])) is not None:
                    hits.update((category, word) for category in found)
    for entry, category in lex.substrings:
        if entry in folded:
            hits.add((category, entry))
    if _SPACELESS.search(folded):
        for entry, category in lex.spaceless:
            if entry in folded:
                hits.add((category, entry))
    return hits


def count_cues(folded: str, tokens: list[str], lex: Lexicon | None = None) -> Counter[str]:
    """How many distinct entries of each category `folded` holds."""
    return Counter(category for category, _ in cue_hits(folded, tokens, lex))
