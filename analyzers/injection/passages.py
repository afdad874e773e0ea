"""Passages of prose that an agent would read, and where each one stands.

A passage is a unit of text the detector judges: a paragraph of Markdown or pull-request text, an
HTML comment, the body of a collapsed `<details>`, the alt text of an image, the content of an
HTML/SVG element styled invisible, a block of code comments, a run of joined string literals. Its
`place` is what placement (`analyzers.injection.placement`) turns into a severity.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from operator import itemgetter

from analyzers.injection.normalise import MAX_PASSAGE_CHARS
from analyzers.record import record
from analyzers.text.lines import MAX_TEXT_LINES, line_starts

MAX_PASSAGE_LINES = 60  # a longer paragraph is cut into passages of this many lines
MAX_PASSAGES = 5_000  # passages read per file or text (a fuller file is a gap: `full`)
OVERLAP_CHARS = 2_000  # what two neighbouring pieces of a long passage share (`in_reach`)
_SLACK = 200  # how far back from a piece's end a space is looked for, to cut between words
_END = 1 << 62  # larger than any offset
_LOOK_BACK = 50  # blank lines looked past for the `::` that opens a literal block
_ELEMENT_CHARS = 20_000  # characters of a hidden element read (closed or not)
_FENCES = ("```", "~~~")  # a line opening or closing a fence: one of these after at most
_FENCE_INDENT = 40  # this many spaces or tabs
_NOT_NEWLINE = re.compile(r"[^\n]")

_TAG = re.compile(r"<([A-Za-z][\w:-]{0,30})([^<>]{0,1000})>")
_IMAGE_ALT = re.compile(r"!\[([^\[\]\n]{1,1000})\]")
# `\bname=`, the boundary checked after the first letter (`(?<!\w.)`), so the scan jumps from one
# possible first letter to the next instead of trying every position
_ATTRIBUTE_TEXT = re.compile(
    r"""(?:a(?<!\w.)lt|t(?<!\w.)itle|a(?<!\w.)ria-label|d(?<!\w.)ata-[\w-]{1,30})"""
    r"""\s{0,3}=\s{0,3}(?:"([^"<>]{1,1000})"|'([^'<>]{1,1000})')"""
)
_INLINE_CODE = re.compile(r"`[^`\n]{1,500}`|\"[^\"\n]{1,300}\"|\u201c[^\u201d\n]{1,300}\u201d")
_HIDDEN_STYLES = (
    "display:none", "visibility:hidden", "font-size:0", "font-size:0px", "opacity:0", "opacity:0.0",
    "color:white", "color:#fff", "color:#ffffff", "fill:white", "fill:#fff", "fill:#ffffff",
    "height:0", "width:0", "max-height:0", "left:-9999", "text-indent:-9999", "clip:rect(0",
)  # fmt: skip
_HIDDEN_ATTRIBUTES = (
    " hidden", "aria-hidden=\"true\"", "fill=\"white\"", "fill=\"#fff\"", "fill=\"#ffffff\"",
    "opacity=\"0\"", "font-size=\"0\"", "fill-opacity=\"0\"", "width=\"0\"", "height=\"0\"",
)  # fmt: skip


@record
class Passage:
    start_line: int  # 1-based, inclusive, in the file or text it comes from
    end_line: int
    text: str
    place: str  # see analyzers.injection.placement.PLACES


def full(found: list[Passage]) -> bool:
    """Whether a file's passages reached `MAX_PASSAGES`, so that the rest of it went unread."""
    return len(found) >= MAX_PASSAGES


def in_reach(passage: Passage, limit: int = MAX_PASSAGE_CHARS, overlap: int = OVERLAP_CHARS) -> list[Passage]:
    """A passage longer than the detector reads (`limit` characters) as pieces that each fit, every
    two neighbours sharing `overlap` characters, so that an order padded past the limit (at the end
    of a long docstring or paragraph) is read, and a window of sentences up to `overlap` long is
    read whole in one piece. Pieces are cut after a space near their end where there is one. Each
    piece has its own lines when the passage's text keeps its line breaks, else the passage's."""
    text = passage.text
    if len(text) <= limit:
        return [passage]
    lined = text.count("\n") == passage.end_line - passage.start_line
    pieces: list[Passage] = []
    start, first = 0, passage.start_line  # `first`: the line `start` stands on, counted as pieces go
    while True:
        end = min(start + limit, len(text))
        if end < len(text):
            space = max(text.rfind(" ", end - _SLACK, end), text.rfind("\n", end - _SLACK, end))
            end = space if space > start + overlap else end
        last = first + text.count("\n", start, end) if lined else passage.end_line
        pieces.append(Passage(first, last, text[start:end], passage.place))
        if end >= len(text):
            return pieces
        if lined:
            first += text.count("\n", start, end - overlap)
        start = end - overlap


def _line_of(starts: list[int], offset: int) -> int:
    return max(1, bisect_right(starts, offset))


class Page:
    """A text as lines and offsets, with the spans already taken by hidden passages blanked out. Its
    lines are read whole, however long: a line cut short would leave its end unread, where an order
    padded past the cut would stand (the file itself is capped, `BULWARK_MAX_FILE_BYTES`)."""

    def __init__(self, lines: list[str]) -> None:
        lines = lines[:MAX_TEXT_LINES]
        self.lines = lines
        self.text = "\n".join(self.lines)
        self.starts = line_starts(self.lines)
        self._blanked: list[tuple[int, int]] = []
        self._fences: list[int] | None = None

    def passage(self, start: int, end: int, text: str, place: str) -> Passage:
        return Passage(_line_of(self.starts, start), _line_of(self.starts, max(start, end - 1)), text, place)

    def blank(self, start: int, end: int) -> None:
        self._blanked.append((start, min(end, len(self.text))))

    def visible_lines(self) -> list[str]:
        if not self._blanked:
            return self.lines
        pieces, position = [], 0
        for start, end in sorted(self._blanked):
            start = max(start, position)
            if start < end:
                pieces += [self.text[position:start], _NOT_NEWLINE.sub(" ", self.text[start:end])]
                position = end
        pieces.append(self.text[position:])
        return "".join(pieces).split("\n")


def fence_lines(page: Page) -> list[int]:
    """0-based indexes of the lines that open or close a fenced code block (found once per page)."""
    if page._fences is None:
        page._fences = [_line_of(page.starts, start) - 1 for start in _fence_starts(page.text)][:MAX_PASSAGES]
    return page._fences


def _fence_starts(text: str) -> list[int]:
    """Offsets of the lines of `text` that open with a fence mark: each mark is found with `find`,
    and a line is looked at once per mark (a regex anchored at every line start walks every
    character in Python's engine)."""
    found: set[int] = set()
    for mark in _FENCES:
        index = text.find(mark)
        while index >= 0:
            start = text.rfind("\n", 0, index) + 1
            if index - start <= _FENCE_INDENT and not text[start:index].strip(" \t"):
                found.add(start)
            end = text.find("\n", index)
            index = -1 if end < 0 else text.find(mark, end)
    return sorted(found)


def fenced_spans(page: Page) -> list[tuple[int, int]]:
    """Offsets of the fenced code blocks of a Markdown text (an unclosed fence runs to the end):
    what stands in them is shown as code, markup included."""
    marks = fence_lines(page)
    spans = []
    for index in range(0, len(marks), 2):
        start = page.starts[marks[index]]
        end = (
            page.starts[marks[index + 1]] + len(page.lines[marks[index + 1]])
            if index + 1 < len(marks)
            else len(page.text)
        )
        spans.append((start, end))
    return spans


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether `offset` falls in one of `spans` (sorted, disjoint)."""
    index = bisect_right(spans, (offset, _END)) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


def hidden_markup(page: Page, markdown: bool = True, keep: frozenset[int] | None = None) -> list[Passage]:
    """HTML comments, collapsed details, alt and title text, and elements styled invisible (in
    Markdown, not inside fenced code blocks, which show markup as it is). With `keep`, elements
    are looked for only where one holding a kept line can start."""
    found: list[Passage] = []
    text = page.text
    low, high = _reach(page, keep)
    fences = fenced_spans(page)[:MAX_PASSAGES] if markdown else []
    position = 0
    while (start := text.find("<!--", position)) >= 0 and len(found) < MAX_PASSAGES:
        if _inside(fences, start):
            position = fences[bisect_right(fences, (start, _END)) - 1][1]
            continue
        end = text.find("-->", start + 4)
        end = len(text) if end < 0 else end + 3
        found.append(page.passage(start, end, text[start + 4 : max(start + 4, end - 3)], "html-comment"))
        page.blank(start, end)
        position = end
    for match in _TAG.finditer(text, low, high):
        if not match.group(2).strip() and match.group(1).lower() != "details":
            if len(found) >= MAX_PASSAGES:  # no attribute to hide it, and not a collapsed section
                break
            continue
        if fences and _inside(fences, match.start()):
            continue
        name, attributes = match.group(1).lower(), match.group(2).lower().replace(" ", "")
        spaced = " " + match.group(2).lower()
        collapsed = name == "details" and "open" not in spaced.split()
        invisible = any(s in attributes for s in _HIDDEN_STYLES) or any(
            a in spaced for a in _HIDDEN_ATTRIBUTES
        )
        if collapsed or invisible:
            limit = min(len(text), match.end() + _ELEMENT_CHARS)
            close = text.find(f"</{match.group(1)}", match.end(), limit)
            close = limit if close < 0 else close
            place = "collapsed" if collapsed else "invisible-markup"
            found.append(page.passage(match.start(), close, _strip_tags(text[match.end() : close]), place))
            page.blank(match.end(), close)
        if len(found) >= MAX_PASSAGES:
            break
    for pattern in (_IMAGE_ALT, _ATTRIBUTE_TEXT):
        for match in pattern.finditer(text, low, high):
            if fences and _inside(fences, match.start()):
                continue
            content = next((group for group in match.groups() if group), "")
            found.append(page.passage(match.start(), match.end(), content, "alt-text"))
    return found


def _reach(page: Page, keep: frozenset[int] | None) -> tuple[int, int]:
    """Offsets between which an element holding a kept line can start (a hidden element is read
    for at most `_ELEMENT_CHARS` characters)."""
    if not keep or not page.lines:
        return 0, len(page.text)
    first, last = max(1, min(keep)), min(len(page.lines), max(keep))
    if first > len(page.lines):
        return 0, 0
    return max(0, page.starts[first - 1] - _ELEMENT_CHARS), page.starts[last - 1] + len(page.lines[last - 1])


def _strip_tags(text: str) -> str:
    return _TAG.sub(" ", text).replace("</", " </")


def paragraphs(
    page: Page, place: str, markdown: bool = True, keep: frozenset[int] | None = None
) -> list[Passage]:
    """Blank-line separated paragraphs of the visible text; fenced blocks and inline code are quoted.
    With `keep`, only the paragraphs holding one of those line numbers are built, and only the
    lines from the start of their blocks are read."""
    lines = page.visible_lines()
    fences = fence_lines(page) if markdown else []
    found: list[Passage] = []
    for first, last in _regions(lines, fences, keep):
        if _read_region(
            lines, first, last, bisect_left(fences, first) % 2 == 1, place, markdown, keep, found
        ):
            return found
    if markdown:
        found = [*_split_inline_code(found)]
    return found


def _regions(lines: list[str], fences: list[int], keep: frozenset[int] | None) -> list[tuple[int, int]]:
    """[first, last) line indexes to read: everything, or the blocks around the kept lines (from
    the blank or fence line before them to the one after)."""
    if keep is None:
        return [(0, len(lines))]
    fenced = set(fences)
    regions: list[tuple[int, int]] = []
    for number in sorted(keep):
        index = number - 1
        if index >= len(lines) or (regions and index < regions[-1][1]):
            continue
        first = index
        while first > 0 and lines[first - 1].strip() and first - 1 not in fenced:
            first -= 1
        last = index + 1
        while last < len(lines) and lines[last].strip() and last not in fenced:
            last += 1
        regions.append((first, min(len(lines), last + 1)))
    return regions


def _read_region(
    lines: list[str], first: int, last: int, fenced: bool, place: str, markdown: bool,
    keep: frozenset[int] | None, found: list[Passage],
) -> bool:  # fmt: skip
    """Paragraphs of lines[first:last] into `found`; True when `found` is full."""
    block: list[tuple[int, str]] = []
    fence = "```" if fenced else None
    for number in range(first + 1, last + 1):
        line = lines[number - 1]
        stripped = line.strip()
        if markdown and stripped.startswith(("```", "~~~")):
            _flush(found, block, _block_place(lines, block, place, fence, markdown), keep)
            fence = None if fence else stripped[:3]
            continue
        if not stripped or len(block) >= MAX_PASSAGE_LINES:
            _flush(found, block, _block_place(lines, block, place, fence, markdown), keep)
        if stripped:
            block.append((number, line))
        if len(found) >= MAX_PASSAGES:
            return True
    _flush(found, block, _block_place(lines, block, place, fence, markdown), keep)
    return False


def _block_place(
    lines: list[str], block: list[tuple[int, str]], place: str, fence: str | None, markdown: bool
) -> str:
    """`quoted` for a block shown as code: in a fence, a doctest (`>>>`), or a reStructuredText
    literal block (indented after a line ending in `::`); else `place`."""
    if fence:
        return "quoted"
    if not markdown or not block:
        return place
    if block[0][1].lstrip().startswith(">>>"):
        return "quoted"
    if all(line[:1] in (" ", "\t") for _, line in block):
        index = block[0][0] - 2
        while index >= 0 and block[0][0] - index < _LOOK_BACK and not lines[index].strip():
            index -= 1
        if index >= 0 and lines[index].rstrip().endswith("::"):
            return "quoted"
    return place


def _flush(
    found: list[Passage], block: list[tuple[int, str]], place: str, keep: frozenset[int] | None
) -> None:
    if block and (keep is None or not keep.isdisjoint(map(itemgetter(0), block))):
        text = " ".join(line.strip().lstrip(">").strip() for _, line in block)
        found.append(Passage(block[0][0], block[-1][0], text, place))
    block.clear()


def _split_inline_code(found: list[Passage]) -> list[Passage]:
    """Inline code spans and double-quoted phrases are quotations: judged on their own (as quoted,
    `low`), the paragraph without them."""
    out: list[Passage] = []
    for passage in found:
        if passage.place == "quoted" or not any(mark in passage.text for mark in '`"\u201c'):
            out.append(passage)
            continue
        spans = _INLINE_CODE.findall(passage.text)
        out.append(
            Passage(passage.start_line, passage.end_line, _INLINE_CODE.sub(" ", passage.text), passage.place)
        )
        if spans:
            quoted = " ".join(span.strip('`"\u201c\u201d') for span in spans)
            out.append(Passage(passage.start_line, passage.end_line, quoted, "quoted"))
    return out


def prose_passages(
    lines: list[str], place: str, markdown: bool = True, keep: frozenset[int] | None = None
) -> list[Passage]:
    """Every passage of a prose text: hidden markup first, then the visible paragraphs (with `keep`,
    the paragraphs holding one of those line numbers)."""
    page = Page(lines)
    hidden = hidden_markup(page, markdown, keep) if "<" in page.text or "![" in page.text else []
    return [*hidden, *paragraphs(page, place, markdown, keep)]
