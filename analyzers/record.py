"""`record`: the class `@dataclass(frozen=True, slots=True)` makes, made for less start-up time.

A `@record` class is the same as with `@dataclass(frozen=True, slots=True)`: the same `__init__`
(defaults, `default_factory`, `__post_init__`), equality and hash over the compared fields, repr,
`__slots__`, pickling, `dataclasses.fields`/`replace`/`asdict`, and `FrozenInstanceError` on assignment;
only a class without a docstring keeps none (`dataclass` writes its signature there).
Python 3.11's `dataclass` compiles six generated functions for such a class (`__init__`, `__repr__`,
`__eq__`, `__hash__`, `__setattr__`, `__delattr__`); with some two hundred record classes, that was a
fifth of a one-file `bulwark scan` (in instructions). `record` makes the other five as closures over
the field names, and `__init__` from code compiled once per shape of fields (how many, which have
defaults) with the class's names put in.

A class that needs anything else (`InitVar`, `ClassVar`, `KW_ONLY`, `field(init=False)`,
`field(kw_only=True)`, a dataclass base, a field named `self`, or one of those six methods of its own) is
handed to `dataclass(frozen=True, slots=True)` as it is.
"""

from __future__ import annotations

import builtins
import dataclasses
import inspect
import operator
import reprlib
import types
from collections.abc import Callable
from dataclasses import MISSING, Field, FrozenInstanceError, dataclass, field
from functools import cache
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")

_OWN = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__")
_SPECIAL = ("ClassVar", "InitVar", "KW_ONLY")


class _Factory:
    """The default of a parameter whose field has a `default_factory` (shown as `dataclass` shows it)."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


@dataclass_transform(frozen_default=True, field_specifiers=(field, Field))
def record(cls: type[T]) -> type[T]:
    """`cls` as `@dataclass(frozen=True, slots=True)` makes it (see the module's docstring)."""
    if not _plain(cls):
        return dataclass(frozen=True, slots=True)(cls)
    documented = bool(cls.__dict__.get("__doc__"))
    if not documented:
        cls.__doc__ = "-"  # keeps `dataclass` from writing one out of `inspect.signature` (costly)
    made: Any = dataclass(init=False, repr=False, eq=False, slots=True)(cls)
    fields = dataclasses.fields(made)
    names = tuple(f.name for f in fields)
    _install(made, "__init__", _init(made, fields))
    equal = _values([f.name for f in fields if f.compare])
    hashed = _values([f.name for f in fields if (f.compare if f.hash is None else f.hash)])
    shown = tuple(f.name for f in fields if f.repr)

    def equals(self: Any, other: object) -> Any:
        if other.__class__ is self.__class__:
            return equal(self) == equal(other)
        return NotImplemented

    def hash_of(self: Any) -> int:
        return hash(hashed(self))

    @reprlib.recursive_repr()
    def shown_as(self: Any) -> str:
        values = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{self.__class__.__qualname__}({values})"

    def assign(self: Any, name: str, value: object) -> None:
        if type(self) is made or name in names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(made, self).__setattr__(name, value)

    def delete(self: Any, name: str) -> None:
        if type(self) is made or name in names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(made, self).__delattr__(name)

    def state_of(self: Any) -> list[object]:
        return [getattr(self, name) for name in names]

    def restore(self: Any, state: list[object]) -> None:
        for name, value in zip(names, state, strict=False):
            object.__setattr__(self, name, value)

    methods = {"__eq__": equals, "__hash__": hash_of, "__repr__": shown_as, "__setattr__": assign,
               "__delattr__": delete, "__getstate__": state_of, "__setstate__": restore}  # fmt: skip
    for name, method in methods.items():
        _install(made, name, method)
    params = made.__dataclass_params__
    params.init = params.repr = params.eq = params.frozen = True
    if not documented:
        made.__doc__ = None
    return made  # type: ignore[no-any-return]


def _plain(cls: type) -> bool:
    """Whether `record` can make `cls` itself: nothing in it needs more than fields with defaults."""
    if any(name in cls.__dict__ for name in _OWN):
        return False
    if any(hasattr(base, "__dataclass_fields__") for base in cls.__mro__[1:]):
        return False
    for name, annotation in inspect.get_annotations(cls).items():
        if name == "self" or not isinstance(annotation, str) or any(w in annotation for w in _SPECIAL):
            return False
        value = cls.__dict__.get(name, MISSING)
        if isinstance(value, Field) and (not value.init or value.kw_only is True):
            return False
    return True


def _init(made: type, fields: tuple[Field[Any], ...]) -> Callable[..., None]:
    """`__init__`, setting each field through `object.__setattr__`: the code of `_template` for the
    fields' kinds, with the class's field names put in (no compiling for a shape seen before)."""
    kinds = tuple(
        "default" if f.default is not MISSING else "factory" if f.default_factory is not MISSING else ""
        for f in fields
    )
    for kind, following, f in zip(kinds, kinds[1:], fields[1:], strict=False):
        if kind and not following:
            raise TypeError(f"non-default argument {f.name!r} follows default argument")
    names = tuple(f.name for f in fields)
    template = _template(kinds, hasattr(made, "__post_init__"))
    placeholders = {_placeholder(index): name for index, name in enumerate(names)}
    code = template.replace(
        co_varnames=("self", *names),
        co_consts=tuple(placeholders.get(c, c) if isinstance(c, str) else c for c in template.co_consts),
        co_qualname=f"{made.__qualname__}.__init__",
    )
    scope: dict[str, Any] = {
        "__name__": made.__module__,
        "__builtins__": builtins,
        "__record_set__": object.__setattr__,
        "__record_factory__": _FACTORY,
    }
    for index, f in enumerate(fields):
        if kinds[index] == "factory":
            scope[f"__record_make_{index}__"] = f.default_factory
    defaults = tuple(
        f.default if kind == "default" else _FACTORY for kind, f in zip(kinds, fields, strict=True) if kind
    )
    init: Any = types.FunctionType(code, scope, "__init__", defaults or None)
    init.__annotations__ = {**{f.name: f.type for f in fields}, "return": None}
    return init  # type: ignore[no-any-return]


def _placeholder(index: int) -> str:
    return f"\x00field {index}"


@cache
def _template(kinds: tuple[str, ...], post_init: bool) -> types.CodeType:
    """The code of an `__init__` for fields of these kinds (required "", "default", "factory"), its
    parameters and field names placeholders: compiled once per shape."""
    parameters, lines = [], []
    for index, kind in enumerate(kinds):
        value = parameter = f"_{index}"
        if kind == "factory":
            value = f"__record_make_{index}__() if {parameter} is __record_factory__ else {parameter}"
        parameters.append(parameter)
        lines.append(f" __record_set__(self, {_placeholder(index)!r}, {value})")
    if post_init:
        lines.append(" self.__post_init__()")
    text = f"def __init__(self, {', '.join(parameters)}):\n" + ("\n".join(lines) or " pass")
    module = compile(text, "<record>", "exec")
    return next(c for c in module.co_consts if isinstance(c, types.CodeType))


def _values(names: list[str]) -> Callable[[object], tuple[object, ...]]:
    """A function from an instance to the tuple of its `names` values (what `dataclass` compares)."""
    if not names:
        return lambda _: ()
    if len(names) == 1:
        one = operator.attrgetter(names[0])
        return lambda instance: (one(instance),)
    return operator.attrgetter(*names)


def _install(made: type, name: str, function: Any) -> None:
    function.__name__ = name
    function.__qualname__ = f"{made.__qualname__}.{name}"
    setattr(made, name, function)
