"""The fast scans of prose pages find what the plain patterns they replace find."""

from __future__ import annotations

import random
import re

import pytest

from analyzers.injection import passages

_FENCE = re.compile(r"(?m)^[ \t]{0,40}(?:```|~~~)")
_ATTRIBUTE = re.compile(
    r"""\b(?:alt|title|aria-label|data-[\w-]{1,30})\s{0,3}=\s{0,3}(?:"([^"<>]{1,1000})"|'([^'<>]{1,1000})')"""
)
_FENCE_PIECES = ["```", "~~~", "`", "~", "``", "~~", " ", "\t", "\n", "\n\n", "a", "x```", "\u00e9", "\r",
                 " " * 38, " " * 40, " " * 41, "\t" * 20]  # fmt: skip
_ATTRIBUTE_PIECES = ["alt", "title", "aria-label", "data-", "data-x", "data-title", "xalt", "x", "_", "-", " ",
                     "\n", "\t", "=", '"', "'", "<", ">", "\u00e9", "\u00df", "\u00b7", "a", "t", "d", "1",
                     '="ab"', "='c d'", ' = "x"', "aria-label=", 'alt="', "title='"]  # fmt: skip


@pytest.mark.parametrize("seed", [1, 2])
def test_fence_lines_are_the_anchored_pattern_s(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(10_000):
        text = "".join(rng.choice(_FENCE_PIECES) for _ in range(rng.randint(0, 25)))
        assert passages._fence_starts(text) == [m.start() for m in _FENCE.finditer(text)], text


def test_fence_lines_of_a_page() -> None:
    page = passages.Page(["intro", "```python", "code", "  ~~~", " " * 41 + "```", "\t```", "done ```"])
    assert passages.fence_lines(page) == [1, 3, 5]


@pytest.mark.parametrize("seed", [1, 2])
def test_attribute_text_is_the_word_bounded_pattern_s(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(10_000):
        text = "".join(rng.choice(_ATTRIBUTE_PIECES) for _ in range(rng.randint(0, 30)))
        low = rng.randint(0, len(text))
        high = rng.randint(low, len(text))
        for span in ((0, len(text)), (low, len(text)), (low, high)):
            expected = [(m.span(), m.groups()) for m in _ATTRIBUTE.finditer(text, *span)]
            found = [(m.span(), m.groups()) for m in passages._ATTRIBUTE_TEXT.finditer(text, *span)]
            assert found == expected, (text, span)
