"""Webhook to check run, end to end: the App and its workers as real processes, GitHub emulated."""

from __future__ import annotations

import json
import signal
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlmodel import select

from app.db.migrate import upgrade
from app.db.models import Delivery
from app.db.session import session_scope
from app.settings import Settings
from app.web.application import create_app
from tests.conftest import WEBHOOK_SECRET, emulated_settings, service_url
from tests.emulator.server import GitHubEmulator
from tests.support.deliveries import load_json, load_payload, send
from tests.support.processes import fresh_postgres_database, running_worker, wait_for
from tests.support.pulls import pull_queries
from tests.support.servers import serve_app

REPO = "Codertocat/Hello-World"
HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821"
BASE = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e"
OPENED = "pull_request/opened.payload.json"
RISKY_APP = """import subprocess


def archive(name):
    subprocess.run("tar czf backup.tgz " + name, shell=True)
"""


def seed_pull_request(github: GitHubEmulator) -> None:
    """The repository and PR #2 of the recorded payloads, with real files behind them."""
    github.add_installation(1, "Codertocat", "User")
    github.add_repo(REPO, 1, repo_id=186853002)
    github.add_pull_request(
        REPO,
        2,
        base_files={"README.md": "Hello\n", "old.txt": "gone\n"},
        head_files={"README.md": "Hello\nWorld\n", "app.py": RISKY_APP},
        head_sha=HEAD,
        base_sha=BASE,
        author="Codertocat",
        head_ref="changes",
        title="Update the README with new information.",
    )


def app_settings(tmp_path: Path, github: GitHubEmulator, **overrides: object) -> Settings:
    return emulated_settings(
        tmp_path,
        github,
        github_url=github.url,
        **overrides,
    )


def delivery_status(settings: Settings, delivery_id: str) -> str:
    with session_scope(settings.database_url) as session:
        row = session.exec(select(Delivery).where(Delivery.delivery_id == delivery_id)).first()
        return row.status if row else ""


def finished(settings: Settings, *delivery_ids: str) -> bool:
    return all(delivery_status(settings, d) == "done" for d in delivery_ids)


@pytest.fixture
def seeded(github: GitHubEmulator) -> GitHubEmulator:
    seed_pull_request(github)
    return github


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=30) as value:
        yield value


def test_opened_pull_request_gets_one_completed_check_run(
    tmp_path: Path, seeded: GitHubEmulator, client: httpx.Client
) -> None:
    settings = app_settings(tmp_path, seeded)
    upgrade(settings.database_url)
    with serve_app(create_app(settings)) as web, running_worker(settings):
        url = f"{web}/webhooks/github"
        assert (
            send(client, url, WEBHOOK_SECRET, "pull_request", load_payload(OPENED), "e2e-1").status_code
            == 202
        )
        # The same delivery again, and another event for the same head: still one check run.
        assert (
            send(client, url, WEBHOOK_SECRET, "pull_request", load_payload(OPENED), "e2e-1").status_code
            == 200
        )
        reopened = load_json("pull_request/reopened.payload.json")
        reopened["pull_request"]["head"]["sha"] = HEAD
        assert send(client, url, WEBHOOK_SECRET, "pull_request", reopened, "e2e-2").status_code == 202
        wait_for(lambda: finished(settings, "e2e-1", "e2e-2"), what="both deliveries processed")
    assert delivery_status(settings, "e2e-1") == "done"
    [run] = seeded.check_runs(REPO)
    assert (run.name, run.head_sha) == ("Bulwark", HEAD)
    assert (run.status, run.conclusion) == ("completed", "success")
    summary = run.output["summary"]
    assert "code-command-injection" in summary
    assert "app.py" in summary
    [annotation] = run.annotations
    assert (annotation["path"], annotation["start_line"], annotation["annotation_level"]) == (
        "app.py",
        5,
        "warning",
    )
    assert seeded.unexpected == []
    assert len(seeded.calls_to("POST", r"/repos/Codertocat/Hello-World/check-runs$")) == 1


def test_superseded_head_stops_early(tmp_path: Path, seeded: GitHubEmulator) -> None:
    from app.jobs.worker import process_delivery

    settings = app_settings(tmp_path, seeded)
    upgrade(settings.database_url)
    seeded.push(REPO, 2, {"README.md": "newer\n"})
    with serve_app(create_app(settings)) as web, httpx.Client() as client:
        send(
            client, f"{web}/webhooks/github", WEBHOOK_SECRET, "pull_request", load_payload(OPENED), "old-head"
        )
    process_delivery(settings, "old-head")
    with session_scope(settings.database_url) as session:
        row = session.exec(select(Delivery)).one()
    assert row.status == "done"
    assert row.last_error.startswith("#2@ec26c3e: superseded by ")
    assert seeded.check_runs(REPO) == []


def test_worker_killed_mid_job_is_completed_by_the_sweep(
    tmp_path: Path, seeded: GitHubEmulator, client: httpx.Client
) -> None:
    settings = app_settings(tmp_path, seeded, lease_seconds=5, sweep_seconds=0.5)
    upgrade(settings.database_url)
    seeded.delay("GET", r"/pulls/2/files", 30.0, times=1)  # the first worker hangs here
    with serve_app(create_app(settings)) as web:
        with running_worker(settings) as first:
            send(
                client,
                f"{web}/webhooks/github",
                WEBHOOK_SECRET,
                "pull_request",
                load_payload(OPENED),
                "kill-1",
            )
            wait_for(lambda: seeded.check_runs(REPO), what="the first worker to create the check run")
            wait_for(lambda: pull_queries(seeded, 2), what="the first worker to read the PR")
            first.send_signal(signal.SIGKILL)
            first.wait()
        assert delivery_status(settings, "kill-1") == "processing"
        with running_worker(settings):
            wait_for(lambda: delivery_status(settings, "kill-1") == "done", timeout=60, what="the sweep")
    [run] = seeded.check_runs(REPO)
    assert (run.status, run.conclusion) == ("completed", "success")
    with session_scope(settings.database_url) as session:
        row = session.exec(select(Delivery)).one()
    assert row.attempts == 2


@pytest.mark.scale
def test_postgres_redis_and_two_workers(tmp_path: Path, seeded: GitHubEmulator, client: httpx.Client) -> None:
    postgres = service_url("BULWARK_TEST_POSTGRES_URL")
    redis_url = service_url("BULWARK_TEST_REDIS_URL")
    with fresh_postgres_database(postgres) as database_url:
        settings = app_settings(
            tmp_path,
            seeded,
            database_url=database_url,
            redis_url=redis_url,
            queue_name=f"bulwark-{tmp_path.name}",
        )
        upgrade(settings.database_url)
        payloads = []
        for number in range(3, 9):
            seeded.add_pull_request(
                REPO,
                number,
                base_files={"a.txt": "a\n"},
                head_files={"a.txt": f"a{number}\n"},
                head_ref=f"b{number}",
            )
            body = json.loads(load_payload(OPENED))
            body["number"] = body["pull_request"]["number"] = number
            body["pull_request"]["head"]["sha"] = seeded.state.pull(REPO, number).head_sha
            payloads.append(body)
        with serve_app(create_app(settings)) as web, running_worker(settings), running_worker(settings):
            ids = []
            for index, body in enumerate(payloads):
                ids.append(f"pg-{index}")
                assert (
                    send(
                        client, f"{web}/webhooks/github", WEBHOOK_SECRET, "pull_request", body, ids[-1]
                    ).status_code
                    == 202
                )
                send(client, f"{web}/webhooks/github", WEBHOOK_SECRET, "pull_request", body, ids[-1])
            wait_for(lambda: finished(settings, *ids), timeout=60, what="all deliveries")
        assert {delivery_status(settings, d) for d in ids} == {"done"}
        runs = seeded.check_runs(REPO)
        assert sorted(r.head_sha for r in runs) == sorted(p["pull_request"]["head"]["sha"] for p in payloads)
        assert {(r.status, r.conclusion) for r in runs} == {("completed", "success")}


def test_make_run_mode_serves_metrics_counted_by_its_worker(tmp_path: Path, seeded: GitHubEmulator) -> None:
    """`bulwark serve` as `make run` starts it (with its own worker): /metrics shows what the worker counted."""
    import socket
    import subprocess
    import sys

    from tests.support.processes import settings_env

    settings = app_settings(tmp_path, seeded)
    upgrade(settings.database_url)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {k: v for k, v in settings_env(settings).items() if k != "PROMETHEUS_MULTIPROC_DIR"}
    serve = subprocess.Popen(
        [sys.executable, "-m", "app", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    web = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(timeout=30) as client:
            wait_for(lambda: _up(client, web), what="bulwark serve")
            send(
                client, f"{web}/webhooks/github", WEBHOOK_SECRET, "pull_request", load_payload(OPENED), "m-1"
            )
            wait_for(lambda: delivery_status(settings, "m-1") == "done", timeout=60, what="the worker")
            text = client.get(f"{web}/metrics").text
    finally:
        serve.terminate()
        serve.wait(timeout=20)
    assert 'bulwark_findings_total{family="code",placement="comment"} 1.0' in text
    assert 'bulwark_deliveries_total{event="pull_request",outcome="accepted"} 1.0' in text
    assert 'bulwark_job_seconds_count{stage="analyze"} 1.0' in text


def _up(client: httpx.Client, web: str) -> bool:
    try:
        return client.get(f"{web}/healthz").status_code == 200
    except httpx.HTTPError:
        return False
