"""What a branch proves about the data it tests, on each way out.

The test of a branch is read back through the definitions of its temporaries into checks that hold
on one way: `not`, `and` (both hold when true), `or` (neither holds when false); where only one of two
holds (`and` when false, `or` when true) a fact gets the marks both would give it
(`if name != "/a" && name != "/b" { name = "/" }` leaves `name` equal to a constant). Each check marks
the facts of the data it tests:

| check | mark |
| --- | --- |
| `"x" not in data` | `lacks:x` (`lacks-inner:x` on `data[1:-1]`) |
| `data in collection` | `member` |
| `table[data]` true (a table holding no data: Go's `allowed[host]`) | `member` (`attr:` as below) |
| `data == "constant"` | `equals` |
| `data < bound` (on the way out where `data` is the smaller: `i < n` holding, `i >= n` failing) | `compared` |
| `data >= bound` (on the way out where `data` is the larger: `i >= 0` holding, `i < 0` failing) | `floored` |
| `data.attr == ...`, `data.attr in ...`, `data.attr` false (empty) | `attr:attr` |
| `data.method(...)` is true | `method:method`; `starts:x`/`ends:x` for `startswith("x")`/`endswith("x")`, `prefix` for `startswith(value)` |
| `data.startswith("x")` (Go's `strings.HasPrefix`) is false | `starts-not:x` |
| `function(data, ...)` is true, or equal to something (`commonpath([root, data]) == root`) | `call:function` |
| C's `strstr(data, "x") == NULL` (or `strchr`) | `lacks:x` |

The `[[guard]]` models then clear the sink kinds whose required marks a fact carries: `lacks:../`
clears `path`. Marks go on the facts wherever they are in the state, so a check of `url.netloc` where
`url = urlparse(target)` also covers `target`.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Callable

from analyzers.flow.ir import (
    Attr,
    Binary,
    Call,
    Compare,
    Const,
    Function,
    Item,
    Operand,
    Pack,
    Slice,
    Unary,
    Var,
)
from analyzers.flow.model import Models
from analyzers.flow.value import Fact, Value, map_facts
from analyzers.record import record

State = dict[str, Value]
Check = tuple[object, bool]  # an expression and whether it holds
_MAX_CHECKS = 16


Evaluate = Callable[[Operand, State], Value]


def refine(
    models: Models,
    function: Function,
    test: Operand,
    state: State,
    holds: bool,
    kept: State | None = None,
    evaluate: Evaluate | None = None,
) -> State:
    """The state on the way out of a branch where `test` is `holds`: `kept` (the part of `state` that
    leaves the block, all of it by default) with the data the test checked marked and cleared."""
    kept = state if kept is None else kept
    checks = _checks(function, test, holds, 0)
    if not checks or not models.guards:
        return kept
    marked = _marked_facts(function, checks[:_MAX_CHECKS], state, evaluate or _value)
    change = {fact: fact.mark(marks) for fact, marks in marked.items()}
    if not change:
        return kept
    change = {
        old: cleared(models, new) for old, new in change.items() if new != old or new.marks != old.marks
    }
    if not change:
        return state
    return {name: map_facts(value, change) for name, value in state.items()}


def _marked_facts(
    function: Function, checks: list[Check], state: State, value_of: Evaluate
) -> dict[Fact, frozenset[str]]:
    """The marks each checked fact gets from checks that all hold."""
    marked: dict[Fact, frozenset[str]] = {}
    for expression, held in checks:
        if isinstance(expression, Either):
            found = [_marked_facts(function, way, state, value_of) for way in expression.ways]
            pairs = [(fact, found[0][fact] & found[1].get(fact, frozenset())) for fact in found[0]]
        else:
            pairs = [
                (fact, marks)
                for facts, marks in _marks(function, expression, held, state, value_of)
                for fact in facts
            ]
        for fact, marks in pairs:
            if marks:
                marked[fact] = marked.get(fact, frozenset()) | marks
    return marked


@record
class Either:
    """Two lists of checks of which one holds (`a and b` when false: `not a`, or `not b`)."""

    ways: tuple[list[Check], list[Check]]


def cleared(models: Models, fact: Fact) -> Fact:
    """`fact` with the sink kinds cleared whose guards its marks satisfy."""
    for guard in models.guards:
        if all(_marked(fact.marks, mark) for mark in guard.marks):
            fact = fact.clear(guard.clears)
    return fact


def _marked(marks: frozenset[str], wanted: str) -> bool:
    """Whether `marks` hold `wanted` (a glob when it has `*`: `call:*allowed_file`)."""
    if "*" not in wanted:
        return wanted in marks
    return any(fnmatch.fnmatchcase(mark, wanted) for mark in marks)


def _checks(function: Function, test: Operand, holds: bool, depth: int) -> list[Check]:
    if not isinstance(test, Var) or depth > 8:
        return []
    definition = function.temporaries.get(test.name)
    if isinstance(definition, Unary) and definition.op == "not":
        return _checks(function, definition.operand, not holds, depth + 1)
    if isinstance(definition, Binary) and definition.op in ("and", "or"):
        left = _checks(function, definition.left, holds, depth + 1)
        right = _checks(function, definition.right, holds, depth + 1)
        if (definition.op == "and") == holds:
            return left + right
        return [(Either((left, right)), holds)] if left and right else []
    if isinstance(definition, Compare | Call) or (isinstance(definition, Attr) and not holds):
        return [(definition, holds)]  # an attribute only when empty: `if parsed.netloc: ...` failing
    if isinstance(definition, Item) and holds:
        return [(definition, holds)]  # `if allowed[host]`: the key is one the table holds
    return []


def _value(operand: Operand, state: State) -> Value:
    if isinstance(operand, Const):
        return Value(const=operand.value)
    return state.get(operand.name, Value())


def _marks(
    function: Function, expression: object, held: bool, state: State, value_of: Evaluate
) -> list[tuple[frozenset[Fact], frozenset[str]]]:
    if isinstance(expression, Compare):
        searched = _search_marks(function, expression, held, state, value_of)
        if searched is not None:
            return searched
        return _compare_marks(function, expression, held, state, value_of)
    if isinstance(expression, Attr):  # tested and empty (`url.netloc` false): a part the data lacks
        return [(value_of(expression.obj, state).facts, frozenset({f"attr:{expression.name}"}))]
    if isinstance(expression, Item):  # a table without data, looked up with data and found true
        table, key = value_of(expression.obj, state), value_of(expression.key, state)
        if not key.facts or any(fact.kind != "unknown" for fact in table.facts):
            return []
        return [(key.facts, _data_marks(function, expression.key, "member"))]
    prefix = _prefix_test(expression)
    if prefix is not None and isinstance(expression, Call) and (not held or expression.method not in _PREFIX):
        data, needle = value_of(prefix[0], state), value_of(prefix[1], state)
        if not data.facts:
            return []
        if held:  # Go's function form: its `call:` marks, and what a prefix says
            found = _call_marks(function, expression, state, value_of)
            return [*found, (data.facts, _method_marks("startswith", needle) - {"method:startswith"})]
        if needle.known and isinstance(needle.const, str):
            return [(data.facts, frozenset({f"starts-not:{needle.const}"}))]
        return []
    if isinstance(expression, Call) and held:
        return _call_marks(function, expression, state, value_of)
    if isinstance(expression, Call) and expression.method in ("contains", "includes") and expression.args:
        receiver, needle = value_of(expression.func, state), value_of(expression.args[0], state)
        if receiver.facts and needle.known and isinstance(needle.const, str):
            return [(receiver.deep_facts(), frozenset({f"lacks:{needle.const}"}))]
    return []


def _compare_marks(
    function: Function, compare: Compare, held: bool, state: State, value_of: Evaluate
) -> list[tuple[frozenset[Fact], frozenset[str]]]:
    left, right = value_of(compare.left, state), value_of(compare.right, state)
    op = compare.op
    if op in ("in", "not in"):
        inside = (op == "in") == held
        if left.known and isinstance(left.const, str) and right.facts and not inside:
            inner = _is_inner_slice(function, compare.right)
            return [(right.deep_facts(), frozenset({("lacks-inner:" if inner else "lacks:") + left.const}))]
        if inside and left.facts:
            return [(left.facts, _data_marks(function, compare.left, "member"))]
        return []
    if op in ("==", "!=", "is", "is not"):
        equal = (op in ("==", "is")) == held
        if not equal:
            return []
        found = []
        for data, other, operand in ((left, right, compare.left), (right, left, compare.right)):
            if data.facts and (other.known or not other.facts):
                found.append((data.facts, _data_marks(function, operand, "equals" if other.known else "")))
            called = _called(function, operand, state, value_of)
            if called is not None:  # `os.path.commonpath([root, path]) == root`: what the call says
                found.append((called[1], frozenset({f"call:{called[0]}"})))
        return [item for item in found if item[1]]
    if op in ("<", "<=", ">", ">="):
        # A bound checked: on the way out where one side is at most the other, the smaller side is
        # bounded (`i < count` holding, `n >= size` failing); a lower bound (`i > 0`) bounds nothing,
        # nor does a bound made of the same data (`n < n + 1`). Data of unknown origin is left
        # alone: nothing counts it.
        below = (op in ("<", "<=")) == held
        data, bound = (left, right) if below else (right, left)
        measured = _measured(function, compare.left if below else compare.right, state, value_of)
        bounded = frozenset(f for f in data.facts | measured if f.kind != "unknown") - bound.deep_facts()
        # The other side is bounded from below (`i >= 0` holding, `i < 0` failing): `floored`.
        floor = frozenset(f for f in bound.facts if f.kind != "unknown") - data.deep_facts()
        return [item for item in ((bounded, _COMPARED), (floor, _FLOORED)) if item[0]]
    return []


_COMPARED = frozenset({"compared"})
_LENGTHS = frozenset({"strlen", "strnlen", "wcslen", "len"})


def _measured(function: Function, operand: Operand, state: State, value_of: Evaluate) -> frozenset[Fact]:
    """The data whose length `operand` is (`strlen(home)`): bounding the length bounds it too."""
    definition = function.temporaries.get(operand.name) if isinstance(operand, Var) else None
    if not isinstance(definition, Call) or definition.method is not None or not definition.args:
        return frozenset()
    if value_of(definition.func, state).ref not in _LENGTHS:
        return frozenset()
    return value_of(definition.args[0], state).facts


_FLOORED = frozenset({"floored"})
_SEARCHES = frozenset({"strstr", "strchr", "strrchr", "strcasestr", "wcsstr", "wcschr", "wcsrchr"})


def _search_marks(
    function: Function, compare: Compare, held: bool, state: State, value_of: Evaluate
) -> list[tuple[frozenset[Fact], frozenset[str]]] | None:
    """C's `strstr(data, "..") == NULL`: on the way out where the search found nothing, the data lacks
    the needle (`lacks:..`). None when the comparison is not such a test."""
    if compare.op not in ("==", "!="):
        return None
    for side, other in ((compare.left, compare.right), (compare.right, compare.left)):
        null = isinstance(other, Const) and (
            other.value is None or (type(other.value) is int and other.value == 0)
        )
        if not null:
            continue
        call = function.temporaries.get(side.name) if isinstance(side, Var) else None
        if not isinstance(call, Call) or call.label not in _SEARCHES or len(call.args) < 2:
            continue
        needle = call.args[1]
        text = needle.value if isinstance(needle, Const) else None
        if type(text) is int and 0 < text < 128:
            text = chr(text)
        if not isinstance(text, str) or not text:
            return None
        if (compare.op == "==") != held:
            return []  # found: nothing is proven
        return [(value_of(call.args[0], state).deep_facts(), frozenset({f"lacks:{text}"}))]
    return None


def _data_marks(function: Function, operand: Operand, plain: str) -> frozenset[str]:
    """`attr:name` when the tested data is an attribute of something (a parsed URL's host), else
    `plain` (nothing when empty)."""
    accessor = _accessor(function, operand)
    if accessor is not None:
        return frozenset({f"attr:{accessor}"})
    return frozenset({plain}) if plain else frozenset()


_NORMALIZERS = frozenset({"lower", "upper", "strip", "casefold", "toLowerCase", "toUpperCase", "trim", "toString",
                          "lstrip", "rstrip", "intern", "ToLower", "ToUpper", "TrimSpace"})  # fmt: skip


def _accessor(function: Function, operand: Operand) -> str | None:
    """The attribute or getter the tested value was read through (`url.netloc`, `cookie.getName()`):
    a check of that part says nothing of the rest of the data. Normalizing calls (`lower()`) are not
    accessors."""
    definition = function.temporaries.get(operand.name) if isinstance(operand, Var) else None
    if isinstance(definition, Attr):
        return definition.name
    if (
        isinstance(definition, Call)
        and definition.method is not None
        and definition.method not in _NORMALIZERS
    ):
        return definition.method
    return None


def _called(
    function: Function, operand: Operand, state: State, value_of: Evaluate
) -> tuple[str, frozenset[Fact]] | None:
    """The qualified name of the function whose result `operand` is (a module's, not an object's
    method), and the data of its arguments, when it has a name and data."""
    definition = function.temporaries.get(operand.name) if isinstance(operand, Var) else None
    if not isinstance(definition, Call):
        return None
    callee = value_of(definition.func, state)
    if definition.method is not None and (callee.container != "module" or callee.ref is None):
        return None  # a method of an object
    name = f"{callee.ref}.{definition.method}" if definition.method is not None else callee.ref
    operands: list[Operand] = []
    for arg in definition.args:
        packed = function.temporaries.get(arg.name) if isinstance(arg, Var) else None
        operands.extend(packed.items if isinstance(packed, Pack) else [arg])  # `[root, path]`
    facts = frozenset().union(*(value_of(item, state).deep_facts() for item in operands))
    return (name, facts) if name and facts else None


def _is_inner_slice(function: Function, operand: Operand) -> bool:
    definition = function.temporaries.get(operand.name) if isinstance(operand, Var) else None
    if not isinstance(definition, Slice):
        return False
    lower = definition.lower.value if isinstance(definition.lower, Const) else None
    upper = definition.upper.value if isinstance(definition.upper, Const) else None
    return isinstance(lower, int) and lower > 0 and isinstance(upper, int) and upper < 0


def _call_marks(
    function: Function, call: Call, state: State, value_of: Evaluate
) -> list[tuple[frozenset[Fact], frozenset[str]]]:
    if call.method is not None:
        receiver = value_of(call.func, state)
        if not receiver.facts or (
            call.method in _MEMBERSHIP and all(fact.kind == "unknown" for fact in receiver.facts)
        ):  # `ALLOWED.contains(data)`, `ALLOWED` a field whose value is not known here
            return _argument_marks(function, call, receiver, state, value_of)
        argument = value_of(call.args[0], state) if call.args else None
        marks = _method_marks(call.method, argument)
        accessor = _accessor(function, call.func)
        if accessor is not None and "equals" in marks:
            marks = (marks - {"equals"}) | {f"attr:{accessor}"}
        return [(receiver.facts, marks)]
    callee = value_of(call.func, state)
    name = callee.ref or ""
    found = []
    for operand in call.args[:2]:
        data = value_of(operand, state)
        if data.facts and name:
            found.append((data.facts, frozenset({f"call:{name}"})))
    return found


_MEMBERSHIP = frozenset({"includes", "has", "contains", "containsKey"})  # `allowed.has(data)`, Java's
# `ALLOWED.contains(data)`


def _argument_marks(
    function: Function, call: Call, receiver: Value, state: State, value_of: Evaluate
) -> list[tuple[frozenset[Fact], frozenset[str]]]:
    """A method of something holding no data, given data (`ALLOWED.includes(host)`,
    `validator.isEmail(email)`, `/^\\w+$/.test(name)`): `member` for a membership test, else
    `call:` with the callee's name (`call:validator.isEmail`) or `method:test`."""
    found = []
    for operand in call.args[:1]:
        data = value_of(operand, state)
        if not data.facts:
            continue
        if call.method in _MEMBERSHIP:
            marks = _data_marks(function, operand, "member")
        elif call.method == "test":
            marks = frozenset({"method:test"})
        elif call.method in _EQUALS:  # `"admin".equals(role)`
            marks = _data_marks(function, operand, "equals")
        elif receiver.ref:
            marks = frozenset({f"call:{receiver.ref}.{call.method}"})
        else:
            continue
        found.append((data.facts, marks))
    return found


_PREFIX = frozenset({"startswith", "startsWith"})
_PREFIX_FUNCTIONS = frozenset({"strings.HasPrefix", "bytes.HasPrefix"})  # the data, then the prefix


def _prefix_test(expression: object) -> tuple[Operand, Operand] | None:
    """(data, prefix) of a prefix test: `data.startswith(prefix)`, Go's `strings.HasPrefix(data, prefix)`."""
    if not isinstance(expression, Call):
        return None
    if expression.method in _PREFIX and expression.args:
        return expression.func, expression.args[0]
    if expression.label in _PREFIX_FUNCTIONS and len(expression.args) == 2:
        return expression.args[0], expression.args[1]
    return None


_SUFFIX = frozenset({"endswith", "endsWith"})
_EQUALS = frozenset({"equals", "equalsIgnoreCase", "contentEquals"})


def _method_marks(method: str, argument: Value | None) -> frozenset[str]:
    """What a method call that held says of its receiver: `startswith("x")` -> `starts:x`, Java's
    `equals("x")` -> `equals`, `contains("x")` (held) -> nothing more than `method:contains`."""
    marks = {f"method:{method}"}
    constant = (
        argument.const
        if argument is not None and argument.known and isinstance(argument.const, str)
        else None
    )
    if method in _PREFIX:
        marks.add(f"starts:{constant}" if constant is not None else "prefix")
    elif method in _SUFFIX and constant is not None:
        marks.add(f"ends:{constant}")
    elif method in _EQUALS and constant is not None:
        marks.add("equals")
    return frozenset(marks)
