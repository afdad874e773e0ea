"""Prometheus metrics (served at /metrics).

`bulwark serve` and the worker it starts share their metrics through Prometheus' multiprocess mode
(`PROMETHEUS_MULTIPROC_DIR`, set by the command before this module is imported), so `/metrics` shows what
the worker counted too. Separate `bulwark worker` processes on other machines keep their own.
"""

from __future__ import annotations

import os
from contextlib import AbstractContextManager

import httpx
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest, multiprocess

DELIVERIES = Counter(
    "bulwark_deliveries_total",
    "Webhook deliveries received, by event and outcome",
    ["event", "outcome"],
)
QUEUE_DEPTH = Gauge("bulwark_queue_depth", "Jobs waiting in the queue", multiprocess_mode="mostrecent")
QUEUE_AGE = Gauge(
    "bulwark_queue_oldest_seconds", "Age of the oldest unfinished delivery", multiprocess_mode="mostrecent"
)
JOB_SECONDS = Histogram("bulwark_job_seconds", "Job duration by stage", ["stage"])
GITHUB_CALLS = Counter("bulwark_github_calls_total", "GitHub API calls", ["method", "status"])
RATE_LIMIT_REMAINING = Gauge(
    "bulwark_github_rate_limit_remaining", "Last seen rate-limit remaining", multiprocess_mode="mostrecent"
)
FINDINGS = Counter("bulwark_findings_total", "Findings reported", ["family", "placement"])
FEEDBACK = Counter("bulwark_feedback_total", "Feedback received", ["channel"])
LIMITS = Counter("bulwark_limits_total", "Limits against hostile or runaway input that were hit", ["limit"])


def stage(name: str) -> AbstractContextManager[None]:
    """Time one stage of an analysis into `bulwark_job_seconds{stage=…}`."""
    timer: AbstractContextManager[None] = JOB_SECONDS.labels(stage=name).time()
    return timer


def count_github_call(response: httpx.Response) -> None:
    """httpx response hook: one call counted by method and status; the last rate-limit remaining kept."""
    GITHUB_CALLS.labels(method=response.request.method, status=str(response.status_code)).inc()
    remaining = response.headers.get("x-ratelimit-remaining")
    if remaining is not None and remaining.isdigit():
        RATE_LIMIT_REMAINING.set(int(remaining))


async def count_github_call_async(response: httpx.Response) -> None:
    """The same hook for async clients."""
    count_github_call(response)


def render_latest() -> bytes:
    """The exposition text: every process's metrics in multiprocess mode, else this process's."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return generate_latest(registry)
    return generate_latest()
