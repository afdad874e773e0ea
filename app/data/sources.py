"""The data sets `bulwark data update` refreshes, by name. Adding a source is one entry here: a
description, whether it needs the network, and a function that rewrites the shipped file atomically and
says what it wrote (or raises `RefreshError`, leaving the file as it was)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from analyzers.record import record
from app.packages.popular import RefreshError


@record
class UpdateOptions:
    offline: bool = False  # refresh only the sources that need no network
    sites: tuple[str, ...] = ()  # where installed distributions are read (default: this environment's)


@record
class Source:
    name: str
    description: str
    refresh: Callable[[UpdateOptions], str]
    online: bool = True


def _modules(options: UpdateOptions) -> str:
    from app.clock import utcnow
    from app.packages.modules import update_module_map

    modules, added = update_module_map(utcnow().strftime("%Y-%m"), options.sites or None)
    return f"{len(modules.entries)} import names ({added} added from installed distributions)"


def _popular(options: UpdateOptions) -> str:
    from app.packages.popular import refresh_popular

    return ", ".join(
        f"{item.ecosystem}: {len(item.names)} names, dated {item.date}" for item in refresh_popular()
    )


def _advisories(options: UpdateOptions) -> str:
    from app.data.actions import refresh_action_advisories

    return f"{refresh_action_advisories()} advisories"


def _tags(options: UpdateOptions) -> str:
    from app.data.actions import refresh_action_tags

    return f"{refresh_action_tags()} release tags"


SOURCES: tuple[Source, ...] = (
    Source("popular", "popular package names (PyPI, npm) for typosquat distance", _popular),
    Source(
        "action-advisories", "advisories of GitHub Actions (GitHub Advisory Database via OSV)", _advisories
    ),
    Source("action-tags", "release tags of pinned actions, for version comments", _tags),
    Source(
        "pypi-modules",
        "Python import names of distributions (top_level.txt/RECORD of installed ones)",
        _modules,
        online=False,
    ),
)


def update(names: Iterable[str] = (), options: UpdateOptions | None = None) -> list[tuple[str, bool, str]]:
    """(source, refreshed, what happened) for each named source (all when none are named); offline, a
    source that needs the network is left as shipped and counts as done."""
    options = options or UpdateOptions()
    wanted = list(names) or [source.name for source in SOURCES]
    known = {source.name: source for source in SOURCES}
    results = []
    for name in wanted:
        source = known.get(name)
        if source is None:
            results.append((name, False, f"no such data source (known: {', '.join(known)})"))
            continue
        if options.offline and source.online:
            results.append((name, True, "not refreshed (--offline), the shipped data is kept"))
            continue
        try:
            results.append((name, True, source.refresh(options)))
        except RefreshError as error:
            results.append((name, False, f"kept the shipped data: {error}"))
    return results
