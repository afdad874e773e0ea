"""Ranges partition the added lines exactly, whatever the text and whichever lines were added."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from analyzers.contract.model import ChangedRange, Scope
from analyzers.contract.syntax import parse_text
from app.context.diff import split_lines
from app.context.scopes import added_runs, map_ranges, scope_for

PYTHON_LINES = [
    "class A:",
    "    def f(self):",
    "        return 1",
    "",
    "def g():",
    "    x = [",
    "        1,",
    "    ]",
    "    return x",
    "import os",
    "@decorator",
    "    pass",
]
YAML_LINES = ["a:", "  b: 1", "  c:", "    - x", "    - y: 2", "d: [1, 2]", "", "# note"]


def _partition(language: str, lines: list[str], added: set[int]) -> tuple[ChangedRange, ...]:
    text = "\n".join(lines) + "\n"
    tree = parse_text(language, text)
    ranges = map_ranges(language, tree, split_lines(text), added)
    covered = [n for r in ranges for n in range(r.start_line, r.end_line + 1)]
    assert sorted(covered) == sorted(added)
    assert len(covered) == len(set(covered))
    return ranges


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PYTHON_LINES), min_size=1, max_size=40), st.data())
def test_python_ranges_partition_added_lines(lines: list[str], data: st.DataObject) -> None:
    added = data.draw(st.sets(st.integers(min_value=1, max_value=len(lines))))
    for changed in _partition("python", lines, added):
        assert changed.scope is not None


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(YAML_LINES), min_size=1, max_size=40), st.data())
def test_yaml_ranges_partition_added_lines(lines: list[str], data: st.DataObject) -> None:
    added = data.draw(st.sets(st.integers(min_value=1, max_value=len(lines))))
    _partition("yaml", lines, added)


def test_runs() -> None:
    assert added_runs([7, 1, 2, 3, 9, 8]) == [(1, 3), (7, 9)]
    assert added_runs([]) == []


def test_scope_for_a_single_line() -> None:
    text = "class A:\n    def f(self):\n        return 1\n"
    tree = parse_text("python", text)
    assert tree is not None
    assert scope_for("python", tree, split_lines(text), 3, 3) == Scope("method", "A.f", 2, 3)
    assert scope_for("python", tree, split_lines(text), 1, 1) == Scope("class", "A", 1, 3)


def test_no_tree_gives_ranges_without_scopes() -> None:
    assert map_ranges(None, None, ["a", "b"], {1, 2}) == (ChangedRange(1, 2, None),)
