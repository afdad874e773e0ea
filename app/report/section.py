"""Sections of the check-run summary and fitting them under GitHub's size limit.

A section is a heading, items and an optional closing text. Items may carry group headings (family,
severity), written when the group changes, so a section cut after any item is still well-formed
Markdown. Fitting keeps sections in order of importance: from the least important end, a section's items
are cut until the whole fits, and a section with no item left (or none to cut) is dropped whole.
"""

from __future__ import annotations

from collections.abc import Sequence

from analyzers.record import record

NOTE_RESERVE = 1_200  # bytes kept free for the note of what was cut


@record
class Item:
    text: str
    groups: tuple[str, ...] = ()  # headings this item sits under, outermost first


@record
class Section:
    label: str  # how the truncation note names it: "the change manifest", "shadowed findings"
    head: str
    items: tuple[Item, ...] = ()
    tail: str = ""

    def render(self, count: int | None = None) -> str:
        shown = self.items if count is None else self.items[:count]
        parts = [self.head] if self.head else []
        previous: tuple[str, ...] = ()
        lines: list[str] = []
        for item in shown:
            common = _common_prefix(previous, item.groups)
            for heading in item.groups[common:]:
                if lines:
                    parts.append("\n".join(lines))
                    lines = []
                parts.append(heading)
            previous = item.groups
            lines.append(item.text)
        if lines:
            parts.append("\n".join(lines))
        hidden = len(self.items) - len(shown)
        if hidden:
            parts.append(f"… and {hidden:,} more not shown.")
        if self.tail:
            parts.append(self.tail)
        return "\n\n".join(parts)


def _common_prefix(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def size(text: str) -> int:
    """The size GitHub's limit is checked against, counted in UTF-8 bytes (never below characters)."""
    return len(text.encode("utf-8"))


def join(blocks: Sequence[str]) -> str:
    return "\n\n".join(block for block in blocks if block) + "\n"


def _largest_count(section: Section, fixed: int, budget: int) -> int | None:
    """The most items of `section` that fit beside `fixed` bytes, or None if not even zero fit."""
    if not section.items or fixed + size(section.render(0)) + 2 > budget:
        return None
    low, high = 0, len(section.items)
    while low < high:  # binary search on the number of items shown
        mid = (low + high + 1) // 2
        if fixed + size(section.render(mid)) + 2 <= budget:
            low = mid
        else:
            high = mid - 1
    return low if low > 0 else None


def fit(head: str, sections: Sequence[Section], budget: int) -> tuple[list[str], list[str]]:
    """Rendered blocks that fit `budget` with `head`, and what was cut (for the note)."""
    rendered = [section.render() for section in sections]
    if size(join([head, *rendered])) <= budget:
        return rendered, []
    cut: list[str] = []
    budget -= NOTE_RESERVE
    for index in range(len(sections) - 1, -1, -1):
        fixed = size(join([head, *rendered[:index], *rendered[index + 1 :]]))
        if fixed + size(rendered[index]) + 2 <= budget:
            break
        section = sections[index]
        count = _largest_count(section, fixed, budget)
        if count is None:
            rendered[index] = ""
            cut.append(f"{section.label} ({len(section.items):,})" if section.items else section.label)
        else:
            rendered[index] = section.render(count)
            cut.append(f"{len(section.items) - count:,} of {len(section.items):,} {section.label}")
    return rendered, cut
