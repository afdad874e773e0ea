"""httpx clients for GitHub's REST API and web side, counted in the Prometheus metrics."""

from __future__ import annotations

import httpx

from app.metrics import count_github_call, count_github_call_async
from app.settings import Settings


def github_client(settings: Settings) -> httpx.Client:
    """A client whose every response is counted; callers pass absolute URLs."""
    return httpx.Client(
        timeout=settings.github_timeout,
        headers={"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"},
        event_hooks={"response": [count_github_call]},
    )


def async_github_client(settings: Settings) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        timeout=settings.github_timeout,
        headers={"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"},
        event_hooks={"response": [count_github_call_async]},
    )
