"""The registry-answer cache kept in the database (apart from `app.packages.facts`, which `bulwark scan` uses
without a database)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from app.db import repo
from app.db.session import Sessions


class DatabaseFactCache:
    """The registry-answer cache in the `packagefact` table, shared by every worker.

    Each read and write is one short transaction of the `sessions` the pipeline passes, so none is held
    across the registry calls the gathering makes between them."""

    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    def get(self, ecosystem: str, name: str, *, fetched_after: datetime) -> Mapping[str, Any] | None:
        with self._sessions() as session:
            payload = repo.get_package_fact(session, ecosystem, name, fetched_after)
        return None if payload is None else dict(json.loads(payload))

    def put(self, ecosystem: str, name: str, payload: Mapping[str, Any], *, fetched_at: datetime) -> None:
        with self._sessions() as session:
            repo.put_package_fact(session, ecosystem, name, json.dumps(dict(payload)), fetched_at)
