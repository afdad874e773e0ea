"""Null checks: what a branch proves not null on each way out, and the flags that proof drops.

A pointer tested as a truth value (`if (p)`), negated (`if (!p)`) or compared with a null constant
(`p == NULL`, `NULL != p`, `p == 0`, `p == nullptr`) is not null on one way out; `a && b` proves what
both prove where it holds, `a || b` what both disprove where it fails. A flag of the models marked
`until = "null-check"` (an allocation's result not checked yet) leaves the tested value there, and
every other variable holding that same value (`if ((p = malloc(n)) == NULL)` tests a temporary that
`p` was given).
"""

from __future__ import annotations

from dataclasses import replace

from analyzers.flow.ir import Binary, Compare, Const, Function, Operand, Unary, Var
from analyzers.flow.value import MAX_DEPTH, Value

State = dict[str, Value]
_NULLS = frozenset({"NULL", "nullptr", "Py_None"})
_MAX_DEPTH = 8


def proven(function: Function, test: Operand, holds: bool, depth: int = 0) -> list[str]:
    """The variables `test` proves not null on the way out where it is `holds`."""
    if not isinstance(test, Var) or depth > _MAX_DEPTH:
        return []
    definition = function.temporaries.get(test.name)
    if not isinstance(definition, Unary | Binary | Compare):
        return [test.name] if holds else []  # `if (p)`, `if ((p = malloc(n)))`
    if isinstance(definition, Unary) and definition.op == "not":
        return proven(function, definition.operand, not holds, depth + 1)
    if (
        isinstance(definition, Binary)
        and definition.op in ("and", "or")
        and (definition.op == "and") == holds
    ):
        left = proven(function, definition.left, holds, depth + 1)
        return left + proven(function, definition.right, holds, depth + 1)
    if isinstance(definition, Compare) and definition.op in ("==", "!="):
        if (definition.op == "!=") != holds:
            return []
        for tested, other in ((definition.left, definition.right), (definition.right, definition.left)):
            if _null(other) and isinstance(tested, Var):
                return [tested.name]
    return []


def _null(operand: Operand) -> bool:
    if isinstance(operand, Const):
        return operand.value is None or (operand.value == 0 and not isinstance(operand.value, bool))
    return operand.name in _NULLS


def drop(state: State, tested: State, names: list[str], flags: frozenset[str]) -> State:
    """`state` with `flags` taken off the values `names` have in `tested` (the state the test was
    made in, temporaries included), wherever `state` holds one of those values."""
    values = [tested[name] for name in names if name in tested and tested[name].flags & flags]
    if not values:
        return state
    changed = dict(state)
    for name, value in state.items():
        before = tested.get(name)
        if value.flags & flags and before is not None and any(before == seen for seen in values):
            changed[name] = replace(value, flags=value.flags - flags)
        elif value.slots:
            changed[name] = _inner(value, values, flags, 0)
    return changed


def _inner(value: Value, values: list[Value], flags: frozenset[str], depth: int) -> Value:
    """`value` with `flags` taken off the contents that hold one of `values` (`data->buffer` tested:
    the slot of `data` it was read from)."""
    if depth >= MAX_DEPTH or not value.slots:
        return value
    slots = tuple(
        (key, replace(inner, flags=inner.flags - flags) if inner.flags & flags and inner in values
         else _inner(inner, values, flags, depth + 1))
        for key, inner in value.slots
    )  # fmt: skip
    return value if slots == value.slots else replace(value, slots=slots)
