"""Capped views of text, so that every scanner runs in time bounded by its input caps."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Iterable, Iterator, Sequence
from itertools import accumulate, repeat
from operator import add

from analyzers.contract.model import ChangedFile, FileKind

MAX_LINE_CHARS = 4096  # characters of one line that any scanner looks at
MAX_TEXT_LINES = 20_000  # lines of one file or text that any scanner looks at


def line_starts(lines: Sequence[str]) -> list[int]:
    """The offset at which each of `lines` starts in `"\n".join(lines)`: summed in C (`operator.add`
    with a repeated 1 for each newline costs less than a bound method per line)."""
    return list(accumulate(map(add, map(len, lines[:-1]), repeat(1)), initial=0)) if lines else []


def capped(line: str) -> str:
    return line[:MAX_LINE_CHARS]


def added_lines(file: ChangedFile) -> Iterator[tuple[int, str]]:
    """(line number, capped text) of the head side's added lines, at most MAX_TEXT_LINES of them."""
    for count, (number, text) in enumerate(file.iter_added()):
        if count >= MAX_TEXT_LINES:
            return
        yield number, capped(text)


def selected_lines(file: ChangedFile, numbers: set[int]) -> dict[int, str]:
    """Capped head-side text of the added lines among `numbers`."""
    lines = file.lines("head")
    wanted = sorted(numbers & file.added_lines)[:MAX_TEXT_LINES]
    return {number: capped(lines[number - 1]) for number in wanted if number <= len(lines)}


def numbered_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, capped text) of every line of `text`, at most MAX_TEXT_LINES of them."""
    lines = TextLines(text)
    for number in range(1, len(lines) + 1):
        yield number, lines.get(number)


class TextLines:
    """1-based, capped lines of a text (at most MAX_TEXT_LINES, split at every line boundary
    `str.splitlines` knows), read on demand: a rule that looks at a few lines of a large file does
    not copy all of them."""

    __slots__ = ("_lines", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines = text.splitlines()[:MAX_TEXT_LINES]

    def __contains__(self, part: str) -> bool:
        """Whether `part` occurs anywhere in the text (a cheap pre-check before reading every line)."""
        return part in self._text

    def __len__(self) -> int:
        return len(self._lines)

    def get(self, number: int, default: str = "") -> str:
        return capped(self._lines[number - 1]) if 0 < number <= len(self._lines) else default

    def all(self) -> list[str]:
        """Every line, capped, in order."""
        return [capped(line) for line in self._lines]


def added_text(file: ChangedFile) -> str:
    """The head side's added lines joined by newlines: what a pre-check of added-line scanners searches."""
    return "\n".join(line for _, line in added_lines(file))


def added_beyond_caps(file: ChangedFile) -> Iterator[tuple[int, str, str]]:
    """(line number, what capped readers see, what they do not) of the added lines that capped
    readers do not see whole: a line longer than `MAX_LINE_CHARS` (its head, its rest), and every
    added line past the first `MAX_TEXT_LINES` (nothing seen, all of it). Bounded by the file-size
    cap; a rule that scans it must do so in one linear pass."""
    return _beyond_caps(file.iter_added())


def text_beyond_caps(text: str) -> Iterator[tuple[int, str, str]]:
    """`added_beyond_caps` of a whole text (a pull request's title, body or comment)."""
    return _beyond_caps(enumerate(text.splitlines(), start=1))


def _beyond_caps(numbered: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str, str]]:
    for count, (number, line) in enumerate(numbered):
        if count >= MAX_TEXT_LINES:
            yield number, "", line
        elif len(line) > MAX_LINE_CHARS:
            yield number, line[:MAX_LINE_CHARS], line[MAX_LINE_CHARS:]


def non_ascii_added(file: ChangedFile) -> list[tuple[int, str]]:
    """Added lines that hold any non-ASCII character: the only ones the Unicode rules need to see."""
    if file.head_text is None or file.head_text.isascii():
        return []
    return [(number, line) for number, line in added_lines(file) if not line.isascii()]


_CODE_SUFFIXES = (
    ".py", ".pyi", ".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".mts", ".cts", ".go", ".java",
    ".rb", ".php", ".c", ".h", ".cc", ".cpp", ".cxx", ".hpp", ".hh", ".sh", ".bash", ".rs", ".cs",
    ".kt", ".swift", ".scala",
)  # fmt: skip


def is_code(file: ChangedFile) -> bool:
    """Source code, by kind or, when the kind is unknown, by file name."""
    if file.is_kind(FileKind.CODE) or file.is_kind(FileKind.TEST):
        return True
    return not file.kinds and file.path.lower().endswith(_CODE_SUFFIXES)


def lines_containing(text: str, words: tuple[str, ...]) -> set[int]:
    """1-based numbers of the lines of `text` holding any of `words` (lower case), case-insensitively.

    A substring search over the whole text, far cheaper than a regular expression per line; callers
    confirm the candidates with their own patterns.
    """
    return lines_naming(text[: MAX_TEXT_LINES * MAX_LINE_CHARS].lower(), words)


def lines_naming(text: str, words: Collection[str]) -> set[int]:
    """1-based numbers of the lines of `text` holding any of `words`, case-sensitively and over the
    whole text (no cap: a pre-selection of lines that must not miss any)."""
    hits: list[int] = []
    for word in words:
        index = text.find(word) if word else -1
        while index >= 0:
            hits.append(index)
            index = text.find(word, index + len(word))
    if not hits:
        return set()
    starts = [0, *(match + 1 for match in _newlines(text))]
    return {bisect_right(starts, hit) for hit in hits}


def _newlines(text: str) -> Iterator[int]:
    index = text.find("\n")
    while index >= 0:
        yield index
        index = text.find("\n", index + 1)


def added_lines_containing(file: ChangedFile, words: tuple[str, ...]) -> set[int]:
    """Head line numbers of the file's added lines holding any of `words`: only added text is searched."""
    added = list(file.iter_added())
    hits = lines_containing("\n".join(line for _, line in added), words)
    return {added[index - 1][0] for index in hits if 0 < index <= len(added)}
