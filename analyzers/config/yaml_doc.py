"""YAML documents as small trees of mappings, sequences and scalars, each with its source lines.

Parsed with tree-sitter-yaml. When a file with Helm-style templates (`{{ … }}`) fails to parse, the
templates are masked (same length, so every line and column stays put) and it is parsed again; what
still fails becomes ERROR nodes whose key/value pairs are kept: a broken file yields what parsed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from tree_sitter import Node

from app.context.syntax import parse_text

_TEMPLATE = re.compile(r"(?<!\$)\{\{-?.*?-?\}\}")
_DIRECTIVE_LINE = re.compile(r"^(\s*)((?<!\$)\{\{-?.*?-?\}\}\s*)+$")
_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/", "0": "\0"}


@dataclass(frozen=True, slots=True)
class YNode:
    """One YAML value. `line`..`end_line` are 1-based source lines of the value itself."""

    kind: str  # map, seq, scalar
    line: int
    end_line: int
    text: str = ""  # the scalar's value (quotes and block indicators removed); raw text otherwise
    pairs: tuple[tuple[str, int, YNode], ...] = ()  # map: (key, key line, value)
    items: tuple[YNode, ...] = ()  # seq
    raw_lines: tuple[str, ...] = field(default=(), repr=False)  # source lines line..end_line

    def get(self, key: str) -> YNode | None:
        for name, _line, value in self.pairs:
            if name == key:
                return value
        return None

    def key_line(self, key: str) -> int | None:
        for name, line, _value in self.pairs:
            if name == key:
                return line
        return None

    def has(self, key: str) -> bool:
        return any(name == key for name, _line, _value in self.pairs)

    def path(self, *keys: str) -> YNode | None:
        node: YNode | None = self
        for key in keys:
            node = node.get(key) if node is not None else None
        return node

    def scalar(self, key: str) -> str | None:
        value = self.get(key)
        return value.text if value is not None and value.kind == "scalar" else None

    def source_lines(self) -> Iterator[tuple[int, str]]:
        """(line number, source text) of every line the value spans."""
        for offset, text in enumerate(self.raw_lines):
            yield self.line + offset, text

    @property
    def is_map(self) -> bool:
        return self.kind == "map"

    @property
    def is_seq(self) -> bool:
        return self.kind == "seq"


EMPTY = YNode("scalar", 0, 0)


def mask_templates(text: str) -> str:
    """Blank out template directives, keeping every character position."""
    lines = []
    for line in text.split("\n"):
        if _DIRECTIVE_LINE.match(line):
            lines.append(" " * len(line))
        else:
            lines.append(_TEMPLATE.sub(lambda m: "x" * len(m.group(0)), line))
    return "\n".join(lines)


@lru_cache(maxsize=128)
def load_documents(text: str) -> tuple[YNode, ...]:
    """Every document of a YAML stream, as YNode trees (empty when nothing parsed)."""
    tree = parse_text("yaml", text)
    if tree is not None and tree.root_node.has_error and "{{" in text:
        text = mask_templates(text)
        tree = parse_text("yaml", text)
    if tree is None:
        return ()
    lines = text.split("\n")
    docs: list[YNode] = []
    roots = [c for c in tree.root_node.children if c.type == "document"] or [tree.root_node]
    for root in roots:
        node = _value(root, lines)
        if node is not None:
            docs.append(node)
    return tuple(docs)


def load_document(text: str) -> YNode | None:
    docs = load_documents(text)
    return docs[0] if docs else None


def _span(node: Node, lines: list[str]) -> tuple[int, int, tuple[str, ...]]:
    start = node.start_point.row
    end = node.end_point.row
    if node.end_point.column == 0 and end > start:
        end -= 1
    return start + 1, end + 1, tuple(lines[start : end + 1])


def _value(node: Node, lines: list[str]) -> YNode | None:
    kind = node.type
    if kind in {"document", "block_node", "flow_node", "stream"}:
        inner = [c for c in node.named_children if c.type not in {"comment", "anchor", "tag"}]
        if len(inner) == 1:
            return _value(inner[0], lines)
        return _error_map(node, lines) if inner else None
    if kind in {"block_mapping", "flow_mapping", "ERROR"}:
        return _mapping(node, lines)
    if kind in {"block_sequence", "flow_sequence"}:
        return _sequence(node, lines)
    if kind in {"plain_scalar", "double_quote_scalar", "single_quote_scalar", "block_scalar"}:
        line, end, raw = _span(node, lines)
        return YNode("scalar", line, end, scalar_text(node), raw_lines=raw)
    if kind == "alias":
        line, end, raw = _span(node, lines)
        return YNode("scalar", line, end, _text(node), raw_lines=raw)
    return None


def _error_map(node: Node, lines: list[str]) -> YNode | None:
    return _mapping(node, lines)


def _mapping(node: Node, lines: list[str]) -> YNode:
    pairs: list[tuple[str, int, YNode]] = []
    seq_items: list[YNode] = []
    for child in node.named_children:
        if child.type in {"block_mapping_pair", "flow_pair"}:
            pair = _pair(child, lines)
            if pair is not None:
                pairs.append(pair)
        elif child.type in {"ERROR", "block_node", "block_mapping", "flow_node"}:
            nested = _value(child, lines)
            if nested is not None and nested.is_map:
                pairs.extend(nested.pairs)
            elif nested is not None and nested.is_seq:
                seq_items.extend(nested.items)
        elif child.type == "block_sequence_item":
            item = _item(child, lines)
            if item is not None:
                seq_items.append(item)
    line, end, raw = _span(node, lines)
    if seq_items and not pairs:
        return YNode("seq", line, end, items=tuple(seq_items), raw_lines=raw)
    return YNode("map", line, end, pairs=tuple(pairs), raw_lines=raw)


def _pair(node: Node, lines: list[str]) -> tuple[str, int, YNode] | None:
    key = node.child_by_field_name("key")
    if key is None:
        return None
    key_node = _value(key, lines)
    name = key_node.text if key_node is not None else _text(key)
    value_node = node.child_by_field_name("value")
    value = _value(value_node, lines) if value_node is not None else None
    if value is None:
        row = key.start_point.row + 1
        value = YNode("scalar", row, row, "", raw_lines=(lines[row - 1],))
    return name, key.start_point.row + 1, value


def _sequence(node: Node, lines: list[str]) -> YNode:
    items: list[YNode] = []
    for child in node.named_children:
        if child.type == "block_sequence_item":
            item = _item(child, lines)
        elif child.type in {"flow_node", "flow_pair"}:
            item = _value(child, lines)
        else:
            continue
        if item is not None:
            items.append(item)
    line, end, raw = _span(node, lines)
    return YNode("seq", line, end, items=tuple(items), raw_lines=raw)


def _item(node: Node, lines: list[str]) -> YNode | None:
    inner = [c for c in node.named_children if c.type != "comment"]
    if not inner:
        row = node.start_point.row + 1
        return YNode("scalar", row, row, "", raw_lines=(lines[row - 1],))
    return _value(inner[0], lines)


def _text(node: Node) -> str:
    return (node.text or b"").decode("utf-8", "replace")


def scalar_text(node: Node) -> str:
    """The value of a scalar node: quotes removed, escapes applied, block scalars de-indented."""
    raw = _text(node)
    if node.type == "single_quote_scalar":
        return raw[1:-1].replace("''", "'")
    if node.type == "double_quote_scalar":
        return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), raw[1:-1])
    if node.type == "block_scalar":
        body = raw.split("\n")[1:]
        indents = [len(b) - len(b.lstrip()) for b in body if b.strip()]
        cut = min(indents) if indents else 0
        folded = raw.lstrip().startswith(">")
        parts = [b[cut:] for b in body]
        return (" " if folded else "\n").join(parts).strip("\n") + "\n"
    return raw.strip()
