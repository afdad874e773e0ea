"""The container operations a `[[propagator]]` model can name: how a call moves data between its
receiver, its arguments and its result.

`apply` returns (result, the receiver's new value or None), or None when the action does not apply to
these values (a `get` on something that is not a known container), so the caller falls back to the
default: the result holds the data of the receiver and the arguments.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from analyzers.flow.value import EMPTY, NOT_CONSTANT, Value, item_key, join, join_all

Outcome = tuple[Value, Value | None] | None
_SEQUENCES = ("list", "tuple")


def apply(
    action: str,
    key: tuple[int, ...],
    value_at: int,
    receiver: Value | None,
    args: list[Value],
    keywords: Mapping[str, Value],
) -> Outcome:
    if action == "new-list":
        return Value(container="list", length=0), None
    if action == "new-dict":
        return Value(container="dict"), None
    if action == "identity":
        return (args[0] if args else EMPTY), None
    if action == "format":
        if receiver is None or receiver.ref in ("java.lang.String", "java.text.MessageFormat"):
            return _format(args[0] if args else None, [*args[1:], *keywords.values()]), None
        return _format(receiver, [*args, *keywords.values()]), None
    if action == "derive":
        facts = frozenset().union(*(a.deep_facts() for a in args)) | (
            receiver.facts if receiver else frozenset()
        )
        return Value(facts=facts), None
    if action == "flatten":  # `items.join(",")`: a string of everything the receiver holds
        facts = frozenset().union(*(a.deep_facts() for a in args)) | (
            receiver.deep_facts() if receiver else frozenset()
        )
        built = receiver is not None and (receiver.built or any(i.built for _, i in receiver.slots))
        return Value(facts=facts, ref="str", built=built), None
    if receiver is None:
        return None
    handler = _ACTIONS.get(action)
    return handler(receiver, args, key, value_at) if handler is not None else None


def _append(receiver: Value, args: list[Value], _key: tuple[int, ...], _value: int) -> Outcome:
    item = args[0] if args else EMPTY
    if receiver.container in _SEQUENCES and receiver.length is not None:
        grown = replace(receiver.with_slot(item_key(receiver.length), item), length=receiver.length + 1)
        return Value(), grown
    rest = item if receiver.rest is None else join(receiver.rest, item)
    return Value(), replace(receiver, rest=rest, length=None, container=receiver.container or "list")


def _extend(receiver: Value, args: list[Value], _key: tuple[int, ...], _value: int) -> Outcome:
    added = join_all([a.elements() for a in args]) if args else EMPTY
    rest = added if receiver.rest is None else join(receiver.rest, added)
    return Value(), replace(receiver, rest=rest, length=None, container=receiver.container or "list")


def _insert(receiver: Value, args: list[Value], _key: tuple[int, ...], _value: int) -> Outcome:
    item = args[1] if len(args) > 1 else EMPTY
    position = args[0].const if args else None
    if receiver.container in _SEQUENCES and receiver.length is not None and isinstance(position, int):
        items = _items(receiver)
        items.insert(position, item)
        return Value(), _sequence(receiver, items)
    rest = item if receiver.rest is None else join(receiver.rest, item)
    return Value(), replace(receiver, slots=(), rest=join(rest, receiver.elements()), length=None)


def _pop(receiver: Value, args: list[Value], _key: tuple[int, ...], _value: int) -> Outcome:
    position = args[0].const if args else -1
    if receiver.container in _SEQUENCES and receiver.length and isinstance(position, int):
        items = _items(receiver)
        if -len(items) <= position < len(items):
            taken = items.pop(position)
            return taken, _sequence(receiver, items)
    if receiver.container == "dict" and args and args[0].known:
        slot = receiver.slot(item_key(args[0].const))  # type: ignore[arg-type]
        if slot is not None:
            remaining = tuple((k, v) for k, v in receiver.slots if k != item_key(args[0].const))  # type: ignore[arg-type]
            return slot, replace(receiver, slots=remaining)
    if receiver.container is None and not receiver.slots:
        return None
    return receiver.elements(), replace(receiver, length=None)


def _get(receiver: Value, args: list[Value], key: tuple[int, ...], _value: int) -> Outcome:
    if receiver.container is None and not receiver.slots:
        return None
    composite = _key(args, key)
    default = args[len(key)] if len(args) > len(key) else Value(const=None)
    if composite is not None:
        slot = receiver.slot(composite)
        if slot is not None:
            return slot, None
        if receiver.rest is None:
            return default, None
    return join(receiver.elements(), default), None


def _store(receiver: Value, args: list[Value], key: tuple[int, ...], value_at: int) -> Outcome:
    item = args[value_at] if value_at < len(args) else EMPTY
    composite = _key(args, key)
    if composite is not None:
        return Value(), replace(receiver.with_slot(composite, item), container=receiver.container or "dict")
    key_facts = frozenset().union(*(args[i].facts for i in key if i < len(args)))
    rest = item if receiver.rest is None else join(receiver.rest, item)
    return Value(), replace(
        receiver, rest=replace(rest, facts=rest.facts | key_facts), container=receiver.container or "dict"
    )


def _load(receiver: Value, args: list[Value], key: tuple[int, ...], value_at: int) -> Outcome:
    return _get(replace(receiver, container=receiver.container or "dict"), args, key, value_at)


def _update(receiver: Value, args: list[Value], _key: tuple[int, ...], _value: int) -> Outcome:
    updated = receiver
    for other in args:
        for name, item in other.slots:
            updated = updated.with_slot(name, item)
        if other.rest is not None or other.facts:
            extra = other.rest if other.rest is not None else Value(facts=other.facts)
            updated = replace(updated, rest=extra if updated.rest is None else join(updated.rest, extra))
    return Value(), replace(updated, container=updated.container or "dict")


def _copy(receiver: Value, _args: list[Value], _key: tuple[int, ...], _value: int) -> Outcome:
    return receiver, None


def _absorb(receiver: Value, args: list[Value], _key: tuple[int, ...], _value: int) -> Outcome:
    """The receiver takes in the arguments' data (a builder's `append`, a buffer's `write`); the
    result is the receiver, for chained calls."""
    facts = frozenset().union(*(a.deep_facts() for a in args)) if args else frozenset()
    literal = receiver.known or receiver.built or any(a.known for a in args)
    built = receiver.built or (literal and any(not a.known for a in args))
    updated = replace(receiver, facts=receiver.facts | facts, built=built, const=NOT_CONSTANT)
    return updated, updated


def _keys(receiver: Value, _args: list[Value], _key: tuple[int, ...], _value: int) -> Outcome:
    return Value(container="list", rest=Value(facts=receiver.facts)), None


def _values(receiver: Value, _args: list[Value], _key: tuple[int, ...], _value: int) -> Outcome:
    return Value(container="list", rest=join(receiver.elements(), Value(facts=receiver.facts))), None


def _pairs(receiver: Value, _args: list[Value], _key: tuple[int, ...], _value: int) -> Outcome:
    element = Value(container="tuple", rest=join(receiver.elements(), Value(facts=receiver.facts)))
    return Value(container="list", rest=element), None


def _join(receiver: Value, args: list[Value], _key: tuple[int, ...], _value: int) -> Outcome:
    parts = args[0].elements() if args else EMPTY
    facts = receiver.facts | parts.deep_facts() | (args[0].facts if args else frozenset())
    literal = receiver.known and receiver.const != ""
    return Value(facts=facts, ref="str", built=bool(facts) and (literal or parts.built)), None


def _format(template: Value | None, args: list[Value]) -> Value:
    """A string built by filling `template` (a `.format` receiver) with `args`."""
    parts = [template, *args] if template is not None else args
    facts = frozenset().union(*(part.deep_facts() for part in parts))
    literal = template is not None and template.known and template.const != ""
    text = template.const if template is not None and isinstance(template.const, str) else None
    built = (literal and any(not a.known for a in args)) or any(p.built for p in parts)
    return Value(facts=facts, ref="str", built=built, text=text[:400] if text else None)


def _items(receiver: Value) -> list[Value]:
    return [receiver.slot(item_key(i)) or EMPTY for i in range(receiver.length or 0)]


def _sequence(receiver: Value, items: list[Value]) -> Value:
    rebuilt = replace(receiver, slots=(), length=len(items))
    for index, item in enumerate(items):
        rebuilt = rebuilt.with_slot(item_key(index), item)
    return rebuilt


def _key(args: list[Value], positions: tuple[int, ...]) -> str | None:
    values = [args[i] for i in positions if i < len(args)]
    if len(values) != len(positions) or not all(v.known for v in values):
        return None
    if len(values) == 1:
        return "[" + repr(values[0].const)
    return "[" + repr(tuple(v.const for v in values))


_ACTIONS = {
    "append": _append,
    "extend": _extend,
    "insert": _insert,
    "pop": _pop,
    "get": _get,
    "store": _store,
    "load": _load,
    "update": _update,
    "copy": _copy,
    "absorb": _absorb,
    "keys": _keys,
    "values": _values,
    "items": _pairs,
    "join": _join,
}
