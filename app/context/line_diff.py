"""Which lines of two texts match: difflib's answer where it is cheap, a bounded one where it is not.

`difflib.SequenceMatcher` is quadratic in the worst case: a 1.2 MB lockfile update whose patch GitHub
left out took 46 s to diff, outside every analysis budget, and a pull request's author shapes that
input. So two texts small enough (`EXACT_CELLS` line pairs) are diffed by difflib as before. Of larger
ones, the common prefix and suffix are matched first (linear) and a middle small enough is diffed by
difflib; a larger middle is anchored on the lines that occur exactly once on each side, in order (the
longest increasing run of their positions, as patience diff does), and each gap between anchors is
diffed by difflib when it is small (`GAP_CELLS`) or else shown as replaced whole. Replacing whole never
hides a change: every line that differs is still removed or added, only some unchanged lines may be
shown as changed too. The work is linear in the lines apart from the sort of the anchors.
"""

from __future__ import annotations

import bisect
import difflib
from collections import Counter
from collections.abc import Sequence

Opcode = tuple[str, int, int, int, int]  # difflib's (tag, i1, i2, j1, j2)

EXACT_CELLS = 250_000  # a middle of at most this many line pairs is diffed exactly by difflib
GAP_CELLS = 10_000  # a gap between anchors of at most this many line pairs, too


def opcodes(a: Sequence[str], b: Sequence[str]) -> list[Opcode]:
    """Opcodes turning `a` into `b`, in difflib's form and order, within bounded work."""
    n, m = len(a), len(b)
    if n * m <= EXACT_CELLS:
        return _exact(a, b, 0, n, 0, m)  # difflib's own answer, hunk for hunk
    prefix = 0
    while prefix < n and prefix < m and a[prefix] == b[prefix]:
        prefix += 1
    suffix = 0
    while suffix < n - prefix and suffix < m - prefix and a[n - 1 - suffix] == b[m - 1 - suffix]:
        suffix += 1
    codes: list[Opcode] = []
    if prefix:
        codes.append(("equal", 0, prefix, 0, prefix))
    codes += _middle(a, b, prefix, n - suffix, prefix, m - suffix)
    if suffix:
        codes.append(("equal", n - suffix, n, m - suffix, m))
    return _merged(codes)


def _middle(a: Sequence[str], b: Sequence[str], i1: int, i2: int, j1: int, j2: int) -> list[Opcode]:
    if (i2 - i1) * (j2 - j1) <= EXACT_CELLS:
        return _exact(a, b, i1, i2, j1, j2)
    codes: list[Opcode] = []
    i, j = i1, j1
    for ai, bj in _anchors(a, b, i1, i2, j1, j2):
        codes += _gap(a, b, i, ai, j, bj)
        codes.append(("equal", ai, ai + 1, bj, bj + 1))
        i, j = ai + 1, bj + 1
    codes += _gap(a, b, i, i2, j, j2)
    return codes


def _exact(a: Sequence[str], b: Sequence[str], i1: int, i2: int, j1: int, j2: int) -> list[Opcode]:
    if i1 == i2 and j1 == j2:
        return []
    matcher = difflib.SequenceMatcher(None, a[i1:i2], b[j1:j2])
    return [(tag, i1 + x1, i1 + x2, j1 + y1, j1 + y2) for tag, x1, x2, y1, y2 in matcher.get_opcodes()]


def _gap(a: Sequence[str], b: Sequence[str], i1: int, i2: int, j1: int, j2: int) -> list[Opcode]:
    if (i2 - i1) * (j2 - j1) <= GAP_CELLS:
        return _exact(a, b, i1, i2, j1, j2)
    return [("replace", i1, i2, j1, j2)]


def _anchors(a: Sequence[str], b: Sequence[str], i1: int, i2: int, j1: int, j2: int) -> list[tuple[int, int]]:
    """Pairs of positions of the lines found once on each side, the longest run in order on both."""
    once_a = Counter(a[i1:i2])
    once_b = Counter(b[j1:j2])
    where_b = {line: j for j, line in enumerate(b[j1:j2], j1) if once_b[line] == 1 and once_a[line] == 1}
    pairs = [(i, where_b[line]) for i, line in enumerate(a[i1:i2], i1) if line in where_b]
    # longest increasing subsequence of the b positions (pairs are already in a's order)
    tails: list[int] = []  # the b position ending the best run of each length
    ends: list[int] = []  # the index in `pairs` of that end
    before = [-1] * len(pairs)
    for index, (_, bj) in enumerate(pairs):
        at = bisect.bisect_left(tails, bj)
        before[index] = ends[at - 1] if at else -1
        if at == len(tails):
            tails.append(bj)
            ends.append(index)
        else:
            tails[at] = bj
            ends[at] = index
    run: list[tuple[int, int]] = []
    index = ends[-1] if ends else -1
    while index >= 0:
        run.append(pairs[index])
        index = before[index]
    run.reverse()
    return run


def _merged(codes: list[Opcode]) -> list[Opcode]:
    """Neighbouring opcodes of one tag joined, empty ones dropped, as difflib gives them."""
    joined: list[Opcode] = []
    for tag, i1, i2, j1, j2 in codes:
        if i1 == i2 and j1 == j2:
            continue
        if joined and joined[-1][0] == tag:
            last = joined[-1]
            joined[-1] = (tag, last[1], i2, last[3], j2)
        else:
            joined.append((tag, i1, i2, j1, j2))
    return joined
