"""Time as a seam: code that decides by "now" takes a `Clock`, so tests fix the date and stay true next year."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def utcnow() -> datetime:
    """The wall clock, timezone-aware UTC: the default `Clock`."""
    return datetime.now(UTC)
