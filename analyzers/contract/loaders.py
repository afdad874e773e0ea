"""The one way Bulwark loads YAML, JSON and TOML from a change: bounds checked before anything is built.

YAML: PyYAML has three weak points against a hostile document: its composer and constructor recurse (a
`RecursionError` in Python; with the C loader, a segmentation fault past about 100,000 levels), and
aliases make a few hundred bytes stand for billions of values, which anything walking the loaded data
(`str()`, a rule, `json.dumps`) then visits one by one. `check_yaml` reads the event stream once,
iteratively, and measures what the document would be with every alias expanded: its depth, its values
and the characters of its scalars. Past a bound it raises `InputLimitError`; within the bounds the
document is loaded as usual (the C loader when present) and is safe to walk.

JSON and TOML: `json` and `tomllib` recurse once per level of nesting (a `RecursionError` past about
1,000 levels, and any walker of the result recurses as deep). `check_nesting` measures the brackets
outside strings and comments in one linear pass, so what is loaded is at most `MAX_DEPTH` deep.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from analyzers.contract.limits import MAX_DEPTH, MAX_NODES, InputLimitError, too_deep, too_many_nodes

if TYPE_CHECKING:
    import yaml

MAX_EXPANDED_CHARS = 10_000_000  # characters of every scalar once aliases are expanded


@cache
def yaml_loader() -> type[yaml.SafeLoader]:
    """PyYAML's safe loader, the C one when present. PyYAML is imported here, on first use: most
    changes hold no YAML, and importing it costs a one-file scan about 5 %."""
    import yaml

    loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return loader


@dataclass(slots=True)
class _Size:
    """What one node stands for once aliases are expanded."""

    nodes: int = 1
    chars: int = 0
    height: int = 0


def check_yaml(text: str, *, max_depth: int = MAX_DEPTH, max_nodes: int = MAX_NODES) -> None:
    """Raise `InputLimitError` when a document of `text`, aliases expanded, is deeper than `max_depth`,
    has more than `max_nodes` values or more than `MAX_EXPANDED_CHARS` characters; `yaml.YAMLError`
    when it is not YAML."""
    import yaml  # on first use: most changes hold no YAML

    anchors: dict[str, _Size] = {}
    open_: list[tuple[_Size, str | None]] = []  # collections being read, with their anchors
    for event in yaml.parse(text, Loader=yaml_loader()):
        if isinstance(event, yaml.CollectionStartEvent):
            open_.append((_Size(), event.anchor))
            if len(open_) > max_depth:
                raise too_deep("YAML", max_depth)
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            size, anchor = open_.pop()
            size.height += 1
        elif isinstance(event, yaml.ScalarEvent):
            size, anchor = _Size(chars=len(event.value)), event.anchor
        elif isinstance(event, yaml.AliasEvent):
            if any(name == event.anchor for _size, name in open_):
                raise InputLimitError("YAML alias inside the value it names (a recursive document)")
            size, anchor = anchors.get(event.anchor or "", _Size()), None
        else:
            continue
        if anchor is not None:
            anchors[anchor] = size
        _add(open_, size, max_depth, max_nodes)


def _add(open_: list[tuple[_Size, str | None]], size: _Size, max_depth: int, max_nodes: int) -> None:
    """Count a finished node (or an alias of one) into the collection that holds it."""
    if len(open_) + size.height > max_depth:
        raise too_deep("YAML", max_depth)
    if not open_:
        if size.nodes > max_nodes:
            raise too_many_nodes("YAML", max_nodes)
        return
    parent = open_[-1][0]
    parent.nodes += size.nodes
    parent.chars += size.chars
    parent.height = max(parent.height, size.height)
    if parent.nodes > max_nodes:
        raise too_many_nodes("YAML", max_nodes)
    if parent.chars > MAX_EXPANDED_CHARS:
        raise InputLimitError(f"YAML expands to more than {MAX_EXPANDED_CHARS:,} characters (aliases?)")


def top_level_keys(text: str) -> list[frozenset[str]] | None:
    """The keys at the top of each document of a YAML stream, read from libyaml's events; None when a
    top-level key is an alias or a collection (only a full read can say what it is). Raises
    `yaml.YAMLError` when the text is not YAML."""
    import yaml  # on first use: most changes hold no YAML

    found: list[frozenset[str]] = []
    keys: set[str] = set()
    depth = 0
    mapping = wants_key = False  # the document is a mapping; its next scalar is a key
    for event in yaml.parse(text, Loader=yaml_loader()):
        if isinstance(event, yaml.DocumentEndEvent):
            found.append(frozenset(keys))
            keys, depth, mapping, wants_key = set(), 0, False, False
        elif isinstance(event, yaml.CollectionStartEvent):
            if depth == 1 and wants_key:
                return None
            if depth == 0:
                mapping = wants_key = isinstance(event, yaml.MappingStartEvent)
            depth += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
            wants_key = depth == 1 and mapping
        elif isinstance(event, yaml.ScalarEvent | yaml.AliasEvent) and depth == 1 and mapping:
            if wants_key and isinstance(event, yaml.AliasEvent):
                return None
            if wants_key and isinstance(event, yaml.ScalarEvent):
                keys.add(event.value)
            wants_key = not wants_key
    return found


def load_yaml(text: str) -> Any:
    """The single document of `text` as Python data (safe tags only), within the bounds of `check_yaml`.

    Raises `InputLimitError` past a bound and `yaml.YAMLError` when the text is not one YAML document."""
    import yaml  # on first use: most changes hold no YAML

    check_yaml(text)
    return yaml.load(text, Loader=yaml_loader())  # noqa: S506 (a safe loader, C when available)


def load_yaml_all(text: str) -> list[Any]:
    """Every document of `text`, within the bounds of `check_yaml` (counted over the whole stream)."""
    import yaml  # on first use: most changes hold no YAML

    check_yaml(text)
    return list(yaml.load_all(text, Loader=yaml_loader()))


# One token at a time: a string (escapes honoured), a comment, or a bracket. Each alternative starts
# with its own character, has no nested quantifier and cannot fail once started (closing quotes are
# optional: an unterminated string does not parse anyway), so the scan is one linear pass.
_JSON_TOKENS = re.compile(r'"(?:[^"\\\n]|\\.)*"?|//[^\n]*|/\*(?:[^*]|\*(?!/))*(?:\*/)?|[\[\]{}]')
_TOML_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*(?:""")?|\'\'\'(?:[^\']|\'(?!\'\'))*(?:\'\'\')?'
    r'|"(?:[^"\\\n]|\\.)*"?|\'[^\'\n]*\'?|#[^\n]*|[\[\]{}]'
)
_OPENING = frozenset("[{")


def check_nesting(text: str, what: str, *, toml: bool = False, max_depth: int = MAX_DEPTH) -> None:
    """Raise `InputLimitError` when brackets outside strings and comments nest deeper than `max_depth`."""
    depth = 0
    for match in (_TOML_TOKENS if toml else _JSON_TOKENS).finditer(text):
        token = match.group()
        if token in _OPENING:
            depth += 1
            if depth > max_depth:
                raise too_deep(what, max_depth)
        elif len(token) == 1:
            depth = max(depth - 1, 0)


def load_json(text: str, what: str = "JSON") -> Any:
    """`json.loads(text)` within `MAX_DEPTH` levels (`InputLimitError` past it, `ValueError` if not JSON)."""
    check_nesting(text, what)
    return json.loads(text)


def load_toml(text: str, what: str = "TOML") -> dict[str, Any]:
    """`tomllib.loads(text)` within `MAX_DEPTH` levels (`InputLimitError` past it, `TOMLDecodeError`)."""
    check_nesting(text, what, toml=True)
    return tomllib.loads(text)
