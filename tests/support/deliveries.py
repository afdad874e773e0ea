"""Signed webhook deliveries, as GitHub sends them."""

from __future__ import annotations

import hashlib
import hmac
import json
import uuid
from pathlib import Path
from typing import Any

import httpx

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "github-webhooks"


def load_payload(name: str) -> bytes:
    """The exact bytes of a recorded payload, e.g. `pull_request/opened.payload.json`."""
    return (FIXTURES / name).read_bytes()


def load_json(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(load_payload(name))
    return data


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def delivery_headers(secret: str, body: bytes, event: str, delivery_id: str | None = None) -> dict[str, str]:
    return {
        "X-GitHub-Event": event,
        "X-GitHub-Delivery": delivery_id or str(uuid.uuid4()),
        "X-Hub-Signature-256": sign(secret, body),
        "Content-Type": "application/json",
        "User-Agent": "GitHub-Hookshot/test",
    }


def send(
    client: httpx.Client,
    url: str,
    secret: str,
    event: str,
    body: bytes | dict[str, Any],
    delivery_id: str | None = None,
) -> httpx.Response:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return client.post(url, content=raw, headers=delivery_headers(secret, raw, event, delivery_id))
