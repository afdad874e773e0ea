"""Job entry points: process one delivery durably, sweep lost deliveries, run the consumer."""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from app import metrics
from app.db import repo
from app.db.models import DeliveryStatus
from app.db.session import session_scope
from app.jobs.job import job_of
from app.jobs.queue import JobQueue, build_queue
from app.logs import bind_log_context
from app.pipeline import pull_request, router
from app.settings import Settings

log = logging.getLogger(__name__)
_HOST = socket.gethostname()


def process_delivery(settings: Settings, delivery_id: str) -> None:
    """Claim the delivery, run the pipeline, and record done or failed (the error re-raised). Without
    the App's id and key, the delivery is held until they are configured (`sweep` releases it)."""
    if not settings.has_credentials:
        with session_scope(settings.database_url) as session:
            held = repo.hold_delivery(session, delivery_id)
        if held:
            log.info("delivery held until BULWARK_APP_ID and BULWARK_PRIVATE_KEY are set")
        return
    with session_scope(settings.database_url) as session:
        if not repo.claim_delivery(session, delivery_id, settings.lease_seconds):
            log.info("delivery not claimable (done, or in progress elsewhere)")
            return
        delivery = repo.get_delivery(session, delivery_id)
        assert delivery is not None
    owner = f"{_HOST}:{os.getpid()}:{delivery_id}"
    with (
        bind_log_context(delivery=delivery_id, event=delivery.event),
        _heartbeat(settings, delivery_id, owner),
    ):
        try:
            with metrics.JOB_SECONDS.labels(stage="total").time():
                outcome = router.handle_job(settings, owner, job_of(delivery))
        except pull_request.AnalysisBusyError as exc:
            log.info("%s; retrying later", exc)
            with session_scope(settings.database_url) as session:
                repo.finish_delivery(session, delivery_id, DeliveryStatus.FAILED, str(exc))
            raise
        except Exception as exc:
            log.exception("delivery failed")
            with session_scope(settings.database_url) as session:
                repo.finish_delivery(
                    session, delivery_id, DeliveryStatus.FAILED, f"{type(exc).__name__}: {exc}"
                )
            raise
        with session_scope(settings.database_url) as session:
            repo.finish_delivery(session, delivery_id, DeliveryStatus.DONE, outcome)
        log.info("delivery done: %s", outcome)


@contextmanager
def _heartbeat(settings: Settings, delivery_id: str, owner: str) -> Iterator[None]:
    """Extend this job's leases every third of a lease while it runs; a killed worker stops."""
    stop = threading.Event()

    def beat() -> None:
        while not stop.wait(settings.lease_seconds / 3):
            try:
                with session_scope(settings.database_url) as session:
                    repo.extend_leases(session, delivery_id, owner, settings.lease_seconds)
            except Exception:
                log.exception("lease heartbeat failed")

    thread = threading.Thread(target=beat, name=f"heartbeat-{delivery_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()


def sweep(settings: Settings, queue: JobQueue) -> int:
    """Re-enqueue deliveries accepted but not finished (a dead worker, a lost queue), and, once the App
    is configured, those held for its configuration."""
    with session_scope(settings.database_url) as session:
        lost = repo.find_lost_deliveries(
            session, lease_seconds=settings.lease_seconds, max_attempts=settings.max_attempts
        )
        released = repo.release_held_deliveries(session) if settings.has_credentials else []
    if released:
        log.warning("%d deliveries received before the App was configured are processed now", len(released))
    for delivery_id in released:
        queue.enqueue(delivery_id)
    for delivery_id in lost:
        queue.enqueue(delivery_id)
    if lost:
        log.warning("sweep re-enqueued %d deliveries", len(lost))
    return len(lost)


def check_redeliveries(settings: Settings) -> None:
    """Ask GitHub again for deliveries it failed to send us (on start, then periodically)."""
    if not settings.redelivery_seconds or not settings.has_credentials:
        return
    from app.jobs.redelivery import redeliver_missed

    try:
        redeliver_missed(settings)
    except Exception:
        log.exception("missed-delivery check failed; trying again later")


def poll_reactions(settings: Settings) -> None:
    """GitHub sends no webhook for reactions: poll our comments on open pull requests."""
    if not settings.reaction_poll_seconds or not settings.has_credentials:
        return
    from app.github.client import github_app
    from app.pipeline.reactions import poll_open_pulls

    try:
        app = github_app(settings)
        new = poll_open_pulls(settings, app.as_installation)
        if new:
            log.info("%d new reactions on Bulwark's comments", new)
    except Exception:
        log.exception("reaction polling failed; trying again later")


def _sweep_forever(settings: Settings, queue: JobQueue, stop: threading.Event) -> None:
    next_redelivery = next_poll = time.monotonic()
    while not stop.is_set():
        try:
            sweep(settings, queue)
        except Exception:
            log.exception("sweep failed; trying again")
        if settings.redelivery_seconds and time.monotonic() >= next_redelivery:
            check_redeliveries(settings)
            next_redelivery = time.monotonic() + settings.redelivery_seconds
        if settings.reaction_poll_seconds and time.monotonic() >= next_poll:
            poll_reactions(settings)
            next_poll = time.monotonic() + settings.reaction_poll_seconds
        stop.wait(settings.sweep_seconds)


def run_worker(settings: Settings) -> None:
    """Consume jobs in this process (main thread: huey installs signal handlers) and sweep."""
    queue = build_queue(settings)
    stop = threading.Event()
    sweeper = threading.Thread(
        target=_sweep_forever, args=(settings, queue, stop), name="sweeper", daemon=True
    )
    sweeper.start()
    consumer = queue.huey.create_consumer(
        workers=settings.workers,
        worker_type="thread",
        periodic=False,
        initial_delay=0.02,
        backoff=1.2,
        max_delay=0.25,
    )
    try:
        consumer.run()
    finally:
        stop.set()
        time.sleep(0)
