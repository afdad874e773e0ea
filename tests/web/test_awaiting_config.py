"""A signed event that arrives before the App's id and key are set: stored, said, processed later."""

from __future__ import annotations

import logging
from pathlib import Path

import httpx
import pytest
from pydantic import SecretStr

from app.db.migrate import upgrade
from app.db.session import dispose_engines
from app.jobs.queue import build_queue
from app.jobs.worker import process_delivery, sweep
from app.web.application import create_app
from tests.conftest import WEBHOOK_SECRET
from tests.emulator.server import GitHubEmulator
from tests.pipeline.test_end_to_end import (
    HEAD,
    OPENED,
    REPO,
    app_settings,
    delivery_status,
    seed_pull_request,
)
from tests.support.deliveries import load_payload, send
from tests.support.servers import serve_app
from tests.web.helpers import fresh_settings


def test_a_pull_request_before_the_app_id_waits_and_is_processed_once_configured(
    tmp_path: Path, github: GitHubEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    seed_pull_request(github)
    early = fresh_settings(tmp_path, github, webhook_secret=SecretStr(WEBHOOK_SECRET))
    upgrade(early.database_url)
    caplog.set_level(logging.INFO)
    with serve_app(create_app(early)) as web, httpx.Client(timeout=30) as client:
        url = f"{web}/webhooks/github"
        first = send(client, url, WEBHOOK_SECRET, "pull_request", load_payload(OPENED), "early-1")
        second = send(client, url, WEBHOOK_SECRET, "pull_request", load_payload(OPENED), "early-2")
        assert (first.status_code, second.status_code) == (202, 202)
        assert first.json()["status"] == "awaiting_config"
        setup = client.get(f"{web}/")
        assert setup.status_code == 200
        assert '<b id="held-deliveries">2 events are waiting for configuration.</b>' in setup.text
        assert "answer 503" not in setup.text
    said = [r.getMessage() for r in caplog.records if "not processed until BULWARK_APP_ID" in r.getMessage()]
    assert len(said) == 1  # once, not per delivery
    assert build_queue(early).depth() == 0  # nothing to retry: nothing queued
    process_delivery(early, "early-1")  # a worker without credentials holds it, without a traceback
    assert delivery_status(early, "early-1") == "awaiting_config"
    assert not [r for r in caplog.records if r.exc_info]
    sweep(early, build_queue(early))
    assert delivery_status(early, "early-1") == "awaiting_config"  # still not configured
    dispose_engines()

    configured = app_settings(tmp_path, github)  # the same database, after the restart
    assert sweep(configured, build_queue(configured)) == 0
    assert delivery_status(configured, "early-1") == "queued"
    assert build_queue(configured).depth() == 2
    process_delivery(configured, "early-1")
    process_delivery(configured, "early-2")
    assert (delivery_status(configured, "early-1"), delivery_status(configured, "early-2")) == (
        "done",
        "done",
    )
    [run] = github.check_runs(REPO)
    assert (run.head_sha, run.status) == (HEAD, "completed")
    dispose_engines()


def test_without_a_secret_webhooks_still_answer_503_and_the_page_says_so(
    tmp_path: Path, github: GitHubEmulator
) -> None:
    settings = fresh_settings(tmp_path, github)
    upgrade(settings.database_url)
    with serve_app(create_app(settings)) as web, httpx.Client(timeout=30) as client:
        answer = send(client, f"{web}/webhooks/github", "x", "pull_request", load_payload(OPENED), "n-1")
        assert answer.status_code == 503
        assert "webhooks answer 503" in client.get(f"{web}/setup").text
    dispose_engines()


def test_the_configured_front_page_links_the_installation_and_the_docs(
    tmp_path: Path, github: GitHubEmulator
) -> None:
    settings = app_settings(tmp_path, github, app_slug="bulwark-test", webhook_secret=SecretStr("s"))
    with serve_app(create_app(settings)) as web:
        page = httpx.get(f"{web}/").text
    assert f'id="install-link" href="{github.url}/apps/bulwark-test/installations/new"' in page
    assert 'id="docs-link" href="' in page
    assert 'id="dashboard-link" href="/dashboard"' in page
