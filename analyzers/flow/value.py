"""Abstract values: what the engine knows about a value at a point of a function.

A `Value` carries the `Fact`s of the untrusted (or otherwise notable) data it holds, each with its
source kind (`http`, `cli`, `env`, `file`, `network`, `database`; `unknown` for a parameter or a call
the engine could not follow; `random` for a predictable random number; `error` for an exception's
details), where it came from, the sink kinds it has been made safe for (`cleared`) and the checks it
has passed (`marks`). Beside the facts: the constant it is when known (for folding), the qualified name
of what it is (`ref`: `flask.request`, `sqlite3.Cursor`), the known contents of a container or object
(`slots`: `[0`, `['key'`, `.attribute`), typestate `flags` (held where one way in held them, or,
named `all:...`, only where every way did), and whether it is a string built from a
literal and non-constant parts (`built`).

Values are immutable and hashable; trace steps ride on facts without taking part in equality, so the
lattice stays finite (the sources of a change, the sink kinds, the marks) and every join terminates.
"""

from __future__ import annotations

from dataclasses import field, replace

from analyzers.base import TraceStep as Step  # a fact carries the steps a finding shows
from analyzers.flow.ir import ConstValue
from analyzers.record import record

MAX_SLOTS = 32  # known slots of one container; beyond, contents join into `rest`
MAX_DEPTH = 4  # nesting of containers followed
MAX_STEPS = 6  # trace steps kept per fact: the first two and the last four
MAX_TEXT = 400  # characters of a built string's literal skeleton
MAX_ALTERNATIVES = 4  # constants a value is kept as one of
MAX_FACTS = 24  # facts one value keeps apart; beyond, the facts of one kind merge (see `unite`)


class _NoConstant:
    __slots__ = ()

    def __repr__(self) -> str:
        return "NOT_CONSTANT"


NOT_CONSTANT = _NoConstant()
Constant = ConstValue | _NoConstant


@record
class Fact:
    kind: str
    origin: str  # what the data is, for messages: "`request.args`", "parameter `cmd`"
    path: str
    line: int
    cleared: frozenset[str] = frozenset()
    marks: frozenset[str] = frozenset()
    steps: tuple[Step, ...] = field(default=(), compare=False)

    def clear(self, kinds: frozenset[str]) -> Fact:
        return self if kinds <= self.cleared else replace(self, cleared=self.cleared | kinds)

    def mark(self, marks: frozenset[str]) -> Fact:
        return self if marks <= self.marks else replace(self, marks=self.marks | marks)

    def step(self, step: Step) -> Fact:
        steps = self.steps
        if steps and steps[-1] == step:
            return self
        kept = (*steps, step)
        if len(kept) > MAX_STEPS:
            kept = (*kept[:2], *kept[-(MAX_STEPS - 2) :])
        return replace(self, steps=kept)

    def live_for(self, kind: str) -> bool:
        return kind not in self.cleared and "*" not in self.cleared


Facts = frozenset[Fact]
NO_FACTS: Facts = frozenset()
Slots = tuple[tuple[str, "Value"], ...]


@record
class Value:
    facts: Facts = NO_FACTS
    const: Constant = NOT_CONSTANT
    ref: str | None = None
    slots: Slots = ()
    rest: Value | None = None  # contents at keys not in `slots` (or all, for a sequence of unknown length)
    length: int | None = None  # exact length of a list or tuple
    container: str | None = None  # list, tuple, set, dict, object
    flags: frozenset[str] = frozenset()
    built: bool = False
    text: str | None = None  # literal skeleton of a built string, non-constant parts as `\x00`
    function: tuple[str, str] | None = None  # (module path, function id) of a user function or class
    alternatives: frozenset[ConstValue] | None = None  # the constants it may be, when it is one of a few

    def possible(self) -> frozenset[ConstValue] | None:
        """The constants the value may be (one when known), or None when it is not among a few."""
        if self.known:
            return frozenset({self.const})  # type: ignore[arg-type]
        return self.alternatives

    @property
    def known(self) -> bool:
        return not isinstance(self.const, _NoConstant)

    def slot(self, key: str) -> Value | None:
        for name, value in self.slots:
            if name == key:
                return value
        return None

    def with_slot(self, key: str, value: Value, *, strong: bool = True) -> Value:
        """This container with `key` set to `value` (joined with the old content when not `strong`)."""
        old = self.slot(key)
        new = value if strong or old is None else join(old, value)
        slots = tuple(sorted([(k, v) for k, v in self.slots if k != key] + [(key, new)], key=lambda s: s[0]))
        if len(slots) > MAX_SLOTS:
            spilled = join_all([v for _, v in slots[MAX_SLOTS:]] + ([self.rest] if self.rest else []))
            return replace(self, slots=slots[:MAX_SLOTS], rest=spilled)
        return replace(self, slots=slots)

    def deep_facts(self, depth: int = 0) -> Facts:
        """The facts of the value and of everything it contains."""
        if (not self.slots and self.rest is None) or depth >= MAX_DEPTH:
            return self.facts
        found = self.facts
        for _, value in self.slots:
            found = unite(found, value.deep_facts(depth + 1))
        if self.rest is not None:
            found = unite(found, self.rest.deep_facts(depth + 1))
        return found

    def elements(self) -> Value:
        """The join of every element (iteration, an unknown index)."""
        parts = [v for k, v in self.slots if k.startswith("[")]
        if self.rest is not None:
            parts.append(self.rest)
        if not parts:
            return Value(facts=self.facts)
        joined = join_all(parts)
        return replace(joined, facts=unite(joined.facts, self.facts)) if self.facts else joined


EMPTY = Value()


def constant(value: ConstValue) -> Value:
    return Value(const=value, ref=_type_of(value))


def _type_of(value: ConstValue) -> str | None:
    if isinstance(value, bool):
        return "bool"
    return {str: "str", bytes: "bytes", int: "int", float: "float"}.get(type(value))


def tainted(facts: Facts, **extra: object) -> Value:
    return Value(facts=facts, **extra)  # type: ignore[arg-type]


def join(a: Value, b: Value, depth: int = 0) -> Value:
    """The least value that over-approximates both."""
    if a is b or a == b:
        return a
    if depth >= MAX_DEPTH:
        return Value(facts=unite(a.deep_facts(), b.deep_facts()), built=a.built or b.built)
    same_const = a.known and b.known and type(a.const) is type(b.const) and a.const == b.const
    return Value(
        facts=unite(a.facts, b.facts),
        const=a.const if same_const else NOT_CONSTANT,
        ref=a.ref if a.ref == b.ref else None,
        slots=_join_slots(a, b, depth),
        rest=_join_optional(a.rest, b.rest, depth),
        length=a.length if a.length == b.length else None,
        container=a.container if a.container == b.container else (a.container or b.container),
        flags=_join_flags(a.flags, b.flags),
        built=a.built or b.built,
        text=a.text if a.text == b.text else (a.text or b.text),
        function=a.function if a.function == b.function else None,
        alternatives=None if same_const else _alternatives(a, b),
    )


MUST = "all:"  # a flag that holds after a join only when it held on every way in (`all:freed`)


def _join_flags(a: frozenset[str], b: frozenset[str]) -> frozenset[str]:
    """Flags hold after a join when they held on one way in, except `all:` flags, which must have
    held on both."""
    if a == b:
        return a
    either = a | b
    if not any(flag.startswith(MUST) for flag in either):
        return either
    return frozenset(flag for flag in either if not flag.startswith(MUST) or (flag in a and flag in b))


def unite(a: Facts, b: Facts) -> Facts:
    """The facts of two values that meet (a join, a value and its contents), kept finite: one fact
    per source, with the checks and clearances that hold on every way in (a source checked on one way
    and not the other is unchecked), and at most `MAX_FACTS` of them.

    Without this a run of `if x.a != nil {...}` blocks doubles the facts of `x` at every join (marked
    on one way, unmarked on the other): thirty checks made a billion facts of one source."""
    if not a or not b or a is b:
        return a or b
    union = a | b
    if len(union) == max(len(a), len(b)):
        return union  # one holds the other: nothing new to merge
    return bound_facts(union)


def bound_facts(facts: Facts) -> Facts:
    """`facts` with the variants of one source met into one fact and, past `MAX_FACTS`, the facts of
    one kind met into the first of that kind (a placeholder is never merged with another: its origin
    names the parameter it stands for)."""
    by_source: dict[tuple[str, str, str, int], Fact] = {}
    for fact in sorted(facts, key=_fact_key):
        key = (fact.kind, fact.origin, fact.path, fact.line)
        known = by_source.get(key)
        by_source[key] = fact if known is None else _meet(known, fact)
    kept = list(by_source.values())
    if len(kept) > MAX_FACTS:
        first: dict[str, int] = {}
        merged: list[Fact] = []
        for fact in kept:
            at = first.get(fact.kind)
            if len(merged) < MAX_FACTS or fact.kind == PARAMETER or at is None:
                first.setdefault(fact.kind, len(merged))
                merged.append(fact)
            else:
                merged[at] = _meet(merged[at], fact)
        kept = merged
    return frozenset(kept) if len(kept) != len(facts) else facts


def _fact_key(fact: Fact) -> tuple[object, ...]:
    """An order of facts that does not depend on hashing (which varies between processes), so the
    fact that survives a merge, and the steps it shows, are the same on every run."""
    return (
        fact.kind, fact.path, fact.line, fact.origin, len(fact.cleared), sorted(fact.cleared),
        len(fact.marks), sorted(fact.marks), [(s.path, s.line, s.note) for s in fact.steps],
    )  # fmt: skip


def _meet(kept: Fact, other: Fact) -> Fact:
    """One fact for two: safe for a sink only where both are, checked only as both are."""
    if "*" in kept.cleared:
        cleared = other.cleared
    elif "*" in other.cleared:
        cleared = kept.cleared
    else:
        cleared = kept.cleared & other.cleared
    marks = kept.marks & other.marks
    if cleared == kept.cleared and marks == kept.marks:
        return kept
    return replace(kept, cleared=cleared, marks=marks)


def _alternatives(a: Value, b: Value) -> frozenset[ConstValue] | None:
    left, right = a.possible(), b.possible()
    if left is None or right is None or len(left | right) > MAX_ALTERNATIVES:
        return None
    return left | right


def _join_optional(a: Value | None, b: Value | None, depth: int) -> Value | None:
    if a is None or b is None:
        return a if b is None else b
    return join(a, b, depth + 1)


def _join_slots(a: Value, b: Value, depth: int) -> Slots:
    if not a.slots and not b.slots:
        return ()
    keys = sorted({k for k, _ in a.slots} | {k for k, _ in b.slots})
    joined: list[tuple[str, Value]] = []
    for key in keys[:MAX_SLOTS]:
        left, right = a.slot(key), b.slot(key)
        if left is None or right is None:
            joined.append((key, left if right is None else right))  # type: ignore[arg-type]
        else:
            joined.append((key, join(left, right, depth + 1)))
    return tuple(joined)


def join_all(values: list[Value]) -> Value:
    if not values:
        return EMPTY
    result = values[0]
    for value in values[1:]:
        result = join(result, value)
    return result


def map_facts(value: Value, change: dict[Fact, Fact], depth: int = 0) -> Value:
    """`value` with every fact in `change` replaced (a guard clearing or marking data everywhere)."""
    if depth >= MAX_DEPTH or (not value.facts and not value.slots and value.rest is None):
        return value
    facts = frozenset(change.get(f, f) for f in value.facts) if value.facts else value.facts
    slots = tuple((k, map_facts(v, change, depth + 1)) for k, v in value.slots) if value.slots else ()
    rest = map_facts(value.rest, change, depth + 1) if value.rest is not None else None
    if facts == value.facts and slots == value.slots and rest == value.rest:
        return value
    return replace(value, facts=facts, slots=slots, rest=rest)


PARAMETER = "parameter"  # the kind of a placeholder fact: whatever a parameter will hold
RECEIVER = (
    "receiver:"  # the flag of the object a method runs on when nothing is known of it (`receiver:self`)
)


def placeholder(function: str, name: str) -> Fact:
    """The fact standing for the data of parameter `name` of `function` in its summary."""
    return Fact(PARAMETER, name, function, 0)


def summarize(value: Value, stand_in: Fact, depth: int = 0) -> Value:
    """`value` for a function's summary: constants dropped, every fact replaced by `stand_in` (the
    shape, types and flags kept, so what the function does with them still shows)."""
    facts = frozenset({stand_in}) if value.facts else NO_FACTS
    if depth > MAX_DEPTH:
        return Value(facts=frozenset({stand_in}) if value.deep_facts() else NO_FACTS, ref=value.ref)
    slots = tuple((key, summarize(inner, stand_in, depth + 1)) for key, inner in value.slots)
    rest = summarize(value.rest, stand_in, depth + 1) if value.rest is not None else None
    return replace(value, facts=facts, const=NOT_CONSTANT, slots=slots, rest=rest, text=None)


def substitute(value: Value, actual: dict[tuple[str, str], Facts], depth: int = 0) -> Value:
    """`value` with each placeholder fact replaced by the facts its parameter holds at a call, each
    carrying the placeholder's checks, clearances and steps."""
    if depth >= MAX_DEPTH or (not value.facts and not value.slots and value.rest is None):
        return value
    facts = substitute_facts(value.facts, actual)
    slots = tuple((k, substitute(v, actual, depth + 1)) for k, v in value.slots) if value.slots else ()
    rest = substitute(value.rest, actual, depth + 1) if value.rest is not None else None
    if facts == value.facts and slots == value.slots and rest == value.rest:
        return value
    return replace(value, facts=facts, slots=slots, rest=rest)


def substitute_facts(facts: Facts, actual: dict[tuple[str, str], Facts]) -> Facts:
    if not any(fact.kind == PARAMETER for fact in facts):
        return facts
    result: set[Fact] = set()
    for fact in facts:
        replacement = actual.get((fact.path, fact.origin)) if fact.kind == PARAMETER else None
        if replacement is None:
            result.add(fact)
            continue
        if "*" in fact.cleared:
            continue
        for real in replacement:
            moved = real.clear(fact.cleared).mark(fact.marks)
            for step in fact.steps:
                moved = moved.step(step)
            result.add(moved)
    return frozenset(result)


def item_key(const: ConstValue) -> str:
    """The slot name of a constant key or index: `[0`, `['name'`."""
    return "[" + repr(const)


def attribute_key(name: str) -> str:
    return "." + name
