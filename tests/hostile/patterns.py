"""Every regular expression of `app/` and `analyzers/` (query predicates included), and adversarial texts.

Patterns are found two ways, so that none is missed: the compiled patterns reachable from every
module (module globals, class attributes and the containers they hold, including patterns built at
import time from word lists), and the literal patterns passed to `re.*` calls anywhere in the source
(compiled when a function runs). Adversarial texts are built from each pattern's own pieces (its
literals and a sample of every character class), repeated to a long line, with and without a tail
that makes the match fail: what makes a backtracking engine revisit the same text again and again.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sre_parse: Any = importlib.import_module("re._parser")  # the engine's own parser and vocabulary
sre_constants: Any = importlib.import_module("re._constants")
ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("app", "analyzers")
_CALLS = frozenset({"compile", "search", "match", "fullmatch", "sub", "subn", "findall", "finditer", "split"})
_FILLERS = " a0Z_.-/:=\"'{}[]()<>$\\\t,;#@*+?!|&%^~`\u00e9\u202e"
# Modules whose import starts something or needs settings: their patterns are found in the source.
_SKIPPED_MODULES = frozenset({"app.__main__"})


# Patterns that never see text a pull request wrote: left out of both checks.
TRUSTED: dict[str, str] = {
    "analyzers.query._LITERAL_PREDICATE": "the project's own query files",
    "analyzers.query._REQUIRES": "the project's own query files",
    "analyzers.query._STRING": "the project's own query files",
    "app.packages.popular._QUOTED": "the package lists shipped with Bulwark",
    "app.jobs.redelivery._NEXT_CURSOR": "GitHub's `Link` header",
    "app.report.ruledoc._HEADING_LINE": "the rules' own docstrings",
}


@dataclass(frozen=True, slots=True)
class Found:
    pattern: str
    flags: int
    where: str


def module_patterns() -> Iterator[Found]:
    """Compiled patterns reachable from the modules of `app` and `analyzers` once imported."""
    for package in PACKAGES:
        root = importlib.import_module(package)
        for info in pkgutil.walk_packages(root.__path__, f"{package}."):
            if info.name in _SKIPPED_MODULES:
                continue
            module = importlib.import_module(info.name)
            for name, value in vars(module).items():
                yield from _patterns_in(value, f"{info.name}.{name}", 0)


def _patterns_in(value: Any, where: str, depth: int) -> Iterator[Found]:
    if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
        yield Found(value.pattern, value.flags & ~re.UNICODE, where)
    elif depth > 2 or isinstance(value, str | bytes):
        return
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _patterns_in(item, f"{where}[{key!r}]", depth + 1)
    elif isinstance(value, list | tuple | set | frozenset):
        for index, item in enumerate(value):
            yield from _patterns_in(item, f"{where}[{index}]", depth + 1)
    elif isinstance(value, type) and value.__module__.startswith(PACKAGES):
        for name, item in vars(value).items():
            yield from _patterns_in(item, f"{where}.{name}", depth + 1)


def source_patterns() -> Iterator[Found]:
    """Literal patterns of `re.*` calls in the source (with their flags when those are literal)."""
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                found = _literal_call(node)
                if found is not None:
                    where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
                    yield Found(found[0], found[1], where)


def _literal_call(node: ast.AST) -> tuple[str, int] | None:
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
        return None
    if not (isinstance(node.func.value, ast.Name) and node.func.value.id == "re"):
        return None
    if node.func.attr not in _CALLS or not node.args:
        return None
    first = node.args[0]
    if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
        return None
    flags = 0
    for keyword in node.keywords:
        if keyword.arg == "flags":
            flags = _flags(keyword.value)
    if node.func.attr == "compile" and len(node.args) > 1:
        flags = _flags(node.args[1])
    return first.value, flags


def _flags(node: ast.AST) -> int:
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "re":
        return int(getattr(re, node.attr, 0))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _flags(node.left) | _flags(node.right)
    return 0


# `(#match? @capture "regex")` and its variants in a tree-sitter query file (this test's own reading).
_QUERY_PREDICATE = re.compile(r'\(#(?:not-)?(?:any-)?match\?\s+@[\w.-]+\s+"((?:[^"\\]|\\.)*)"')
_QUERY_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0"}


def query_patterns() -> Iterator[Found]:
    """The regular expressions of `#match?` predicates in the query files (`analyzers/queries`, and any
    other `.scm` file of the packages): py-tree-sitter runs them with Python's `re` over the text of the
    captured node, which the pull request wrote, and holds the GIL while it does."""
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.scm")):
            text = path.read_text(encoding="utf-8")
            for match in _QUERY_PREDICATE.finditer(text):
                pattern = re.sub(
                    r"\\(.)", lambda m: _QUERY_ESCAPES.get(m.group(1), m.group(1)), match.group(1)
                )
                line = text.count("\n", 0, match.start()) + 1
                yield Found(pattern, 0, f"{path.relative_to(ROOT)}:{line}")


def all_patterns() -> list[Found]:
    """Every distinct (pattern, flags), with one place it comes from."""
    seen: dict[tuple[str, int], Found] = {}
    for found in (*module_patterns(), *source_patterns(), *query_patterns()):
        seen.setdefault((found.pattern, found.flags), found)
    return sorted(seen.values(), key=lambda f: (f.where, f.pattern))


# --- adversarial texts --------------------------------------------------------------------------


def pieces(pattern: str, flags: int) -> tuple[list[str], list[str]]:
    """(literal runs, sample characters) of a pattern: what its adversarial texts are made of."""
    literals: list[str] = []
    samples: set[str] = set(_FILLERS)
    _walk(sre_parse.parse(pattern, flags), literals, samples)
    return [text for text in dict.fromkeys(literals) if text], sorted(samples)


def _walk(parsed: Iterable[tuple[Any, Any]], literals: list[str], samples: set[str]) -> None:
    run = ""
    for op, av in parsed:
        if op is sre_constants.LITERAL:
            run += chr(av)
            samples.add(chr(av))
            continue
        literals.append(run)
        run = ""
        if op is sre_constants.IN:
            samples.update(_class_samples(av))
        elif op is sre_constants.NOT_LITERAL:
            samples.add("x" if av != ord("x") else "y")
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
            _walk(av[2], literals, samples)
        elif op is sre_constants.SUBPATTERN:
            _walk(av[-1], literals, samples)
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            _walk(av[1], literals, samples)
        elif op is sre_constants.ATOMIC_GROUP:
            _walk(av, literals, samples)
        elif op is sre_constants.BRANCH:
            for branch in av[1]:
                _walk(branch, literals, samples)
        elif op is sre_constants.GROUPREF_EXISTS:
            for branch in av[1:]:
                if branch is not None:
                    _walk(branch, literals, samples)
    literals.append(run)


def _class_samples(items: list[tuple[Any, Any]]) -> set[str]:
    found: set[str] = set()
    for op, av in items:
        if op is sre_constants.LITERAL:
            found.add(chr(av))
        elif op is sre_constants.RANGE:
            found.update({chr(av[0]), chr(av[1])})
        elif op is sre_constants.CATEGORY:
            found.update(_CATEGORY_SAMPLES.get(str(av), " a0"))
    return found


_CATEGORY_SAMPLES = {
    "CATEGORY_DIGIT": "7",
    "CATEGORY_NOT_DIGIT": "x",
    "CATEGORY_SPACE": " \t",
    "CATEGORY_NOT_SPACE": "x",
    "CATEGORY_WORD": "w_9",
    "CATEGORY_NOT_WORD": " -",
}


def adversarial_texts(pattern: str, flags: int, length: int) -> list[str]:
    """Long lines made of the pattern's own pieces: each piece repeated, each piece after each other
    piece repeated, each with a failing tail (`\\x00`) and without."""
    literals, samples = pieces(pattern, flags)
    units = [*literals[:6], *samples]
    texts: list[str] = []
    for unit in units:
        texts.append(_repeat(unit, length))
    for head in literals[:6]:
        for unit in (*literals[:6], *' a_./"{\\'):
            texts.append(head + _repeat(unit, length))
            texts.append(_repeat(head + unit, length))
    return [*texts, *(text + "\x00" for text in texts[: len(units)])]


def _repeat(unit: str, length: int) -> str:
    return (unit * (length // max(len(unit), 1) + 1))[:length]


# --- the shape of a pattern ---------------------------------------------------------------------
# Three shapes make a backtracking engine super-linear on text an attacker writes: a repeat inside a
# repeat whose iterations can split the same text in many ways (exponential); two unbounded repeats
# side by side that can both take the same characters (polynomial); and, for a search, an unbounded
# repeat that can run over the places where the next match attempt starts, before something that
# can fail (quadratic: every start rescans the rest of the line). Characters are judged on a sample.

_UNIVERSE = frozenset(chr(c) for c in range(32, 127)) | frozenset("\t\n\r\x00\u00a0\u00e9\u202e\u200b")
_LONG = 1_000  # a repeat allowing more than this many iterations counts as unbounded
_ANY = _UNIVERSE
_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT)


def shape_problems(pattern: str, flags: int) -> list[str]:
    """The risky shapes of a pattern (empty: none of the three)."""
    parsed = sre_parse.parse(pattern, flags)
    problems: list[str] = []
    _check_nesting(list(parsed), problems, flags)
    _check_adjacent(list(parsed), problems, flags)
    if not _anchored(parsed, flags):
        _check_start_overlap(list(parsed), _first(list(parsed), flags), problems, flags)
    return list(dict.fromkeys(problems))


def _chars(op: Any, av: Any, flags: int) -> frozenset[str]:
    """The sample characters one single-character item can match."""
    if op is sre_constants.LITERAL:
        found = {chr(av)}
    elif op is sre_constants.NOT_LITERAL:
        found = set(_UNIVERSE - {chr(av)})
    elif op is sre_constants.ANY:
        found = set(_UNIVERSE if flags & re.DOTALL else _UNIVERSE - {"\n"})
    elif op is sre_constants.IN:
        found = _in_chars(av)
    else:
        return frozenset()
    if flags & re.IGNORECASE:
        found |= {c.swapcase() for c in found}
    return frozenset(found)


def _in_chars(items: list[tuple[Any, Any]]) -> set[str]:
    negate = bool(items) and items[0][0] is sre_constants.NEGATE
    found: set[str] = set()
    for op, av in items[1:] if negate else items:
        if op is sre_constants.LITERAL:
            found.add(chr(av))
        elif op is sre_constants.RANGE:
            found |= {c for c in _UNIVERSE if av[0] <= ord(c) <= av[1]}
        elif op is sre_constants.CATEGORY:
            found |= {c for c in _UNIVERSE if re.fullmatch(_CATEGORY_REGEX[str(av)], c)}
    return set(_UNIVERSE - found) if negate else found


_CATEGORY_REGEX = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}


def _repeat_chars(items: list[tuple[Any, Any]], flags: int) -> frozenset[str]:
    """Every character a sequence can take anywhere (what a repeat of it can run over)."""
    found: set[str] = set()
    for op, av in items:
        if op in _REPEATS or op is sre_constants.POSSESSIVE_REPEAT:
            found |= _repeat_chars(list(av[2]), flags)
        elif op is sre_constants.SUBPATTERN:
            found |= _repeat_chars(list(av[-1]), _group_flags(av, flags))
        elif op is sre_constants.ATOMIC_GROUP:
            found |= _repeat_chars(list(av), flags)
        elif op is sre_constants.BRANCH:
            for branch in av[1]:
                found |= _repeat_chars(list(branch), flags)
        else:
            found |= _chars(op, av, flags)
    return frozenset(found)


def _group_flags(av: Any, flags: int) -> int:
    return (flags | (av[1] or 0)) & ~(av[2] or 0)


def _first(items: list[tuple[Any, Any]], flags: int) -> frozenset[str]:
    """Characters a match of the sequence can start with (through optional items)."""
    found: set[str] = set()
    for op, av in items:
        if op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            continue
        if op in _REPEATS or op is sre_constants.POSSESSIVE_REPEAT:
            found |= _first(list(av[2]), flags)
            if av[0] > 0:
                return frozenset(found)
            continue
        if op is sre_constants.SUBPATTERN:
            found |= _first(list(av[-1]), _group_flags(av, flags))
            return frozenset(found)
        if op is sre_constants.BRANCH:
            for branch in av[1]:
                found |= _first(list(branch), flags)
            return frozenset(found)
        found |= _chars(op, av, flags)
        return frozenset(found)
    return frozenset(found)


def _unbounded(op: Any, av: Any) -> bool:
    return op in _REPEATS and av[1] > _LONG


def _check_nesting(items: list[tuple[Any, Any]], problems: list[str], flags: int, outer: Any = None) -> None:
    for op, av in items:
        if op in _REPEATS:
            body = list(av[2])
            if outer is not None and av[0] != av[1] and not _has_separator(list(outer[2]), flags):
                outer_first = _first(list(outer[2]), flags)
                if _repeat_chars(body, flags) & outer_first:
                    problems.append("a repeat inside a repeat that can take the same characters")
            _check_nesting(body, problems, flags, av if av[1] > _LONG else outer)
        elif op is sre_constants.SUBPATTERN:
            _check_nesting(list(av[-1]), problems, _group_flags(av, flags), outer)
        elif op is sre_constants.BRANCH:
            for branch in av[1]:
                _check_nesting(list(branch), problems, flags, outer)
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            _check_nesting(list(av[1]), problems, flags, outer)


def _has_separator(body: list[tuple[Any, Any]], flags: int) -> bool:
    """A body that must take one character its repeats cannot: each iteration is told apart by it."""
    repeated: set[str] = set()
    for op, av in body:
        if op in _REPEATS or op is sre_constants.POSSESSIVE_REPEAT:
            repeated |= _repeat_chars(list(av[2]), flags)
    return any(
        op in (sre_constants.LITERAL, sre_constants.IN) and not (_chars(op, av, flags) & repeated)
        for op, av in body
    )


def _check_adjacent(items: list[tuple[Any, Any]], problems: list[str], flags: int) -> None:
    """Two unbounded repeats with only optional items between them, taking the same characters."""
    previous: frozenset[str] | None = None
    for op, av in items:
        if _unbounded(op, av):
            chars = _repeat_chars(list(av[2]), flags)
            if previous is not None and _first(list(av[2]), flags) & previous:
                problems.append("two unbounded repeats side by side can take the same characters")
            previous = chars
            _check_adjacent(list(av[2]), problems, flags)
            continue
        optional = op in _REPEATS and av[0] == 0
        if op is sre_constants.SUBPATTERN:
            _check_adjacent(list(av[-1]), problems, _group_flags(av, flags))
        elif op is sre_constants.BRANCH:
            for branch in av[1]:
                _check_adjacent(list(branch), problems, flags)
        if op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            continue
        if optional and previous is not None:
            previous = previous | _repeat_chars(list(av[2]), flags)
            continue
        previous = None


def _anchored(parsed: Any, flags: int) -> bool:
    """Matches only at the start of the text (`^` without MULTILINE, `\\A`)."""
    items = list(parsed)
    if not items or items[0][0] is not sre_constants.AT:
        return False
    where = str(items[0][1])
    return where == "AT_BEGINNING_STRING" or (where == "AT_BEGINNING" and not flags & re.MULTILINE)


def _check_start_overlap(
    items: list[tuple[Any, Any]], first: frozenset[str], problems: list[str], flags: int
) -> None:
    """An unbounded repeat, followed by something that can fail, running over a possible start."""
    for index, (op, av) in enumerate(items):
        if op is sre_constants.BRANCH:
            for branch in av[1]:
                _check_start_overlap([*branch, *items[index + 1 :]], first, problems, flags)
            return
        if op is sre_constants.SUBPATTERN:
            inner = [*av[-1], *items[index + 1 :]]
            _check_start_overlap(inner, first, problems, _group_flags(av, flags))
            return
        if _unbounded(op, av) and _can_fail(items[index + 1 :]):
            overlap = _repeat_chars(list(av[2]), flags) & first
            if overlap:
                sample = "".join(sorted(overlap))[:8]
                problems.append(f"an unbounded repeat can run over a match start ({sample!r}) before failing")


def _can_fail(rest: list[tuple[Any, Any]]) -> bool:
    for op, av in rest:
        if op is sre_constants.AT and str(av) in ("AT_END", "AT_END_STRING"):
            return True
        if op in _REPEATS and av[0] == 0:
            continue
        if op is sre_constants.SUBPATTERN and _can_fail(list(av[-1])):
            return True
        if op is sre_constants.BRANCH and all(_can_fail(list(branch)) for branch in av[1]):
            return True
        if op not in (sre_constants.SUBPATTERN, sre_constants.BRANCH, sre_constants.AT):
            return True
    return False
