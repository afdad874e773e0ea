"""Key paths for configuration files: YAML, JSON, TOML, HCL, and Dockerfile instructions."""

from __future__ import annotations

from tree_sitter import Node

from analyzers.contract.model import Scope

_PAIRS = frozenset({"block_mapping_pair", "flow_pair", "pair", "attribute", "object_elem"})
_SEQUENCES = frozenset({"block_sequence", "flow_sequence", "array", "tuple"})
_SKIP_IN_SEQUENCE = frozenset({"comment", "tuple_start", "tuple_end"})
_TOML_KEYS = frozenset({"bare_key", "dotted_key", "quoted_key"})


def _text(node: Node | None) -> str:
    if node is None or node.text is None:
        return ""
    return node.text.decode("utf-8", "replace")


def _last_line(node: Node) -> int:
    row, column = node.end_point
    return max(row + (1 if column > 0 else 0), node.start_point.row + 1)


def _unquote(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return text


def _pair_key(node: Node) -> str:
    key = node.child_by_field_name("key")
    if key is None and node.named_children:
        key = node.named_children[0]
    return _unquote(_text(key))


def _sequence_index(node: Node, parent: Node) -> int:
    index = 0
    for child in parent.named_children:
        if child.id == node.id:
            return index
        if child.type not in _SKIP_IN_SEQUENCE:
            index += 1
    return index


def _hcl_block_name(node: Node) -> str:
    parts: list[str] = []
    for child in node.named_children:
        if child.type == "identifier":
            parts.append(_text(child))
        elif child.type == "string_lit":
            parts.append(_unquote(_text(child)))
        elif child.type in ("block_start", "body"):
            break
    return ".".join(parts)


def _toml_table_name(node: Node) -> str:
    for child in node.named_children:
        if child.type in _TOML_KEYS:
            return _text(child)
    return ""


def _toml_array_index(node: Node, name: str) -> int:
    index = 0
    sibling = node.prev_named_sibling
    while sibling is not None:
        if sibling.type == "table_array_element" and _toml_table_name(sibling) == name:
            index += 1
        sibling = sibling.prev_named_sibling
    return index


def sequence_indices(parent: Node) -> dict[int, int]:
    """Node id -> position of each item of a sequence node (comments and brackets skipped)."""
    if parent.type not in _SEQUENCES:
        return {}
    indices: dict[int, int] = {}
    for child in parent.named_children:
        if child.type not in _SKIP_IN_SEQUENCE:
            indices[child.id] = len(indices)
    return indices


def config_step(node: Node, index: int | None = None) -> tuple[str, str] | None:
    """(path part, scope kind) one node adds to a key path, or None; `index` is its known position."""
    parent = node.parent
    if node.type in _PAIRS:
        return _pair_key(node), "key"
    in_sequence = parent is not None and parent.type in _SEQUENCES
    if in_sequence and parent is not None and node.type not in _SKIP_IN_SEQUENCE:
        position = index if index is not None else _sequence_index(node, parent)
        return f"[{position}]", "key"
    if node.type == "block":
        return _hcl_block_name(node), "block"
    if node.type == "table":
        return _toml_table_name(node), "block"
    if node.type == "table_array_element":
        name = _toml_table_name(node)
        return f"{name}[{_toml_array_index(node, name)}]", "block"
    return None


def join_path(parts: list[str]) -> str:
    """`["jobs", "build", "steps", "[2]", "run"]` -> `jobs.build.steps[2].run`."""
    path = ""
    for part in parts:
        if part.startswith("[") or not path:
            path += part
        else:
            path += "." + part
    return path


def dockerfile_scope(node: Node) -> Scope | None:
    """The instruction around `node` as `RUN[3]` (the fourth RUN), or None at the top."""
    current: Node | None = node
    while current is not None and current.parent is not None:
        if current.parent.type == "source_file":
            break
        current = current.parent
    if current is None or current.parent is None:
        return None
    kind = current.type.removesuffix("_instruction").upper()
    index = 0
    sibling = current.prev_named_sibling
    while sibling is not None:
        index += sibling.type == current.type
        sibling = sibling.prev_named_sibling
    return Scope("instruction", f"{kind}[{index}]", current.start_point.row + 1, _last_line(current))


def config_scope(language: str, node: Node) -> Scope | None:
    """The key path (or Dockerfile instruction) around `node`; None at the top level."""
    if language == "dockerfile":
        return dockerfile_scope(node)
    parts: list[str] = []
    innermost: tuple[Node, str] | None = None
    current: Node | None = node
    while current is not None:
        step = config_step(current)
        if step is not None:
            parts.append(step[0])
            if innermost is None:
                innermost = (current, step[1])
        current = current.parent
    if innermost is None:
        return None
    parts.reverse()
    scope_node, kind = innermost
    return Scope(kind, join_path(parts), scope_node.start_point.row + 1, _last_line(scope_node))
