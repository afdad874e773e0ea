"""npm manifests and lockfiles: package.json, package-lock.json, pnpm-lock.yaml and yarn.lock."""

from __future__ import annotations

import re

from analyzers.config.yaml_doc import YNode, load_document
from analyzers.supply_chain.declared import Declared, DependencyFile
from analyzers.supply_chain.documents import load_json
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


def _lock_entry(name: str, line: int, value: YNode) -> Declared:
    resolved = value.get("resolved")
    return Declared(
        NPM,
        name,
        line,
        value.scalar("version") or "",
        direct=False,
        integrity=bool(value.scalar("integrity")),
        registry=resolved.text if resolved is not None else None,
        registry_line=resolved.line if resolved is not None else 0,
    )


def parse_package_lock(path: str, text: str) -> DependencyFile | None:
    doc = load_json(text)
    if doc is None or not doc.is_map:
        return None
    entries: list[Declared] = []
    packages = doc.get("packages")
    if packages is not None:
        for key, line, value in packages.pairs:
            if "node_modules/" not in key or value.scalar("link") == "true":
                continue
            entries.append(_lock_entry(key.rsplit("node_modules/", 1)[1], line, value))
    else:
        legacy = doc.get("dependencies")
        for key, line, value in legacy.pairs if legacy is not None else ():
            entries.append(_lock_entry(key, line, value))
    root = packages.get("") if packages is not None else None
    if packages is None or root is None:
        return DependencyFile(path, NPM, True, tuple(entries))
    return DependencyFile(
        path,
        NPM,
        True,
        tuple(entries),
        digest=_root_digest(root),
        digest_line=packages.key_line("") or 0,
    )


def _root_digest(root: YNode) -> str:
    """The root package's declared dependencies, to compare with its package.json."""
    parts = [
        f"{name}={value.text}"
        for field in DEPENDENCY_FIELDS
        if (section := root.get(field)) is not None
        for name, _line, value in section.pairs
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
    doc = load_document(text)
    if doc is None or not doc.is_map:
        return None
    entries = []
    packages = doc.get("packages")
    for key, line, value in packages.pairs if packages is not None else ():
        resolution = value.get("resolution") if value.is_map else None
        integrity = resolution is not None and bool(resolution.scalar("integrity"))
        registry = resolution.scalar("tarball") if resolution is not None else None
        entries.append(Declared(NPM, pnpm_name(key), line, "", False, integrity, registry))
    return DependencyFile(path, NPM, True, tuple(entries))


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
