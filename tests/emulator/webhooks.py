"""Webhook deliveries: signed exactly like GitHub's, posted to the configured URL, recorded."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid
from dataclasses import dataclass
from typing import Any

import httpx

from tests.emulator.state import Delivery, State, now

HOOK_ID = 424242


def sign(secret: str, body: bytes) -> str:
    """`X-Hub-Signature-256` for `body`."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def encode_payload(payload: dict[str, Any] | bytes) -> bytes:
    return payload if isinstance(payload, bytes) else json.dumps(payload, separators=(",", ":")).encode()


@dataclass(frozen=True, slots=True)
class Envelope:
    """What a delivery carries, before it is sent."""

    event: str
    guid: str
    action: str | None
    body: bytes
    installation_id: int | None
    repository_id: int | None

    @classmethod
    def of(
        cls, event: str, payload: dict[str, Any] | bytes, guid: str | None, action: str | None
    ) -> Envelope:
        body = encode_payload(payload)
        parsed: Any = payload if isinstance(payload, dict) else _loads(body)
        if action is None and isinstance(parsed, dict) and isinstance(parsed.get("action"), str):
            action = parsed["action"]
        installation = parsed.get("installation") if isinstance(parsed, dict) else None
        repository = parsed.get("repository") if isinstance(parsed, dict) else None
        return cls(
            event,
            guid or str(uuid.uuid4()),
            action,
            body,
            installation.get("id") if isinstance(installation, dict) else None,
            repository.get("id") if isinstance(repository, dict) else None,
        )


def _loads(body: bytes) -> Any:
    try:
        return json.loads(body)
    except ValueError:
        return None


def headers_for(envelope: Envelope, secret: str | None, app_id: int) -> dict[str, str]:
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "GitHub-Hookshot/emulator",
        "X-GitHub-Event": envelope.event,
        "X-GitHub-Delivery": envelope.guid,
        "X-GitHub-Hook-ID": str(HOOK_ID),
        "X-GitHub-Hook-Installation-Target-Type": "integration",
        "X-GitHub-Hook-Installation-Target-ID": str(app_id),
    }
    if secret is not None:
        headers["X-Hub-Signature-256"] = sign(secret, envelope.body)
        headers["X-Hub-Signature"] = (
            "sha1=" + hmac.new(secret.encode(), envelope.body, hashlib.sha1).hexdigest()
        )
    return headers


def send(
    state: State,
    envelope: Envelope,
    url: str,
    headers: dict[str, str],
    *,
    redelivery: bool = False,
    timeout: float = 10.0,
) -> Delivery:
    """POST the exact bytes and record the outcome (status 0 when nothing answered)."""
    started = time.monotonic()
    try:
        response = httpx.post(url, content=envelope.body, headers=headers, timeout=timeout)
        status, text = response.status_code, response.text[:2000]
    except httpx.HTTPError as error:
        status, text = 0, type(error).__name__
    return record(state, envelope, headers, status, text, time.monotonic() - started, redelivery=redelivery)


def record(
    state: State,
    envelope: Envelope,
    headers: dict[str, str],
    status: int,
    text: str = "",
    duration: float = 0.0,
    *,
    redelivery: bool = False,
) -> Delivery:
    with state.lock:
        delivery = Delivery(
            state.next_id(), envelope.guid, envelope.event, envelope.action, envelope.body,
            headers, status, now(), redelivery, duration, text, envelope.installation_id,
            envelope.repository_id,
        )  # fmt: skip
        state.deliveries[delivery.id] = delivery
    return delivery


def envelope_of(delivery: Delivery) -> Envelope:
    return Envelope(
        delivery.event,
        delivery.guid,
        delivery.action,
        delivery.payload,
        delivery.installation_id,
        delivery.repository_id,
    )
