"""One call being evaluated (`Site`) and how a model's argument spec or condition reads it."""

from __future__ import annotations

from analyzers.flow.ir import Attr, Binary, Call, Const, Expr, Item, Operand, Var
from analyzers.flow.model import Condition
from analyzers.flow.value import Value, item_key

State = dict[str, Value]


class Site:
    """One call being evaluated: its expression, evaluated arguments and the caller's state."""

    __slots__ = ("args", "expr", "flags_on_result", "keywords", "line", "spread", "state")

    def __init__(
        self,
        expr: Call,
        args: list[Value],
        keywords: dict[str, Value],
        spread: Value | None,
        line: int,
        state: State,
    ) -> None:
        self.expr = expr
        self.args = args
        self.keywords = keywords
        self.spread = spread
        self.line = line
        self.state = state
        self.flags_on_result: frozenset[str] = frozenset()


def argument(spec: int | str | None, receiver: Value | None, call: Site) -> Value | None:
    if spec == "receiver":
        return receiver
    if isinstance(spec, int):
        return (
            call.args[spec] if spec < len(call.args) else (call.spread if call.spread is not None else None)
        )
    if isinstance(spec, str):
        return call.keywords.get(spec)
    return None


def holds(condition: Condition, call: Site, temporaries: dict[str, Expr] | None = None) -> bool:
    if condition.length_of is not None:
        return temporaries is not None and measures(call.expr, condition, temporaries)
    value: Value | None = None
    if condition.keyword is not None:
        value = call.keywords.get(condition.keyword)
    if value is None and condition.position is not None and condition.position < len(call.args):
        value = call.args[condition.position]
    if value is not None and condition.key is not None:
        value = value.slot(item_key(condition.key))
    if value is None:
        return condition.absent
    if condition.equals is not None:
        if not value.known:
            return False
        const = value.const
        lowered = const.lower() if isinstance(const, str) else const
        return any(type(c) is type(const) and c in (const, lowered) for c in condition.equals)
    if condition.ref is not None:
        return value.ref == condition.ref
    if condition.prefix is not None:
        return (
            value.known and isinstance(value.const, str) and value.const.lower().startswith(condition.prefix)
        )
    if condition.removes is not None:
        return value.known and isinstance(value.const, str) and removes(value.const, condition.removes)
    return True


LENGTHS = frozenset({"strlen", "wcslen", "strnlen", "wcsnlen", "lstrlen", "lstrlenA", "lstrlenW", "_tcslen"})


def measures(expr: Call, condition: Condition, temporaries: dict[str, Expr]) -> bool:
    """Whether the argument at `condition.position` is the length of the one at `condition.length_of`
    (`strncpy(dst, src, strlen(src))`, `+ 1` allowed): the bound says how much there is, not how much
    fits."""
    position, measured = condition.position, condition.length_of
    if position is None or measured is None or max(position, measured) >= len(expr.args):
        return False
    size = _defined(expr.args[position], temporaries)
    if isinstance(size, Binary) and size.op == "+" and isinstance(size.right, Const):
        size = _defined(size.left, temporaries)
    if not (isinstance(size, Call) and size.method is None and len(size.args) >= 1):
        return False
    if not (isinstance(size.func, Var) and size.func.name in LENGTHS):
        return False
    spelled = _spelled(size.args[0], temporaries, 0)
    return spelled is not None and spelled == _spelled(expr.args[measured], temporaries, 0)


def _defined(operand: Operand, temporaries: dict[str, Expr]) -> Expr:
    """What a temporary stands for (a variable or constant stands for itself)."""
    if isinstance(operand, Var) and operand.name.startswith("$"):
        return temporaries.get(operand.name, operand)
    return operand


def _spelled(operand: Operand, temporaries: dict[str, Expr], depth: int) -> object:
    """`operand` with its temporaries replaced by what they compute (`argv[1]`, `req->name`), so two
    evaluations of one expression compare equal; None past a small depth or for anything else."""
    expr = _defined(operand, temporaries)
    if isinstance(expr, Var | Const):
        return expr
    if depth >= 4:
        return None
    if isinstance(expr, Item):
        parts = (_spelled(expr.obj, temporaries, depth + 1), _spelled(expr.key, temporaries, depth + 1))
        return None if None in parts else ("item", *parts)
    if isinstance(expr, Attr):
        obj = _spelled(expr.obj, temporaries, depth + 1)
        return None if obj is None else ("attr", obj, expr.name)
    return None


_ESCAPES = {"r": "\r", "n": "\n", "t": "\t", "f": "\f", "v": "\v", "0": "\0"}


def removes(pattern: str, wanted: str) -> bool:
    """Whether `pattern`, a regular expression, is one character class that matches every character of
    `wanted`: `[<>&"']`, `[\\r\\n]+` (a negated class, ranges and shorthand classes are not read)."""
    if len(pattern) > _MAX_CLASS or not pattern.startswith("[") or pattern.startswith("[^"):
        return False
    end = pattern.find("]", 2)  # a class holds at least one character: `[]...]` is not read
    if end < 0 or pattern[end + 1 :] not in ("", "+", "*"):
        return False
    members: set[str] = set()
    body = pattern[1:end]
    index = 0
    while index < len(body):
        char = body[index]
        if char == "\\" and index + 1 < len(body):
            escaped = body[index + 1]
            members.add(_ESCAPES.get(escaped, escaped))
            index += 2
            continue
        members.add(char)
        index += 1
    return all(char in members for char in wanted)


_MAX_CLASS = 200  # longer patterns are not read
