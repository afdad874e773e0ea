"""A cache of registry answers, so a name is looked up once per expiry period.

The cache stores one JSON-shaped payload per (ecosystem, name) with the time it was fetched. The
in-memory `MemoryFactCache` serves one process; a database table `PackageFact(ecosystem, name,
payload json, fetched_at)` implements the same protocol for every worker.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from datetime import datetime
from typing import Any, Protocol

from analyzers.record import record

Payload = Mapping[str, Any]


class FactCache(Protocol):
    """Expiry is the caller's: `get` returns nothing fetched before `fetched_after`."""

    def get(self, ecosystem: str, name: str, *, fetched_after: datetime) -> Payload | None:
        """The payload stored for the name, if it was fetched at or after `fetched_after`."""
        ...

    def put(self, ecosystem: str, name: str, payload: Payload, *, fetched_at: datetime) -> None:
        """Store (or replace) the payload for the name."""
        ...


@record
class _Entry:
    payload: Payload
    fetched_at: datetime


class MemoryFactCache:
    """A process-local `FactCache`, safe to share between threads."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str], _Entry] = {}
        self._lock = threading.Lock()

    def get(self, ecosystem: str, name: str, *, fetched_after: datetime) -> Payload | None:
        with self._lock:
            entry = self._entries.get((ecosystem, name))
        if entry is None or entry.fetched_at < fetched_after:
            return None
        return entry.payload

    def put(self, ecosystem: str, name: str, payload: Payload, *, fetched_at: datetime) -> None:
        with self._lock:
            self._entries[(ecosystem, name)] = _Entry(dict(payload), fetched_at)

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)
