"""Webhook deliveries: exact signed bytes, the deliveries API, redelivery, manifest conversion."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tests.emulator import GitHubEmulator
from tests.emulator.serving import ThreadedServer

SECRET = "It's a Secret to Everybody"


@dataclass
class Receiver:
    """A tiny webhook endpoint that keeps what it received and answers `status`."""

    status: int = 202
    received: list[tuple[dict[str, str], bytes]] = field(default_factory=list)

    async def hook(self, request: Request) -> Response:
        self.received.append((dict(request.headers), await request.body()))
        return Response(status_code=self.status)


@pytest.fixture
def receiver(github: GitHubEmulator) -> Iterator[Receiver]:
    receiver = Receiver()
    app = Starlette(routes=[Route("/webhooks/github", receiver.hook, methods=["POST"])])
    with ThreadedServer(app, name="receiver") as server:
        github.configure_webhook(f"{server.url}/webhooks/github", SECRET)
        yield receiver


def _app_client(github: GitHubEmulator) -> httpx.Client:
    headers = {"Authorization": f"Bearer {github.app_jwt()}"}
    return httpx.Client(base_url=github.url, headers=headers)


def test_delivery_signs_the_exact_bytes(github: GitHubEmulator, receiver: Receiver) -> None:
    raw = b'{"action":"opened", "number": 1,\n "installation": {"id": 7}}'
    delivery = github.deliver("pull_request", raw, delivery_id="guid-1")
    [(headers, body)] = receiver.received
    assert body == raw
    expected = "sha256=" + hmac.new(SECRET.encode(), raw, hashlib.sha256).hexdigest()
    assert headers["x-hub-signature-256"] == expected
    assert (headers["x-github-event"], headers["x-github-delivery"]) == ("pull_request", "guid-1")
    assert headers["x-github-hook-id"].isdigit()
    assert (delivery.status_code, delivery.action, delivery.installation_id) == (202, "opened", 7)


def test_the_known_signature_example(github: GitHubEmulator, receiver: Receiver) -> None:
    """GitHub's documented example: this secret and `Hello, World!`."""
    github.deliver("ping", b"Hello, World!")
    [(headers, _)] = receiver.received
    assert headers["x-hub-signature-256"] == (
        "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"
    )


def test_deliveries_are_listed_newest_first_with_cursors(github: GitHubEmulator, receiver: Receiver) -> None:
    receiver.status = 500
    for number in range(5):
        github.deliver("pull_request", {"action": "opened", "number": number})
    github.record_failed_delivery("check_run", {"action": "rerequested"}, delivery_id="lost")
    with _app_client(github) as client:
        first = client.get("/app/hook/deliveries", params={"per_page": 4})
        items = first.json()
        assert [d["event"] for d in items] == ["check_run", "pull_request", "pull_request", "pull_request"]
        assert (items[0]["guid"], items[0]["status_code"], items[0]["redelivery"]) == ("lost", 502, False)
        assert items[1]["status"] == "Invalid HTTP Response: 500"
        next_url = re.search(r'<([^>]+)>; rel="next"', first.headers["link"])
        assert next_url is not None
        rest = client.get(next_url.group(1)).json()
        assert len(rest) == 2
        assert "link" not in client.get(next_url.group(1)).headers
        assert client.get("/app/hook/deliveries", params={"cursor": "bogus"}).status_code == 422
        detail = client.get(f"/app/hook/deliveries/{items[1]['id']}").json()
        assert detail["request"]["payload"] == {"action": "opened", "number": 4}


def test_redelivery_resends_the_same_guid(github: GitHubEmulator, receiver: Receiver) -> None:
    lost = github.record_failed_delivery("pull_request", {"action": "synchronize"}, delivery_id="g-9")
    with _app_client(github) as client:
        answer = client.post(f"/app/hook/deliveries/{lost.id}/attempts")
        assert answer.status_code == 202
        github.wait_for_redeliveries()
        [(headers, body)] = receiver.received
        assert (headers["x-github-delivery"], json.loads(body)) == ("g-9", {"action": "synchronize"})
        newest = client.get("/app/hook/deliveries").json()[0]
        assert (newest["guid"], newest["redelivery"], newest["status_code"]) == ("g-9", True, 202)
        assert client.post("/app/hook/deliveries/1/attempts").status_code == 404
    installation = httpx.get(f"{github.url}/app/hook/deliveries", headers={"Authorization": "token ghs_nope"})
    assert installation.status_code == 401


def test_manifest_conversion(github: GitHubEmulator) -> None:
    manifest = github.add_manifest_code("abc123", app_id=99, slug="bulwark-test")
    answer = httpx.post(f"{github.url}/app-manifests/abc123/conversions")
    assert answer.status_code == 201
    body = answer.json()
    assert (body["id"], body["slug"], body["pem"]) == (99, "bulwark-test", manifest.pem)
    assert body["webhook_secret"] == manifest.webhook_secret
    assert {"client_id", "client_secret", "html_url", "owner"} <= set(body)
    assert httpx.post(f"{github.url}/app-manifests/abc123/conversions").status_code == 404
