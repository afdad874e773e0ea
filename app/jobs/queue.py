"""The job queue (huey): a SQLite file by default, Redis at scale. Jobs carry a delivery id only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from huey import Huey, RedisHuey, SqliteHuey

from app.settings import Settings

TASK_NAME = "process_delivery"
# huey keys a queued message by the task's module and name: fixed, so that jobs queued before the
# module moved (it was `app.queue`) still find their task.
TASK_MODULE = "app.queue"


@dataclass
class JobQueue:
    huey: Huey
    _task: Any

    def enqueue(self, delivery_id: str) -> None:
        self._task(delivery_id)

    def depth(self) -> int:
        return int(self.huey.pending_count())

    def ping(self) -> None:
        """Raise if the queue's storage cannot be reached."""
        self.huey.pending_count()


def build_queue(settings: Settings) -> JobQueue:
    """The queue for these settings, with the delivery task registered under a fixed name."""
    huey: Huey
    if settings.redis_url:
        huey = RedisHuey(settings.queue_name, url=settings.redis_url, results=False, utc=True)
    else:
        huey = SqliteHuey(
            settings.queue_name, filename=settings.sqlite_queue_path(), results=False, utc=True, fsync=False
        )

    @huey.task(retries=2, retry_delay=5, name=TASK_NAME, __module__=TASK_MODULE)  # type: ignore[untyped-decorator]
    def process_delivery_task(delivery_id: str) -> None:
        from app.jobs.worker import process_delivery

        process_delivery(settings, delivery_id)

    return JobQueue(huey=huey, _task=process_delivery_task)
