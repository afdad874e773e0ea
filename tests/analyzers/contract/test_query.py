"""Compiled queries are cached and can be limited to the changed lines."""

from __future__ import annotations

import pytest
from tree_sitter import QueryError

from analyzers.contract.query import captures, compile_query, matches
from analyzers.contract.syntax import parse_text

SOURCE = "eval(a)\nprint(b)\neval(c)\n"
PATTERN = '(call function: (identifier) @fn (#eq? @fn "eval")) @call'


def test_compiled_once() -> None:
    assert compile_query("python", PATTERN) is compile_query("python", PATTERN)


def test_captures_and_matches() -> None:
    tree = parse_text("python", SOURCE)
    assert tree is not None
    query = compile_query("python", PATTERN)
    found = captures(query, tree.root_node)
    assert [node.start_point.row for node in found["call"]] == [0, 2]
    assert [(index, [n.text for n in caps["fn"]]) for index, caps in matches(query, tree.root_node)] == [
        (0, [b"eval"]),
        (0, [b"eval"]),
    ]


def test_limited_to_lines() -> None:
    tree = parse_text("python", SOURCE)
    assert tree is not None
    query = compile_query("python", PATTERN)
    found = captures(query, tree.root_node, lines=(3, 3))
    assert [node.text for node in found["call"]] == [b"eval(c)"]
    assert captures(query, tree.root_node, lines=(2, 2)) == {}


def test_invalid_query_raises() -> None:
    with pytest.raises(QueryError):
        compile_query("python", "(no_such_node) @x")
