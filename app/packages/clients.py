"""Look-ups against the PyPI JSON API, the npm registry and OSV, each answer reduced to plain facts.

A look-up either answers (the package exists or not, with what the registry says about it) or raises
`RegistryUnavailableError` with a short reason; it never guesses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from analyzers.record import record
from analyzers.supply_chain.names import CARGO, GO, NPM, PACKAGIST, PYPI, RUBYGEMS

if TYPE_CHECKING:
    import httpx  # imported where a request is made: reading facts offline needs no HTTP client

OSV_ECOSYSTEMS = {
    PYPI: "PyPI",
    NPM: "npm",
    GO: "Go",
    CARGO: "crates.io",
    RUBYGEMS: "RubyGems",
    PACKAGIST: "Packagist",
}
NPM_INSTALL_SCRIPTS = ("preinstall", "install", "postinstall")
CODE_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "sr.ht", "git.")
_SOURCE_LABELS = ("source", "repository", "code", "github", "gitlab")


class RegistryUnavailableError(Exception):
    """The registry did not give a usable answer: timeout, connection failure, error status."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@record
class RegistryAnswer:
    """What a registry said about one name; `None` fields are ones the registry does not report."""

    exists: bool
    first_release: str | None = None  # ISO date-time of the earliest uploaded release
    release_count: int | None = None
    has_install_script: bool | None = None
    sdist_only: bool | None = None
    has_source_link: bool | None = None

    def to_payload(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> RegistryAnswer:
        return cls(
            exists=bool(payload.get("exists")),
            first_release=payload.get("first_release"),
            release_count=payload.get("release_count"),
            has_install_script=payload.get("has_install_script"),
            sdist_only=payload.get("sdist_only"),
            has_source_link=payload.get("has_source_link"),
        )


MISSING = RegistryAnswer(exists=False)


async def fetch_json(client: httpx.AsyncClient, method: str, url: str, body: object = None) -> Any | None:
    """The decoded JSON answer, None on 404; RegistryUnavailableError for anything else unusable."""
    import httpx

    try:
        response = await client.request(method, url, json=body)
    except httpx.TimeoutException:
        raise RegistryUnavailableError("timeout") from None
    except httpx.HTTPError as error:
        raise RegistryUnavailableError(f"connection failed ({type(error).__name__})") from None
    if response.status_code == 404:
        return None
    if response.status_code != 200:
        raise RegistryUnavailableError(f"HTTP {response.status_code}")
    try:
        return response.json()
    except ValueError:
        raise RegistryUnavailableError("invalid JSON answer") from None


async def fetch_pypi(client: httpx.AsyncClient, base_url: str, name: str) -> RegistryAnswer:
    data = await fetch_json(client, "GET", f"{base_url.rstrip('/')}/pypi/{quote(name)}/json")
    if data is None:
        return MISSING
    return _read(read_pypi_project, data)


def _read(reader: Callable[[dict[str, Any]], RegistryAnswer], data: Any) -> RegistryAnswer:
    """The answer `reader` makes of `data`; RegistryUnavailableError when the shape is not the API's."""
    if not isinstance(data, dict):
        raise RegistryUnavailableError("unexpected answer")
    try:
        return reader(data)
    except (AttributeError, TypeError, KeyError, ValueError):
        raise RegistryUnavailableError("unexpected answer") from None


def read_pypi_project(data: dict[str, Any]) -> RegistryAnswer:
    releases = data.get("releases") or {}
    times = [
        str(file.get("upload_time_iso_8601") or file.get("upload_time"))
        for files in releases.values()
        for file in files or ()
        if file.get("upload_time_iso_8601") or file.get("upload_time")
    ]
    latest_files = data.get("urls") or []
    sdist_only = all(file.get("packagetype") == "sdist" for file in latest_files) if latest_files else None
    info = data.get("info") or {}
    links = dict(info.get("project_urls") or {})
    for key in ("home_page", "download_url"):
        if info.get(key):
            links[key] = info[key]
    return RegistryAnswer(
        exists=True,
        first_release=min(times) if times else None,
        release_count=sum(1 for files in releases.values() if files) or len(releases),
        sdist_only=sdist_only,
        has_source_link=has_source_link(links),
    )


async def fetch_npm(client: httpx.AsyncClient, base_url: str, name: str) -> RegistryAnswer:
    data = await fetch_json(client, "GET", f"{base_url.rstrip('/')}/{quote(name, safe='@')}")
    if data is None:
        return MISSING
    return _read(read_npm_packument, data)


def read_npm_packument(data: dict[str, Any]) -> RegistryAnswer:
    versions: dict[str, Any] = data.get("versions") or {}
    times: dict[str, str] = data.get("time") or {}
    release_times = [str(when) for key, when in times.items() if key in versions]
    if not release_times and times.get("created"):
        release_times = [str(times["created"])]
    latest_tag = (data.get("dist-tags") or {}).get("latest")
    latest: dict[str, Any] = versions.get(latest_tag) or {} if latest_tag else {}
    scripts = latest.get("scripts") or {}
    install_script = bool(latest.get("hasInstallScript")) or any(
        key in scripts for key in NPM_INSTALL_SCRIPTS
    )
    repository = latest.get("repository") or data.get("repository")
    links: dict[str, str] = {}
    if isinstance(repository, dict) and repository.get("url"):
        links["repository"] = str(repository["url"])
    elif isinstance(repository, str) and repository:
        links["repository"] = repository
    if data.get("homepage"):
        links["homepage"] = str(data["homepage"])
    return RegistryAnswer(
        exists=True,
        first_release=min(release_times) if release_times else None,
        release_count=len(versions),
        has_install_script=install_script if latest else None,
        has_source_link=has_source_link(links),
    )


def has_source_link(links: dict[str, Any]) -> bool:
    """A link labelled as the source, or any link to a code host."""
    for label, url in links.items():
        text = str(url).lower()
        if any(word in str(label).lower() for word in _SOURCE_LABELS) and text.startswith("http"):
            return True
        if any(host in text for host in CODE_HOSTS):
            return True
    return False


async def fetch_malicious_advisories(
    client: httpx.AsyncClient, base_url: str, ecosystem: str, name: str
) -> tuple[str, ...]:
    """Ids of OSV `MAL-` advisories about the package (an alias counts), sorted."""
    query = {"package": {"name": name, "ecosystem": OSV_ECOSYSTEMS[ecosystem]}}
    data = await fetch_json(client, "POST", f"{base_url.rstrip('/')}/v1/query", query)
    if data is None:
        return ()
    try:
        found = {
            ident
            for vuln in data.get("vulns") or ()
            for ident in (str(vuln.get("id", "")), *(str(alias) for alias in vuln.get("aliases") or ()))
            if ident.startswith("MAL-")
        }
    except (AttributeError, TypeError):
        raise RegistryUnavailableError("unexpected answer") from None
    return tuple(sorted(found))
