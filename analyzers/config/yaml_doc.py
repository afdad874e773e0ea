"""YAML documents as small trees of mappings, sequences and scalars, each with its source lines.

Parsed with tree-sitter-yaml. When a file with Helm-style templates (`{{ … }}`) fails to parse, the
templates are masked (same length, so every line and column stays put) and it is parsed again; what
still fails becomes ERROR nodes whose key/value pairs are kept: a broken file yields what parsed.

Bounded for hostile files: a document nested deeper than `MAX_DEPTH` levels, or whose aliases expand
to more than `MAX_NODES` values (what a walker of it would visit), raises `InputLimitError`; templates
are found with `str.find`, never with a backtracking pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import field
from functools import lru_cache

from tree_sitter import Node

from analyzers.contract.limits import MAX_DEPTH, MAX_NODES, too_deep, too_many_nodes
from analyzers.contract.syntax import DEFAULT_MAX_BYTES, parse_text
from analyzers.record import record

_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/", "0": "\0"}


@record
class YNode:
    """One YAML value. `line`..`end_line` are 1-based source lines of the value itself."""

    kind: str  # map, seq, scalar
    line: int
    end_line: int
    text: str = ""  # the scalar's value (quotes and block indicators removed); raw text otherwise
    pairs: tuple[tuple[str, int, YNode], ...] = ()  # map: (key, key line, value)
    items: tuple[YNode, ...] = ()  # seq
    raw_lines: tuple[str, ...] = field(default=(), repr=False)  # source lines line..end_line
    size: int = field(default=1, repr=False, compare=False)  # values under it, aliases expanded

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
        if _is_directive_line(line):
            lines.append(" " * len(line))
        else:
            lines.append(_mask_line(line))
    return "\n".join(lines)


def _is_directive_line(line: str) -> bool:
    """A line holding only templates (`{{- if .x }}`): from a `{{` after the indentation to a `}}` at
    its end, whatever lies between (what `^\\s*(\\{\\{.*?\\}\\}\\s*)+$` means, without its
    exponential backtracking)."""
    stripped = line.strip()
    return len(stripped) >= 4 and stripped.startswith("{{") and stripped.endswith("}}")


def _mask_line(line: str) -> str:
    """Every `{{ … }}` not written `${{` (a GitHub expression) replaced by as many `x`, left to right."""
    out: list[str] = []
    index = done = 0
    while (start := line.find("{{", index)) >= 0:
        if start > 0 and line[start - 1] == "$":
            index = start + 1
            continue
        end = line.find("}}", start + 2)
        if end < 0:
            break  # no later `{{` has a `}}` after it either
        out.append(line[done:start])
        out.append("x" * (end + 2 - start))
        index = done = end + 2
    out.append(line[done:])
    return "".join(out)


@lru_cache(maxsize=32)
def load_documents(text: str) -> tuple[YNode, ...]:
    """Every document of a YAML stream, as YNode trees (empty when nothing parsed).

    A stream bigger than one syntax tree may be (`DEFAULT_MAX_BYTES`: a rendered bundle of a few
    megabytes, read up to `BULWARK_MAX_MANIFEST_BYTES`) is split at its `---` lines and read in parts
    of whole documents, so that no tree is bigger than a file's; a single document past the size of a
    tree is still refused (`InputLimitError`)."""
    if len(text) <= DEFAULT_MAX_BYTES // 4 or len(text.encode("utf-8", "surrogatepass")) <= DEFAULT_MAX_BYTES:
        return _parse_documents(text, 0)
    return _load_stream(text)


@lru_cache(maxsize=2)
def _load_stream(text: str) -> tuple[YNode, ...]:
    """A big stream read in parts; kept apart from the cache of ordinary files, where a change of
    more than 32 files would push it out before the next rule asks for it again."""
    docs: list[YNode] = []
    chunk: list[str] = []
    chunk_line = chunk_size = 0
    for first_line, part in split_documents(text):
        if chunk and chunk_size + len(part) > _CHUNK_CHARS:
            docs.extend(_parse_chunk(chunk, chunk_line, last=False))
            chunk, chunk_size = [], 0
        if not chunk:
            chunk_line = first_line
        chunk.append(part)
        chunk_size += len(part)
    docs.extend(_parse_chunk(chunk, chunk_line, last=True))
    return tuple(docs)


# Characters of the documents parsed together when a stream is read in parts: many small documents
# share a tree (one parse each would cost more than the parsing), a big one has a tree of its own.
_CHUNK_CHARS = DEFAULT_MAX_BYTES // 4
# Bytes of one document of such a stream: a bundle's biggest documents are CRDs with their whole
# schema (argo-cd's ApplicationSet: 1.4 MB). One tree of this size parses within the parse time limit
# and its values stay under `MAX_NODES`; a bigger single document is refused.
DOCUMENT_MAX_BYTES = 4 * DEFAULT_MAX_BYTES


def _parse_chunk(parts: list[str], first_line: int, *, last: bool) -> tuple[YNode, ...]:
    """The documents of consecutive parts of a stream. Before a later `---`, the blank lines that end
    the chunk are left out (in the whole stream its last document does not span them); parts of
    comments alone hold no document (before a `---` they are no document of the stream)."""
    text = "".join(parts)
    if not last:
        text = text.rstrip("\n \t\r") + "\n"
    if all(not line.strip() or line.lstrip().startswith("#") for line in text.split("\n")):
        return ()
    return _parse_documents(text, first_line, DOCUMENT_MAX_BYTES)


def split_documents(text: str) -> Iterator[tuple[int, str]]:
    """(0-based line of its first line, text) of each part of a stream split before each line that
    starts a document (`---` at the start of a line: YAML ends every document there, inside block
    or quoted scalars too). Parts whose lines hold nothing are left out."""
    start = line = first = 0
    size = len(text)
    position = 0
    while position <= size:
        end = text.find("\n", position)
        if end < 0:
            end = size
        if (
            position > start
            and text.startswith("---", position)
            and text[position + 3 : position + 4] in ("", " ", "\t", "\n", "\r")
        ):
            part = text[start:position]
            if part.strip():
                yield first, part
            start, first = position, line
        position = end + 1
        line += 1
    part = text[start:]
    if part.strip():
        yield first, part


def _parse_documents(text: str, first_line: int, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[YNode, ...]:
    """The documents of `text`, whose first line is line `first_line` (0-based) of its file."""
    tree = parse_text("yaml", text, max_bytes=max_bytes)
    if tree is not None and tree.root_node.has_error and "{{" in text:
        text = mask_templates(text)
        tree = parse_text("yaml", text, max_bytes=max_bytes)
    if tree is None:
        return ()
    reader = _Reader(text.split("\n"), first_line)
    docs: list[YNode] = []
    roots = [c for c in tree.root_node.children if c.type == "document"] or [tree.root_node]
    for root in roots:
        node = reader.value(root, 0)
        if node is not None:
            docs.append(node)
    return tuple(docs)


def load_document(text: str) -> YNode | None:
    docs = load_documents(text)
    return docs[0] if docs else None


class _Reader:
    """Turns one parsed stream into YNodes; anchors are remembered so aliases and `<<` resolve."""

    def __init__(self, lines: list[str], first_line: int = 0) -> None:
        self.lines = lines
        self.offset = first_line  # lines of the file before `lines`
        self.anchors: dict[str, YNode] = {}

    def row(self, node: Node) -> int:
        """The 1-based line of the file where `node` starts."""
        return node.start_point.row + 1 + self.offset

    def span(self, node: Node) -> tuple[int, int, tuple[str, ...]]:
        start = node.start_point.row
        end = node.end_point.row
        if node.end_point.column == 0 and end > start:
            end -= 1
        return start + 1 + self.offset, end + 1 + self.offset, tuple(self.lines[start : end + 1])

    def empty(self, row: int) -> YNode:
        return YNode("scalar", row, row, "", raw_lines=(self.lines[row - 1 - self.offset],))

    def value(self, node: Node, depth: int) -> YNode | None:
        """The YNode of `node`; `depth` counts the calls above it (about two per YAML level)."""
        if depth > _MAX_CALLS:
            raise too_deep("YAML")
        kind = node.type
        if kind in {"document", "block_node", "flow_node", "stream"}:
            return self.wrapped(node, depth + 1)
        if kind in {"block_mapping", "flow_mapping", "ERROR"}:
            return self.mapping(node, depth + 1)
        if kind in {"block_sequence", "flow_sequence"}:
            return self.sequence(node, depth + 1)
        line, end, raw = self.span(node)
        if kind in {"plain_scalar", "double_quote_scalar", "single_quote_scalar", "block_scalar"}:
            return YNode("scalar", line, end, scalar_text(node), raw_lines=raw)
        if kind == "alias":
            text = _text(node)
            return self.anchors.get(text[1:]) or YNode("scalar", line, end, text, raw_lines=raw)
        return None

    def wrapped(self, node: Node, depth: int) -> YNode | None:
        inner = [c for c in node.named_children if c.type not in {"comment", "anchor", "tag"}]
        result = (
            self.value(inner[0], depth) if len(inner) == 1 else self.mapping(node, depth) if inner else None
        )
        if result is None and node.type != "document" and node.named_children:
            result = self.empty(self.row(node))  # only an anchor or a tag: null
        for child in node.named_children:
            if child.type == "anchor" and result is not None:
                self.anchors[_text(child)[1:]] = result
        return result

    def mapping(self, node: Node, depth: int) -> YNode:
        pairs: list[tuple[str, int, YNode]] = []
        merged: list[tuple[str, int, YNode]] = []
        seq_items: list[YNode] = []
        for child in node.named_children:
            if child.type in {"block_mapping_pair", "flow_pair"}:
                pair = self.pair(child, depth)
                if pair is not None and pair[0] == "<<":
                    merged.extend(_merge_source(pair[2]))
                elif pair is not None:
                    pairs.append(pair)
            elif child.type == "flow_node" and node.type == "flow_mapping":
                name = self.value(child, depth)
                row = self.row(child)
                pairs.append((name.text if name is not None else _text(child), row, self.empty(row)))
            elif child.type in {"ERROR", "block_node", "block_mapping", "flow_node"}:
                nested = self.value(child, depth)
                if nested is not None and nested.is_map:
                    pairs.extend(nested.pairs)
                elif nested is not None and nested.is_seq:
                    seq_items.extend(nested.items)
            elif child.type == "block_sequence_item":
                item = self.item(child, depth)
                if item is not None:
                    seq_items.append(item)
        line, end, raw = self.span(node)
        if seq_items and not pairs:
            return YNode("seq", line, end, items=tuple(seq_items), raw_lines=raw, size=_size_of(seq_items))
        own = {name for name, _line, _value in pairs}
        pairs.extend(pair for pair in merged if pair[0] not in own)
        size = _size_of(value for _name, _line, value in pairs)
        return YNode("map", line, end, pairs=tuple(pairs), raw_lines=raw, size=size)

    def pair(self, node: Node, depth: int) -> tuple[str, int, YNode] | None:
        key = node.child_by_field_name("key")
        if key is None:
            return None
        key_node = self.value(key, depth)
        name = key_node.text if key_node is not None else _text(key)
        value_node = node.child_by_field_name("value")
        value = self.value(value_node, depth) if value_node is not None else None
        row = self.row(key)
        return name, row, value if value is not None else self.empty(row)

    def sequence(self, node: Node, depth: int) -> YNode:
        items: list[YNode] = []
        for child in node.named_children:
            if child.type == "block_sequence_item":
                item = self.item(child, depth)
            elif child.type in {"flow_node", "flow_pair"}:
                item = self.value(child, depth)
            else:
                continue
            if item is not None:
                items.append(item)
        line, end, raw = self.span(node)
        return YNode("seq", line, end, items=tuple(items), raw_lines=raw, size=_size_of(items))

    def item(self, node: Node, depth: int) -> YNode | None:
        inner = [c for c in node.named_children if c.type not in {"comment", "anchor", "tag"}]
        if not inner:
            return self.empty(self.row(node))
        return self.value(inner[0], depth)


# Calls of `_Reader.value` above one node: a YAML level takes about two (a node and its collection).
_MAX_CALLS = 2 * MAX_DEPTH + 8


def _size_of(values: Iterable[YNode]) -> int:
    """1 + the sizes of `values` (an alias counts all it stands for); past `MAX_NODES`, a limit."""
    size = 1 + sum(value.size for value in values)
    if size > MAX_NODES:
        raise too_many_nodes("YAML")
    return size


def _merge_source(node: YNode) -> list[tuple[str, int, YNode]]:
    """The pairs a `<<` merge key brings: one mapping, or a list of them (earlier ones win)."""
    sources = [node] if node.is_map else [item for item in node.items if item.is_map]
    found: dict[str, tuple[str, int, YNode]] = {}
    for source in sources:
        for pair in source.pairs:
            found.setdefault(pair[0], pair)
    return list(found.values())


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
