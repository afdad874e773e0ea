"""Whether a function's text mentions one of the words that make it worth interpreting (a sink's call
`execute(`, a source's attribute `.args`, a name the program defines `helper(`).

The text is read once into the names it calls, the attributes it reads and every identifier, so each
word costs a set lookup rather than a scan of the text: a function is checked against hundreds of
words (every function and class the change defines among them). Words of another shape are looked
for as substrings.
"""

from __future__ import annotations

import re
from functools import lru_cache

from analyzers.record import record

_TOKEN = re.compile(r"(\.?)([A-Za-z_$][\w$]*)([ \t]*\()?")  # linear: one pass, no nested repetition
_NAME = re.compile(r"[A-Za-z_$][\w$]*")


@record
class Words:
    calls: frozenset[str]  # `name(`
    attributes: frozenset[str]  # `.name`
    names: frozenset[str]  # `name=` (a keyword or JSX attribute): the name anywhere
    other: tuple[str, ...]  # looked for as substrings


@lru_cache(maxsize=64)
def split(words: tuple[str, ...]) -> Words:
    calls: set[str] = set()
    attributes: set[str] = set()
    names: set[str] = set()
    other: list[str] = []
    for word in words:
        if word.endswith("(") and _NAME.fullmatch(word[:-1]):
            calls.add(word[:-1])
        elif word.startswith(".") and _NAME.fullmatch(word[1:]):
            attributes.add(word[1:])
        elif word.endswith("=") and _NAME.fullmatch(word[:-1]):
            names.add(word[:-1])
        else:
            other.append(word)
    return Words(frozenset(calls), frozenset(attributes), frozenset(names), tuple(other))


def mentioned(text: str, words: tuple[str, ...]) -> bool:
    """Whether `text` holds one of `words` (`name(` called, `.name` read, `name=` or a substring)."""
    wanted = split(words)
    if any(word in text for word in wanted.other):
        return True
    for match in _TOKEN.finditer(text):
        dot, name, call = match.groups()
        if (call and name in wanted.calls) or (dot and name in wanted.attributes) or name in wanted.names:
            return True
    return False
