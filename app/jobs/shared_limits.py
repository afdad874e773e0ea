"""Limits that hold across every web and worker process: kept in the database they all share.

Two limits protect GitHub (and the App's rate limit) from a flood an outsider can cause:

- the job rate of an installation: at most `per_minute` job starts a minute (analyses, commands and
  reaction polls alike), held with the generic cell rate algorithm: one row per installation keeps
  the "theoretical arrival time" of its next start; a start is allowed while that time is less than
  a window ahead, and pushes it on by `window / per_minute`. So `per_minute` starts may come at once,
  and then one every `window / per_minute` seconds.
- the least interval between two reaction polls of one pull request: one row per pull request keeps
  its last poll, and a poll is claimed by a conditional update.

Each decision is one conditional `UPDATE` (or an `INSERT` that only one process can win), atomic on
SQLite and on PostgreSQL alike, so two processes cannot both take the last start. Each is its own short
transaction, opened through the `Sessions` handle the caller passes (`app.db.session.session_factory`):
it must be committed at once to bind the other processes, and is never held across the wait it decides. Times are wall-clock
seconds (`time.time`; processes on several machines share it through NTP), through a clock that
tests can replace.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from app.db.models import SharedLimit
from app.db.session import Sessions

_ATTEMPTS = 32  # races lost to other processes (each one another start counted) before deferring


_TABLE = SharedLimit.__table__  # type: ignore[attr-defined]  # SQLModel's table, built from the class


class SharedLimits:
    """The limits of one database; `clock` gives wall-clock seconds."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self.clock = clock

    def take_rate(self, sessions: Sessions, key: str, per_window: int, window: float) -> float:
        """Count one start under `key` if it is within `per_window` starts per `window` seconds: 0.0 when
        counted, else the seconds until one would be (nothing counted)."""
        spacing = window / per_window
        tolerance = window - spacing
        for _ in range(_ATTEMPTS):
            now = self.clock()
            with sessions() as session:
                stored = session.execute(select(_TABLE.c.at).where(_TABLE.c.key == key)).scalar_one_or_none()
                if stored is None:
                    if _insert(session, key, now + spacing):
                        return 0.0
                    continue
                due = max(float(stored), now)
                if due - now > tolerance:
                    return due - now - tolerance + 0.01
                moved = session.execute(
                    update(_TABLE).where(_TABLE.c.key == key, _TABLE.c.at == stored).values(at=due + spacing)
                )
                if moved.rowcount == 1:  # type: ignore[attr-defined]  # a CursorResult
                    return 0.0
        return spacing  # lost every race: other processes are starting work; try again later

    def claim(self, sessions: Sessions, key: str, interval: float) -> bool:
        """Whether the work named `key` may run now: not within `interval` seconds of its last run
        (in any process). A claim counts as a run."""
        now = self.clock()
        with sessions() as session:
            moved = session.execute(
                update(_TABLE).where(_TABLE.c.key == key, _TABLE.c.at <= now - interval).values(at=now)
            )
            if moved.rowcount == 1:  # type: ignore[attr-defined]  # a CursorResult
                return True
            return _insert(session, key, now)

    def mark(self, sessions: Sessions, key: str) -> None:
        """Record that the work named `key` ran now."""
        now = self.clock()
        with sessions() as session:
            moved = session.execute(update(_TABLE).where(_TABLE.c.key == key).values(at=now))
            if moved.rowcount == 0:  # type: ignore[attr-defined]  # a CursorResult
                _insert(session, key, now)


def _insert(session: Session, key: str, at: float) -> bool:
    """Insert the row of `key`; False when another process inserted it first."""
    try:
        with session.begin_nested():
            session.execute(insert(_TABLE).values(key=key, at=at))
    except IntegrityError:
        return False
    return True


LIMITS = SharedLimits()
