"""Constant folding, bounded: `7 * 18 + num > 200`, `'should' in bar`, `possible[1]`, `s[4:-17]`.

Every operation is on plain constants (str, bytes, int, float, bool, None) and refuses results that
would be large (long strings, huge integers, big powers), so folding hostile code costs bounded time and
memory. An operation that cannot be folded returns `NOT_CONSTANT`.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

from analyzers.flow.value import NOT_CONSTANT, Constant

MAX_LENGTH = 10_000  # characters of a folded string
MAX_BITS = 4_096  # bits of a folded integer

_ARITHMETIC: dict[str, Callable[[Any, Any], object]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": operator.truediv,
    "//": operator.floordiv,
    "%": operator.mod,
    "&": operator.and_,
    "|": operator.or_,
    "^": operator.xor,
}
_COMPARISONS: dict[str, Callable[[Any, Any], object]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "in": lambda a, b: operator.contains(b, a),
    "not in": lambda a, b: not operator.contains(b, a),
    "is": lambda a, b: _same(a, b),
    "is not": lambda a, b: not _same(a, b),
}


def _same(a: object, b: object) -> bool:
    return (a is None and b is None) or (a == b and type(a) is type(b))


def _small(value: object) -> Constant:
    if isinstance(value, str | bytes) and len(value) > MAX_LENGTH:
        return NOT_CONSTANT
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > MAX_BITS:
        return NOT_CONSTANT
    if value is None or isinstance(value, str | bytes | int | float | bool):
        return value
    return NOT_CONSTANT


def _fits(op: str, left: object, right: object) -> bool:
    """Whether `left op right` stays small enough to compute at all."""
    if op == "*":
        for count, other in ((left, right), (right, left)):
            if isinstance(count, int) and isinstance(other, str | bytes):
                return count * len(other) <= MAX_LENGTH
    if op == "**":
        return (
            isinstance(right, int)
            and 0 <= right <= 64
            and isinstance(left, int | float)
            and abs(left) < 2**64
        )
    if op in ("<<", ">>"):
        return isinstance(right, int) and 0 <= right <= MAX_BITS
    return True


def binary(op: str, left: Constant, right: Constant) -> Constant:
    if isinstance(left, type(NOT_CONSTANT)) or isinstance(right, type(NOT_CONSTANT)):
        return NOT_CONSTANT
    if op == "and":
        return right if left else left
    if op == "or":
        return left if left else right
    if not _fits(op, left, right):
        return NOT_CONSTANT
    if op == "%" and isinstance(left, str):
        return NOT_CONSTANT  # string formatting: handled as building, not folded
    function = _ARITHMETIC.get(op) or {"**": operator.pow, "<<": operator.lshift, ">>": operator.rshift}.get(
        op
    )
    if function is None:
        return NOT_CONSTANT
    try:
        return _small(function(left, right))
    except (TypeError, ValueError, ZeroDivisionError, OverflowError, MemoryError):
        return NOT_CONSTANT


def compare(op: str, left: Constant, right: Constant) -> Constant:
    if isinstance(left, type(NOT_CONSTANT)) or isinstance(right, type(NOT_CONSTANT)):
        return NOT_CONSTANT
    function = _COMPARISONS.get(op)
    if function is None:
        return NOT_CONSTANT
    try:
        return bool(function(left, right))
    except (TypeError, ValueError):
        return NOT_CONSTANT


def unary(op: str, operand: Constant) -> Constant:
    if isinstance(operand, type(NOT_CONSTANT)):
        return NOT_CONSTANT
    try:
        if op == "not":
            return not operand
        if op == "-":
            return _small(-operand)  # type: ignore[operator]
        if op == "+":
            return _small(+operand)  # type: ignore[operator]
        if op == "~":
            return _small(~operand)  # type: ignore[operator]
    except TypeError:
        return NOT_CONSTANT
    return NOT_CONSTANT


def index(container: Constant, key: Constant) -> Constant:
    if not isinstance(container, str | bytes) or not isinstance(key, int) or isinstance(key, bool):
        return NOT_CONSTANT
    try:
        return _small(container[key])
    except IndexError:
        return NOT_CONSTANT


def slice_of(container: Constant, lower: Constant, upper: Constant) -> Constant:
    if not isinstance(container, str | bytes):
        return NOT_CONSTANT
    bounds = []
    for bound in (lower, upper):
        if bound is None or (isinstance(bound, int) and not isinstance(bound, bool)):
            bounds.append(bound)
        else:
            return NOT_CONSTANT
    return container[bounds[0] : bounds[1]]


def truth(value: Constant) -> bool | None:
    """The truth of a constant, None when not constant."""
    if isinstance(value, type(NOT_CONSTANT)):
        return None
    return bool(value)


def builtin(name: str, args: list[Constant]) -> Constant:
    """Fold a pure builtin or `str` method over constants: `len`, `str`, `int`, `lower`, ..."""
    if any(isinstance(arg, type(NOT_CONSTANT)) for arg in args):
        return NOT_CONSTANT
    function = _BUILTINS.get(name)
    if function is None:
        return NOT_CONSTANT
    try:
        return _small(function(*args))
    except (TypeError, ValueError, IndexError, OverflowError, AttributeError):
        return NOT_CONSTANT


def _str_method(name: str) -> Callable[..., object]:
    def call(receiver: object, *args: object) -> object:
        if not isinstance(receiver, str) or any(not isinstance(a, str | int) for a in args):
            raise TypeError(name)
        if name in ("center", "ljust", "rjust", "zfill") and any(
            isinstance(a, int) and a > MAX_LENGTH for a in args
        ):
            raise ValueError(name)
        if name == "replace" and len(args) >= 2 and len(receiver) * (len(str(args[1])) + 1) > 4 * MAX_LENGTH:
            raise ValueError(name)
        return getattr(receiver, name)(*args)

    return call


def _length(value: object) -> int:
    if not isinstance(value, str | bytes):
        raise TypeError("len")
    return len(value)


def _text(value: object) -> str:
    if value is None or isinstance(value, str | int | float | bool):
        return str(value)
    raise TypeError("str")


def _integer(value: object, *rest: object) -> int:
    if isinstance(value, str) and len(value) > 100:
        raise ValueError("int")
    return int(value, *rest)  # type: ignore[call-overload, no-any-return]


def _java(name: str) -> Callable[..., object]:
    """Java's `String` methods on constants, by their Java names."""

    def call(receiver: object, *args: object) -> object:
        if not isinstance(receiver, str):
            raise TypeError(name)
        if name == "charAt" and len(args) == 1 and isinstance(args[0], int):
            return receiver[args[0]]
        if name == "substring" and all(isinstance(a, int) for a in args) and 1 <= len(args) <= 2:
            return receiver[args[0] : args[1] if len(args) > 1 else None]  # type: ignore[index]
        if name in ("equals", "equalsIgnoreCase", "contains", "concat", "indexOf") and len(args) == 1:
            other = args[0]
            if not isinstance(other, str):
                raise TypeError(name)
            if name == "equals":
                return receiver == other
            if name == "equalsIgnoreCase":
                return receiver.lower() == other.lower()
            if name == "contains":
                return other in receiver
            return receiver + other if name == "concat" else receiver.find(other)
        simple: dict[str, Callable[[str], object]] = {
            "toUpperCase": str.upper, "toLowerCase": str.lower, "trim": str.strip, "length": len,
            "isEmpty": lambda text: not text,
        }  # fmt: skip
        if name in simple and not args:
            return simple[name](receiver)
        raise TypeError(name)

    return call


_BUILTINS: dict[str, Callable[..., object]] = {
    "len": _length,
    "str": _text,
    "int": _integer,
    "bool": bool,
    "abs": abs,
    **{
        f"str.{name}": _str_method(name)
        for name in (
            "lower", "upper", "strip", "lstrip", "rstrip", "replace", "startswith", "endswith",
            "find", "index", "split", "title", "capitalize", "casefold", "center", "ljust", "rjust",
            "zfill", "isdigit", "isalnum", "isalpha",
        )
    },
    **{
        f"str.{name}": _java(name)
        for name in ("charAt", "substring", "equals", "equalsIgnoreCase", "contains", "concat", "indexOf",
                     "toUpperCase", "toLowerCase", "trim", "length", "isEmpty")
    },
}  # fmt: skip
