"""Comment and string passages of source files where the added lines are many scattered runs: the
tree query reads them in a bounded number of ranges and finds what the lexical scan finds."""

from __future__ import annotations

import itertools
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from analyzers.contract.model import ChangedFile, FileStatus, Hunk
from analyzers.injection import code_passages as code_passages_module
from analyzers.injection.code_passages import _MAX_RANGES, _line_ranges, code_passages
from analyzers.text.places import FilePlaces, places_of
from tests.analyzers.test_secrets_context import context


def modified_python(path: str, lines: list[str], added: tuple[int, ...]) -> ChangedFile:
    """A Python file of `lines` changed in one hunk whose added lines are `added`."""
    return ChangedFile(
        path=path,
        status=FileStatus.MODIFIED,
        language="python",
        base_text="",
        head_text="\n".join(lines) + "\n",
        hunks=(Hunk(1, 0, 1, len(lines), added, (), ()),),
    )


@settings(max_examples=200, deadline=None)
@given(st.frozensets(st.integers(min_value=1, max_value=5_000), max_size=400))
def test_runs_of_added_lines_are_merged_into_a_bounded_number_of_ranges(added: frozenset[int]) -> None:
    ranges = _line_ranges(added)
    assert len(ranges) <= _MAX_RANGES
    assert all(first <= last for first, last in ranges)
    assert all(one[1] < two[0] for one, two in itertools.pairwise(ranges))
    assert all(any(first <= number <= last for first, last in ranges) for number in added)
    if added:
        assert ranges[0][0] == min(added)
        assert ranges[-1][1] == max(added)


@settings(max_examples=200, deadline=None)
@given(st.frozensets(st.integers(min_value=1, max_value=60), max_size=40))
def test_few_runs_of_added_lines_are_the_ranges_themselves(added: frozenset[int]) -> None:
    runs: list[list[int]] = []
    for number in sorted(added):
        if runs and runs[-1][-1] + 1 == number:
            runs[-1].append(number)
        else:
            runs.append([number])
    if len(runs) <= _MAX_RANGES:
        assert _line_ranges(added) == [(run[0], run[-1]) for run in runs]


def test_closest_runs_are_merged_first() -> None:
    added = frozenset({1, 2, *range(10, 10 + 2 * _MAX_RANGES, 2), 500})
    ranges = _line_ranges(added)
    assert len(ranges) == _MAX_RANGES
    assert ranges[0] == (1, 2)
    assert ranges[-1] == (500, 500)


_SOURCE_LINES = (
    "# a note about the cache",
    "value = 1",
    'name = "part one " + "part two"',
    '    "an adjacent literal"',
    '"""A docstring opens',
    "and goes on",
    '"""',
    "",
    "def run():  # trailing words",
    "    return f'{value} done'",
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(_SOURCE_LINES), min_size=1, max_size=120),
    st.frozensets(st.integers(min_value=1, max_value=120), max_size=60),
)
def test_passages_do_not_depend_on_how_the_runs_of_added_lines_are_merged(
    lines: list[str], numbers: frozenset[int]
) -> None:
    """Any ranges that cover the added lines capture the same nodes on them (what a merged range
    holds between its runs is filtered), so the range cap only trades queries for lines read."""
    added = frozenset(n for n in numbers if n <= len(lines))
    file = modified_python("src/module.py", lines, tuple(sorted(added)))
    found = []
    for cap in (1, 3, _MAX_RANGES):
        with mock.patch.object(code_passages_module, "_MAX_RANGES", cap):
            found.append(code_passages(FilePlaces(file, "tree", "hash"), file.added_lines))
    assert found[0] == found[1] == found[2]


def test_many_scattered_comments_are_read_as_the_lexical_scan_reads_them() -> None:
    lines = [f"# note {n} about the cache" if n % 2 else f"value_{n} = {n}" for n in range(1, 3_001)]
    added = tuple(n for n in range(1, 3_001) if n % 14 in (1, 3) or n == 2_999)  # ~430 runs of lines
    file = modified_python("src/cache.py", lines, added)
    places = places_of(context(file), file)
    assert places is not None
    assert places.source == "tree"
    from_tree = code_passages(places, file.added_lines)
    from_lexer = code_passages(FilePlaces(file, "lexical", "hash"), file.added_lines)
    assert [(p.start_line, p.end_line, p.text) for p in from_tree] == [
        (p.start_line, p.end_line, p.text) for p in from_lexer
    ]
    assert len(from_tree) == sum(1 for n in added if n % 2)


def test_a_huge_single_line_of_non_ascii_strings_is_read_whole() -> None:
    words = [f"caf\u00e9 \u4e2d {n}" for n in range(4_000)]
    text = "[" + ", ".join(f'"{word}"' for word in words) + "]\n"
    file = ChangedFile(
        path="data/strings.json",
        status=FileStatus.MODIFIED,
        language="json",
        base_text="",
        head_text=text,
        hunks=(Hunk(1, 0, 1, 1, (1,), (), ()),),
    )
    places = places_of(context(file), file)
    assert places is not None
    assert places.source == "tree"
    (passage,) = code_passages(places, file.added_lines)
    assert (passage.start_line, passage.end_line) == (1, 1)
    assert passage.text == " ".join(words)
