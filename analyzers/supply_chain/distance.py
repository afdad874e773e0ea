"""How close a package name is to a popular one: bounded Damerau-Levenshtein distance and the
separator, affix and look-alike variants that typosquatters register.

A near name is `strong` when it has the shape of a slip (two adjacent letters swapped, a letter
doubled or undoubled, separators moved, a look-alike character, a filler affix) and `weak` otherwise
(any other edit within the bound): real, distinct projects are often one letter apart (`identity`,
`identify`), so weak matches need more evidence before they are reported.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from analyzers.record import record

_SEPARATORS = re.compile(r"[-_.]")
_SEGMENTS = re.compile(r"[-_./]")
# Words that squatters add to or take from a popular name without changing what it reads as.
AFFIXES = (
    "python-", "py-", "-python", "-py", "node-", "-node", "js-", "-js", ".js", "-javascript",
    "-dev", "-devel", "-latest", "-official", "-pkg", "-package",
)  # fmt: skip
# Look-alike characters, mapped to the one they imitate.
_LOOKALIKES = (("rn", "m"), ("vv", "w"), ("cl", "d"), ("0", "o"), ("1", "l"), ("5", "s"))


@record
class NearName:
    popular: str
    kind: str  # distance, separator, affix, lookalike
    distance: int
    strong: bool = True


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


def is_slip(name: str, popular: str) -> bool:
    """Two adjacent letters swapped, or one letter doubled or undoubled."""
    if len(name) == len(popular):
        diff = [i for i, (a, b) in enumerate(zip(name, popular, strict=True)) if a != b]
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and name[diff[0]] == popular[diff[1]]
            and name[diff[1]] == popular[diff[0]]
        )
    longer, shorter = (name, popular) if len(name) > len(popular) else (popular, name)
    if len(longer) != len(shorter) + 1:
        return False
    for i, char in enumerate(longer):
        if longer[:i] + longer[i + 1 :] == shorter:
            return (i > 0 and longer[i - 1] == char) or (i + 1 < len(longer) and longer[i + 1] == char)
    return False


@lru_cache(maxsize=8)
def _by_length(popular: frozenset[str]) -> dict[int, tuple[tuple[str, frozenset[str]], ...]]:
    """Popular names of each length, with their sets of characters."""
    buckets: dict[int, list[str]] = defaultdict(list)
    for name in popular:
        buckets[len(name)].append(name)
    return {length: tuple((n, frozenset(n)) for n in sorted(names)) for length, names in buckets.items()}


@lru_cache(maxsize=8)
def _by_shape(popular: frozenset[str]) -> dict[str, str]:
    shapes: dict[str, str] = {}
    for name in sorted(popular):
        shapes.setdefault(_SEPARATORS.sub("", name), name)
    return shapes


@lru_cache(maxsize=8)
def _scopes(popular: frozenset[str]) -> frozenset[str]:
    return frozenset(name.split("/", 1)[0] for name in popular if name.startswith("@"))


def _lookalike(name: str) -> str:
    for fake, real in _LOOKALIKES:
        name = name.replace(fake, real)
    return name


def near_popular_name(name: str, popular: frozenset[str]) -> NearName | None:
    """The popular name that `name` imitates, if any; None when `name` is popular itself."""
    if name in popular or not name:
        return None
    if name.startswith("@") and name.split("/", 1)[0] in _scopes(popular):
        return None  # an established scope: only its owner publishes under it
    shapes = _by_shape(popular)
    shape = _SEPARATORS.sub("", name)
    if shape in shapes and shapes[shape] != name:
        return NearName(shapes[shape], "separator", 0)
    for affix in AFFIXES:
        stem = name.removeprefix(affix) if affix[-1] in "-." else name.removesuffix(affix)
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
    found: list[NearName] = []
    buckets = _by_length(popular)
    letters = frozenset(name)
    for length in range(len(name) - bound, len(name) + bound + 1):
        for candidate, candidate_letters in buckets.get(length, ()):
            if len(letters ^ candidate_letters) > 2 * bound:
                continue  # each edit changes at most two letters of the set
            near = _compare(name, candidate, bound)
            if near is not None:
                found.append(near)
    found.sort(key=lambda near: (not near.strong, near.distance, near.popular))
    return found[0] if found else None


def _compare(name: str, candidate: str, bound: int) -> NearName | None:
    if len(candidate) < 5 or _digits_only_differ(name, candidate):
        return None
    distance = damerau_levenshtein(name, candidate, bound)
    if distance > bound:
        return None
    slip = distance == 1 and is_slip(name, candidate)
    left, right = _SEGMENTS.split(name), _SEGMENTS.split(candidate)
    if len(left) == len(right) > 1 and not slip:
        differing = [(a, b) for a, b in zip(left, right, strict=True) if a != b]
        if len(differing) == 1 and distance > allowed_distance(differing[0][1]):
            return None  # one word of a compound name swapped for another (`django-cms`, `-csp`)
    return NearName(candidate, "distance", distance, strong=slip)


def _digits_only_differ(name: str, candidate: str) -> bool:
    """`atomate` and `atomate2`, `markdownlint-cli` and `-cli2`: versions, not typos."""
    return name.rstrip("0123456789") == candidate.rstrip("0123456789")
