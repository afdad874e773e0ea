"""Payloads split over several passages of a change, joined again as a reader would join them.

An order cut into pieces, each too weak to report, reads whole to an agent that reads the change
whole. Two joins are judged again: adjacent pieces of one file (passages a few lines apart, such
as comments with code between them, or strings assigned on nearby lines; prose is not cut so),
and pieces marked as
numbered parts anywhere in the change (`part 1`, `second half`, `(2/3)`), across files and
pull-request text (a part reported on its own still joins its siblings). Only pieces that hold some evidence take part (their bound is above the bias by
`MIN_EVIDENCE`), at most `MAX_PARTS` in a join, and a join only when its pieces' evidence together
can reach a report, so the joins cost a few more judgements, not a second pass over the change.
"""

from __future__ import annotations

import itertools
import re

from analyzers.injection import detector
from analyzers.injection.passages import Passage
from analyzers.injection.placement import PLACES
from analyzers.record import record

MAX_GAP_LINES = 4  # pieces of one file at most this many lines apart are adjacent
MAX_PARTS = 6
MIN_EVIDENCE = 2.0  # logit above the bias a piece's bound must reach to take part
# places whose neighbours are joined: code cut into comments and strings (prose is one paragraph)
CODE_PLACES = frozenset({"comment", "docstring", "string", "undisplayed-string", "test-data"})
_NUMBERED = re.compile(r"(?:^|[(\[\s])\d\s?/\s?\d(?:[)\]:.\s]|$)")


@record
class Judged:
    """A passage of the change and how it was judged."""

    path: str
    passage: Passage
    verdict: detector.Verdict
    reported: bool
    hidden: bool  # holds hidden characters (reported from a lower score)


@record
class Joined:
    """Pieces judged together: their texts in order, and the most hidden of their places."""

    parts: tuple[Judged, ...]
    text: str
    place: str


def joins(pieces: list[Judged], weights: detector.Weights) -> list[Joined]:
    """The joins worth judging: adjacent pieces none of which was reported on its own, and numbered
    parts of which at least one was not (a part reported alone still carries its siblings, which
    can be in other files: `part 1` reported in a comment, `part 2` too weak alone in a README)."""
    evident = [p for p in pieces if p.verdict.bound >= weights.bias + MIN_EVIDENCE]
    candidates = [p for p in evident if not p.reported]
    numbered = [joined for joined in _numbered(evident) if not all(part.reported for part in joined.parts)]
    found = [
        joined
        for joined in (*_adjacent(candidates), *numbered)
        if sum(part.verdict.bound - weights.bias for part in joined.parts) >= _reach(joined, weights)
    ]
    seen: set[tuple[int, ...]] = set()
    unique = []
    for joined in found:
        key = tuple(id(part) for part in joined.parts)
        if key not in seen:
            seen.add(key)
            unique.append(joined)
    return unique


def _reach(joined: Joined, weights: detector.Weights) -> float:
    """The evidence (logit above the bias) a join's pieces must hold together to be worth judging."""
    floor = weights.report_hidden_at if any(part.hidden for part in joined.parts) else weights.report_at
    return detector.logit(floor) - weights.bias


def _adjacent(candidates: list[Judged]) -> list[Joined]:
    found: list[Joined] = []
    run: list[Judged] = []
    for piece in candidates:
        if piece.passage.place not in CODE_PLACES:
            run = []
            continue
        last = run[-1] if run else None
        near = (
            last is not None
            and last.path == piece.path
            and 0 <= piece.passage.start_line - last.passage.end_line <= MAX_GAP_LINES
        )
        run = [*run[-(MAX_PARTS - 1) :], piece] if near else [piece]
        if len(run) >= 2:
            found.append(_join(run[-2:]))
            if len(run) >= 3:
                found.append(_join(run[-3:]))
    return found


def _numbered(candidates: list[Judged]) -> list[Joined]:
    marked = [piece for piece in candidates if _is_part(piece)]
    if len(marked) < 2 or (len({piece.path for piece in marked}) < 2 and _contiguous(marked)):
        return []
    return [_join(marked[:MAX_PARTS])]


def _is_part(piece: Judged) -> bool:
    return "splitting" in piece.verdict.marks or _NUMBERED.search(piece.passage.text[:200]) is not None


def _contiguous(pieces: list[Judged]) -> bool:
    return all(
        0 <= two.passage.start_line - one.passage.end_line <= MAX_GAP_LINES
        for one, two in itertools.pairwise(pieces)
    )


def _join(parts: list[Judged]) -> Joined:
    place = max((part.passage.place for part in parts), key=lambda name: PLACES[name][0])
    return Joined(tuple(parts), " ".join(part.passage.text.strip() for part in parts), place)
