"""JSON and TOML files as `YNode` trees (the YAML reader's value type), with their source lines.

Read with tree-sitter-json and tree-sitter-toml. TOML tables and arrays of tables are merged into
nested maps and sequences; a key keeps the line where it was first written. What does not parse
is left out: a broken file yields what parsed. A file nested deeper than `MAX_DEPTH` raises
`InputLimitError` (the readers recurse once per level).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache

from tree_sitter import Node

from analyzers.config.yaml_doc import YNode
from analyzers.contract.limits import MAX_DEPTH, too_deep
from analyzers.contract.syntax import parse_text

_TOML_SCALARS = {"string", "integer", "float", "boolean", "offset_date_time", "local_date_time"}
_TOML_SCALARS |= {"local_date", "local_time"}


@lru_cache(maxsize=64)
def load_json(text: str) -> YNode | None:
    tree = parse_text("json", text)
    if tree is None:
        return None
    values = [child for child in tree.root_node.named_children if child.type != "comment"]
    return _json_value(values[0]) if values else None


def _json_value(node: Node, depth: int = 0) -> YNode:
    if depth > MAX_DEPTH:
        raise too_deep("JSON")
    line, end = node.start_point.row + 1, node.end_point.row + 1
    if node.type == "object":
        pairs = []
        for pair in node.named_children:
            key, value = pair.child_by_field_name("key"), pair.child_by_field_name("value")
            if pair.type == "pair" and key is not None and value is not None:
                pairs.append((_json_string(key), key.start_point.row + 1, _json_value(value, depth + 1)))
        return YNode("map", line, end, pairs=tuple(pairs))
    if node.type == "array":
        items = tuple(_json_value(c, depth + 1) for c in node.named_children if c.type != "comment")
        return YNode("seq", line, end, items=items)
    text = _json_string(node) if node.type == "string" else _text(node)
    return YNode("scalar", line, end, text)


def _json_string(node: Node) -> str:
    raw = _text(node)
    try:
        value = json.loads(raw)
    except ValueError:
        return raw.strip('"')
    return value if isinstance(value, str) else raw


@dataclass
class _Table:
    """A TOML table being assembled: key -> (line, value)."""

    line: int
    entries: dict[str, tuple[int, _Table | _Array | YNode]] = field(default_factory=dict)

    def child(self, key: str, line: int) -> _Table:
        found = self.entries.get(key)
        if found is not None and isinstance(found[1], _Table):
            return found[1]
        if found is not None and isinstance(found[1], _Array) and found[1].tables:
            return found[1].tables[-1]
        table = _Table(line)
        self.entries[key] = (line, table)
        return table

    def freeze(self, end: int) -> YNode:
        pairs = tuple((key, line, _freeze(value, end)) for key, (line, value) in self.entries.items())
        return YNode("map", self.line, end, pairs=pairs)


@dataclass
class _Array:
    """An array of tables (`[[name]]`)."""

    line: int
    tables: list[_Table] = field(default_factory=list)


def _freeze(value: _Table | _Array | YNode, end: int) -> YNode:
    if isinstance(value, _Table):
        return value.freeze(end)
    if isinstance(value, _Array):
        return YNode("seq", value.line, end, items=tuple(t.freeze(end) for t in value.tables))
    return value


@lru_cache(maxsize=64)
def load_toml(text: str) -> YNode | None:
    tree = parse_text("toml", text)
    if tree is None:
        return None
    root = _Table(1)
    for node in tree.root_node.named_children:
        if node.type == "pair":
            _add_pair(root, node)
        elif node.type in {"table", "table_array_element"}:
            _add_table(root, node)
    return root.freeze(tree.root_node.end_point.row + 1)


def _add_table(root: _Table, node: Node) -> None:
    keys = [child for child in node.named_children if child.type.endswith("key")]
    if not keys:
        return
    line = node.start_point.row + 1
    path = _key_path(keys[0])
    if len(path) > MAX_DEPTH:
        raise too_deep("TOML")
    table = root
    for key in path[:-1]:
        table = table.child(key, line)
    if node.type == "table_array_element":
        found = table.entries.get(path[-1])
        array = found[1] if found is not None and isinstance(found[1], _Array) else _Array(line)
        table.entries[path[-1]] = (found[0] if found else line, array)
        table = _Table(line)
        array.tables.append(table)
    else:
        table = table.child(path[-1], line)
    for child in node.named_children:
        if child.type == "pair":
            _add_pair(table, child)


def _add_pair(table: _Table, node: Node, depth: int = 0) -> None:
    key_nodes = [child for child in node.named_children if child.type.endswith("key")]
    values = [c for c in node.named_children if not c.type.endswith("key") and c.type != "comment"]
    if not key_nodes or not values:
        return
    line = node.start_point.row + 1
    path = _key_path(key_nodes[0])
    depth += len(path)
    if depth > MAX_DEPTH:
        raise too_deep("TOML")
    for key in path[:-1]:
        table = table.child(key, line)
    table.entries.setdefault(path[-1], (line, _toml_value(values[0], depth)))


def _toml_value(node: Node, depth: int = 0) -> YNode:
    if depth > MAX_DEPTH:
        raise too_deep("TOML")
    line, end = node.start_point.row + 1, node.end_point.row + 1
    if node.type == "array":
        items = tuple(_toml_value(c, depth + 1) for c in node.named_children if c.type != "comment")
        return YNode("seq", line, end, items=items)
    if node.type == "inline_table":
        table = _Table(line)
        for child in node.named_children:
            if child.type == "pair":
                _add_pair(table, child, depth + 1)
        return table.freeze(end)
    text = _toml_string(_text(node)) if node.type == "string" else _text(node)
    return YNode("scalar", line, end, text)


def _key_path(node: Node) -> list[str]:
    """The parts of a (dotted) key, read without recursion: a key may have thousands of dots."""
    parts: list[str] = []
    pending = [node]
    while pending:
        current = pending.pop()
        if current.type == "dotted_key":
            pending.extend(reversed(current.named_children))
        else:
            text = _text(current)
            parts.append(_toml_string(text) if current.type == "quoted_key" else text)
    return parts


def _toml_string(raw: str) -> str:
    for quote in ('"""', "'''", '"', "'"):
        if raw.startswith(quote) and raw.endswith(quote) and len(raw) >= 2 * len(quote):
            inner = raw[len(quote) : -len(quote)]
            return inner.replace('\\"', '"').replace("\\\\", "\\") if quote[0] == '"' else inner
    return raw


def _text(node: Node) -> str:
    return (node.text or b"").decode("utf-8", "replace")
