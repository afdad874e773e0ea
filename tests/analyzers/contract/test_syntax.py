"""Every grammar loads and parses; detection by extension, name and shebang; limits hold."""

from __future__ import annotations

import pytest

from analyzers.contract.limits import InputLimitError
from analyzers.contract.syntax import (
    GRAMMARS,
    detect_language,
    get_language,
    language_from_shebang,
    parse_outcome,
    parse_text,
)
from analyzers.contract.yaml_levels import yaml_block_levels

SAMPLES = {
    "python": "def f(x):\n    return x + 1\n",
    "javascript": "function f(x) { return x + 1; }\n",
    "typescript": "function f(x: number): number { return x + 1; }\n",
    "tsx": "const A = () => <div className='a'>hi</div>;\n",
    "go": "package main\n\nfunc f(x int) int { return x + 1 }\n",
    "java": "class A { int f(int x) { return x + 1; } }\n",
    "ruby": "def f(x)\n  x + 1\nend\n",
    "php": "<?php\nfunction f($x) { return $x + 1; }\n",
    "c": "int f(int x) { return x + 1; }\n",
    "cpp": "namespace n { int f(int x) { return x + 1; } }\n",
    "csharp": "class A { int F(int x) { return x + 1; } }\n",
    "rust": "fn f(x: i32) -> i32 { x + 1 }\n",
    "bash": 'f() { echo "$1"; }\n',
    "yaml": "a:\n  b: [1, 2]\n",
    "json": '{"a": [1, 2]}\n',
    "toml": "[a]\nb = 1\n",
    "hcl": 'resource "x" "y" {\n  a = 1\n}\n',
    "dockerfile": "FROM python:3.12\nRUN pip install x\n",
}


def test_every_language_has_a_sample() -> None:
    assert set(SAMPLES) == set(GRAMMARS)


@pytest.mark.parametrize("language", sorted(GRAMMARS))
def test_grammar_loads_and_parses_without_errors(language: str) -> None:
    tree = parse_text(language, SAMPLES[language])
    assert tree is not None
    assert not tree.root_node.has_error
    assert tree.language == get_language(language)


def test_grammars_are_loaded_once() -> None:
    assert get_language("dockerfile") is get_language("dockerfile")


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        ("src/app.py", None, "python"),
        ("web/App.tsx", None, "tsx"),
        ("lib/x.mjs", None, "javascript"),
        ("Dockerfile", None, "dockerfile"),
        ("docker/Dockerfile.prod", None, "dockerfile"),
        ("build/app.dockerfile", None, "dockerfile"),
        ("Gemfile", None, "ruby"),
        ("infra/main.tf", None, "hcl"),
        ("README.md", None, None),
        ("notes.txt", None, None),
        ("bin/tool", "#!/usr/bin/env python3\nprint(1)\n", "python"),
        ("bin/run", "#!/bin/sh -e\necho\n", "bash"),
        ("bin/node-tool", "#!/usr/bin/env -S node --harmony\n", "javascript"),
        ("bin/unknown", "#!/usr/bin/perl\n", None),
        ("bin/plain", "no shebang\n", None),
    ],
)
def test_detect_language(path: str, text: str | None, expected: str | None) -> None:
    assert detect_language(path, text) == expected


def test_shebang_with_version_suffix() -> None:
    assert language_from_shebang("#!/usr/bin/python3.12") == "python"
    assert language_from_shebang("#!") is None


def test_unknown_language_is_recorded_not_raised() -> None:
    outcome = parse_outcome("cobol", "IDENTIFICATION DIVISION.")
    assert outcome.tree is None
    assert outcome.skipped_reason == "no grammar for cobol"


def test_size_cap_skips_with_reason() -> None:
    outcome = parse_outcome("python", "x = 1\n" * 10, max_bytes=20)
    assert outcome.tree is None
    assert outcome.skipped_reason == "larger than 20 bytes (60)"


def test_five_megabyte_single_line_is_capped_and_said() -> None:
    with pytest.raises(InputLimitError, match="larger than 1000000 bytes"):
        parse_text("javascript", "a" * 5_000_000)
    assert parse_text("markdown", "# not a grammar") is None


def test_time_limit_stops_a_slow_parse_and_the_parser_recovers() -> None:
    text = "x = " + "(" * 200_000 + ")" * 200_000 + "\n"
    outcome = parse_outcome("python", text, max_bytes=10_000_000, timeout=0.0)
    assert outcome.tree is None
    assert outcome.skipped_reason == "parse exceeded 0 s"
    again = parse_text("python", "y = 2\n")
    assert again is not None
    assert str(again.root_node) == (
        "(module (expression_statement (assignment left: (identifier) right: (integer))))"
    )


def test_grammar_errors_still_give_a_partial_tree() -> None:
    tree = parse_text("python", "def f(:\n    return 1\n\nclass A:\n    pass\n")
    assert tree is not None
    assert tree.root_node.has_error
    assert "class_definition" in str(tree.root_node)


def test_deep_nesting_parses_within_the_cap() -> None:
    tree = parse_text("json", "[" * 100_000 + "]" * 100_000)
    assert tree is not None
    assert tree.root_node.type == "document"


# Shapes that fill the YAML scanner's stack (it crashes the process at 254 entries): one level per
# line, per compact marker, and two per line where a sequence opens at its mapping's column.
_TOO_DEEP = {
    "mapping per line": "".join(" " * i + f"k{i}:\n" for i in range(300)) + " " * 300 + "v\n",
    "compact sequences": "- " * 300 + "x\n",
    "complex keys": "? " * 300 + "x\n",
    "sequence at its mapping's column": "".join(" " * (2 * i) + f"- k{i}:\n" for i in range(127))
    + " " * 254
    + "- x\n",
    "anchors and tags between markers": "- &a !t " * 300 + "x\n",
    "tab separators": "-\t" * 300 + "x\n",
    "explicit indentation indicator": "a: |2\n" + "".join(" " * (2 + i) + "- k:\n" for i in range(300)),
    "block scalar that ended": "a: |\n  text\n" + "".join(" " * i + f"k{i}:\n" for i in range(300)),
}


@pytest.mark.parametrize("text", list(_TOO_DEEP.values()), ids=list(_TOO_DEEP))
def test_yaml_nested_past_the_scanner_limit_is_skipped(text: str) -> None:
    outcome = parse_outcome("yaml", text)
    assert outcome.tree is None
    assert outcome.skipped_reason == "YAML nested deeper than 200 block levels"


def test_yaml_nested_within_the_limit_parses() -> None:
    text = "".join(" " * i + f"k{i}:\n" for i in range(150)) + " " * 150 + "v\n"
    tree = parse_text("yaml", text)
    assert tree is not None
    assert not tree.root_node.has_error


def test_yaml_indented_far_but_shallow_parses() -> None:
    """A Helm template whose `{{- if }}` lines are masked to long runs of spaces, and a dashboard held
    in a block scalar indented hundreds of columns deep: few levels, so both are read."""
    masked = "spec:\n" + " " * 400 + "\n  replicas: 1\n" + " " * 250 + "# note\n"
    dashboard = "data:\n  d.json: |-\n" + "".join(" " * (4 + 4 * i) + "{\n" for i in range(80)) + "  x: 1\n"
    wide = "a:\n" + " " * 300 + "b:\n" + " " * 302 + "c: 1\n"
    for text in (masked, dashboard, wide):
        assert yaml_block_levels(text) < 10
        tree = parse_text("yaml", text)
        assert tree is not None


@pytest.mark.parametrize(
    ("text", "levels"),
    [
        ("a: 1\nb: 2\n", 1),
        ("spec:\n  containers:\n  - name: a\n    args:\n    - --x\n", 6),
        ("- - - x\n", 4),
        ("a: |\n  - - - - x\n  b:\n", 1),
        ("- >-\n  - - - x\nb: 1\n", 2),
        ("a: [\n  1,\n  2]\n", 2),
        ("# - - - -\n\n   \na: 1\n", 1),
    ],
)
def test_yaml_block_levels_follow_the_structure(text: str, levels: int) -> None:
    assert yaml_block_levels(text) == levels


def test_dockerfile_grammar_pointer_is_wrapped_without_a_warning() -> None:
    import warnings

    get_language.cache_clear()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        language = get_language("dockerfile")
        tree = parse_text("dockerfile", "FROM alpine\n")
    assert language.abi_version >= 13
    assert tree is not None
    assert str(tree.root_node) == "(source_file (from_instruction (image_spec name: (image_name))))"
