"""GitHub clients as the App (JWT) and as an installation (token minted per job, refreshed on 401).

Retries: rate limits wait out `Retry-After` / `x-ratelimit-reset` (bounded), server errors and
timeouts back off exponentially with jitter (bounded), an expired token is refreshed once.
"""

from __future__ import annotations

import random
import threading
import time
from datetime import timedelta
from typing import Any

import httpx
from githubkit import AppAuthStrategy, AppInstallationAuthStrategy, GitHub
from githubkit.cache import MemCacheStrategy
from githubkit.exception import (
    GitHubException,
    RateLimitExceeded,
    RequestError,
    RequestFailed,
    RequestTimeout,
)
from githubkit.typing import RetryOption

from app import metrics
from app.db.session import Sessions
from app.jobs.shared_limits import SharedLimits
from app.metrics import count_github_call, count_github_call_async
from app.settings import Settings

InstallationGitHub = GitHub[AppInstallationAuthStrategy]
AppGitHub = GitHub[AppAuthStrategy]


class RetryPolicy:
    """githubkit retry decision: bounded, with jitter, refreshing the token once on 401."""

    def __init__(self, cache: MemCacheStrategy, *, max_retries: int = 4, max_wait: float = 60.0) -> None:
        self._cache = cache
        self.max_retries = max_retries
        self.max_wait = max_wait

    def __call__(self, exc: GitHubException, retry_count: int) -> RetryOption:
        if retry_count >= self.max_retries:
            return RetryOption(False)
        if isinstance(exc, RateLimitExceeded):
            wait = exc.retry_after.total_seconds()
            if wait > self.max_wait:
                return RetryOption(False)  # the job fails and is retried later by the queue
            return RetryOption(True, timedelta(seconds=wait + random.uniform(0, 0.25)))
        if isinstance(exc, RequestFailed):
            status = exc.response.status_code
            if status == 401 and retry_count == 0:
                self._forget_tokens()
                return RetryOption(True, timedelta(milliseconds=1))  # 0 would mean "60 s" to githubkit
            if status >= 500:
                return RetryOption(True, self._backoff(retry_count))
            return RetryOption(False)
        if isinstance(exc, RequestTimeout | RequestError):
            return RetryOption(True, self._backoff(retry_count))
        return RetryOption(False)

    def _backoff(self, retry_count: int) -> timedelta:
        base = min(self.max_wait, 0.5 * 2**retry_count)
        return timedelta(seconds=base * random.uniform(0.5, 1.0))

    def _forget_tokens(self) -> None:
        storage = self._cache.get_cache_storage()
        storage._cache.clear()


_semaphores: dict[int, threading.BoundedSemaphore] = {}
_semaphores_lock = threading.Lock()


def installation_slot(installation_id: int, limit: int) -> threading.BoundedSemaphore:
    """The per-process semaphore bounding concurrent jobs of one installation."""
    with _semaphores_lock:
        if installation_id not in _semaphores:
            _semaphores[installation_id] = threading.BoundedSemaphore(limit)
        return _semaphores[installation_id]


RATES = SharedLimits()  # job starts per installation, shared by every process on the database


def take_installation_rate(
    sessions: Sessions, installation_id: int, per_minute: int, *, window: float = 60.0
) -> float:
    """Count one job start of an installation if it is within `per_minute` starts a minute (across
    every web and worker process on the database of `sessions`): 0.0 when counted, else the seconds until one
    would be. Analyses, commands and reaction polls all count here: one budget of GitHub work per
    installation."""
    return RATES.take_rate(sessions, f"installation:{installation_id}", per_minute, window)


def wait_for_installation_rate(
    sessions: Sessions, installation_id: int, per_minute: int, *, window: float = 60.0
) -> float:
    """Hold a job of one installation until its job rate has room (`take_installation_rate`); returns
    the seconds waited. A flood from one installation is slowed, never dropped: the delivery stays
    accepted and its job simply starts later."""
    waited = 0.0
    while pause := take_installation_rate(sessions, installation_id, per_minute, window=window):
        time.sleep(pause)
        waited += pause
    if waited:
        metrics.LIMITS.labels(limit="installation_rate").inc()
    return waited


class SharedTransport(httpx.BaseTransport):
    """One connection pool for every client of the process.

    githubkit opens an `httpx.Client` per request outside a `with` block and closes it after; each
    would build its own TLS context (tens of milliseconds of CPU reading the CA bundle) and its own
    connections. Handing every client this transport keeps one pool with keep-alive connections
    shared by all job threads (httpcore's pool is thread-safe); a client closing does not close it.
    """

    def __init__(self) -> None:
        self._inner = httpx.HTTPTransport(retries=0, limits=httpx.Limits(max_keepalive_connections=32))

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._inner.handle_request(request)

    def close(self) -> None:
        """Clients come and go; the pool stays for the life of the process."""


_transport: SharedTransport | None = None


def shared_transport() -> SharedTransport:
    """The process's one connection pool to GitHub, made on first use."""
    global _transport
    with _semaphores_lock:
        if _transport is None:
            _transport = SharedTransport()
        return _transport


class GitHubApp:
    """The App's identity; hands out installation clients. One per process.

    Its clients share one token cache (the App's JWT and each installation's token are minted once
    and reused until shortly before they expire; a 401 clears them) and one connection pool.
    """

    def __init__(self, settings: Settings) -> None:
        if settings.app_id is None:
            raise ValueError("BULWARK_APP_ID is not set")
        self._settings = settings
        self._auth = AppAuthStrategy(str(settings.app_id), settings.private_key_pem())
        self._cache = MemCacheStrategy()
        self._cache.get_cache_storage()  # created now, not raced for by the first job threads

    def _client(self, auth: AppAuthStrategy | AppInstallationAuthStrategy) -> GitHub[Any]:
        return GitHub(
            auth,
            base_url=self._settings.github_api_url,
            http_cache=False,
            cache_strategy=self._cache,
            auto_retry=RetryPolicy(self._cache),
            transport=shared_transport(),
            timeout=self._settings.github_timeout,
            user_agent=f"{self._settings.app_slug}-app",
            event_hooks={"response": [count_github_call]},
            async_event_hooks={"response": [count_github_call_async]},
        )

    @property
    def settings(self) -> Settings:
        return self._settings

    def as_app(self) -> AppGitHub:
        return self._client(self._auth)

    def as_installation(self, installation_id: int) -> InstallationGitHub:
        return self._client(self._auth.as_installation(installation_id))


_apps: dict[int, GitHubApp] = {}


def github_app(settings: Settings) -> GitHubApp:
    """The process's App for `settings` (one token cache and connection pool for every job)."""
    app = _apps.get(id(settings))
    if app is None or app.settings is not settings:  # an id is reused once its settings are gone
        app = _apps[id(settings)] = GitHubApp(settings)
    return app
