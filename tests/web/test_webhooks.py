"""The webhook front door over real HTTP: every bad input gets its status and stores nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlmodel import select

from app.db.models import Delivery
from app.db.schema import read_schema
from app.db.session import session_scope
from app.jobs.queue import build_queue
from app.settings import Settings
from tests.conftest import WEBHOOK_SECRET, make_settings
from tests.support.deliveries import delivery_headers, load_payload, send, sign
from tests.support.servers import serve_app

OPENED = "pull_request/opened.payload.json"


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=30) as value:
        yield value


def stored(settings: Settings) -> list[Delivery]:
    with session_scope(settings.database_url) as session:
        return list(session.exec(select(Delivery)).all())


def queued(settings: Settings) -> int:
    return build_queue(settings).depth()


def test_signed_pull_request_is_stored_and_queued(settings: Settings, web: str, client: httpx.Client) -> None:
    response = send(
        client, f"{web}/webhooks/github", WEBHOOK_SECRET, "pull_request", load_payload(OPENED), "d-1"
    )
    assert response.status_code == 202
    assert response.json() == {"status": "queued", "delivery": "d-1"}
    [row] = stored(settings)
    assert (row.delivery_id, row.event, row.action, row.status) == ("d-1", "pull_request", "opened", "queued")
    assert (row.installation_id, row.repository_id, row.pr_number) == (1, 186853002, 2)
    assert row.head_sha == "ec26c3e57ca3a959ca5aad62de7213c562f8c821"
    assert json.loads(row.body)["number"] == 2
    assert queued(settings) == 1


def test_duplicate_delivery_is_acknowledged_once(settings: Settings, web: str, client: httpx.Client) -> None:
    url = f"{web}/webhooks/github"
    first = send(client, url, WEBHOOK_SECRET, "pull_request", load_payload(OPENED), "dup-1")
    second = send(client, url, WEBHOOK_SECRET, "pull_request", load_payload(OPENED), "dup-1")
    assert (first.status_code, second.status_code) == (202, 200)
    assert second.json()["status"] == "duplicate"
    assert len(stored(settings)) == 1
    assert queued(settings) == 1


def test_redelivery_of_a_failed_delivery_is_processed_again(
    settings: Settings, web: str, client: httpx.Client
) -> None:
    url = f"{web}/webhooks/github"
    assert send(client, url, WEBHOOK_SECRET, "pull_request", load_payload(OPENED), "f-1").status_code == 202
    with session_scope(settings.database_url) as session:
        row = session.exec(select(Delivery)).one()
        row.status = "failed"
        session.add(row)
    again = send(client, url, WEBHOOK_SECRET, "pull_request", load_payload(OPENED), "f-1")
    assert again.status_code == 202
    assert [r.status for r in stored(settings)] == ["queued"]
    assert queued(settings) == 2


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({"X-Hub-Signature-256": "sha256=" + "0" * 64}, 401),
        ({"X-Hub-Signature-256": ""}, 401),
        ({"X-Hub-Signature-256": "sha1=abc"}, 401),
        ({"X-GitHub-Event": ""}, 400),
        ({"X-GitHub-Delivery": ""}, 400),
    ],
)
def test_bad_headers_are_refused_and_store_nothing(
    settings: Settings, web: str, client: httpx.Client, headers: dict[str, str], status: int
) -> None:
    body = load_payload(OPENED)
    sent = delivery_headers(WEBHOOK_SECRET, body, "pull_request") | headers
    response = client.post(f"{web}/webhooks/github", content=body, headers=sent)
    assert response.status_code == status
    assert stored(settings) == []
    assert queued(settings) == 0


@pytest.mark.parametrize(
    "body",
    [b"{not json", b"[1, 2, 3]", b"\xff\xfe", b"[" * 100 + b"]" * 100, b'{"a":' * 80 + b"1" + b"}" * 80],
)
def test_malformed_bodies_are_refused(
    settings: Settings, web: str, client: httpx.Client, body: bytes
) -> None:
    response = client.post(
        f"{web}/webhooks/github", content=body, headers=delivery_headers(WEBHOOK_SECRET, body, "pull_request")
    )
    assert response.status_code == 400
    assert stored(settings) == []


def test_a_body_without_a_length_is_refused_without_reading_it(
    settings: Settings, web: str, client: httpx.Client
) -> None:
    chunk = b" " * (1024 * 1024)

    def body() -> Iterator[bytes]:  # sent chunked: no Content-Length
        for _ in range(26):
            yield chunk

    headers = {"X-GitHub-Event": "ping", "X-GitHub-Delivery": "big", "X-Hub-Signature-256": "sha256=00"}
    try:
        response = client.post(f"{web}/webhooks/github", content=body(), headers=headers)
    except httpx.WriteError:
        pytest.fail("the server closed the connection instead of answering 411")
    assert response.status_code == 411
    assert stored(settings) == []


def test_declared_oversize_length_is_refused_before_reading(settings: Settings, web: str) -> None:
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(web)
    with socket.create_connection((parts.hostname or "", parts.port or 0), timeout=10) as sock:
        sock.sendall(
            b"POST /webhooks/github HTTP/1.1\r\nHost: x\r\nX-GitHub-Event: ping\r\n"
            b"X-GitHub-Delivery: big2\r\nContent-Length: 30000000\r\n\r\n{}"
        )
        answer = sock.recv(1024)
    assert answer.startswith(b"HTTP/1.1 413")
    assert stored(settings) == []


def test_ping_and_unhandled_events_are_recorded_as_ignored(
    settings: Settings, web: str, client: httpx.Client
) -> None:
    url = f"{web}/webhooks/github"
    ping = send(client, url, WEBHOOK_SECRET, "ping", load_payload("ping/payload.json"), "p-1")
    labeled = send(
        client, url, WEBHOOK_SECRET, "pull_request", load_payload("pull_request/labeled.payload.json"), "l-1"
    )
    assert (ping.status_code, labeled.status_code) == (200, 200)
    assert ping.json() == {"status": "ignored", "event": "ping"}
    assert sorted((r.delivery_id, r.status, r.body) for r in stored(settings)) == [
        ("l-1", "ignored", ""),
        ("p-1", "ignored", ""),
    ]
    assert queued(settings) == 0


def test_without_a_webhook_secret_nothing_is_accepted(tmp_path: Path, client: httpx.Client) -> None:
    from app.db.migrate import upgrade
    from app.web.application import create_app

    settings = make_settings(tmp_path, webhook_secret=None)
    upgrade(settings.database_url)
    body = load_payload("ping/payload.json")
    with serve_app(create_app(settings)) as url:
        response = client.post(
            f"{url}/webhooks/github",
            content=body,
            headers={
                "X-GitHub-Event": "ping",
                "X-GitHub-Delivery": "n-1",
                "X-Hub-Signature-256": sign("", body),
            },
        )
        home = client.get(url + "/")
    assert response.status_code == 503
    assert "BULWARK_WEBHOOK_SECRET" in home.text
    assert stored(settings) == []


def test_health_and_readiness(settings: Settings, web: str, client: httpx.Client) -> None:
    assert client.get(f"{web}/healthz").json() == {"status": "ok"}
    head = read_schema(settings.database_url).code[0]
    assert client.get(f"{web}/readyz").json() == {
        "status": "ready",
        "schema": {"database": head, "code": head},
    }


def test_readiness_reports_an_unreachable_database(tmp_path: Path, client: httpx.Client) -> None:
    from app.web.application import create_app

    settings = make_settings(tmp_path, database_url="postgresql+psycopg://nobody@127.0.0.1:1/none")
    with serve_app(create_app(settings)) as url:
        response = client.get(f"{url}/readyz")
    assert response.status_code == 503
    assert response.json()["problems"] == {"database": "OperationalError"}
