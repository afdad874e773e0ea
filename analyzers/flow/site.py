"""One call being evaluated (`Site`) and how a model's argument spec or condition reads it."""

from __future__ import annotations

from analyzers.flow.ir import Call
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


def holds(condition: Condition, call: Site) -> bool:
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
