"""Reading a model file: its TOML checked against the schema `analyzers.flow.model` describes, each
entry made into its dataclass, and the files of one language merged into one `Models`."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from analyzers.flow.model import (
    ACTIONS,
    Callback,
    Condition,
    Flag,
    Guard,
    ModelError,
    Models,
    Propagator,
    Sanitizer,
    Sink,
    Source,
)


def read_model(path: Path) -> Models:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ModelError(f"{path.name}: {error}") from error
    return parse_model(path.name, data)


def parse_model(name: str, data: Mapping[str, Any]) -> Models:
    language = _text(data, "language", name)
    known = {
        "language",
        "framework",
        "types",
        "source",
        "sink",
        "sanitizer",
        "propagator",
        "flag",
        "guard",
        "callback",
        "exits",
    }
    unknown = set(data) - known
    if unknown:
        raise ModelError(f"{name}: unknown keys {sorted(unknown)}")
    exits = data.get("exits", [])
    if not isinstance(exits, list) or not all(isinstance(e, str) for e in exits):
        raise ModelError(f"{name}: exits is a list of calls that never return")
    types = data.get("types", {})
    if not isinstance(types, dict) or not all(isinstance(v, str) for v in types.values()):
        raise ModelError(f"{name}: [types] maps names to type names")
    sources = tuple(_source(name, entry) for entry in _entries(data, "source", name))
    return Models(
        language=language,
        files=(name,),
        types=dict(types),
        sources=sources,
        sinks=tuple(_sink(name, entry) for entry in _entries(data, "sink", name)),
        sanitizers=tuple(_sanitizer(name, entry) for entry in _entries(data, "sanitizer", name)),
        propagators=tuple(_propagator(name, entry) for entry in _entries(data, "propagator", name)),
        flags=tuple(_flag(name, entry) for entry in _entries(data, "flag", name)),
        guards=tuple(_guard(name, entry) for entry in _entries(data, "guard", name)),
        callbacks=tuple(_callback(name, entry) for entry in _entries(data, "callback", name)),
        source_refs={ref: source for source in sources for ref in source.refs},
        exits=frozenset(exits),
    )


def merge(language: str, models: list[Models]) -> Models:
    return Models(
        language=language,
        files=tuple(f for m in models for f in m.files),
        types={k: v for m in models for k, v in m.types.items()},
        sources=tuple(s for m in models for s in m.sources),
        sinks=tuple(s for m in models for s in m.sinks),
        sanitizers=tuple(s for m in models for s in m.sanitizers),
        propagators=tuple(p for m in models for p in m.propagators),
        flags=tuple(f for m in models for f in m.flags),
        guards=tuple(g for m in models for g in m.guards),
        callbacks=tuple(c for m in models for c in m.callbacks),
        source_refs={k: v for m in models for k, v in m.source_refs.items()},
        exits=frozenset().union(*(m.exits for m in models)),
    )


# -- entries ------------------------------------------------------------------------------------
def _entries(data: Mapping[str, Any], key: str, name: str) -> list[dict[str, Any]]:
    entries = data.get(key, [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ModelError(f"{name}: [[{key}]] entries are tables")
    return entries


def _check(name: str, entry: Mapping[str, Any], kind: str, allowed: set[str]) -> None:
    extra = set(entry) - allowed
    if extra:
        raise ModelError(f"{name}: [[{kind}]] has unknown keys {sorted(extra)}: {dict(entry)}")


def _source(name: str, entry: dict[str, Any]) -> Source:
    _check(
        name,
        entry,
        "source",
        {
            "kind",
            "refs",
            "decorators",
            "parameters",
            "annotations",
            "names",
            "type",
            "imports",
            "position",
            "markers",
            "outputs",
        },
    )
    if entry.get("parameters", "") not in ("", "route", "all", "rest"):
        raise ModelError(f"{name}: [[source]] parameters is route, all or rest: {entry}")
    return Source(
        kind=_text(entry, "kind", name),
        origin=name,
        refs=_strings(entry, "refs", name),
        decorators=_strings(entry, "decorators", name),
        parameters=entry.get("parameters", ""),
        annotations=_strings(entry, "annotations", name),
        names=_strings(entry, "names", name),
        type=entry.get("type"),
        imports=_strings(entry, "imports", name),
        position=int(entry.get("position", 0)),
        markers=_strings(entry, "markers", name),
        outputs=tuple(int(o) for o in entry.get("outputs", []) if isinstance(o, int)),
    )


def _sink(name: str, entry: dict[str, Any]) -> Sink:
    allowed = {"kind", "cwe", "calls", "args", "when", "unless", "argv", "element", "flag", "flag_arg", "text",
               "sources", "stores", "returns", "note", "absent_flag", "shallow", "imports", "origins",
               "attributes", "unless_then", "marked", "direct", "format_arg", "named_by", "fields"}  # fmt: skip
    _check(name, entry, "sink", allowed)
    cwe = entry.get("cwe", [])
    if not isinstance(cwe, list) or not cwe or not all(isinstance(c, int) for c in cwe):
        raise ModelError(f"{name}: [[sink]] needs a list of CWE numbers: {entry}")
    if not (entry.get("calls") or entry.get("stores") or entry.get("returns") or entry.get("attributes")):
        raise ModelError(f"{name}: [[sink]] needs calls, stores, returns or attributes: {entry}")
    sources = entry.get("sources")
    return Sink(
        kind=_text(entry, "kind", name),
        cwe=tuple(cwe),
        origin=name,
        calls=_strings(entry, "calls", name),
        args=tuple(a for a in entry.get("args", []) if isinstance(a, int | str)),
        when=_conditions(entry.get("when", []), name),
        unless=_conditions(entry.get("unless", []), name),
        argv=bool(entry.get("argv", False)),
        element=entry.get("element"),
        flag=entry.get("flag"),
        flag_arg=entry.get("flag_arg"),
        absent_flag=entry.get("absent_flag"),
        shallow=bool(entry.get("shallow", False)),
        imports=_strings(entry, "imports", name),
        origins=_strings(entry, "origins", name),
        text=entry.get("text"),
        sources=tuple(sources) if isinstance(sources, list) else None,
        stores=_strings(entry, "stores", name),
        returns=_strings(entry, "returns", name),
        attributes=_strings(entry, "attributes", name),
        unless_then=_strings(entry, "unless_then", name),
        marked=entry.get("marked"),
        direct=bool(entry.get("direct", False)),
        format_arg=_position(entry, "format_arg", name),
        named_by=entry.get("named_by") if isinstance(entry.get("named_by"), int | str) else None,
        fields=bool(entry.get("fields", False)),
        note=entry.get("note", ""),
    )


def _sanitizer(name: str, entry: dict[str, Any]) -> Sanitizer:
    _check(name, entry, "sanitizer", {"calls", "clears", "when", "own"})
    return Sanitizer(_strings(entry, "calls", name), frozenset(_strings(entry, "clears", name)),
                     _conditions(entry.get("when", []), name), bool(entry.get("own", False)))  # fmt: skip


def _propagator(name: str, entry: dict[str, Any]) -> Propagator:
    _check(name, entry, "propagator", {"calls", "action", "key", "value"})
    action = _text(entry, "action", name)
    if action not in ACTIONS:
        raise ModelError(f"{name}: [[propagator]] action {action!r} is not one of {sorted(ACTIONS)}")
    key = entry.get("key", [0])
    return Propagator(_strings(entry, "calls", name), action, tuple(key), int(entry.get("value", 1)))


def _flag(name: str, entry: dict[str, Any]) -> Flag:
    _check(name, entry, "flag", {"calls", "flag", "on", "when", "carry", "position", "until"})
    on = entry.get("on", "result")
    if on not in ("result", "receiver", "argument"):
        raise ModelError(f"{name}: [[flag]] on is result, receiver or argument: {entry}")
    until = entry.get("until")
    if until not in (None, "null-check"):
        raise ModelError(f"{name}: [[flag]] until is null-check: {entry}")
    return Flag(
        _strings(entry, "calls", name),
        _text(entry, "flag", name),
        on,
        _conditions(entry.get("when", []), name),
        bool(entry.get("carry", False)),
        int(entry.get("position", 0)),
        until,
    )


def _guard(name: str, entry: dict[str, Any]) -> Guard:
    _check(name, entry, "guard", {"marks", "clears"})
    return Guard(frozenset(_strings(entry, "marks", name)), frozenset(_strings(entry, "clears", name)))


def _callback(name: str, entry: dict[str, Any]) -> Callback:
    _check(name, entry, "callback", {"calls", "position", "key", "parameters"})
    key = entry.get("key")
    if key is not None and not isinstance(key, str):
        raise ModelError(f"{name}: [[callback]] key is an option name: {entry}")
    return Callback(
        _strings(entry, "calls", name),
        _position(entry, "position", name) or 0,
        key,
        _strings(entry, "parameters", name),
    )


def _conditions(entries: object, name: str) -> tuple[Condition, ...]:
    if not isinstance(entries, list):
        raise ModelError(f"{name}: conditions are a list of tables")
    found: list[Condition] = []
    for entry in entries:
        if not isinstance(entry, dict) or set(entry) - {
            "position",
            "keyword",
            "equals",
            "ref",
            "absent",
            "key",
            "removes",
            "prefix",
            "length_of",
        }:
            raise ModelError(f"{name}: bad condition {entry!r}")
        equals = entry.get("equals")
        found.append(
            Condition(
                position=entry.get("position"),
                keyword=entry.get("keyword"),
                equals=tuple(equals) if isinstance(equals, list) else None,
                ref=entry.get("ref"),
                absent=bool(entry.get("absent", False)),
                key=entry.get("key"),
                removes=entry.get("removes"),
                prefix=entry.get("prefix"),
                length_of=entry.get("length_of"),
            )
        )
    return tuple(found)


def _position(entry: Mapping[str, Any], key: str, name: str) -> int | None:
    value = entry.get(key)
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
        raise ModelError(f"{name}: {key!r} must be an argument position in {dict(entry)}")
    return value


def _text(entry: Mapping[str, Any], key: str, name: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value:
        raise ModelError(f"{name}: {key!r} must be a non-empty string in {dict(entry)}")
    return value


def _strings(entry: Mapping[str, Any], key: str, name: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ModelError(f"{name}: {key!r} must be a list of strings in {dict(entry)}")
    return tuple(value)
