"""Terraform/HCL files as blocks and attributes with their lines, read with tree-sitter-hcl.

Blocks nested deeper than `MAX_DEPTH` raise `InputLimitError` (the reader and `Block.walk` recurse once
per level)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from tree_sitter import Node

from analyzers.contract.limits import MAX_DEPTH, too_deep
from analyzers.contract.syntax import parse_text
from analyzers.record import record


@record
class Attribute:
    name: str
    raw: str  # the expression as written
    line: int
    end_line: int
    # the variable whose literal default `raw` is, when the attribute was written `var.<name>` (see
    # `analyzers.drift.terraform_state`); empty for an expression read as written
    default_of: str = ""

    @property
    def value(self) -> str:
        """A string literal without its quotes, other expressions as written."""
        raw = self.raw.strip()
        if len(raw) >= 2 and raw[0] == raw[-1] == '"' and "${" not in raw:
            return raw[1:-1]
        return raw

    def strings(self) -> list[str]:
        """The string literals in the expression (a list's items, or the value itself)."""
        raw = self.raw.strip()
        if raw.startswith("["):
            return [item.strip().strip('"') for item in raw.strip("[]").split(",") if item.strip()]
        return [self.value]


@record
class Block:
    type: str
    labels: tuple[str, ...]
    line: int
    end_line: int
    attributes: tuple[Attribute, ...]
    blocks: tuple[Block, ...]

    def attr(self, name: str) -> Attribute | None:
        for attribute in self.attributes:
            if attribute.name == name:
                return attribute
        return None

    def children(self, block_type: str) -> list[Block]:
        return [block for block in self.blocks if block.type == block_type]

    def walk(self) -> Iterator[Block]:
        yield self
        for block in self.blocks:
            yield from block.walk()

    @property
    def address(self) -> str:
        return ".".join((self.type, *self.labels))


@lru_cache(maxsize=32)
def blocks(text: str) -> tuple[Block, ...]:
    """The top-level blocks of an HCL file (partial when the file has syntax errors)."""
    tree = parse_text("hcl", text)
    if tree is None:
        return ()
    found: list[Block] = []
    for body in _bodies(tree.root_node):
        found.extend(_block(child, 0) for child in body.named_children if child.type == "block")
    return tuple(found)


def resources(text: str, *types: str) -> list[Block]:
    return [
        block
        for block in blocks(text)
        if block.type == "resource" and block.labels and (not types or block.labels[0] in types)
    ]


def _bodies(node: Node) -> Iterator[Node]:
    for child in node.named_children:
        if child.type == "body" or child.type == "ERROR":
            yield child


def _block(node: Node, depth: int) -> Block:
    if depth > MAX_DEPTH:
        raise too_deep("HCL blocks")
    block_type = ""
    labels: list[str] = []
    attributes: list[Attribute] = []
    inner: list[Block] = []
    for child in node.named_children:
        if child.type == "identifier" and not block_type:
            block_type = _text(child)
        elif child.type in {"string_lit", "identifier"}:
            labels.append(_text(child).strip('"'))
        elif child.type == "body":
            for item in child.named_children:
                if item.type == "attribute":
                    attributes.append(_attribute(item))
                elif item.type == "block":
                    inner.append(_block(item, depth + 1))
    return Block(
        block_type,
        tuple(labels),
        node.start_point.row + 1,
        node.end_point.row + 1,
        tuple(attributes),
        tuple(inner),
    )


def _attribute(node: Node) -> Attribute:
    name_node = node.named_children[0]
    expression = node.named_children[-1]
    return Attribute(
        _text(name_node),
        _text(expression),
        node.start_point.row + 1,
        node.end_point.row + 1,
    )


def _text(node: Node) -> str:
    return (node.text or b"").decode("utf-8", "replace")
