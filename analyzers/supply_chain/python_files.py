"""Python manifests and lockfiles: requirements files, pyproject.toml, setup.cfg, Pipfile,
poetry.lock and uv.lock."""

from __future__ import annotations

import re
from collections.abc import Iterator

from analyzers.config.yaml_doc import YNode
from analyzers.supply_chain.declared import Declared, DependencyFile, IndexUrl, requirement_name
from analyzers.supply_chain.documents import load_toml
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


def parse_poetry_lock(path: str, text: str) -> DependencyFile | None:
    doc = load_toml(text)
    if doc is None:
        return None
    entries = []
    packages = doc.get("package")
    for package in packages.items if packages is not None else ():
        name = package.scalar("name")
        if not name:
            continue
        files = package.get("files")
        hashed = files is not None and any(item.scalar("hash") for item in files.items)
        source = package.path("source", "url")
        registry = source.text if source is not None else None
        line = (package.get("name") or package).line
        spec = package.scalar("version") or ""
        entries.append(Declared(PYPI, name, line, spec, False, hashed, registry))
    digest = doc.path("metadata", "content-hash")
    if digest is None:
        return DependencyFile(path, PYPI, True, tuple(entries))
    return DependencyFile(path, PYPI, True, tuple(entries), digest=digest.text, digest_line=digest.line)


def parse_uv_lock(path: str, text: str) -> DependencyFile | None:
    doc = load_toml(text)
    if doc is None:
        return None
    entries = []
    packages = doc.get("package")
    for package in packages.items if packages is not None else ():
        name = package.scalar("name")
        source = package.get("source")
        if not name or source is None or source.has("editable") or source.has("virtual"):
            continue
        registry = source.scalar("registry") or source.scalar("url") or source.scalar("git")
        sdist, wheels = package.get("sdist"), package.get("wheels")
        hashed = bool(sdist is not None and sdist.scalar("hash")) or bool(
            wheels is not None and any(w.scalar("hash") for w in wheels.items)
        )
        line = (package.get("name") or package).line
        spec = package.scalar("version") or ""
        entries.append(Declared(PYPI, name, line, spec, False, hashed, registry))
    return DependencyFile(path, PYPI, True, tuple(entries))
