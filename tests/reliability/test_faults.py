"""Faults survived: the database dropping its connections, the queue losing its jobs, deliveries
repeated or out of order, and two workers on the same pull request at once."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.db.migrate import upgrade
from app.jobs.queue import build_queue
from app.jobs.worker import process_delivery
from app.settings import Settings
from app.web.application import create_app
from tests.conftest import WEBHOOK_SECRET, service_url
from tests.emulator.server import GitHubEmulator
from tests.reliability.helpers import (
    REPO,
    all_done,
    app_settings,
    new_id,
    payload,
    runs_per_head,
    seed,
    statuses,
)
from tests.support.deliveries import send
from tests.support.processes import fresh_postgres_database, running_worker, wait_for
from tests.support.servers import serve_app


def deliver(client: httpx.Client, web: str, number_payload: dict[str, object], delivery_id: str) -> int:
    url = f"{web}/webhooks/github"
    return send(client, url, WEBHOOK_SECRET, "pull_request", number_payload, delivery_id).status_code


def terminate_connections(database_url: str) -> int:
    """Drop every other backend connected to the database, as a restart does."""
    url = make_url(database_url)
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": url.database},
            ).all()
    finally:
        admin.dispose()
    return len(rows)


@pytest.mark.scale
def test_job_finishes_when_the_database_drops_every_connection(
    tmp_path: Path, github: GitHubEmulator
) -> None:
    postgres = service_url("BULWARK_TEST_POSTGRES_URL")
    seed(github, range(1, 3))
    with fresh_postgres_database(postgres) as database_url:
        settings = app_settings(tmp_path, github, database_url=database_url)
        upgrade(settings.database_url)
        held = github.delay("GET", r"/pulls/1/files", 3.0, times=1)
        ids = [new_id("pg-1"), new_id("pg-2")]
        with (
            serve_app(create_app(settings)) as web,
            httpx.Client(timeout=30) as client,
            running_worker(settings),
        ):
            assert deliver(client, web, payload(github, 1), ids[0]) == 202
            # A call is recorded when it is answered: the spent delay says the job is being held now.
            wait_for(lambda: held.times == 0, what="the job to be held in a GitHub call")
            assert terminate_connections(database_url) >= 1
            # The web tier's pooled connections were dropped too.
            assert deliver(client, web, payload(github, 2), ids[1]) == 202
            wait_for(lambda: all_done(settings, ids), timeout=60, what="both jobs after the drop")
        assert statuses(settings) == dict.fromkeys(ids, "done")
        assert attempts(settings) == dict.fromkeys(ids, 1)  # pool_pre_ping replaced the dropped connections
        heads = {github.state.pull(REPO, n).head_sha: 1 for n in (1, 2)}
        assert runs_per_head(github) == heads
        assert {(r.status, r.conclusion) for r in github.check_runs(REPO)} == {("completed", "success")}


@pytest.mark.scale
def test_queued_jobs_survive_a_lost_queue_through_the_sweep(tmp_path: Path, github: GitHubEmulator) -> None:
    redis_url = service_url("BULWARK_TEST_REDIS_URL")
    seed(github, range(1, 4))
    queue_name = new_id("bulwark-lost")
    settings = app_settings(tmp_path, github, redis_url=redis_url, queue_name=queue_name, lease_seconds=5)
    upgrade(settings.database_url)
    ids = [new_id(f"redis-{n}") for n in (1, 2, 3)]
    with serve_app(create_app(settings)) as web, httpx.Client(timeout=30) as client:
        for number, delivery_id in zip((1, 2, 3), ids, strict=True):
            assert deliver(client, web, payload(github, number), delivery_id) == 202
        assert flush_queue(settings) == 3
        with running_worker(settings):
            wait_for(lambda: all_done(settings, ids), timeout=60, what="the sweep to re-enqueue")
    heads = {github.state.pull(REPO, n).head_sha: 1 for n in (1, 2, 3)}
    assert runs_per_head(github) == heads


def flush_queue(settings: Settings) -> int:
    """Drop every job this queue holds in Redis (a restart without persistence); how many there were."""
    queue = build_queue(settings)
    pending = queue.depth()
    queue.huey.storage.flush_queue()
    queue.huey.storage.flush_schedule()
    assert queue.depth() == 0
    return pending


def test_duplicate_and_out_of_order_deliveries(tmp_path: Path, github: GitHubEmulator) -> None:
    seed(github, range(1, 2))
    settings = app_settings(tmp_path, github)
    upgrade(settings.database_url)
    old_head = payload(github, 1)
    github.push(REPO, 1, {"a.txt": "newer\n"})
    new_head = payload(github, 1)
    newer, older, again = new_id("newer"), new_id("older"), new_id("again")
    with serve_app(create_app(settings)) as web, httpx.Client(timeout=30) as client:
        assert deliver(client, web, new_head, newer) == 202
        assert deliver(client, web, new_head, newer) == 200  # the same delivery twice
        process_delivery(settings, newer)
        assert deliver(client, web, old_head, older) == 202  # the older head arrives late
        process_delivery(settings, older)
        assert deliver(client, web, new_head, again) == 202  # the same event under a new id
        process_delivery(settings, again)
    assert statuses(settings) == {newer: "done", older: "done", again: "done"}
    assert runs_per_head(github) == {new_head["pull_request"]["head"]["sha"]: 1}
    assert len(github.calls_to("POST", r"/check-runs$")) == 1
    with_outcomes = outcomes(settings)
    short = str(new_head["pull_request"]["head"]["sha"])[:7]
    assert with_outcomes[older].startswith("#1@")
    assert with_outcomes[older].endswith(f"superseded by {short}")
    assert with_outcomes[again] == f"#1@{short}: already analysed"


def attempts(settings: Settings) -> dict[str, int]:
    from sqlmodel import select

    from app.db.models import Delivery
    from app.db.session import session_scope

    with session_scope(settings.database_url) as session:
        rows = session.exec(select(Delivery.delivery_id, Delivery.attempts)).all()
    return dict(rows)


def outcomes(settings: Settings) -> dict[str, str]:
    from sqlmodel import select

    from app.db.models import Delivery
    from app.db.session import session_scope

    with session_scope(settings.database_url) as session:
        rows = session.exec(select(Delivery.delivery_id, Delivery.last_error)).all()
    return dict(rows)


def test_two_workers_on_one_pull_request_post_one_check_run_and_one_review(
    tmp_path: Path, github: GitHubEmulator
) -> None:
    seed(github, range(1, 2), risky=True)
    settings = app_settings(tmp_path, github, workers=1)
    upgrade(settings.database_url)
    github.latency(0.05)
    ids = [new_id("w1"), new_id("w2"), new_id("w3")]
    with (
        serve_app(create_app(settings)) as web,
        httpx.Client(timeout=30) as client,
        running_worker(settings),
        running_worker(settings),
    ):
        for delivery_id, action in zip(ids, ("opened", "synchronize", "reopened"), strict=True):
            assert deliver(client, web, payload(github, 1, action), delivery_id) == 202
        wait_for(lambda: all_done(settings, ids), timeout=60, what="every delivery")
    assert runs_per_head(github) == {github.state.pull(REPO, 1).head_sha: 1}
    assert len(github.calls_to("POST", r"/check-runs$")) == 1
    assert len(github.reviews(REPO, 1)) == 1
    bodies = [c.body for c in github.review_comments(REPO, 1)]
    assert len(bodies) == len(set(bodies)) >= 1
    assert sorted(outcomes(settings).values()).count("#1@" + runs_head(github) + ": already analysed") == 2


def runs_head(github: GitHubEmulator) -> str:
    return github.state.pull(REPO, 1).head_sha[:7]
