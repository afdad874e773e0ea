"""The queue's task key: what a queued message names, so that no move of the module orphans it."""

from __future__ import annotations

from pathlib import Path

from app.jobs.queue import build_queue
from tests.conftest import make_settings


def test_the_delivery_task_keeps_the_key_queued_messages_carry(tmp_path: Path) -> None:
    queue = build_queue(make_settings(tmp_path))
    task = queue.huey._registry.task_to_string(queue._task.task_class)
    assert task == "app.queue.process_delivery"
    assert queue.huey._registry.string_to_task(task) is queue._task.task_class
