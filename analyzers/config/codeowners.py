"""CODEOWNERS files: entries with their lines, and the owners of a path (the last match wins)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

from analyzers.contract.globs import matches_any
from analyzers.record import record

LOCATIONS = (".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS")


@record
class OwnerEntry:
    pattern: str
    owners: tuple[str, ...]  # as written, lower case: `@user`, `@org/team`, `a@b.c`
    line: int


@lru_cache(maxsize=32)
def parse_codeowners(text: str) -> tuple[OwnerEntry, ...]:
    entries: list[OwnerEntry] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        entries.append(OwnerEntry(parts[0], tuple(p.lower() for p in parts[1:]), number))
    return tuple(entries)


def effective(entries: Sequence[OwnerEntry]) -> dict[str, OwnerEntry]:
    """Pattern → its last entry (a later line for the same pattern replaces an earlier one)."""
    return {entry.pattern: entry for entry in entries}


def owners_of(path: str, entries: Sequence[OwnerEntry]) -> tuple[str, ...] | None:
    """The owners of `path` (None when no entry matches; an empty tuple for an unowned match)."""
    found: tuple[str, ...] | None = None
    for entry in entries:
        if matches_any(path, (entry.pattern,)):
            found = entry.owners
    return found


def codeowners_text(files: Mapping[str, str], preferred: str | None = None) -> str | None:
    """The CODEOWNERS text GitHub would use among `files` (by location order)."""
    for location in (preferred, *LOCATIONS):
        if location and location in files:
            return files[location]
    return None
