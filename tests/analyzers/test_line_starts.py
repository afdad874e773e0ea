"""Where each line of a text starts (`line_starts`), as the prose pages and lexed sources read it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from analyzers.injection.passages import Page
from analyzers.text.lexical import LexedText
from analyzers.text.lines import line_starts

LINES = st.lists(st.text(alphabet="ab é\t\r", max_size=12), max_size=30)


@given(LINES)
def test_each_line_starts_where_it_stands_in_the_joined_text(lines: list[str]) -> None:
    starts = line_starts(lines)
    text = "\n".join(lines)
    assert len(starts) == len(lines)
    assert all(text[start : start + len(line)] == line for start, line in zip(starts, lines, strict=True))
    assert all(text[start - 1] == "\n" for start in starts[1:])


@given(LINES)
def test_pages_and_lexed_texts_read_the_same_starts(lines: list[str]) -> None:
    assert Page(lines).starts == line_starts(lines)
    lexed = LexedText(lines, None)
    assert [lexed.offset(number, 0) for number in range(1, len(lines) + 1)] == line_starts(lines)
