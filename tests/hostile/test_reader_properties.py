"""The readers of YAML, JSON, TOML, HCL and Dockerfiles under arbitrary input: a value or a named limit.

Every reader of pull-request content either returns what it read or raises `InputLimitError` (the
bound it stopped at); no other exception, no recursion error, however the text nests or aliases.
Examples are few and small (the bounds are checked by construction: nesting from the strategies goes
past `MAX_DEPTH`), so no example waits on a deadline.
"""

from __future__ import annotations

import contextlib
import json
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzers.config.dockerfile import stages
from analyzers.config.hcl import blocks
from analyzers.config.yaml_doc import YNode, load_documents
from analyzers.contract.limits import MAX_DEPTH, MAX_NODES, InputLimitError
from analyzers.contract.loaders import check_yaml, load_json, load_toml, load_yaml
from analyzers.injection.config_documents import load_document
from analyzers.supply_chain.documents import load_json as read_json_nodes
from analyzers.supply_chain.documents import load_toml as read_toml_nodes

SCALAR = st.one_of(st.integers(-5, 5), st.text(max_size=6), st.booleans(), st.none())
NESTING = st.integers(min_value=0, max_value=3 * MAX_DEPTH)
PUNCTUATION = st.sampled_from([*list("[]{}:,-&*!|>'\"#\n\t "), "  ", "- ", ": ", "&a ", "*a", "<<: *a"])
YAML_ISH = st.lists(st.one_of(PUNCTUATION, st.text(alphabet="ab1", max_size=3)), max_size=120).map("".join)


def _nested_json(depth: int, inner: str) -> str:
    return "[" * depth + inner + "]" * depth


def _nested_block_yaml(depth: int) -> str:
    return "".join(f"{' ' * level}k{level}:\n" for level in range(depth)) + " " * depth + "v: 1\n"


def _depth(value: Any) -> int:
    depth, level = 0, [(value, 1)]
    while level:
        item, at = level.pop()
        depth = max(depth, at)
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else []
        level.extend((child, at + 1) for child in children)
    return depth


@settings(max_examples=60, deadline=None)
@given(NESTING, SCALAR)
def test_json_loads_within_the_depth_bound_or_says_so(depth: int, scalar: object) -> None:
    text = _nested_json(depth, json.dumps(scalar))
    try:
        value = load_json(text)
    except InputLimitError as error:
        assert depth > MAX_DEPTH
        assert "nested deeper than" in error.reason  # noqa: PT017 (a property over both outcomes)
    else:
        assert depth <= MAX_DEPTH
        assert _depth(value) <= MAX_DEPTH + 1


@settings(max_examples=60, deadline=None)
@given(NESTING)
def test_toml_loads_within_the_depth_bound_or_says_so(depth: int) -> None:
    text = "x = " + _nested_json(depth, "1") + "\n"
    try:
        load_toml(text)
    except InputLimitError:
        assert depth > MAX_DEPTH


@settings(max_examples=60, deadline=None)
@given(NESTING, st.sampled_from(["flow", "block"]))
def test_yaml_loads_within_the_depth_bound_or_says_so(depth: int, style: str) -> None:
    text = "a: " + _nested_json(depth, "1") + "\n" if style == "flow" else _nested_block_yaml(depth)
    try:
        load_yaml(text)
    except InputLimitError:
        assert depth + 1 > MAX_DEPTH


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=12))
def test_yaml_alias_expansion_is_counted_before_loading(levels: int, width: int) -> None:
    lines = ["a0: &a0 [x]"] + [
        f"a{n}: &a{n} [{', '.join(f'*a{n - 1}' for _ in range(width))}]" for n in range(1, levels)
    ]
    sizes = [2]  # `[x]`: the sequence and its scalar
    for _ in range(1, levels):
        sizes.append(1 + width * sizes[-1])
    expanded = 1 + sum(1 + size for size in sizes)  # the root mapping, each key and its value
    try:
        check_yaml("\n".join(lines) + "\n")
    except InputLimitError as error:
        assert expanded > MAX_NODES  # what a walker of the loaded data would visit
        assert "expands to more than" in error.reason  # noqa: PT017 (a property over both outcomes)
    else:
        assert expanded <= MAX_NODES


@settings(max_examples=150, deadline=None)
@given(YAML_ISH)
def test_any_yaml_text_is_data_an_error_or_a_limit(text: str) -> None:
    with contextlib.suppress(yaml.YAMLError, InputLimitError):
        load_yaml(text)
    try:
        documents = load_documents(text)
    except InputLimitError:
        return
    assert all(isinstance(document, YNode) for document in documents)


@settings(max_examples=60, deadline=None)
@given(NESTING, st.sampled_from(["[", '{"a": ']))
def test_tree_sitter_json_reader_is_bounded(depth: int, opening: str) -> None:
    closing = "]" if opening == "[" else "}"
    text = opening * depth + "1" + closing * depth
    try:
        read_json_nodes(text)
    except InputLimitError:
        assert depth > MAX_DEPTH


@settings(max_examples=60, deadline=None)
@given(NESTING)
def test_tree_sitter_toml_reader_is_bounded(depth: int) -> None:
    try:
        read_toml_nodes("x = " + _nested_json(depth, "1") + "\n" + "a" + ".b" * depth + " = 1\n")
    except InputLimitError:
        assert depth > MAX_DEPTH // 2


@settings(max_examples=60, deadline=None)
@given(NESTING, st.integers(min_value=0, max_value=2))
def test_hcl_reader_is_bounded(depth: int, kind: int) -> None:
    if kind == 0:
        text = 'resource "a" "b" {\n' * depth + "}\n" * depth
    elif kind == 1:
        text = "locals {\n  x = " + _nested_json(depth, "1") + "\n}\n"
    else:
        text = "a {" * depth + "x = {" * depth + "}" * 2 * depth
    try:
        found = blocks(text)
    except InputLimitError:
        assert depth > MAX_DEPTH
        return
    assert all(block.type for block in found) or text


@settings(max_examples=60, deadline=None)
@given(NESTING, st.text(alphabet="$()`;|&\\ \nRUNFROMx", max_size=80))
def test_dockerfile_reader_takes_any_nesting(depth: int, noise: str) -> None:
    text = f"FROM alpine\nRUN {'$(echo ' * depth}x{')' * depth}\n{noise}\n"
    try:
        found = stages(text)
    except InputLimitError:
        return
    assert all(stage.instructions is not None for stage in found)


@settings(max_examples=80, deadline=None)
@given(NESTING, st.sampled_from([".vscode/mcp.json", ".cursor/mcp.yaml", "codex.toml"]))
def test_agent_tool_configs_load_or_name_their_limit(depth: int, path: str) -> None:
    if path.endswith(".json"):
        text = '{"mcpServers": ' + _nested_json(depth, "1") + "}"
    elif path.endswith(".yaml"):
        text = "mcpServers: " + _nested_json(depth, "1") + "\n"
    else:
        text = "x = " + _nested_json(depth, "1") + "\n"
    try:
        load_document(path, text)
    except InputLimitError:
        assert depth >= MAX_DEPTH


ENTRY_LEVELS = 4  # at most, the levels of a lockfile around the nested value (top, list, entry, key)
LOCKFILE_NAMES = st.sampled_from(["package-lock.json", "pnpm-lock.yaml", "uv.lock", "poetry.lock"])


def _lockfile(name: str, depth: int, noise: str) -> str:
    """A lockfile of `name` whose one entry holds `depth` levels of nesting, then `noise`."""
    if name == "package-lock.json":
        return (
            '{"packages": {"node_modules/a": {"version": "1", "x": '
            + _nested_json(depth, "1")
            + "}}}"
            + noise
        )
    if name == "pnpm-lock.yaml":
        return "packages:\n  a@1.0.0:\n    x: " + _nested_json(depth, "1") + "\n" + noise
    source = 'source = { registry = "https://pypi.org/simple" }\n'
    return (
        '[[package]]\nname = "a"\nversion = "1"\n' + source + "x = " + _nested_json(depth, "1") + "\n" + noise
    )


@settings(max_examples=120, deadline=None)
@given(LOCKFILE_NAMES, NESTING, st.one_of(st.just(""), YAML_ISH))
def test_lockfile_readers_read_or_name_their_limit(name: str, depth: int, noise: str) -> None:
    """The readers without syntax trees: entries, nothing (not the format), or a named limit; never
    another exception, whatever the nesting and whatever follows."""
    from analyzers.supply_chain.manifests import parse_dependency_file

    text = _lockfile(name, depth, noise)
    try:
        parsed = parse_dependency_file(name, text)
    except InputLimitError as error:
        assert depth + ENTRY_LEVELS > MAX_DEPTH or noise
        assert error.reason  # noqa: PT017
        return
    if parsed is not None and depth <= MAX_DEPTH and not noise:
        assert [entry.name for entry in parsed.entries] == ["a"]
