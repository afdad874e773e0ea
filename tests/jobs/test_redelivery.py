"""Missed deliveries are asked for again, through the real webhook endpoint, and processed."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from app.db.migrate import upgrade
from app.jobs.redelivery import redeliver_missed
from app.jobs.worker import process_delivery
from app.web.application import create_app
from tests.conftest import WEBHOOK_SECRET
from tests.emulator.server import GitHubEmulator
from tests.emulator.state import now
from tests.reliability.helpers import REPO, all_done, app_settings, payload, runs_per_head, seed, statuses
from tests.support.processes import running_worker, wait_for
from tests.support.servers import serve_app

ATTEMPTS = r"/app/hook/deliveries/\d+/attempts$"


def test_failed_and_unstored_deliveries_are_redelivered_once(tmp_path: Path, github: GitHubEmulator) -> None:
    seed(github, range(1, 5))
    settings = app_settings(tmp_path, github)
    upgrade(settings.database_url)
    old = github.record_failed_delivery("pull_request", payload(github, 4), delivery_id="old-4")
    old.delivered_at = now() - timedelta(days=3, minutes=1)
    with serve_app(create_app(settings)) as web:
        github.configure_webhook(f"{web}/webhooks/github", WEBHOOK_SECRET)
        assert github.deliver("pull_request", payload(github, 1), delivery_id="stored-1").status_code == 202
        # GitHub timed out waiting for us, but we had stored it: not asked again.
        github.deliver("pull_request", payload(github, 2), delivery_id="stored-2")
        github.state.deliveries[max(github.state.deliveries)].status_code = 504
        missed = github.record_failed_delivery("pull_request", payload(github, 3), delivery_id="missed-3")
        github.record_failed_delivery("star", {"action": "created"}, delivery_id="unhandled-5")

        report = redeliver_missed(settings)
        github.wait_for_redeliveries()

        assert report.requested == ("missed-3",)
        assert report.missed == ("missed-3",)
        assert report.errors == ()
        assert [c.path for c in github.calls_to("POST", ATTEMPTS)] == [
            f"/app/hook/deliveries/{missed.id}/attempts"
        ]
        assert statuses(settings) == {"stored-1": "queued", "stored-2": "queued", "missed-3": "queued"}
        redelivered = [d for d in github.state.deliveries.values() if d.redelivery]
        assert [(d.guid, d.status_code) for d in redelivered] == [("missed-3", 202)]

        again = redeliver_missed(settings)
        github.wait_for_redeliveries()
    assert (again.missed, again.requested) == ((), ())
    assert len(github.calls_to("POST", ATTEMPTS)) == 1
    process_delivery(settings, "missed-3")
    assert statuses(settings)["missed-3"] == "done"
    assert runs_per_head(github) == {github.state.pull(REPO, 3).head_sha: 1}


def test_redelivery_attempts_are_bounded(tmp_path: Path, github: GitHubEmulator) -> None:
    seed(github, range(1, 2))
    settings = app_settings(tmp_path, github, redelivery_max_attempts=2, redelivery_seconds=0.001)
    upgrade(settings.database_url)
    github.record_failed_delivery("pull_request", payload(github, 1), delivery_id="lost-1")
    github.configure_webhook("http://127.0.0.1:9/webhooks/github", WEBHOOK_SECRET)  # nothing listens

    reports = []
    for _ in range(4):
        reports.append(redeliver_missed(settings))
        github.wait_for_redeliveries()

    assert [r.requested for r in reports] == [("lost-1",), ("lost-1",), (), ()]
    assert [r.skipped for r in reports] == [(), (), ("lost-1",), ("lost-1",)]
    assert len(github.calls_to("POST", ATTEMPTS)) == 2


def test_worker_checks_for_missed_deliveries_on_start_and_periodically(
    tmp_path: Path, github: GitHubEmulator
) -> None:
    seed(github, range(1, 3))
    settings = app_settings(tmp_path, github, redelivery_seconds=1.0)
    upgrade(settings.database_url)
    with serve_app(create_app(settings)) as web:
        github.configure_webhook(f"{web}/webhooks/github", WEBHOOK_SECRET)
        github.record_failed_delivery("pull_request", payload(github, 1), delivery_id="down-1")
        with running_worker(settings):
            wait_for(lambda: all_done(settings, ["down-1"]), timeout=60, what="the missed delivery on start")
            github.record_failed_delivery("pull_request", payload(github, 2), delivery_id="down-2")
            wait_for(lambda: all_done(settings, ["down-2"]), timeout=60, what="the periodic check")
    heads = {github.state.pull(REPO, n).head_sha: 1 for n in (1, 2)}
    assert runs_per_head(github) == heads
    assert github.unexpected == []
