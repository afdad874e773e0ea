"""Code point classes for the hidden-character rules: tags, bidi controls, invisibles, selectors, emoji.

Everything here works on code points (`ord`), never on regular expressions over decoded text, so
that a character is judged by what it is and by its neighbours (an emoji sequence, a right-to-left
word); one character class (`hidden_pattern`) only finds quickly whether there is anything to judge.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import cache

from analyzers.record import record

TAG_FIRST, TAG_LAST = 0xE0000, 0xE007F
CANCEL_TAG = 0xE007F
BLACK_FLAG = 0x1F3F4
ZWNJ, ZWJ = 0x200C, 0x200D
VS16 = 0xFE0F
KEYCAP = 0x20E3
BOM = 0xFEFF

BIDI_EMBEDDINGS = frozenset({0x202A, 0x202B, 0x202D, 0x202E})  # LRE RLE LRO RLO
BIDI_POP = 0x202C  # PDF
BIDI_ISOLATES = frozenset({0x2066, 0x2067, 0x2068})  # LRI RLI FSI
BIDI_POP_ISOLATE = 0x2069  # PDI
BIDI_OVERRIDES = frozenset({0x202D, 0x202E})
BIDI_CONTROLS = BIDI_EMBEDDINGS | BIDI_ISOLATES | {BIDI_POP, BIDI_POP_ISOLATE}
BIDI_MARKS = frozenset({0x200E, 0x200F, 0x061C})  # LRM RLM ALM

# Characters that render as nothing although they are not format characters: Hangul fillers, the
# braille blank, the combining grapheme joiner and the Khmer inherent vowels.
INVISIBLE_LETTERS = frozenset({0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x034F, 0x17B4, 0x17B5})

_EMOJI_RANGES = (
    (0x1F000, 0x1FAFF),
    (0x2600, 0x27BF),
    (0x2300, 0x23FF),
    (0x2B00, 0x2BFF),
    (0x2190, 0x21FF),
    (0x25A0, 0x25FF),
    (0x2934, 0x2935),
    (0x3030, 0x3030),
    (0x303D, 0x303D),
    (0x3297, 0x3299),
    (0x00A9, 0x00A9),
    (0x00AE, 0x00AE),
    (0x203C, 0x203C),
    (0x2049, 0x2049),
    (0x2122, 0x2122),
    (0x2139, 0x2139),
)
_CJK_RANGES = (
    (0x2E80, 0x2FDF),
    (0x3000, 0x303F),
    (0x3040, 0x30FF),
    (0x3100, 0x312F),
    (0x3190, 0x31FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xAC00, 0xD7AF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3FFFF),
)
# Scripts whose prose legitimately uses ZWNJ/ZWJ between letters (Arabic, Syriac, Indic, Sinhala, ...).
_JOINING_RANGES = (
    (0x0600, 0x08FF),
    (0x0900, 0x0DFF),
    (0x1000, 0x109F),
    (0x1780, 0x17FF),
    (0xA8E0, 0xA8FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
)
_RTL_RANGES = ((0x0590, 0x08FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF), (0x10800, 0x10FFF))


def _within(cp: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(low <= cp <= high for low, high in ranges)


def is_tag(cp: int) -> bool:
    return TAG_FIRST <= cp <= TAG_LAST


def is_emoji(cp: int) -> bool:
    """An emoji base, modifier or regional indicator (a generous approximation of Emoji=Yes)."""
    return _within(cp, _EMOJI_RANGES)


def is_emoji_modifier(cp: int) -> bool:
    return 0x1F3FB <= cp <= 0x1F3FF


def is_cjk(cp: int) -> bool:
    return _within(cp, _CJK_RANGES)


def is_joining_script(cp: int) -> bool:
    return _within(cp, _JOINING_RANGES)


def is_rtl_letter(cp: int) -> bool:
    return _within(cp, _RTL_RANGES) and unicodedata.category(chr(cp))[0] in "LM"


def has_rtl_letter(text: str) -> bool:
    return any(is_rtl_letter(ord(ch)) for ch in text if not ch.isascii())


def is_variation_selector(cp: int) -> bool:
    return 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF


def is_supplementary_selector(cp: int) -> bool:
    return 0xE0100 <= cp <= 0xE01EF


# Blocks that hold every format (Cf) character of the Unicode versions Python ships
_FORMAT_BLOCKS = ((0x0000, 0x0900), (0x1800, 0x1900), (0x2000, 0x2100), (0xFE00, 0x10000), (0x11000, 0x11100),
                  (0x13400, 0x13500), (0x1BC00, 0x1BD00), (0x1D100, 0x1D200), (0xE0000, 0xE0200))  # fmt: skip


@cache
def hidden_pattern() -> re.Pattern[str]:
    """One character class of everything that renders as nothing or reorders text: format
    characters, invisible letters, bidi controls and marks, the BOM, variation selectors and tag
    characters; built once from the blocks that hold them, matched in C."""
    points = {
        cp
        for start, end in _FORMAT_BLOCKS
        for cp in range(start, end)
        if unicodedata.category(chr(cp)) == "Cf"
    }
    points |= set(INVISIBLE_LETTERS) | set(BIDI_CONTROLS) | set(BIDI_MARKS) | {BOM}
    ranges = "".join(re.escape(chr(cp)) for cp in sorted(points))
    return re.compile(f"[{ranges}\ufe00-\ufe0f\U000e0000-\U000e01ef]")


def is_format(cp: int) -> bool:
    """A format (Cf) character or an invisible letter; tags, bidi controls and the BOM are excluded."""
    if is_tag(cp) or cp in BIDI_CONTROLS or cp == BOM:
        return False
    return cp in INVISIBLE_LETTERS or unicodedata.category(chr(cp)) == "Cf"


def is_identifier_char(ch: str) -> bool:
    return ch == "_" or ch == "$" or unicodedata.category(ch)[0] in "LMN"


@record
class Run:
    """A run of consecutive code points of one class on one line: [start, end) in characters."""

    start: int
    end: int
    text: str


def runs(text: str, predicate_name: str) -> Iterator[Run]:
    """Maximal runs of characters for which the named predicate of this module holds."""
    predicate = _PREDICATES[predicate_name]
    start = -1
    for index, ch in enumerate(text):
        if predicate(ord(ch)):
            if start < 0:
                start = index
        elif start >= 0:
            yield Run(start, index, text[start:index])
            start = -1
    if start >= 0:
        yield Run(start, len(text), text[start:])


def is_bidi_control(cp: int) -> bool:
    return cp in BIDI_CONTROLS


_PREDICATES: dict[str, Callable[[int], bool]] = {
    "tag": is_tag,
    "variation-selector": is_variation_selector,
    "bidi": is_bidi_control,
}


def is_subdivision_flag(text: str, run: Run) -> bool:
    """Tag run that spells an emoji subdivision flag (black flag, tag letters/digits, cancel tag)."""
    if run.start == 0 or ord(text[run.start - 1]) != BLACK_FLAG:
        return False
    body = [ord(ch) for ch in run.text]
    if body[-1] != CANCEL_TAG or not 2 <= len(body) - 1 <= 7:
        return False
    return all(0xE0030 <= cp <= 0xE0039 or 0xE0061 <= cp <= 0xE007A for cp in body[:-1])


def decode_tags(run_text: str) -> str:
    """The ASCII that tag characters spell, with non-printable characters escaped."""
    out: list[str] = []
    for ch in run_text:
        value = ord(ch) - TAG_FIRST
        if value == 0x7F:
            out.append("\\u{E007F}")
        elif 0x20 <= value < 0x7F:
            out.append(chr(value))
        elif value == 0x0A:
            out.append("\\n")
        else:
            out.append(f"\\x{value:02x}")
    return "".join(out)


def describe(cp: int) -> str:
    """`U+200B ZERO WIDTH SPACE`."""
    return f"U+{cp:04X} {unicodedata.name(chr(cp), 'UNNAMED')}"


def escape_hidden(text: str, limit: int = 120) -> str:
    """`text` with every non-printable or hidden character shown as `\\u{…}`, cut to `limit`."""
    out: list[str] = []
    for ch in text[:limit]:
        cp = ord(ch)
        hidden = cp in BIDI_CONTROLS or cp in BIDI_MARKS or is_format(cp) or is_tag(cp)
        if hidden or is_variation_selector(cp) or (not ch.isprintable() and ch != " "):
            out.append(f"\\u{{{cp:04X}}}")
        else:
            out.append(ch)
    return "".join(out) + ("…" if len(text) > limit else "")


def _neighbour(text: str, index: int, step: int) -> int | None:
    """The nearest code point from `index` in direction `step`, skipping selectors and skin tones."""
    index += step
    while 0 <= index < len(text):
        cp = ord(text[index])
        if not (cp in (VS16, KEYCAP) or is_emoji_modifier(cp)):
            return cp
        index += step
    return None


def is_legitimate_joiner(text: str, index: int) -> bool:
    """ZWJ inside an emoji sequence, ZWNJ/ZWJ between letters of a joining script, marks in RTL text."""
    cp = ord(text[index])
    if cp in BIDI_MARKS:
        return has_rtl_letter(text)
    if cp not in (ZWJ, ZWNJ):
        return False
    before, after = _neighbour(text, index, -1), _neighbour(text, index, 1)
    if before is None or after is None:
        return False
    if cp == ZWJ and is_emoji(before) and is_emoji(after):
        return True
    return is_joining_script(before) and is_joining_script(after)
