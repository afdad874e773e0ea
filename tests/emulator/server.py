"""`GitHubEmulator`: GitHub's REST side (and a little GraphQL) on a loopback port, in a thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from types import TracebackType
from typing import Any, Self

from tests.emulator import (
    routes_app,
    routes_checks,
    routes_comments,
    routes_graphql,
    routes_repo,
    routes_reviews,
    routes_web,
)
from tests.emulator.auth import generated_private_key, issue_token, mint_jwt, public_key_pem
from tests.emulator.dispatch import Dispatcher
from tests.emulator.faults import FaultBook
from tests.emulator.http import Endpoint
from tests.emulator.recording import Recording
from tests.emulator.seeding import Seeding
from tests.emulator.serving import ThreadedServer
from tests.emulator.state import Delivery, ManifestCode, State
from tests.emulator.webhooks import Envelope, envelope_of, headers_for, record, send

API_ENDPOINTS: tuple[Endpoint, ...] = (
    *routes_app.ENDPOINTS,
    *routes_repo.ENDPOINTS,
    *routes_checks.ENDPOINTS,
    *routes_reviews.ENDPOINTS,
    *routes_comments.ENDPOINTS,
    *routes_graphql.ENDPOINTS,
    *routes_web.ENDPOINTS,
)


class GitHubEmulator(Seeding, Recording):
    """An in-memory GitHub for tests. Use as a context manager, or `start()` / `stop()`."""

    def __init__(
        self, app_id: int = 1, private_key_pem: str | None = None, *, app_slug: str = "bulwark"
    ) -> None:
        self._identity = (app_id, app_slug, private_key_pem or generated_private_key())
        self._take_identity(*self._identity)
        self.web_user: str | None = None
        self.oauth_callback_url: str | None = None
        self.state = State()
        self.faults = FaultBook()
        self.webhook_url: str | None = None
        self.webhook_secret: str | None = None
        self.extra_endpoints: list[Endpoint] = []
        self._dispatcher = Dispatcher(self)
        self._server = ThreadedServer(self._dispatcher.asgi(), name="github-emulator")
        self._senders: list[threading.Thread] = []

    def _take_identity(self, app_id: int, slug: str, pem: str) -> None:
        self.app_id = app_id
        self.app_slug = slug
        self.private_key_pem = pem
        self.public_key_pem = public_key_pem(pem)
        self.client_id = f"Iv1.{app_id:016x}"
        self.client_secret = f"secret-{app_id}"

    def adopt(self, code: ManifestCode) -> None:
        """Become the app a manifest created (as GitHub would then know it)."""
        self._take_identity(code.app_id, code.slug, code.pem)
        self.client_id, self.client_secret = code.client_id, code.client_secret
        self.webhook_secret = code.webhook_secret
        if code.webhook_url:
            self.webhook_url = code.webhook_url

    def sign_in(self, login: str | None) -> None:
        """The person signed in on the emulator's web side (who approves OAuth requests)."""
        self.web_user = login

    # -- lifecycle -----------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return self._server.url

    @property
    def bot_login(self) -> str:
        return f"{self.app_slug}[bot]"

    def start(self) -> Self:
        self._server.start()
        return self

    def stop(self) -> None:
        self.wait_for_redeliveries()
        self._server.stop()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()

    def reset(self) -> None:
        """Forget all data, calls, faults and webhook settings; the server keeps running.

        Issued installation tokens stay valid (un-expired): clients cache tokens process-wide by
        installation id, as GitHub's own tokens would outlive one test.
        """
        self.wait_for_redeliveries()
        with self.state.lock:
            fresh = State()
            fresh.lock = self.state.lock
            fresh.tokens = self.state.tokens
            for token in fresh.tokens.values():
                token.expired = False
            self.state = fresh
        self.faults.clear()
        self.webhook_url = self.webhook_secret = None
        self._take_identity(*self._identity)
        self.web_user = self.oauth_callback_url = None
        self.extra_endpoints.clear()
        self._dispatcher.used.clear()

    def app_jwt(self, *, lifetime: int = 540) -> str:
        """A valid JWT for this app (for calls made by tests themselves)."""
        return mint_jwt(self.private_key_pem, self.app_id, lifetime=lifetime)

    def installation_token(self, installation_id: int) -> str:
        """Issue an installation token directly, as `POST .../access_tokens` would."""
        with self.state.lock:
            if installation_id not in self.state.installations:
                raise KeyError(f"no installation {installation_id}")
            return issue_token(self.state, installation_id).value

    def endpoints(self) -> Sequence[Endpoint]:
        """Every route served; later features (web pages, OAuth) add theirs to `extra_endpoints`."""
        return (*API_ENDPOINTS, *self.extra_endpoints)

    # -- webhooks ------------------------------------------------------------------------------

    def configure_webhook(self, url: str, secret: str | None) -> None:
        self.webhook_url, self.webhook_secret = url, secret

    def deliver(
        self,
        event: str,
        payload: dict[str, Any] | bytes,
        *,
        delivery_id: str | None = None,
        action: str | None = None,
    ) -> Delivery:
        """Sign the exact bytes, POST them to the configured webhook URL, record the delivery."""
        if self.webhook_url is None:
            raise RuntimeError("configure_webhook(url, secret) first")
        envelope = Envelope.of(event, payload, delivery_id, action)
        headers = headers_for(envelope, self.webhook_secret, self.app_id)
        return send(self.state, envelope, self.webhook_url, headers)

    def record_failed_delivery(
        self,
        event: str,
        payload: dict[str, Any] | bytes,
        *,
        delivery_id: str | None = None,
        action: str | None = None,
        status_code: int = 502,
    ) -> Delivery:
        """A delivery GitHub tried and failed (nothing is sent), to be found by a back-fill."""
        envelope = Envelope.of(event, payload, delivery_id, action)
        headers = headers_for(envelope, self.webhook_secret, self.app_id)
        return record(self.state, envelope, headers, status_code, "")

    def redeliver_later(self, delivery_id: int) -> None:
        """Re-send a recorded delivery from another thread (GitHub answers 202 first)."""
        with self.state.lock:
            original = self.state.deliveries[delivery_id]
            envelope = envelope_of(original)
        url = self.webhook_url
        if url is None:
            raise RuntimeError("no webhook URL configured")
        headers = headers_for(envelope, self.webhook_secret, self.app_id)
        sender = threading.Thread(
            target=send, args=(self.state, envelope, url, headers), kwargs={"redelivery": True}, daemon=True
        )
        self._senders.append(sender)
        sender.start()

    def wait_for_redeliveries(self, timeout: float = 10.0) -> None:
        """Block until every redelivery requested through the API has been sent and recorded."""
        deadline = time.monotonic() + timeout
        while self._senders:
            self._senders.pop().join(timeout=max(deadline - time.monotonic(), 0))
