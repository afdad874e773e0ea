"""Manifests of other ecosystems: go.mod, Cargo.toml, Gemfile and composer.json."""

from __future__ import annotations

import re

from analyzers.supply_chain.declared import Declared, DependencyFile, IndexUrl
from analyzers.supply_chain.documents import load_json, load_toml
from analyzers.supply_chain.names import CARGO, GO, PACKAGIST, RUBYGEMS

_GEM = re.compile(r"""^\s*gem\s*(?:\(\s*)?["']([^"']+)["']\s*(?:,\s*["']([^"']*)["'])?""")
_GEM_SOURCE = re.compile(r"""^\s*source\s*(?:\(\s*)?["']([^"']+)["']""")
_CARGO_TABLES = ("dependencies", "dev-dependencies", "build-dependencies")
_COMPOSER_PLATFORM = re.compile(r"^(php|hhvm|composer(-.*)?|ext-.*|lib-.*)$", re.IGNORECASE)


def parse_go_mod(path: str, text: str) -> DependencyFile:
    """`require` lines and blocks; `// indirect` requirements are not direct."""
    entries: list[Declared] = []
    in_block = False
    for number, raw in enumerate(text.split("\n"), start=1):
        code, _, comment = raw.partition("//")
        words = code.split()
        if in_block:
            if words[:1] == [")"]:
                in_block = False
                continue
        elif words[:1] == ["require"]:
            if words[1:2] == ["("]:
                in_block = True
                continue
            words = words[1:]
        else:
            continue
        if len(words) >= 2:
            direct = "indirect" not in comment
            entries.append(Declared(GO, words[0], number, words[1], direct=direct))
    return DependencyFile(path, GO, False, tuple(entries))


def parse_cargo_toml(path: str, text: str) -> DependencyFile | None:
    doc = load_toml(text)
    if doc is None:
        return None
    tables = [doc.get(name) for name in _CARGO_TABLES]
    targets = doc.get("target")
    for _key, _line, target in targets.pairs if targets is not None else ():
        tables.extend(target.get(name) for name in _CARGO_TABLES)
    entries = []
    for table in tables:
        for key, line, value in table.pairs if table is not None and table.is_map else ():
            real = value.scalar("package") if value.is_map else None
            spec = value.text if value.kind == "scalar" else value.scalar("version") or ""
            entries.append(Declared(CARGO, real or key, line, spec))
    return DependencyFile(path, CARGO, False, tuple(entries))


def parse_gemfile(path: str, text: str) -> DependencyFile:
    entries, indexes = [], []
    for number, line in enumerate(text.split("\n"), start=1):
        if (gem := _GEM.match(line)) is not None:
            entries.append(Declared(RUBYGEMS, gem.group(1), number, gem.group(2) or ""))
        elif (source := _GEM_SOURCE.match(line)) is not None:
            indexes.append(IndexUrl(source.group(1), number))
    return DependencyFile(path, RUBYGEMS, False, tuple(entries), tuple(indexes))


def parse_composer_json(path: str, text: str) -> DependencyFile | None:
    doc = load_json(text)
    if doc is None or not doc.is_map:
        return None
    entries = [
        Declared(PACKAGIST, name, line, value.text)
        for field in ("require", "require-dev")
        if (section := doc.get(field)) is not None
        for name, line, value in section.pairs
        if not _COMPOSER_PLATFORM.match(name)
    ]
    repositories = doc.get("repositories")
    indexes = [
        IndexUrl(url, item.line)
        for item in (repositories.items if repositories is not None else ())
        if item.is_map and (url := item.scalar("url"))
    ]
    return DependencyFile(path, PACKAGIST, False, tuple(entries), tuple(indexes))
