"""Python manifests and lockfiles: requirements files, pyproject.toml, setup.cfg, Pipfile,
poetry.lock and uv.lock."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from typing import Any

from analyzers.config.yaml_doc import YNode
from analyzers.supply_chain.declared import Declared, DependencyFile, IndexUrl, requirement_name
from analyzers.supply_chain.documents import load_toml
from analyzers.supply_chain.lockfile_documents import TomlLock, toml_lock
from analyzers.supply_chain.names import PYPI

_INDEX_OPTIONS = ("--index-url", "-i", "--extra-index-url")
_COMMENT = re.compile(r"(^|\s)#.*$")


def _logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """(first line number, text) of each logical line: continuations joined, comments dropped."""
    pending: list[str] = []
    start = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        line = _COMMENT.sub("", raw.rstrip("\r"))
        if not pending:
            start = number
        if line.endswith("\\"):
            pending.append(line[:-1])
            continue
        pending.append(line)
        yield start, " ".join(pending).strip()
        pending = []
    if pending:
        yield start, " ".join(pending).strip()


def parse_requirements(path: str, text: str) -> DependencyFile:
    entries: list[Declared] = []
    indexes: list[IndexUrl] = []
    for line, logical in _logical_lines(text):
        words = logical.split()
        if not words:
            continue
        option = words[0].split("=", 1)[0]
        if option in _INDEX_OPTIONS:
            url = words[0].split("=", 1)[1] if "=" in words[0] else (words[1:] or [""])[0]
            indexes.append(IndexUrl(url, line))
            continue
        name = requirement_name(logical)
        if name is None:
            continue
        spec = logical[len(name) :].split("--hash", 1)[0].strip()
        entries.append(Declared(PYPI, name, line, spec, integrity="--hash" in logical))
    return DependencyFile(path, PYPI, False, tuple(entries), tuple(indexes))


def _requirement_items(node: YNode | None) -> Iterator[Declared]:
    if node is None or not node.is_seq:
        return
    for item in node.items:
        name = requirement_name(item.text) if item.kind == "scalar" else None
        if name is not None:
            yield Declared(PYPI, name, item.line, item.text[len(name) :].strip())


def _table_keys(node: YNode | None, skip: frozenset[str] = frozenset()) -> Iterator[Declared]:
    if node is None or not node.is_map:
        return
    for key, line, value in node.pairs:
        if key.lower() not in skip:
            spec = value.text if value.kind == "scalar" else value.scalar("version") or ""
            yield Declared(PYPI, key, line, spec)


def _source_urls(node: YNode | None, field: str = "url") -> Iterator[IndexUrl]:
    if node is None:
        return
    for item in node.items if node.is_seq else (node,):
        url = item.scalar(field) if item.is_map else None
        if url:
            line = item.get(field)
            yield IndexUrl(url, line.line if line is not None else item.line)


def parse_pyproject(path: str, text: str) -> DependencyFile | None:
    doc = load_toml(text)
    if doc is None:
        return None
    entries = list(_requirement_items(doc.path("project", "dependencies")))
    for section in ("project", "optional-dependencies"), ("dependency-groups",):
        group_map = doc.path(*section)
        for _key, _line, group in group_map.pairs if group_map is not None else ():
            entries.extend(_requirement_items(group))
    entries.extend(_requirement_items(doc.path("tool", "uv", "dev-dependencies")))
    poetry = doc.path("tool", "poetry")
    if poetry is not None:
        skip = frozenset({"python"})
        entries.extend(_table_keys(poetry.get("dependencies"), skip))
        entries.extend(_table_keys(poetry.get("dev-dependencies"), skip))
        groups = poetry.get("group")
        for _key, _line, group in groups.pairs if groups is not None else ():
            entries.extend(_table_keys(group.get("dependencies"), skip))
    indexes = [*_source_urls(doc.path("tool", "uv", "index"))]
    indexes.extend(_source_urls(doc.path("tool", "poetry", "source")))
    return DependencyFile(path, PYPI, False, tuple(entries), tuple(indexes))


def parse_pipfile(path: str, text: str) -> DependencyFile | None:
    doc = load_toml(text)
    if doc is None:
        return None
    entries = [*_table_keys(doc.get("packages")), *_table_keys(doc.get("dev-packages"))]
    return DependencyFile(path, PYPI, False, tuple(entries), tuple(_source_urls(doc.get("source"))))


def parse_setup_cfg(path: str, text: str) -> DependencyFile:
    """`install_requires` under [options] and every key of [options.extras_require]."""
    entries: list[Declared] = []
    section = ""
    collecting = False
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            section, collecting = stripped[1:-1].strip().lower(), False
            continue
        if not stripped or stripped.startswith(("#", ";")):
            continue
        if not line[0].isspace():
            key, _, value = line.partition("=")
            collecting = (section == "options" and key.strip() == "install_requires") or (
                section == "options.extras_require"
            )
            stripped = value.strip() if collecting else ""
        if collecting and (name := requirement_name(stripped)) is not None:
            entries.append(Declared(PYPI, name, number, stripped[len(name) :].strip()))
    return DependencyFile(path, PYPI, False, tuple(entries))


def _packages(text: str) -> tuple[TomlLock, list[tuple[dict[str, Any], int, int]]] | None:
    """The `[[package]]` tables of a TOML lockfile with the lines of each one's name and source (read
    without a syntax tree: see `toml_lock`); None when the text is not TOML. When the tables cannot be
    matched to their lines (a header inside a multi-line string), the tree reader gives the lines."""
    try:
        lock = toml_lock(text)
    except tomllib.TOMLDecodeError:
        return _packages_of_tree(text)  # not TOML: what the tolerant reader makes of it
    packages = lock.data.get("package")
    tables = [table for table in packages if isinstance(table, dict)] if isinstance(packages, list) else []
    if len(tables) == len(lock.package_lines) and len(tables) == len(packages or []):
        return lock, list(zip(tables, lock.package_lines, lock.source_lines, strict=True))
    doc = load_toml(text)
    items = doc.get("package") if doc is not None else None
    lines = [(item.get("name") or item).line for item in items.items] if items is not None else []
    if len(lines) != len(tables):
        lines = [1] * len(tables)
    return lock, [(table, line, 0) for table, line in zip(tables, lines, strict=True)]


def _packages_of_tree(text: str) -> tuple[TomlLock, list[tuple[dict[str, Any], int, int]]] | None:
    """A TOML lockfile that is not TOML, read by the syntax-tree reader (which keeps what parsed),
    bounded by the size of a syntax tree."""
    doc = load_toml(text)
    if doc is None:
        return None
    items = doc.get("package")
    tables = [(_plain(item), (item.get("name") or item).line, 0) for item in (items.items if items else ())]
    hash_node = doc.path("metadata", "content-hash")
    data = {"metadata": {"content-hash": hash_node.text}} if hash_node is not None else {}
    return TomlLock(data, (), (), hash_node.line if hash_node is not None else 0), tables


def _plain(node: YNode) -> Any:
    """A YNode as plain data (maps, lists, strings), iteratively: for the tree reader's fallback."""
    root: dict[str, Any] | list[Any] | str
    root = {} if node.is_map else [] if node.is_seq else node.text
    pending: list[tuple[YNode, dict[str, Any] | list[Any]]] = (
        [(node, root)] if not isinstance(root, str) else []
    )
    while pending:
        current, into = pending.pop()
        children = current.pairs if current.is_map else tuple(("", 0, item) for item in current.items)
        for key, _line, child in children:
            value: dict[str, Any] | list[Any] | str = (
                {} if child.is_map else [] if child.is_seq else child.text
            )
            if isinstance(into, dict):
                into[key] = value
            else:
                into.append(value)
            if not isinstance(value, str):
                pending.append((child, value))
    return root


def _scalar(table: dict[str, Any], key: str) -> str | None:
    value = table.get(key)
    return value if isinstance(value, str) else None


def _hashed(files: object) -> bool:
    return isinstance(files, list) and any(isinstance(f, dict) and _scalar(f, "hash") for f in files)


def parse_poetry_lock(path: str, text: str) -> DependencyFile | None:
    read = _packages(text)
    if read is None:
        return None
    lock, packages = read
    entries = []
    for package, line, source_line in packages:
        name = _scalar(package, "name")
        if not name:
            continue
        source = package.get("source")
        registry = _scalar(source, "url") if isinstance(source, dict) else None
        spec = _scalar(package, "version") or ""
        hashed = _hashed(package.get("files"))
        entries.append(
            Declared(PYPI, name, line, spec, False, hashed, registry, source_line if registry else 0)
        )
    metadata = lock.data.get("metadata")
    digest = _scalar(metadata, "content-hash") if isinstance(metadata, dict) else None
    if digest is None:
        return DependencyFile(path, PYPI, True, tuple(entries))
    return DependencyFile(path, PYPI, True, tuple(entries), digest=digest, digest_line=lock.hash_line)


def parse_uv_lock(path: str, text: str) -> DependencyFile | None:
    read = _packages(text)
    if read is None:
        return None
    entries = []
    for package, line, source_line in read[1]:
        name = _scalar(package, "name")
        source = package.get("source")
        if not name or not isinstance(source, dict) or "editable" in source or "virtual" in source:
            continue
        registry = _scalar(source, "registry") or _scalar(source, "url") or _scalar(source, "git")
        sdist = package.get("sdist")
        hashed = bool(isinstance(sdist, dict) and _scalar(sdist, "hash")) or _hashed(package.get("wheels"))
        spec = _scalar(package, "version") or ""
        entries.append(
            Declared(PYPI, name, line, spec, False, hashed, registry, source_line if registry else 0)
        )
    return DependencyFile(path, PYPI, True, tuple(entries))
