"""Text as a language model reads it: folded, cleaned of hidden characters, and with obvious
encodings decoded.

`fold` is the canonical form every cue is matched on: NFKC, case folded, accents removed, invisible
characters dropped, Unicode tag characters read as the ASCII they mirror, and words that mix Latin
with look-alike letters of other scripts (`іgnоre`) replaced by their confusable skeleton.
`decoded_views` gives the other readings of a passage that an attacker may use to slip past a
reader: base64, hex and percent-encoded text decoded, rot13, reversed text, leetspeak, spaced-out letters
and quoted fragments joined; each only where its signature shows, so ordinary text costs one look at its words.
Every step is linear in its (capped) input; the patterns have no nested quantifiers.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import re
import unicodedata
import urllib.parse
from functools import lru_cache

from analyzers.record import record
from analyzers.text import confusables, unicode

MAX_PASSAGE_CHARS = 8_000  # characters of one passage that are read
_BLOB = re.compile(r"[A-Za-z0-9+/_-]{16,4000}={0,2}")
_HEX = re.compile(r"\b[0-9a-fA-F]{24,4000}\b")
_MIXED_WORD = re.compile(r"[^\W\d_]{2,64}")
_LEET_WORD = re.compile(r"(?<![\w@$])[a-z@$0-9!|]{3,40}(?![\w@$])")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a",
                       "$": "s", "!": "i", "|": "l", "9": "g"})  # fmt: skip
_SPACED = re.compile(r"(?<![\w.*-])(?:\w[ .*-]){2,400}\w(?![\w*-])")
_SPACED_SEP = re.compile(r"[ .*-]")
_LETTER = re.compile(r"[^\W\d_]")
_PERCENT = re.compile(r"%[0-9a-f]{2}")
# snake_case, kebab-case, lower or Capitalised words: never base64 of a sentence (its blobs mix cases)
_PLAIN_WORD = re.compile(r"[a-z0-9_-]+|[A-Z0-9_-]+|[A-Z][a-z]+(?:[A-Z][a-z]+)*")
_LEET_MIX = re.compile(r"[a-z][0-9@$!|]{1,3}[a-z]")
_NOT_PROSE = str.maketrans(dict.fromkeys("{}()[];=<>\\_"))  # deletes characters of code
# a quote not after a letter (the lookbehind placed after the quote, so that the scan looks for quotes)
_QUOTED = re.compile(r"'(?<!\w')([^'\n]{1,120})'(?!\w)|\"(?<!\w\")([^\"\n]{1,120})\"(?!\w)")
_SIGN_WORDS = [
    "the",
    "and",
    "you",
    "your",
    "all",
    "this",
    "that",
    "with",
    "for",
    "now",
    "ignore",
    "previous",
    "instructions",
    "send",
    "print",
    "reveal",
    "secret",
    "token",
    "password",
    "run",
    "die",
    "und",
    "der",
    "alle",
    "ist",
    "nicht",
    "les",
    "tous",
    "est",
    "que",
    "las",
    "los",
    "todas",
    "tus",
    "che",
    "tutte",
]
_ROT13_SIGNS = frozenset(codecs.encode(word, "rot13") for word in _SIGN_WORDS) - set(_SIGN_WORDS)
_REVERSED_SIGNS = frozenset(word[::-1] for word in _SIGN_WORDS if len(word) >= 3) - set(_SIGN_WORDS)


@record
class View:
    """One reading of a passage: its folded text and how it was decoded ("" for the plain reading)."""

    text: str
    decoding: str


def _drop_or_map(ch: str) -> str:
    cp = ord(ch)
    if unicode.is_tag(cp):
        value = cp - unicode.TAG_FIRST
        return chr(value) if 0x20 <= value < 0x7F else ""
    if unicode.is_format(cp) or cp in unicode.BIDI_CONTROLS or cp == unicode.BOM:
        return ""
    if unicode.is_variation_selector(cp) or cp in unicode.BIDI_MARKS:
        return ""
    return ch


def strip_hidden(text: str) -> str:
    """Text without invisible characters, tag characters read as ASCII."""
    if text.isascii() or unicode.hidden_pattern().search(text) is None:
        return text
    return "".join(_drop_or_map(ch) for ch in text)


def _unaccent(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch) or _keeps_mark(ch))
    return unicodedata.normalize("NFC", kept)


def _keeps_mark(ch: str) -> bool:
    """Marks that are part of a letter in scripts whose words would change without them."""
    cp = ord(ch)
    return cp >= 0x0900 and not 0x1DC0 <= cp <= 0x1DFF and not 0xFE20 <= cp <= 0xFE2F


def _fold_word(match: re.Match[str]) -> str:
    """A word mixing Latin with look-alike letters of other scripts (`іgnоre`), its foreign letters
    read as the Latin ones they mimic (only those: a Latin `m` stays `m`, not the skeleton `rn`)."""
    word = match.group(0)
    if word.isascii() or not confusables.is_mixed_script(word):
        return word
    table = confusables.confusables_table()
    shape = "".join(ch if ch.isascii() else table.get(ch, ch) for ch in word)
    return shape.lower() if shape.isascii() else word


@lru_cache(maxsize=4096)
def fold_entry(entry: str) -> str:
    """A lexicon entry in the canonical form (the same steps as `fold`, without decoding); ASCII is
    its own normal form, and case folding it is lowering it."""
    if entry.isascii():
        return entry.lower()
    return _unaccent(unicodedata.normalize("NFKC", entry).casefold())


# a list of HTTP methods in capitals (`POST, GET, PUT, DELETE`, `GET/HEAD`): the names of requests,
# not the verbs `post` and `delete` of an order
_METHOD = r"(?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)"
_METHOD_LIST = re.compile(
    rf"\b{_METHOD}(?:[ ,/|、，]{{1,3}}(?:(?:and|or|y|o|et|ou|e|und|oder|и|или) )?{_METHOD}\b){{1,8}}"
)


def drop_method_lists(text: str) -> str:
    """`text` without its lists of HTTP methods in capitals (two methods or more)."""
    if "GET" not in text and "POST" not in text and "PUT" not in text and "DELETE" not in text:
        return text
    return _METHOD_LIST.sub(" ", text)


def fold(text: str) -> str:
    """The canonical form of `text` that cues are matched on: without lists of HTTP methods."""
    text = drop_method_lists(strip_hidden(text[:MAX_PASSAGE_CHARS]))
    if text.isascii():
        return text.lower()
    text = _unaccent(unicodedata.normalize("NFKC", text).casefold())
    return _MIXED_WORD.sub(_fold_word, text)


def decoded_views(folded: str, raw: str, words: list[str]) -> list[View]:
    """Other readings of a passage, each only where its signature shows in its words (`words`: the
    word tokens of `folded`): decoded base64 and hex blobs (long words), rot13 and reversed text
    (words of their alphabet of signs), leetspeak (letters mixed with digits and symbols),
    spaced-out letters (runs of single characters, one a letter at least), and quoted fragments joined together."""
    views = []
    sizes = list(map(len, words))
    if sizes and max(sizes) >= 16:
        views = [View(fold(decoded), "base64") for decoded in _blobs(raw[:MAX_PASSAGE_CHARS])]
    if len(words) < 3 and folded.isascii():  # a blob is one word; other encodings need words to encode
        return views
    present = set(words)
    if len(present & _ROT13_SIGNS) >= 2 or "rot13" in present or "rot" in present:
        views.append(View(codecs.encode(folded, "rot13"), "rot13"))
    if len(present & _REVERSED_SIGNS) >= 2:
        views.append(View(folded[::-1], "reversed"))
    if len(_LEET_MIX.findall(folded, 0, 4000)) >= 2 and _reads_as_leet(folded):
        views.append(View(_LEET_WORD.sub(_unleet, folded), "leetspeak"))
    if sizes.count(1) >= 6 and any(_spells(match) for match in _SPACED.finditer(folded)):
        views.append(View(_SPACED.sub(_join_spaced, folded), "spaced letters"))
    if folded.count("%") >= 6 and len(_PERCENT.findall(folded, 0, 4000)) >= 6:
        views.append(View(fold(urllib.parse.unquote(raw[:MAX_PASSAGE_CHARS])), "percent-encoding"))
    if folded.count("'") + folded.count('"') >= 4:
        fragments = [one or two for one, two in _QUOTED.findall(folded, 0, 4000)]
        if 2 <= len(fragments) <= 40:
            views.append(View("".join(fragments), "joined fragments"))
    return views


def _reads_as_leet(folded: str) -> bool:
    """Prose with at least two words that become plain words of four letters or more once their
    digits and symbols are read as letters (`1gn0r3`); code, with its brackets and operators, is
    not leetspeak."""
    sample = folded[:4000]
    if 10 * (len(sample) - len(sample.translate(_NOT_PROSE))) > len(sample):
        return False
    words = [_unleet(match) for match in _LEET_WORD.findall(sample)]
    return sum(1 for word, match in zip(words, _LEET_WORD.findall(sample), strict=True)
               if word != match and word.isalpha() and len(word) >= 4) >= 2  # fmt: skip


def _unleet(match: re.Match[str] | str) -> str:
    word = match if isinstance(match, str) else match.group(0)
    letters = sum(ch.isalpha() for ch in word)
    return word.translate(_LEET) if 0 < letters < len(word) else word


def _spells(match: re.Match[str]) -> bool:
    """Whether a run of single characters holds a letter: joined, a run of digits alone (a version,
    `3.0.0`; a date, `1.2.2024`) is one number, which says nothing, and would only cost a second
    reading of the whole passage."""
    return _LETTER.search(match.group(0)) is not None


def _join_spaced(match: re.Match[str]) -> str:
    """`i g n o r e  a-l-l` → `ignore  all`: a run of single letters becomes one word."""
    return _SPACED_SEP.sub("", match.group(0))


def _blobs(text: str) -> list[str]:
    """Printable text hidden in base64 (standard or URL-safe) or hex blobs."""
    found: list[str] = []
    for match in _BLOB.finditer(text):
        if _PLAIN_WORD.fullmatch(match.group(0)):  # an identifier or a word, not an encoding
            continue
        decoded = _decode_base64(match.group(0))
        if decoded:
            found.append(decoded)
        if len(found) >= 8:
            return found
    for match in _HEX.finditer(text):
        if len(match.group(0)) % 2:
            continue
        decoded = _printable(binascii.unhexlify(match.group(0)))
        if decoded:
            found.append(decoded)
    return found[:8]


def _decode_base64(blob: str) -> str | None:
    padded = blob + "=" * (-len(blob) % 4)
    try:
        data = base64.b64decode(padded.replace("-", "+").replace("_", "/"), validate=True)
    except (binascii.Error, ValueError):
        return None
    return _printable(data)


def _printable(data: bytes) -> str | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    letters = sum(ch.isalpha() or ch == " " for ch in text)
    return text if len(text) >= 8 and letters >= 0.75 * len(text) and " " in text else None
