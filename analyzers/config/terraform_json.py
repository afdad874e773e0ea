"""Terraform's JSON syntax (`*.tf.json`) read as the same blocks and attributes as HCL, with lines.

`{"resource": {"aws_s3_bucket": {"logs": {"acl": "private", "versioning": {"enabled": true}}}}}` is the
block `resource "aws_s3_bucket" "logs"` with the attribute `acl` and the nested block `versioning`.
Within a block, an object is a nested block and a list of objects is that block repeated; any other
value is an attribute whose expression is its JSON text, which reads as the same HCL literal
(`"private"`, `true`, `["a", "b"]`). A string holding `${…}` is an interpolation, unknown like any
expression. An object meant as a map (`tags = {…}`) reads as a block; no rule judges `tags`.

Parsed with tree-sitter-json (bounded like every parse); blocks nested deeper than `MAX_DEPTH` raise
`InputLimitError`.
"""

from __future__ import annotations

from functools import lru_cache

from tree_sitter import Node

from analyzers.config.hcl import Attribute, Block
from analyzers.contract.limits import MAX_DEPTH, too_deep
from analyzers.contract.syntax import parse_text

# top-level block types and how many labels their keys carry (`resource` → type and name)
_LABELS = {"resource": 2, "data": 2, "module": 1, "variable": 1, "output": 1, "provider": 1}


@lru_cache(maxsize=32)
def json_blocks(text: str) -> tuple[Block, ...]:
    """The top-level blocks of a `.tf.json` file (none when it is not a JSON object)."""
    tree = parse_text("json", text)
    if tree is None:
        return ()
    root = next((c for c in tree.root_node.named_children if c.type == "object"), None)
    if root is None:
        return ()
    found: list[Block] = []
    for block_type, value in _pairs(root):
        depth = _LABELS.get(block_type)
        if depth is None or value.type != "object":
            continue
        found.extend(_labelled(block_type, (), value, depth))
    return tuple(found)


def _labelled(block_type: str, labels: tuple[str, ...], node: Node, depth: int) -> list[Block]:
    """The blocks under `node` once `depth` more keys have been read as labels."""
    if depth == 0:
        return [_block(block_type, labels, item, 1) for item in _objects(node)]
    found: list[Block] = []
    for label, value in _pairs(node):
        if value.type == "object":
            found.extend(_labelled(block_type, (*labels, label), value, depth - 1))
    return found


def _block(block_type: str, labels: tuple[str, ...], node: Node, depth: int) -> Block:
    if depth > MAX_DEPTH:
        raise too_deep("Terraform JSON blocks")
    attributes: list[Attribute] = []
    inner: list[Block] = []
    for name, value in _pairs(node):
        objects = _objects(value)
        if objects:
            inner.extend(_block(name, (), item, depth + 1) for item in objects)
        else:
            attributes.append(
                Attribute(name, _text(value), value.start_point.row + 1, value.end_point.row + 1)
            )
    return Block(
        block_type, labels, node.start_point.row + 1, node.end_point.row + 1, tuple(attributes), tuple(inner)
    )


def _objects(node: Node) -> list[Node]:
    """An object, or the objects of a list of objects; empty for anything else."""
    if node.type == "object":
        return [node]
    if node.type == "array":
        items = list(node.named_children)
        if items and all(item.type == "object" for item in items):
            return items
    return []


def _pairs(node: Node) -> list[tuple[str, Node]]:
    pairs = []
    for child in node.named_children:
        if child.type != "pair":
            continue
        key, value = child.child_by_field_name("key"), child.child_by_field_name("value")
        if key is None or value is None:
            continue
        pairs.append((_text(key).strip('"'), value))
    return pairs


def _text(node: Node) -> str:
    return (node.text or b"").decode("utf-8", "replace")
