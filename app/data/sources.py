"""The data sets `bulwark data update` refreshes, by name. Adding a source is one entry here: a
description and a function that downloads, rewrites the shipped file atomically and says what it wrote
(or raises `RefreshError`, leaving the file as it was)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from app.data.popular import RefreshError


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    description: str
    refresh: Callable[[], str]


def _popular() -> str:
    from app.data.popular import refresh_popular

    return ", ".join(
        f"{item.ecosystem}: {len(item.names)} names, dated {item.date}" for item in refresh_popular()
    )


def _advisories() -> str:
    from app.data.actions import refresh_action_advisories

    return f"{refresh_action_advisories()} advisories"


def _tags() -> str:
    from app.data.actions import refresh_action_tags

    return f"{refresh_action_tags()} release tags"


SOURCES: tuple[Source, ...] = (
    Source("popular", "popular package names (PyPI, npm) for typosquat distance", _popular),
    Source(
        "action-advisories", "advisories of GitHub Actions (GitHub Advisory Database via OSV)", _advisories
    ),
    Source("action-tags", "release tags of pinned actions, for version comments", _tags),
)


def update(names: Iterable[str] = ()) -> list[tuple[str, bool, str]]:
    """(source, refreshed, what happened) for each named source (all when none are named)."""
    wanted = list(names) or [source.name for source in SOURCES]
    known = {source.name: source for source in SOURCES}
    results = []
    for name in wanted:
        source = known.get(name)
        if source is None:
            results.append((name, False, f"no such data source (known: {', '.join(known)})"))
            continue
        try:
            results.append((name, True, source.refresh()))
        except RefreshError as error:
            results.append((name, False, f"kept the shipped data: {error}"))
    return results
