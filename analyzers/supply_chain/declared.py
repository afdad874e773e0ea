"""Dependencies as a manifest or lockfile declares them, and which parser reads which file."""

from __future__ import annotations

import re
from collections.abc import Callable

from analyzers.record import record
from analyzers.supply_chain.names import normalize_name

# A PEP 508 requirement's name: what comes before extras, versions, markers or `@ url`.
REQUIREMENT_NAME = re.compile(r"^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)")


@record
class Declared:
    """One dependency entry. Lines are 1-based on the side the file was read from."""

    ecosystem: str
    name: str  # as written
    line: int
    spec: str = ""  # version constraint, or the resolved version in a lockfile
    direct: bool = True  # False: an entry of a lockfile
    integrity: bool = False  # the entry carries a hash
    registry: str | None = None  # the URL the entry resolves from, where the file says
    registry_line: int = 0  # the line of that URL, when it has its own

    @property
    def key(self) -> tuple[str, str]:
        return (self.ecosystem, normalize_name(self.ecosystem, self.name))


@record
class IndexUrl:
    """A package index or registry the file points at (`--index-url`, `[[tool.uv.index]]`...)."""

    url: str
    line: int


@record
class DependencyFile:
    path: str
    ecosystem: str
    lockfile: bool
    entries: tuple[Declared, ...] = ()
    indexes: tuple[IndexUrl, ...] = ()
    digest: str | None = None  # what a lockfile records of its manifest (poetry's content-hash)
    digest_line: int = 0

    def declared_keys(self) -> frozenset[tuple[str, str]]:
        return frozenset(entry.key for entry in self.entries)


Parser = Callable[[str, str], DependencyFile | None]


def requirement_name(text: str) -> str | None:
    """The project name of a PEP 508 requirement, None for paths, URLs and options."""
    stripped = text.strip()
    if not stripped or stripped.startswith(("-", ".", "/", "#")) or "://" in stripped.split()[0]:
        return None
    match = REQUIREMENT_NAME.match(stripped)
    return match.group(1) if match else None


def file_name(path: str) -> str:
    """The last part of a repository path (`PurePosixPath(path).name`, without building a path)."""
    return path.rstrip("/").rpartition("/")[2]


def is_requirements_file(path: str) -> bool:
    name = file_name(path).lower()
    if not name.endswith((".txt", ".in")):
        return False
    parent = file_name(path.rstrip("/").rpartition("/")[0]).lower()
    return "requirements" in name or "constraints" in name or parent == "requirements"
