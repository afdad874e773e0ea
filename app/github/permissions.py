"""A user's live permission on a repository, from the collaborator-permission endpoint.

`author_association` in payloads misreports private organisation members, so votes are weighed by what
this endpoint answers. Answers are cached in-process for at most an hour per (repository, user).
"""

from __future__ import annotations

import threading
import time

from githubkit.exception import RequestFailed

from app.github.client import InstallationGitHub
from app.learning.trust import Permission, normalise_login

CACHE_SECONDS = 3600.0

_cache: dict[tuple[str, str], tuple[Permission, float]] = {}
_lock = threading.Lock()


def collaborator_permission(gh: InstallationGitHub, owner: str, repo: str, login: str) -> Permission:
    """The user's permission (`role_name` when it names one, else `permission`); NONE when unknown."""
    key = (f"{owner}/{repo}".lower(), normalise_login(login))
    now = time.monotonic()
    with _lock:
        cached = _cache.get(key)
    if cached is not None and now - cached[1] < CACHE_SECONDS:
        return cached[0]
    permission = _fetch(gh, owner, repo, login)
    with _lock:
        _cache[key] = (permission, now)
    return permission


def forget_permissions() -> None:
    """Drop every cached answer (tests, and a repository's settings change)."""
    with _lock:
        _cache.clear()


def _fetch(gh: InstallationGitHub, owner: str, repo: str, login: str) -> Permission:
    try:
        response = gh.rest.repos.get_collaborator_permission_level(owner, repo, login)
    except RequestFailed as error:
        if error.response.status_code in (403, 404):
            return Permission.NONE
        raise
    data = response.json()
    for value in (data.get("role_name"), data.get("permission")):
        if isinstance(value, str) and value in Permission.__members__.values():
            return Permission(value)
    return Permission.NONE
