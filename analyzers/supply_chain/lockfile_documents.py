"""Lockfiles read without syntax trees: what the lockfile parsers need, in one linear pass.

A monorepo's lockfile is megabytes of machine-written text with a hundred thousand values, and an
ordinary dependency update rewrites it. Reading it through a syntax tree and a tree of `YNode`s (as
manifests are read) costs seconds and hundreds of megabytes per side, so lockfiles have readers of
their own that keep only the entries and the lines the rules report on:

- JSON (`package-lock.json`): the object of entries is walked key by key and each value is decoded by
  the standard library's C decoder, so the Python work is per entry, not per character. The decoder
  refuses a value nested past the interpreter's recursion limit (`RecursionError`, a bound reached);
  nothing here walks a decoded value further than two levels.
- YAML (`pnpm-lock.yaml`): libyaml's event stream, read once with a stack of open collections, never
  building the document. pnpm writes no anchors or aliases; a file with them is read by the tree
  reader instead, whose alias and size bounds apply (`analyzers.config.yaml_doc`).
- TOML (`uv.lock`, `poetry.lock`): `tomllib` on text whose brackets nest at most `MAX_DEPTH` levels,
  and one pass over the lines to find where each `[[package]]` table starts.

Every reader is bounded by the size of its text (the context reads lockfiles up to their own cap,
`BULWARK_MAX_LOCKFILE_BYTES`), by `MAX_DEPTH` levels of nesting, and is linear in the text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from json.decoder import scanstring  # type: ignore[attr-defined]  # the C scanner, public in json.decoder
from typing import TYPE_CHECKING, Any

from analyzers.contract.limits import MAX_DEPTH, too_deep
from analyzers.contract.loaders import load_toml, yaml_loader
from analyzers.record import record

if TYPE_CHECKING:
    import yaml

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")  # one class, one quantifier: linear


class NotJsonError(ValueError):
    """The text is not the JSON object a lockfile is."""


class _Lines:
    """Line numbers of increasing positions of one text, counted once."""

    def __init__(self, text: str) -> None:
        self.text, self.position, self.line = text, 0, 1

    def at(self, position: int) -> int:
        if position < self.position:  # not expected; counted from the start again
            self.position, self.line = 0, 1
        self.line += self.text.count("\n", self.position, position)
        self.position = position
        return self.line


# --- JSON -------------------------------------------------------------------------------------------


@record
class JsonMember:
    """One key of a JSON object: its value (decoded) and the lines of the key and of chosen fields."""

    key: str
    line: int
    value: Any
    field_lines: dict[str, int]


def _space(text: str, position: int) -> int:
    found = _SPACE.match(text, position)
    return found.end() if found is not None else position


def _decode(text: str, position: int) -> tuple[Any, int]:
    try:
        value, end = _DECODER.raw_decode(text, position)
    except RecursionError as error:
        raise too_deep("JSON") from error
    except ValueError as error:
        raise NotJsonError(str(error)) from error
    return value, end


def _members(text: str, position: int, value_at: Callable[[str, int, int], int]) -> int:
    """Walk the object starting at `position` (its `{`): `value_at(key, key position, value position)`
    reads each value and returns where it ends. Returns the position after the closing `}`."""
    if not text.startswith("{", position):
        raise NotJsonError(f"an object expected at character {position}")
    position = _space(text, position + 1)
    if text.startswith("}", position):
        return position + 1
    while True:
        if not text.startswith('"', position):
            raise NotJsonError(f"a key expected at character {position}")
        try:
            key, end = scanstring(text, position + 1)
        except ValueError as error:
            raise NotJsonError(str(error)) from error
        end = _space(text, end)
        if not text.startswith(":", end):
            raise NotJsonError(f"':' expected at character {end}")
        position = _space(text, value_at(key, position, _space(text, end + 1)))
        if text.startswith(",", position):
            position = _space(text, position + 1)
        elif text.startswith("}", position):
            return position + 1
        else:
            raise NotJsonError(f"',' or '}}' expected at character {position}")


def json_sections(text: str, sections: tuple[str, ...], fields: tuple[str, ...] = ()) -> dict[str, Any]:
    """The top-level values of a JSON object; each top-level key named in `sections` whose value is an
    object becomes a list of `JsonMember`s (its keys in order, with their lines and the lines of the
    keys `fields` of each member's own object). Raises `NotJsonError`, or `InputLimitError` past a bound."""
    text = text.removeprefix("\ufeff")
    lines = _Lines(text)
    found: dict[str, Any] = {}

    def member(key: str, key_at: int, value_at: int) -> int:
        line = lines.at(key_at)
        field_lines: dict[str, int] = {}
        if fields and text.startswith("{", value_at):
            value: dict[str, Any] = {}

            def field(name: str, name_at: int, at: int) -> int:
                if name in fields:
                    field_lines[name] = lines.at(name_at)
                value[name], end = _decode(text, at)
                return end

            end = _members(text, value_at, field)
        else:
            value, end = _decode(text, value_at)
        entries.append(JsonMember(key, line, value, field_lines))
        return end

    entries: list[JsonMember] = []

    def top(key: str, _key_at: int, value_at: int) -> int:
        nonlocal entries
        if key in sections and text.startswith("{", value_at):
            entries = []
            end = _members(text, value_at, member)
            found[key] = entries
            return end
        found[key], end = _decode(text, value_at)
        return end

    end = _members(text, _space(text, 0), top)
    if _space(text, end) != len(text):
        raise NotJsonError(f"text after the object at character {end}")
    return found


# --- YAML -------------------------------------------------------------------------------------------


class _AliasedError(Exception):
    """The document uses anchors or aliases: read it with the tree reader."""


@dataclass(slots=True)
class PnpmPackage:
    key: str
    line: int
    integrity: bool = False
    tarball: str | None = None


@dataclass(slots=True)
class _Open:
    mapping: bool
    key: str | None = None
    key_line: int = 0
    wants_key: bool = True


def pnpm_packages(text: str) -> list[PnpmPackage] | None:
    """The `packages` entries of every document of a pnpm lockfile, in order; None when the text uses
    anchors or aliases (read it with the tree reader). Raises `yaml.YAMLError` when it is not YAML
    and `InputLimitError` when it nests deeper than `MAX_DEPTH` levels."""
    import yaml  # on first use: most changes hold no YAML

    found: list[PnpmPackage] = []
    try:
        for document in _documents(yaml.parse(text, Loader=yaml_loader())):
            found.extend(document)
    except _AliasedError:
        return None
    return found


def _documents(events: Iterator[yaml.Event]) -> Iterator[list[PnpmPackage]]:
    import yaml  # on first use: most changes hold no YAML

    open_: list[_Open] = []
    packages: list[PnpmPackage] = []
    for event in events:
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise _AliasedError
        if isinstance(event, yaml.DocumentEndEvent):
            yield packages
            packages, open_ = [], []
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            open_.pop()
            if open_:
                open_[-1].wants_key = True
            continue
        if not isinstance(event, yaml.ScalarEvent | yaml.CollectionStartEvent):
            continue
        parent = open_[-1] if open_ else None
        if parent is not None and parent.mapping and parent.wants_key:
            if not isinstance(event, yaml.ScalarEvent):
                raise _AliasedError  # a collection as a key: pnpm never writes one
            line = event.start_mark.line + 1 if event.start_mark is not None else 0
            parent.key, parent.key_line, parent.wants_key = event.value, line, False
            if _in_packages(open_):
                packages.append(PnpmPackage(event.value, parent.key_line))
            continue
        if isinstance(event, yaml.ScalarEvent):
            if packages and len(open_) == 4 and _in_packages(open_[:2]) and open_[2].key == "resolution":
                _resolution(packages[-1], open_[3], event.value)
            if parent is not None and parent.mapping:
                parent.wants_key = True
            continue
        open_.append(_Open(isinstance(event, yaml.MappingStartEvent)))
        if len(open_) > MAX_DEPTH:
            raise too_deep("YAML")


def _in_packages(open_: list[_Open]) -> bool:
    """The innermost open collection is the `packages` mapping at the top of the document."""
    return len(open_) == 2 and open_[0].mapping and open_[0].key == "packages" and open_[1].mapping


def _resolution(package: PnpmPackage, resolution: _Open, value: str) -> None:
    if not resolution.mapping:
        return
    if resolution.key == "integrity":
        package.integrity = package.integrity or bool(value)
    elif resolution.key == "tarball":
        package.tarball = value


# --- TOML -------------------------------------------------------------------------------------------

_TABLE_ARRAY = re.compile(r"^[ \t]*\[\[[ \t]*package[ \t]*\]\][ \t]*(?:#.*)?$")
_HEADER = re.compile(r"^[ \t]*\[")
_KEY = re.compile(r"^[ \t]*([A-Za-z0-9_-]+)[ \t]*=")  # a bare key at the start of a line


@record
class TomlLock:
    data: dict[str, Any]
    package_lines: tuple[int, ...]  # per `[[package]]` table, in order: the line of its `name`
    source_lines: tuple[int, ...]  # per table: where its source is written (`source =`, or the
    # `url` of `[package.source]`), 0 when it has none
    hash_line: int  # the line of `content-hash` under `[metadata]`, 0 when absent


def toml_lock(text: str) -> TomlLock:
    """A TOML lockfile (`uv.lock`, `poetry.lock`) and the lines of its packages. Raises
    `tomllib.TOMLDecodeError` when it is not TOML, `InputLimitError` past `MAX_DEPTH` levels."""
    data = load_toml(text, "TOML lockfile")
    package_lines: list[int] = []
    source_lines: list[int] = []
    hash_line = 0
    section = ""
    for number, line in enumerate(text.split("\n"), start=1):
        if _TABLE_ARRAY.match(line):
            section = "package"
            package_lines.append(number)
            source_lines.append(0)
            continue
        if _HEADER.match(line):
            section = line.strip().split("#", 1)[0].replace(" ", "")
            continue
        key = _KEY.match(line)
        if key is None:
            continue
        name = key.group(1)
        if section == "package" and name == "name" and not source_lines[-1]:
            package_lines[-1] = number
            section = "package, named"
        elif (section.startswith("package") and name == "source") or (
            section == "[package.source]" and name == "url" and package_lines
        ):
            source_lines[-1] = source_lines[-1] or number
        elif section == "[metadata]" and name == "content-hash":
            hash_line = hash_line or number
    return TomlLock(data, tuple(package_lines), tuple(source_lines), hash_line)
