"""What a signed-in user may see: the repositories their token can read, asked of GitHub and cached."""

from __future__ import annotations

import hashlib
import threading
import time
from typing import Any

import httpx

from analyzers.record import record
from app.settings import Settings
from app.web.dashboard.github_http import async_github_client

CACHE_SECONDS = 60.0
_PAGES = 10


@record
class Readable:
    """A repository the user can read, where this App is installed."""

    id: int
    full_name: str
    installation_id: int
    private: bool


class AccessError(RuntimeError):
    """GitHub refused the user's token (expired or revoked): sign in again."""


_cache: dict[str, tuple[float, tuple[Readable, ...]]] = {}
_lock = threading.Lock()


def _key(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def forget(token: str) -> None:
    with _lock:
        _cache.pop(_key(token), None)


async def readable_repositories(settings: Settings, token: str) -> tuple[Readable, ...]:
    """Repositories of this App's installations the user can read (cached for a minute per token)."""
    key, now = _key(token), time.monotonic()
    with _lock:
        hit = _cache.get(key)
    if hit is not None and hit[0] > now:
        return hit[1]
    found = await _ask_github(settings, token)
    with _lock:
        _cache[key] = (now + CACHE_SECONDS, found)
    return found


async def _ask_github(settings: Settings, token: str) -> tuple[Readable, ...]:
    api = settings.github_api_url.rstrip("/")
    headers = {"Authorization": f"Bearer {token}"}
    found: dict[int, Readable] = {}
    async with async_github_client(settings) as client:
        installations = await _pages(client, f"{api}/user/installations", headers, "installations")
        for installation in installations:
            if settings.app_id and installation.get("app_id") not in (None, settings.app_id):
                continue
            url = f"{api}/user/installations/{int(installation['id'])}/repositories"
            for repo in await _pages(client, url, headers, "repositories"):
                found[int(repo["id"])] = Readable(
                    int(repo["id"]),
                    str(repo["full_name"]),
                    int(installation["id"]),
                    bool(repo.get("private")),
                )
    return tuple(sorted(found.values(), key=lambda r: r.full_name.lower()))


async def _pages(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], field: str
) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for page in range(1, _PAGES + 1):
        response = await client.get(url, headers=headers, params={"per_page": 100, "page": page})
        if response.status_code in (401, 403):
            raise AccessError(f"GitHub answered {response.status_code} for the user's token")
        response.raise_for_status()
        chunk = response.json().get(field, [])
        items.extend(chunk)
        if len(chunk) < 100:
            break
    return items


def find(repos: tuple[Readable, ...], full_name: str) -> Readable | None:
    wanted = full_name.lower()
    return next((repo for repo in repos if repo.full_name.lower() == wanted), None)
