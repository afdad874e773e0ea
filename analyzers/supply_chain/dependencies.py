"""New dependencies of a change, from manifest and lockfile diffs and from install commands.

`new_dependencies(ctx)` is pure: the worker calls it before analysis to gather registry facts for
exactly these names, and the rules call it to know where each name was added. What the rules share
is derived once per change (`analyzers.derived.per_change`): the results must not be mutated.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import partial
from pathlib import PurePosixPath

from analyzers.contract.model import ChangeContext, ChangedFile
from analyzers.derived import per_change
from analyzers.gaps import read_each, read_one
from analyzers.record import record
from analyzers.supply_chain.declared import Declared, DependencyFile
from analyzers.supply_chain.imports import ImportedModule, imported_modules
from analyzers.supply_chain.installs import installed_packages
from analyzers.supply_chain.manifests import parse_dependency_file
from analyzers.supply_chain.names import PYPI, normalize_name
from analyzers.text.lines import lines_naming

MANIFEST = "manifest"
LOCKFILE = "lockfile"
INSTALL = "install-command"


@record
class Dependency:
    """A dependency name the change adds, and where."""

    ecosystem: str
    name: str  # normalised as the registry compares names
    path: str
    line: int  # head line, 1-based
    source: str  # manifest, lockfile, install-command
    written: str  # the name as written

    @property
    def key(self) -> tuple[str, str]:
        return (self.ecosystem, self.name)

    @property
    def direct(self) -> bool:
        return self.source != LOCKFILE


def dependency_file(changed: ChangedFile, side: str) -> DependencyFile | None:
    return parse_dependency_file(changed.path, changed.text("head" if side == "head" else "base"))


@per_change
def new_dependencies(ctx: ChangeContext) -> list[Dependency]:
    """Every (ecosystem, name) the change adds to a manifest, lockfile or install command; a file
    that cannot be read is left out and named as a gap."""
    read = read_each(ctx, "dependencies not read", ctx.files, _new_dependencies_of)
    return [dependency for _changed, found in read for dependency in found]


def _new_dependencies_of(changed: ChangedFile) -> list[Dependency]:
    head = dependency_file(changed, "head")
    if head is not None:
        base = dependency_file(changed, "base")
        known = base.declared_keys() if base is not None else frozenset()
        source = LOCKFILE if head.lockfile else MANIFEST
        return [
            _dependency(entry.ecosystem, entry.name, changed.path, entry.line, source)
            for entry in _first_per_key(head.entries)
            if entry.key not in known
        ]
    installs = installed_packages(changed, "head")
    if not installs:
        return []
    known = frozenset(item.key for item in installed_packages(changed, "base"))
    return [
        _dependency(item.ecosystem, item.name, changed.path, item.line, INSTALL)
        for item in installs
        if item.key not in known and item.line in changed.added_lines
    ]


def _first_per_key(entries: tuple[Declared, ...]) -> Iterator[Declared]:
    seen: set[tuple[str, str]] = set()
    for entry in entries:
        if entry.key not in seen:
            seen.add(entry.key)
            yield entry


def _dependency(ecosystem: str, written: str, path: str, line: int, source: str) -> Dependency:
    return Dependency(ecosystem, normalize_name(ecosystem, written), path, line, source, written)


def reportable(dependencies: list[Dependency], *, direct_only: bool) -> list[Dependency]:
    """Direct additions, plus (unless `direct_only`) lockfile entries no direct addition names."""
    direct_keys = {dep.key for dep in dependencies if dep.direct}
    return [dep for dep in dependencies if dep.direct or (not direct_only and dep.key not in direct_keys)]


@per_change
def new_imports(ctx: ChangeContext) -> list[tuple[ChangedFile, ImportedModule]]:
    """Imports on added lines of third-party modules the base side of the file did not import."""
    read = read_each(ctx, "imports not read", ctx.files, _new_imports_of)
    return [(changed, item) for changed, found in read for item in found]


def _new_imports_of(changed: ChangedFile) -> list[ImportedModule]:
    added = [item for item in imported_modules(changed) if not item.builtin]
    if not added:
        return []
    # The base side can only import a module on a line that names it: only those lines of
    # the base tree are queried, not the whole file.
    lines = lines_naming(changed.base_text or "", {item.module for item in added})
    before = {(i.ecosystem, i.module) for i in imported_modules(changed, "base", lines=lines)}
    return [i for i in added if (i.ecosystem, i.module) not in before]


def distribution_candidates(
    ecosystem: str, module: str, known: Mapping[str, frozenset[str]] | None = None
) -> set[str]:
    """Registry names that an import of `module` may come from: for Python, the distributions the
    shipped import-name map (`Facts.module_distributions`) names, and the usual spellings."""
    if ecosystem != PYPI:
        return {normalize_name(ecosystem, module)}
    names = {module, f"python-{module}", f"py{module}", *(known or {}).get(module, ())}
    return {normalize_name(PYPI, name) for name in names}


def module_provided_by(
    ecosystem: str,
    module: str,
    declared: set[tuple[str, str]],
    known: Mapping[str, frozenset[str]] | None = None,
) -> bool:
    """Whether any declared name can provide the import (`google` from `google-cloud-storage`)."""
    candidates = distribution_candidates(ecosystem, module, known)
    if any((ecosystem, name) in declared for name in candidates):
        return True
    prefix = normalize_name(ecosystem, module) + "-"
    return ecosystem == PYPI and any(eco == PYPI and name.startswith(prefix) for eco, name in declared)


@per_change
def visible_dependency_files(ctx: ChangeContext) -> list[DependencyFile]:
    """Head versions of changed dependency files, plus base files the context carries unchanged."""
    read = read_each(ctx, "dependencies not read", ctx.files, lambda c: dependency_file(c, "head"))
    files = [parsed for _changed, parsed in read if parsed is not None]
    changed_paths = {c.path for c in ctx.files}
    for path, text in sorted(ctx.base_files.items()):
        if path in changed_paths:
            continue
        found = read_one(ctx, "dependencies not read", path, partial(parse_dependency_file, path, text))
        if found is not None and found[0] is not None:
            files.append(found[0])
    return files


@per_change
def first_party_names(ctx: ChangeContext) -> set[str]:
    """Top-level names of the repository's own code, as far as the change shows them."""
    names: set[str] = set()
    for changed in ctx.files:
        parts = PurePosixPath(changed.path).parts
        for part in parts[:-1]:
            names.add(part)
        names.add(PurePosixPath(parts[-1]).stem)
    return names
