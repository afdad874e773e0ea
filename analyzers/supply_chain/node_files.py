"""npm manifests and lockfiles: package.json, package-lock.json, pnpm-lock.yaml and yarn.lock."""

from __future__ import annotations

import json
import re
from typing import Any

from analyzers.config.yaml_doc import load_documents
from analyzers.supply_chain.declared import Declared, DependencyFile
from analyzers.supply_chain.documents import load_json
from analyzers.supply_chain.lockfile_documents import (
    JsonMember,
    NotJsonError,
    PnpmPackage,
    json_sections,
    pnpm_packages,
)
from analyzers.supply_chain.names import NPM

DEPENDENCY_FIELDS = (
    "dependencies",
    "devDependencies",
    "optionalDependencies",
    "peerDependencies",
)
_YARN_VALUE = re.compile(r'^\s+(\w+):?\s+"?([^"\s]+)"?')


def parse_package_json(path: str, text: str) -> DependencyFile | None:
    doc = load_json(text)
    if doc is None or not doc.is_map:
        return None
    entries = [
        Declared(NPM, name, line, value.text)
        for field in DEPENDENCY_FIELDS
        if (section := doc.get(field)) is not None
        for name, line, value in section.pairs
    ]
    return DependencyFile(path, NPM, False, tuple(entries))


def _lock_entry(member: JsonMember) -> Declared | None:
    value = member.value if isinstance(member.value, dict) else {}
    if value.get("link") is True:
        return None
    resolved = value.get("resolved")
    return Declared(
        NPM,
        member.key.rsplit("node_modules/", 1)[-1],
        member.line,
        _text(value.get("version")),
        direct=False,
        integrity=bool(_text(value.get("integrity"))),
        registry=_text(resolved) if resolved is not None else None,
        registry_line=member.field_lines.get("resolved", 0) if resolved is not None else 0,
    )


def _text(value: object) -> str:
    """A scalar as the tree reader showed it: strings as they are, other scalars in JSON, "" else."""
    if isinstance(value, str):
        return value
    return "" if value is None or isinstance(value, dict | list) else json.dumps(value)


def parse_package_lock(path: str, text: str) -> DependencyFile | None:
    """Read with `json_sections` (no syntax tree): lockfiles of big projects are megabytes."""
    try:
        doc = json_sections(text, ("packages", "dependencies"), ("resolved",))
    except NotJsonError:
        return _package_lock_of_tree(path, text)  # broken JSON: what the tolerant reader makes of it
    packages, legacy = doc.get("packages"), doc.get("dependencies")
    if isinstance(packages, list):
        found = [_lock_entry(m) for m in packages if "node_modules/" in m.key]
        root = next((m for m in packages if m.key == ""), None)
    else:
        found = [_lock_entry(m) for m in legacy] if isinstance(legacy, list) else []
        root = None
    entries = tuple(entry for entry in found if entry is not None)
    if root is None or not isinstance(root.value, dict):
        return DependencyFile(path, NPM, True, entries)
    return DependencyFile(path, NPM, True, entries, digest=_root_digest(root.value), digest_line=root.line)


def _package_lock_of_tree(path: str, text: str) -> DependencyFile | None:
    """A package-lock.json that is not JSON, read by the syntax-tree reader (which keeps what parsed);
    bounded by the size of a syntax tree: a big broken lockfile is a limit, not an empty file."""
    doc = load_json(text)
    if doc is None or not doc.is_map:
        return None
    packages = doc.get("packages")
    pairs = (
        packages.pairs
        if packages is not None
        else (legacy.pairs if (legacy := doc.get("dependencies")) else ())
    )
    entries = []
    for key, line, value in pairs:
        if packages is not None and ("node_modules/" not in key or value.scalar("link") == "true"):
            continue
        resolved = value.get("resolved")
        registry, registry_line = (resolved.text, resolved.line) if resolved is not None else (None, 0)
        name = key.rsplit("node_modules/", 1)[-1]
        version, integrity = value.scalar("version") or "", bool(value.scalar("integrity"))
        entries.append(Declared(NPM, name, line, version, False, integrity, registry, registry_line))
    return DependencyFile(path, NPM, True, tuple(entries))


def _root_digest(root: dict[str, Any]) -> str:
    """The root package's declared dependencies, to compare with its package.json."""
    parts = [
        f"{name}={_text(value)}"
        for field in DEPENDENCY_FIELDS
        if isinstance(section := root.get(field), dict)
        for name, value in section.items()
    ]
    return ";".join(sorted(parts))


def pnpm_name(key: str) -> str:
    """`/@scope/pkg@1.0.0(peer@2)` or `pkg@1.0.0` or `/pkg/1.0.0` -> the package name."""
    text = key.lstrip("/").split("(", 1)[0]
    at = text.find("@", 1)
    if at > 0:
        return text[:at]
    return text.rsplit("/", 1)[0] if text.count("/") > (1 if text.startswith("@") else 0) else text


def parse_pnpm_lock(path: str, text: str) -> DependencyFile | None:
    """Read from libyaml's events (`pnpm_packages`), every document of the stream; a file with
    anchors or aliases (which pnpm does not write) through the bounded tree reader."""
    import yaml  # on first use: most changes hold no YAML

    try:
        packages = pnpm_packages(text)
    except yaml.YAMLError:
        packages = None  # not YAML: what the tolerant reader makes of it
    if packages is None:
        packages = _pnpm_packages_of_trees(text)
    entries = [
        Declared(NPM, pnpm_name(package.key), package.line, "", False, package.integrity, package.tarball)
        for package in packages
    ]
    return DependencyFile(path, NPM, True, tuple(entries))


def _pnpm_packages_of_trees(text: str) -> list[PnpmPackage]:
    found = []
    for doc in load_documents(text):
        packages = doc.get("packages") if doc.is_map else None
        for key, line, value in packages.pairs if packages is not None else ():
            resolution = value.get("resolution") if value.is_map else None
            integrity = resolution is not None and bool(resolution.scalar("integrity"))
            tarball = resolution.scalar("tarball") if resolution is not None else None
            found.append(PnpmPackage(key, line, integrity, tarball))
    return found


def yarn_names(header: str) -> list[str]:
    """`"@babel/core@^7.0.0", "@babel/core@npm:^7.1.0":` -> ["@babel/core"]."""
    names = []
    for spec in header.rstrip(":").split(","):
        spec = spec.strip().strip('"')
        at = spec.find("@", 1)
        if at > 0:
            names.append(spec[:at])
    return list(dict.fromkeys(names))


def parse_yarn_lock(path: str, text: str) -> DependencyFile:
    entries: list[Declared] = []
    current: list[tuple[str, int]] = []
    fields: dict[str, tuple[str, int]] = {}

    def flush() -> None:
        integrity = "integrity" in fields or "checksum" in fields
        registry, registry_line = fields.get("resolved", (None, 0))
        version = fields.get("version", ("", 0))[0]
        for name, line in current:
            entries.append(Declared(NPM, name, line, version, False, integrity, registry, registry_line))

    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            flush()
            names = [] if line.startswith("__metadata") else yarn_names(line)
            current, fields = [(name, number) for name in names], {}
        elif (match := _YARN_VALUE.match(line)) is not None:
            fields.setdefault(match.group(1), (match.group(2), number))
    flush()
    return DependencyFile(path, NPM, True, tuple(entries))
