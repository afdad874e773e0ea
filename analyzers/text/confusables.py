"""Unicode TS #39 confusable skeletons and identifier scripts.

The mapping table is `analyzers/data/confusables.txt`, the Unicode confusables.txt data (see its
header for the version and source) reduced to `source;prototype` lines. A newer confusables.txt from
Unicode can be reduced the same way with `reduce_confusables` and dropped in its place.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from importlib import resources

# Script sets that TS #39 "highly restrictive" identifiers may mix with Latin.
_ALLOWED_MIXES = (
    frozenset({"LATIN", "HAN", "HIRAGANA", "KATAKANA"}),
    frozenset({"LATIN", "HAN", "BOPOMOFO"}),
    frozenset({"LATIN", "HAN", "HANGUL"}),
)
_SCRIPT_WORDS = {
    "CJK": "HAN",
    "HALFWIDTH": "",
    "FULLWIDTH": "",
}
_KNOWN_SCRIPTS = frozenset(
    {
        "LATIN", "GREEK", "CYRILLIC", "ARMENIAN", "HEBREW", "ARABIC", "SYRIAC", "THAANA",
        "DEVANAGARI", "BENGALI", "GURMUKHI", "GUJARATI", "ORIYA", "TAMIL", "TELUGU", "KANNADA",
        "MALAYALAM", "SINHALA", "THAI", "LAO", "TIBETAN", "MYANMAR", "GEORGIAN", "HANGUL",
        "ETHIOPIC", "CHEROKEE", "HIRAGANA", "KATAKANA", "BOPOMOFO", "HAN", "MONGOLIAN", "KHMER",
        "COPTIC", "RUNIC", "OGHAM", "NKO", "TIFINAGH", "VAI", "LISU", "GOTHIC",
    }
)  # fmt: skip


def reduce_confusables(lines: Iterable[str]) -> list[str]:
    """Lines of Unicode's confusables.txt reduced to the `source;prototype` form this module reads."""
    out: list[str] = []
    for raw in lines:
        line = raw.lstrip("\ufeff").split("#", 1)[0].strip()
        if line:
            parts = [part.strip() for part in line.split(";")]
            out.append(f"{parts[0]};{parts[1]}")
    return out


def parse_table(lines: Iterable[str]) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in lines:
        if not line or line.startswith("#"):
            continue
        source, _, target = line.partition(";")
        table[chr(int(source, 16))] = "".join(chr(int(cp, 16)) for cp in target.split())
    return table


@cache
def confusables_table() -> Mapping[str, str]:
    """The packaged source → prototype table (read once per process)."""
    data = resources.files("analyzers").joinpath("data", "confusables.txt")
    return parse_table(data.read_text(encoding="utf-8").splitlines())


@lru_cache(maxsize=65536)
def skeleton(text: str) -> str:
    """The TS #39 skeleton: NFD, each character replaced by its prototype, NFD again."""
    table = confusables_table()
    decomposed = unicodedata.normalize("NFD", text)
    mapped = "".join(table.get(ch, ch) for ch in decomposed)
    return unicodedata.normalize("NFD", mapped)


def script_of(ch: str) -> str:
    """The script of a letter from its character name ('' for digits, marks, punctuation)."""
    if ch.isascii():
        return "LATIN" if ch.isalpha() else ""
    if unicodedata.category(ch)[0] != "L":
        return ""
    first = unicodedata.name(ch, "").split(" ", 1)[0]
    first = _SCRIPT_WORDS.get(first, first)
    if not first:
        words = unicodedata.name(ch, "").split(" ")
        first = words[1] if len(words) > 1 else ""
    return first if first in _KNOWN_SCRIPTS else ""


def scripts_of(identifier: str) -> frozenset[str]:
    return frozenset(s for s in (script_of(ch) for ch in identifier) if s)


def is_mixed_script(identifier: str) -> bool:
    """Letters from more than one script, except the TS #39 highly restrictive combinations."""
    scripts = scripts_of(identifier)
    if len(scripts) < 2:
        return False
    return not any(scripts <= allowed for allowed in _ALLOWED_MIXES)
