"""Constant folding decides dead branches, and refuses to build large values from hostile code."""

from __future__ import annotations

import pytest

from analyzers.flow import constant
from analyzers.flow.value import NOT_CONSTANT


@pytest.mark.parametrize(
    ("op", "left", "right", "expected"),
    [
        ("+", 7 * 18, 106, 232),
        (">", 232, 200, True),
        ("in", "should", "This should never happen", True),
        ("not in", "should", "This should never happen", False),
        ("%", 10, 3, 1),
        ("and", 0, 5, 0),
        ("or", "", "x", "x"),
    ],
)
def test_small_operations_fold(op: str, left: object, right: object, expected: object) -> None:
    folder = constant.compare if op in ("in", "not in", ">") else constant.binary
    assert folder(op, left, right) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("op", "left", "right"),
    [
        ("*", "a", 10**9),  # a gigabyte string
        ("**", 2, 10**6),  # a megabit integer
        ("<<", 1, 10**7),
        ("*", 10**4000, 10**4000),  # beyond the bit bound
        ("/", 1, 0),
        ("%", "%s", "x"),  # string formatting builds, it does not fold
    ],
)
def test_large_or_failing_results_do_not_fold(op: str, left: object, right: object) -> None:
    assert constant.binary(op, left, right) is NOT_CONSTANT  # type: ignore[arg-type]


def test_indexing_slicing_and_builtins() -> None:
    assert constant.index("ABC", 1) == "B"
    assert constant.index("ABC", 5) is NOT_CONSTANT
    assert constant.slice_of("helpXsnapes", 4, -6) == "X"
    assert constant.builtin("len", ["abcd"]) == 4
    assert constant.builtin("str.replace", ["a" * 5000, "a", "b" * 5000]) is NOT_CONSTANT
    assert constant.builtin("str.center", ["a", 10**9]) is NOT_CONSTANT
    assert constant.builtin("int", ["9" * 5000]) is NOT_CONSTANT
    assert constant.truth(NOT_CONSTANT) is None
