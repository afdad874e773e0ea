"""How close a package name is to a popular one: bounded Damerau-Levenshtein distance and the
separator, affix and look-alike variants that typosquatters register."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

_SEPARATORS = re.compile(r"[-_.]")
# Words that squatters add to or take from a popular name without changing what it reads as.
AFFIXES = (
    "python-", "py-", "py", "-python", "-py", "python3-", "-py3",
    "node-", "-node", "js-", "-js", ".js", "-javascript",
    "-dev", "-devel", "-lib", "-latest", "-official", "-pkg", "-package", "2", "3", "-2", "-3",
)  # fmt: skip
# Look-alike characters, mapped to the one they imitate.
_LOOKALIKES = (("rn", "m"), ("vv", "w"), ("cl", "d"), ("0", "o"), ("1", "l"), ("5", "s"))


@dataclass(frozen=True, slots=True)
class NearName:
    popular: str
    kind: str  # distance, separator, affix, lookalike
    distance: int


def damerau_levenshtein(left: str, right: str, bound: int) -> int:
    """Edits (insert, delete, substitute, swap adjacent) between the names; bound+1 once beyond."""
    if abs(len(left) - len(right)) > bound:
        return bound + 1
    previous_previous: list[int] = []
    previous = list(range(len(right) + 1))
    for i in range(1, len(left) + 1):
        current = [i] + [0] * len(right)
        for j in range(1, len(right) + 1):
            cost = 0 if left[i - 1] == right[j - 1] else 1
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and left[i - 1] == right[j - 2] and left[i - 2] == right[j - 1]:
                best = min(best, previous_previous[j - 2] + 1)
            current[j] = best
        if min(current) > bound:
            return bound + 1
        previous_previous, previous = previous, current
    return min(previous[-1], bound + 1)


def allowed_distance(name: str) -> int:
    """Short names sit close to many others: no edits under 5 letters, one under 9, else two."""
    if len(name) < 5:
        return 0
    return 1 if len(name) < 9 else 2


@lru_cache(maxsize=8)
def _by_length(popular: frozenset[str]) -> dict[int, tuple[str, ...]]:
    buckets: dict[int, list[str]] = defaultdict(list)
    for name in popular:
        buckets[len(name)].append(name)
    return {length: tuple(sorted(names)) for length, names in buckets.items()}


@lru_cache(maxsize=8)
def _by_shape(popular: frozenset[str]) -> dict[str, str]:
    shapes: dict[str, str] = {}
    for name in sorted(popular):
        shapes.setdefault(_strip_separators(name), name)
    return shapes


def _strip_separators(name: str) -> str:
    return _SEPARATORS.sub("", name)


def _lookalike(name: str) -> str:
    for fake, real in _LOOKALIKES:
        name = name.replace(fake, real)
    return name


def near_popular_name(name: str, popular: frozenset[str]) -> NearName | None:
    """The popular name that `name` imitates, if any; None when `name` is popular itself."""
    if name in popular or not name:
        return None
    shapes = _by_shape(popular)
    shape = _strip_separators(name)
    if shape in shapes and shapes[shape] != name:
        return NearName(shapes[shape], "separator", 0)
    for affix in AFFIXES:
        stem = name.removeprefix(affix) if affix[-1] in "-." else name
        stem = name.removesuffix(affix) if stem == name and affix[0] in "-.23" else stem
        if stem != name and len(stem) >= 4 and stem in popular:
            return NearName(stem, "affix", 0)
    lookalike = _lookalike(name)
    if lookalike != name and lookalike in popular:
        return NearName(lookalike, "lookalike", 0)
    return _nearest(name, popular)


def _nearest(name: str, popular: frozenset[str]) -> NearName | None:
    bound = allowed_distance(name)
    if bound == 0:
        return None
    best: NearName | None = None
    buckets = _by_length(popular)
    for length in range(len(name) - bound, len(name) + bound + 1):
        for candidate in buckets.get(length, ()):
            if len(candidate) < 5:
                continue
            distance = damerau_levenshtein(name, candidate, bound)
            if distance <= bound and (best is None or distance < best.distance):
                best = NearName(candidate, "distance", distance)
    return best
