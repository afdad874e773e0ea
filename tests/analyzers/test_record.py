"""`record` makes the class `dataclass(frozen=True, slots=True)` makes: same behaviour, side by side."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import FrozenInstanceError, dataclass, field
from typing import Any

import pytest

from analyzers.record import record


def _pair(body: dict[str, Any], annotations: dict[str, str]) -> tuple[Any, Any]:
    """The same class body made by `record` and by `dataclass(frozen=True, slots=True)`."""
    made: list[Any] = []
    for decorate in (record, dataclass(frozen=True, slots=True)):
        namespace = {**body, "__annotations__": dict(annotations), "__module__": __name__}
        made.append(decorate(type("Point", (), namespace)))
    return made[0], made[1]


FIELDS = {"x": "int", "label": "str", "tags": "list[str]", "note": "str"}
BODY: dict[str, Any] = {
    "label": "",
    "tags": field(default_factory=list),
    "note": field(default="-", compare=False, repr=False),
}


def test_the_same_init_defaults_and_factories() -> None:
    ours, theirs = _pair(BODY, FIELDS)
    for args, kwargs in [((1,), {}), ((1, "a", ["t"]), {}), ((2,), {"note": "n", "label": "b"})]:
        mine, reference = ours(*args, **kwargs), theirs(*args, **kwargs)
        assert dataclasses.astuple(mine) == dataclasses.astuple(reference)
    assert ours(1).tags is not ours(1).tags
    with pytest.raises(TypeError):
        ours()
    assert ours.__doc__ is None  # `dataclass` writes the signature there; no one reads it


def test_the_same_equality_hash_and_repr() -> None:
    ours, theirs = _pair({"label": "", "note": field(default="-", compare=False, repr=False)},
                         {"x": "int", "label": "str", "note": "str"})  # fmt: skip
    a, b, c = ours(1, "a", "n1"), ours(1, "a", "n2"), ours(2, "a")
    assert a == b
    assert hash(a) == hash(b)
    assert a != c
    assert a != theirs(1, "a", "n1")  # another class is never equal
    assert hash(a) == hash(theirs(1, "a", "n1"))  # the hash of the same values
    assert repr(a) == repr(theirs(1, "a", "n1")) == "Point(x=1, label='a')"
    assert {a, b, c} == {a, c}


def test_one_field_compares_and_hashes_as_a_tuple() -> None:
    ours, theirs = _pair({}, {"x": "int"})
    assert hash(ours(3)) == hash(theirs(3)) == hash((3,))
    assert ours(3) == ours(3)
    assert ours(3) != ours(4)
    none, other = _pair({}, {})
    assert none() == none()
    assert hash(none()) == hash(other())
    assert repr(none()) == "Point()"


def test_frozen_slotted_and_copyable() -> None:
    ours, _ = _pair(BODY, FIELDS)
    point = ours(1, "a")
    with pytest.raises(FrozenInstanceError):
        point.x = 2
    with pytest.raises(FrozenInstanceError):
        del point.label
    with pytest.raises(AttributeError):
        object.__getattribute__(point, "__dict__")
    assert ours.__slots__ == ("x", "label", "tags", "note")
    assert dataclasses.replace(point, x=5) == ours(5, "a")
    assert copy.deepcopy(point) == point
    assert dataclasses.is_dataclass(point)
    assert ours.__dataclass_params__.frozen


def test_post_init_runs_after_the_fields() -> None:
    seen: list[int] = []
    ours, _ = _pair({"__post_init__": lambda self: seen.append(self.x)}, {"x": "int"})
    ours(7)
    assert seen == [7]


@record
class Pickled:
    name: str
    sizes: tuple[int, ...] = ()


def test_pickles() -> None:
    value = Pickled("a", (1, 2))
    assert pickle.loads(pickle.dumps(value)) == value  # noqa: S301  # our own bytes


def test_anything_else_is_left_to_dataclass() -> None:
    ours, theirs = _pair({"x": field(default=0, kw_only=True)}, {"x": "int"})
    assert ours(x=1) == ours(x=1)
    assert repr(ours(x=1)) == repr(theirs(x=1))
    with pytest.raises(TypeError):
        ours(1)


def test_classes_of_one_shape_keep_their_own_names() -> None:
    first, _ = _pair({"b": 0}, {"a": "int", "b": "int"})
    second, _ = _pair({"y": field(default_factory=list)}, {"x": "int", "y": "list[int]"})
    same_shape, _ = _pair({"d": 5}, {"c": "int", "d": "int"})
    assert repr(first(1)) == "Point(a=1, b=0)"
    assert repr(same_shape(c=2)) == "Point(c=2, d=5)"
    assert second(x=3).y == []
    with pytest.raises(TypeError):
        same_shape(a=1)


def test_a_required_field_after_a_default_is_refused() -> None:
    with pytest.raises(TypeError, match="follows default argument"):
        _pair({"a": 0}, {"a": "int", "b": "int"})
