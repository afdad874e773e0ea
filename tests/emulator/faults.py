"""Faults the emulator injects on demand: errors, slow answers, rate limits, expired tokens."""

from __future__ import annotations

import re
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Literal

from tests.emulator.http import HttpError

RATE_LIMIT_DOCS = "https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api"
SECONDARY_MESSAGE = (
    "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. "
    "If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000."
)

CONTENT = re.compile(r"/(comments|reviews|replies)$")


@dataclass(slots=True)
class Fault:
    """One rule: requests matching `method` and `path` are failed or delayed, `times` times."""

    method: str
    path: re.Pattern[str]
    times: int
    status: int = 0
    seconds: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None
    kind: Literal["fail", "delay", "primary", "secondary"] = "fail"

    def matches(self, method: str, path: str) -> bool:
        return (self.method in ("*", method)) and bool(self.path.search(path))


class FaultBook:
    """The pending faults; each use consumes one of a rule's `times`."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []
        self.latency = 0.0
        self.content_per_minute: int | None = None
        self._created: deque[float] = deque()

    def add(self, fault: Fault) -> Fault:
        with self._lock:
            self._faults.append(fault)
        return fault

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()
            self.latency = 0.0
            self.content_per_minute = None
            self._created.clear()

    def over_content_limit(self, method: str, path: str) -> HttpError | None:
        """GitHub's secondary limit on content creation (comments, reviews, replies), when one is set."""
        if self.content_per_minute is None or method != "POST" or not CONTENT.search(path):
            return None
        moment = time.monotonic()
        with self._lock:
            while self._created and moment - self._created[0] >= 60:
                self._created.popleft()
            if len(self._created) >= self.content_per_minute:
                wait = int(60 - (moment - self._created[0])) + 1
                headers = {"Retry-After": str(wait)}
                return HttpError(403, SECONDARY_MESSAGE, headers=headers, documentation_url=RATE_LIMIT_DOCS)
            self._created.append(moment)
        return None

    def pending(self) -> list[Fault]:
        with self._lock:
            return [fault for fault in self._faults if fault.times > 0]

    def take(self, method: str, path: str, *, delays: bool) -> Fault | None:
        """Consume the first matching delay (`delays=True`) or failure rule."""
        with self._lock:
            for fault in self._faults:
                is_delay = fault.kind == "delay"
                if fault.times > 0 and is_delay == delays and fault.matches(method, path):
                    fault.times -= 1
                    return fault
        return None


def fault_error(fault: Fault) -> HttpError | tuple[int, Any, dict[str, str]]:
    """What a failure rule answers: an `HttpError`, or a raw (status, body, headers) triple."""
    reset = int(time.time()) + max(int(fault.seconds), 1)
    if fault.kind == "primary":
        headers = {
            "x-ratelimit-remaining": "0",
            "x-ratelimit-reset": str(reset),
            "x-ratelimit-limit": "5000",
            "x-ratelimit-used": "5000",
            "x-ratelimit-resource": "core",
        }
        message = "API rate limit exceeded for installation."
        return HttpError(403, message, headers=headers, documentation_url=RATE_LIMIT_DOCS)
    if fault.kind == "secondary":
        headers = {"Retry-After": str(int(fault.seconds)), **fault.headers}
        return HttpError(fault.status, SECONDARY_MESSAGE, headers=headers, documentation_url=RATE_LIMIT_DOCS)
    if fault.body is not None:
        return fault.status, fault.body, dict(fault.headers)
    message = {500: "Server Error", 502: "Bad Gateway", 503: "Service Unavailable"}.get(
        fault.status, "Injected failure"
    )
    return HttpError(fault.status, message, headers=dict(fault.headers))
