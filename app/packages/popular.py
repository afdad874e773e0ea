"""Popular package names per ecosystem, for typosquat distance, and the command that refreshes them.

Each list is a text file beside this module, one name a line, most used first, under a header of
`# key: value` lines that say where it came from and its date.
"""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analyzers.record import record

if TYPE_CHECKING:
    import httpx  # only `refresh_popular` makes requests


logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent
ECOSYSTEMS = ("pypi", "npm")
PYPI_RANKING_URL = "https://hugovk.github.io/top-pypi-packages/top-pypi-packages.min.json"
NPM_REGISTRY_URL = "https://registry.npmjs.org"
NPM_RANKING_PACKAGE = "npm-high-impact"
_QUOTED = re.compile(r"'((?:[^'\\]|\\.)+)'")


class RefreshError(Exception):
    """A ranking could not be downloaded or read; the shipped list is left as it was."""


@record
class PopularList:
    ecosystem: str
    names: tuple[str, ...]  # most used first
    source: str
    date: str

    def render(self) -> str:
        header = [
            f"# Popular {self.ecosystem} packages, most used first.",
            f"# source: {self.source}",
            f"# date: {self.date}",
        ]
        return "\n".join([*header, *self.names]) + "\n"


def list_path(ecosystem: str, directory: Path = DATA_DIR) -> Path:
    return directory / f"popular-{ecosystem}.txt"


def read_popular_list(path: Path, ecosystem: str) -> PopularList:
    lines = path.read_text(encoding="utf-8").splitlines()
    header: dict[str, str] = {}
    for line in lines:
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            header[key.strip()] = value.strip()
    names = tuple(name for name in map(str.strip, lines) if name and not name.startswith("#"))
    return PopularList(ecosystem, names, header.get("source", ""), header.get("date", ""))


@cache
def shipped_popular(ecosystem: str) -> PopularList:
    """The list that ships with the project (read once per process)."""
    return read_popular_list(list_path(ecosystem), ecosystem)


def load_popular(directory: Path | None = None) -> Mapping[str, frozenset[str]]:
    """Names per ecosystem, shaped for `Facts.popular_packages`. The shipped lists are read when a rule
    first asks (`ShippedPopular`), once per process; a missing list raises `FileNotFoundError` here."""
    if directory is None:
        for eco in ECOSYSTEMS:
            if not list_path(eco).is_file():
                raise FileNotFoundError(f"no popular list: {list_path(eco)}")
        return SHIPPED_POPULAR
    lists = [read_popular_list(list_path(eco, directory), eco) for eco in ECOSYSTEMS]
    return {popular.ecosystem: frozenset(popular.names) for popular in lists}


class ShippedPopular(Mapping[str, frozenset[str]]):
    """The shipped lists, one frozen set per ecosystem, read on first use: a change that no rule asks
    about (no new dependency, no undeclared import) does not pay for reading 32,000 names."""

    def __getitem__(self, ecosystem: str) -> frozenset[str]:
        return _shipped_sets()[ecosystem]

    def __iter__(self) -> Iterator[str]:
        return iter(ECOSYSTEMS)

    def __len__(self) -> int:
        return len(ECOSYSTEMS)

    def __contains__(self, ecosystem: object) -> bool:
        return ecosystem in ECOSYSTEMS

    def __repr__(self) -> str:
        return "ShippedPopular()"


SHIPPED_POPULAR = ShippedPopular()


@cache
def _shipped_sets() -> dict[str, frozenset[str]]:
    return {eco: frozenset(shipped_popular(eco).names) for eco in ECOSYSTEMS}


def refresh_popular(
    directory: Path = DATA_DIR,
    *,
    pypi_ranking_url: str = PYPI_RANKING_URL,
    npm_url: str = NPM_REGISTRY_URL,
    timeout: float = 60.0,
) -> list[PopularList]:
    """Download the current rankings and rewrite the lists in `directory`; RefreshError if one fails.

    PyPI: the monthly top-PyPI-packages ranking (30-day downloads). npm: the `npm-high-impact`
    package's `lib/top.js`, fetched from the npm registry like any package.
    """
    import httpx

    with httpx.Client(timeout=timeout, follow_redirects=True) as client:
        lists = [fetch_pypi_ranking(client, pypi_ranking_url), fetch_npm_ranking(client, npm_url)]
    for popular in lists:
        target = list_path(popular.ecosystem, directory)
        temporary = target.with_suffix(".tmp")
        temporary.write_text(popular.render(), encoding="utf-8")
        temporary.replace(target)
        logger.info("popular %s list: %d names, %s", popular.ecosystem, len(popular.names), popular.date)
    shipped_popular.cache_clear()
    return lists


def _get(client: httpx.Client, url: str) -> httpx.Response:
    import httpx

    try:
        response = client.get(url)
    except httpx.HTTPError as error:
        raise RefreshError(f"{url}: {type(error).__name__}") from None
    if response.status_code != 200:
        raise RefreshError(f"{url}: HTTP {response.status_code}")
    return response


def _json(client: httpx.Client, url: str) -> dict[str, Any]:
    try:
        data = json.loads(_get(client, url).content)
    except ValueError:
        raise RefreshError(f"{url}: not JSON") from None
    if not isinstance(data, dict):
        raise RefreshError(f"{url}: unexpected JSON shape")
    return data


def fetch_pypi_ranking(client: httpx.Client, url: str) -> PopularList:
    data = _json(client, url)
    names = tuple(str(row["project"]) for row in data.get("rows") or () if row.get("project"))
    if not names:
        raise RefreshError(f"{url}: no projects in the ranking")
    date = str(data.get("last_update", ""))[:10]
    return PopularList("pypi", names, f"top-pypi-packages ranking ({url})", date)


def fetch_npm_ranking(client: httpx.Client, npm_url: str) -> PopularList:
    packument = _json(client, f"{npm_url.rstrip('/')}/{NPM_RANKING_PACKAGE}")
    latest = str((packument.get("dist-tags") or {}).get("latest", ""))
    version = (packument.get("versions") or {}).get(latest) or {}
    tarball = str((version.get("dist") or {}).get("tarball", ""))
    if not tarball:
        raise RefreshError(f"{NPM_RANKING_PACKAGE}: no tarball for the latest version")
    names = _names_from_tarball(_get(client, tarball).content)
    date = str((packument.get("time") or {}).get(latest, ""))[:10]
    return PopularList("npm", names, f"{NPM_RANKING_PACKAGE} {latest} (lib/top.js)", date)


def _names_from_tarball(content: bytes) -> tuple[str, ...]:
    import tarfile  # only a refresh reads the ranking's tarball

    try:
        with tarfile.open(fileobj=io.BytesIO(content), mode="r:gz") as archive:
            member = archive.extractfile("package/lib/top.js")
            text = member.read().decode("utf-8") if member else ""
    except (tarfile.TarError, KeyError, OSError) as error:
        raise RefreshError(f"{NPM_RANKING_PACKAGE}: unreadable tarball ({error})") from None
    names = tuple(_QUOTED.findall(text))
    if not names:
        raise RefreshError(f"{NPM_RANKING_PACKAGE}: no names in lib/top.js")
    return names
