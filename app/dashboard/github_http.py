"""httpx clients for GitHub's REST API and web side, counted in the Prometheus metrics."""

from __future__ import annotations

import httpx

from app import metrics
from app.settings import Settings


def count_github_call(response: httpx.Response) -> None:
    """httpx response hook: one call counted by method and status; the last rate-limit remaining kept."""
    metrics.GITHUB_CALLS.labels(method=response.request.method, status=str(response.status_code)).inc()
    remaining = response.headers.get("x-ratelimit-remaining")
    if remaining is not None and remaining.isdigit():
        metrics.RATE_LIMIT_REMAINING.set(int(remaining))


async def count_github_call_async(response: httpx.Response) -> None:
    """The same hook for async clients (githubkit's `async_event_hooks`)."""
    count_github_call(response)


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
