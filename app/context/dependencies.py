"""Declared dependencies of a manifest file, and what a change did to them.

Covers requirements*.txt, pyproject.toml (PEP 621 and Poetry), Pipfile, package.json, composer.json,
go.mod, Cargo.toml and Gemfile. Unparseable text yields no dependencies; text past a reader's bound
(nested too deep) raises `InputLimitError`: the file is not read, and that is said.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable
from typing import Any

from analyzers.contract.loaders import load_json, load_toml
from analyzers.record import record

_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(.*)$")
_GO_REQUIRE = re.compile(r"^\s*(?:require\s+)?([\w\-~/]+(?:\.[\w\-~/]+)+)\s+(v\S+)")
_GEM = re.compile(r"""^\s*gem\s+['"]([^'"]+)['"]\s*(?:,\s*['"]([^'"]+)['"])?""")
_NPM_SECTIONS = ("dependencies", "devDependencies", "optionalDependencies", "peerDependencies")
_CARGO_SECTIONS = ("dependencies", "dev-dependencies", "build-dependencies")

Deps = dict[str, str]


@record
class DependencyChange:
    path: str
    ecosystem: str
    name: str
    change: str  # added, removed, changed
    before: str = ""
    after: str = ""


def _requirements(text: str) -> Deps:
    found: Deps = {}
    for raw in text.split("\n"):
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith(("#", "-", "git+", "http:", "https:")):
            continue
        match = _REQUIREMENT.match(line)
        if match:
            found[_normalise(match.group(1))] = match.group(3).split(";")[0].strip()
    return found


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pep508(entries: Iterable[object]) -> Deps:
    return _requirements("\n".join(str(entry) for entry in entries))


def _mapping(section: object) -> Deps:
    if not isinstance(section, dict):
        return {}
    found: Deps = {}
    for name, value in section.items():
        if isinstance(value, dict):
            value = value.get("version", "")
        found[str(name)] = str(value)
    return found


def _pyproject(text: str) -> Deps:
    data = load_toml(text)
    project = data.get("project", {})
    found = _pep508(project.get("dependencies", []))
    for extra in project.get("optional-dependencies", {}).values():
        found.update(_pep508(extra))
    poetry = data.get("tool", {}).get("poetry", {})
    found.update({_normalise(k): v for k, v in _mapping(poetry.get("dependencies")).items()})
    found.pop("python", None)
    return found


def _pipfile(text: str) -> Deps:
    data = load_toml(text)
    found = _mapping(data.get("packages"))
    found.update(_mapping(data.get("dev-packages")))
    return {_normalise(name): version for name, version in found.items()}


def _package_json(text: str) -> Deps:
    data: Any = load_json(text)
    found: Deps = {}
    for section in _NPM_SECTIONS:
        found.update(_mapping(data.get(section)) if isinstance(data, dict) else {})
    return found


def _composer(text: str) -> Deps:
    data: Any = load_json(text)
    found: Deps = {}
    if isinstance(data, dict):
        found.update(_mapping(data.get("require")))
        found.update(_mapping(data.get("require-dev")))
    return {name: version for name, version in found.items() if "/" in name}


def _cargo(text: str) -> Deps:
    data = load_toml(text)
    found: Deps = {}
    for section in _CARGO_SECTIONS:
        found.update(_mapping(data.get(section)))
    return found


def _go_mod(text: str) -> Deps:
    found: Deps = {}
    for line in text.split("\n"):
        match = _GO_REQUIRE.match(line.split("//", 1)[0])
        if match and not line.lstrip().startswith(("module", "go ", "replace", "exclude")):
            found[match.group(1)] = match.group(2)
    return found


def _gemfile(text: str) -> Deps:
    found: Deps = {}
    for line in text.split("\n"):
        match = _GEM.match(line)
        if match:
            found[match.group(1)] = match.group(2) or ""
    return found


def parser_for(path: str) -> tuple[str, Callable[[str], Deps]] | None:
    """(ecosystem, parser) for a manifest path, None for anything else."""
    name = path.rsplit("/", 1)[-1]
    stem, dot, extension = name.rpartition(".")
    if dot and extension in ("txt", "in") and ("requirements" in stem or stem.startswith("constraints")):
        return "pypi", _requirements
    table: dict[str, tuple[str, Callable[[str], Deps]]] = {
        "pyproject.toml": ("pypi", _pyproject),
        "Pipfile": ("pypi", _pipfile),
        "package.json": ("npm", _package_json),
        "composer.json": ("packagist", _composer),
        "Cargo.toml": ("crates.io", _cargo),
        "go.mod": ("go", _go_mod),
        "Gemfile": ("rubygems", _gemfile),
    }
    return table.get(name)


def declared(path: str, text: str | None) -> Deps:
    """The dependencies `text` declares (name -> version spec); {} when unknown or unparseable."""
    found = parser_for(path)
    if found is None or not text:
        return {}
    try:
        return found[1](text)
    except (ValueError, tomllib.TOMLDecodeError, AttributeError, TypeError):
        return {}


def dependency_changes(path: str, base: str | None, head: str | None) -> list[DependencyChange]:
    """Added, removed and re-versioned dependencies between two versions of a manifest."""
    found = parser_for(path)
    if found is None:
        return []
    ecosystem = found[0]
    before, after = declared(path, base), declared(path, head)
    changes = [
        DependencyChange(path, ecosystem, name, "added", after=after[name])
        for name in sorted(after.keys() - before.keys())
    ]
    changes += [
        DependencyChange(path, ecosystem, name, "removed", before=before[name])
        for name in sorted(before.keys() - after.keys())
    ]
    changes += [
        DependencyChange(path, ecosystem, name, "changed", before[name], after[name])
        for name in sorted(before.keys() & after.keys())
        if before[name] != after[name]
    ]
    return changes
