"""POST /webhooks/github: verify, record, enqueue, answer 202 — never call GitHub here.

Status codes, in the order they are decided: 503 no webhook secret configured; 411 no `Content-Length`
(a chunked body); 413 body over 25 MB; 401 no well-formed `X-Hub-Signature-256`; 400 missing event or
delivery headers — all before a byte of the body is read. Then 503 (with `Retry-After`) when the
process already holds its budget of unverified bodies (`app.web.body_budget`), 408 a body slower than 10
seconds, 401 a signature that does not match, 400 malformed JSON; 200 for a ping, an event Bulwark does
not handle, or a delivery id seen before; 202 for a delivery stored and queued, or stored and held
(`awaiting_config`) when the secret is set but the App's id or key is not yet: it is processed once they
are. 503 also
when the database cannot take the delivery (never 500: GitHub shows it failed, and the missed-delivery
check asks for it again).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import logging
import re
import threading
from itertools import accumulate
from typing import Any

from anyio import CapacityLimiter, to_thread
from sqlalchemy.exc import SQLAlchemyError
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse

from app import metrics
from app.db import repo
from app.db.models import DeliveryStatus
from app.db.session import get_engine
from app.jobs.job import read_delivery
from app.jobs.queue import JobQueue
from app.settings import MAX_BODY_BYTES, Settings
from app.web.body_budget import BodyBudget, BodyTooSlowError, read_exactly

log = logging.getLogger(__name__)

MAX_JSON_DEPTH = 64
_SIGNATURE = re.compile(r"sha256=[0-9a-fA-F]{64}")


def verify_signature(secret: bytes, body: bytes | bytearray, header: str | None) -> bool:
    """Constant-time check of `X-Hub-Signature-256: sha256=<hex>` over the raw body."""
    if not header or not header.startswith("sha256="):
        return False
    expected = "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected.encode(), header.strip().encode())


def _declared_length(request: Request) -> int | JSONResponse:
    """The body's declared length, or the answer refusing the request before its body is read."""
    declared = request.headers.get("content-length")
    if declared is None or "transfer-encoding" in request.headers:
        metrics.DELIVERIES.labels(event="unknown", outcome="no_length").inc()
        return _error(411, "Content-Length is required (GitHub always sends it)")
    if not declared.isdigit() or len(declared) > 12:
        return _error(400, "Content-Length is not a number")
    if int(declared) > MAX_BODY_BYTES:
        metrics.DELIVERIES.labels(event="unknown", outcome="too_large").inc()
        return _error(413, "payload too large (GitHub never sends more than 25 MB)")
    return int(declared)


def _budget(request: Request) -> BodyBudget:
    """This process' budget of unverified body bytes (made inside the running loop, on first use)."""
    budget: BodyBudget | None = getattr(request.app.state, "body_budget", None)
    if budget is None:
        settings: Settings = request.app.state.settings
        budget = request.app.state.body_budget = BodyBudget(settings.unverified_body_bytes)
    return budget


async def read_signed_body(request: Request, secret: bytes, size: int) -> bytes | JSONResponse:
    """The body once its signature matches, or the answer refusing it. While it is unverified it holds
    `size` bytes of the process' budget: a flood of unsigned bodies waits (or gets 503), unbuffered."""
    budget = _budget(request)
    if not await budget.reserve(size):
        metrics.LIMITS.labels(limit="unverified_bodies").inc()
        response = _error(503, "too many unverified request bodies at once; retry later")
        response.headers["Retry-After"] = "10"
        return response
    try:
        body = await read_exactly(request.stream(), size)
    except ClientDisconnect:
        return _error(400, "client disconnected before the body was complete")
    except BodyTooSlowError:
        metrics.LIMITS.labels(limit="slow_body").inc()
        return _error(408, "the body did not arrive in time")
    except ValueError as error:
        return _error(400, str(error))
    finally:
        await budget.release(size)
    if not verify_signature(secret, body, request.headers.get("x-hub-signature-256")):
        metrics.DELIVERIES.labels(event="unknown", outcome="bad_signature").inc()
        return _error(401, "signature missing or invalid")
    return bytes(body)


_ESCAPE = re.compile(rb"\\.", re.DOTALL)
_STRING = re.compile(rb'"[^"]*"')
_OTHER_BYTES = bytes(set(range(256)) - set(b'[]{}"'))
_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


def nesting_depth(body: bytes) -> int:
    """How deeply arrays and objects nest in a JSON text, counted on the raw bytes before parsing.

    Escapes are dropped, then every byte but quotes and brackets; empty strings (`""`) go (dropping
    two adjacent quotes keeps every later byte's inside-or-outside-a-string parity), then strings
    that held brackets, and the running bracket balance's maximum is taken. All in C-level loops:
    linear in the body, no recursion, ~0.1 ms on a 28 KB payload. Malformed text gets some number;
    the parser refuses it anyway.
    """
    skeleton = _ESCAPE.sub(b"", body).translate(None, _OTHER_BYTES).replace(b'""', b"")
    brackets = _STRING.sub(b"", skeleton).translate(None, b'"')  # an unpaired quote: malformed
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def _refused(outcome: str, message: str) -> JSONResponse:
    """A signed delivery refused by a limit: counted (`bulwark_deliveries_total{outcome=…}`), logged, 400."""
    metrics.DELIVERIES.labels(event="unknown", outcome=outcome).inc()
    log.warning("delivery refused: %s", message)
    return _error(400, message)


def _unavailable(event: str, exc: SQLAlchemyError) -> JSONResponse:
    """The database could not store a delivery: counted, one log line (no statement, no payload), 503."""
    metrics.DELIVERIES.labels(event=event, outcome="unavailable").inc()
    cause = getattr(exc, "orig", None) or exc
    detail = (str(cause).splitlines() or [""])[0][:200]
    log.warning("delivery not stored, answered 503: %s: %s", type(cause).__name__, detail)
    return _error(503, "the database cannot take deliveries now; redeliver this one later")


def _describe(
    event: str, payload: dict[str, Any], body: str, delivery_id: str, *, configured: bool = True
) -> repo.DeliveryRecord:
    """The delivery as stored, read by the job's own reader (`app.jobs.job.read_delivery`): handled events
    with their body (held when the App is not configured yet), others as ignored."""
    job = read_delivery(delivery_id, event, payload)
    handled = job.step is not None
    return repo.DeliveryRecord(
        delivery_id=delivery_id,
        event=event,
        action=job.action,
        installation_id=job.installation_id,
        repository_id=job.repository.id if job.repository else None,
        repo_full_name=job.repository.full_name if job.repository else "",
        pr_number=job.numbers[0] if job.numbers else None,
        head_sha=job.head_sha,
        body=body if handled else "",
        status=(DeliveryStatus.QUEUED if configured else DeliveryStatus.AWAITING_CONFIG)
        if handled
        else DeliveryStatus.IGNORED,
    )


def _held(state: Any, event: str, delivery_id: str) -> JSONResponse:
    """A signed delivery stored before the App's id and key are set: said once in the log, 202."""
    metrics.DELIVERIES.labels(event=event, outcome="awaiting_config").inc()
    if not getattr(state, "held_logged", False):
        state.held_logged = True
        log.warning(
            "deliveries are stored but not processed until BULWARK_APP_ID and BULWARK_PRIVATE_KEY are "
            "set: they are processed after the restart that reads them"
        )
    answer = {"status": "awaiting_config", "delivery": delivery_id, "detail": _HELD_DETAIL}
    return JSONResponse(answer, status_code=202)


_HELD_DETAIL = "stored; processed once BULWARK_APP_ID and BULWARK_PRIVATE_KEY are configured"
_SQLITE_WRITER = threading.Lock()
STORE_THREADS = 2


def _store_limiter(state: Any) -> CapacityLimiter:
    """At most a few threads write deliveries at once (per app, which runs in one event loop).

    A burst of deliveries would otherwise wake dozens of threads that fight the event loop for the
    GIL — each hand-over can wait out the interpreter's 5 ms switch interval — and answers slow down
    for everyone. Two threads keep PostgreSQL's round trips overlapped."""
    limiter: CapacityLimiter | None = getattr(state, "store_limiter", None)
    if limiter is None:  # made inside the running loop, on the first delivery
        limiter = state.store_limiter = CapacityLimiter(STORE_THREADS)
    return limiter


def _store(settings: Settings, queue: JobQueue, record: repo.DeliveryRecord) -> tuple[bool, bool]:
    """Record the delivery and enqueue its job. Stored is what counts: if the queue is down, the
    sweep enqueues the delivery once it is back.

    SQLite has one writer at a time and its busy handler sleeps in coarse steps; queueing this
    process's threads on a lock keeps the tail latency flat. PostgreSQL takes concurrent writers.
    """
    sqlite = settings.database_url.startswith("sqlite") or not settings.redis_url
    with _SQLITE_WRITER if sqlite else contextlib.nullcontext():
        with get_engine(settings.database_url).connect() as connection:
            connection = connection.execution_options(isolation_level="AUTOCOMMIT")
            stored, process = repo.record_delivery(connection, record)
        if process:
            try:
                queue.enqueue(record.delivery_id)
            except Exception:
                log.exception("enqueue failed; the sweep will pick the delivery up")
    return stored, process


def _unread_refusal(request: Request, settings: Settings) -> JSONResponse | int:
    """The answer to a request refused on its headers alone, else its body's declared length."""
    if settings.webhook_secret is None or not settings.webhook_secret.get_secret_value():
        return _error(503, "BULWARK_WEBHOOK_SECRET is not set; webhooks are not accepted yet")
    size = _declared_length(request)
    if isinstance(size, JSONResponse):
        return size
    if not _SIGNATURE.fullmatch(request.headers.get("x-hub-signature-256", "").strip()):
        metrics.DELIVERIES.labels(event="unknown", outcome="bad_signature").inc()
        return _error(401, "signature missing or invalid")
    event = request.headers.get("x-github-event", "")
    delivery_id = request.headers.get("x-github-delivery", "")
    if not event or not delivery_id or len(delivery_id) > 64 or len(event) > 64:
        metrics.DELIVERIES.labels(event="unknown", outcome="bad_headers").inc()  # not logged: unverified
        return _error(400, "X-GitHub-Event and X-GitHub-Delivery are required")
    return size


async def receive_webhook(request: Request) -> JSONResponse:
    settings: Settings = request.app.state.settings
    queue: JobQueue = request.app.state.queue
    size = _unread_refusal(request, settings)
    if isinstance(size, JSONResponse):
        return size
    assert settings.webhook_secret is not None
    body = await read_signed_body(request, settings.webhook_secret.get_secret_value().encode(), size)
    if isinstance(body, JSONResponse):
        return body
    event = request.headers["x-github-event"]
    delivery_id = request.headers["x-github-delivery"]
    if nesting_depth(body) > MAX_JSON_DEPTH:
        return _refused("malformed", f"body nests arrays and objects deeper than {MAX_JSON_DEPTH} levels")
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return _refused("malformed", "body is not valid JSON")
    if not isinstance(payload, dict):
        return _refused("malformed", "body is not a JSON object")
    try:
        record = _describe(
            event, payload, body.decode("utf-8"), delivery_id, configured=settings.has_credentials
        )
    except (KeyError, TypeError, ValueError, OverflowError):
        return _refused("malformed", "payload fields have unexpected types")
    try:
        if settings.database_url.startswith("sqlite") and not settings.redis_url:
            # Local files, a fraction of a millisecond, serialised anyway: a thread hop costs more.
            stored, process = _store(settings, queue, record)
        else:
            stored, process = await to_thread.run_sync(
                _store, settings, queue, record, limiter=_store_limiter(request.app.state)
            )
    except SQLAlchemyError as exc:
        return _unavailable(event, exc)
    if record.status is DeliveryStatus.IGNORED:
        metrics.DELIVERIES.labels(event=event, outcome="ignored").inc()
        return JSONResponse({"status": "ignored", "event": event}, status_code=200)
    if not stored and not process:
        metrics.DELIVERIES.labels(event=event, outcome="duplicate").inc()
        return JSONResponse({"status": "duplicate", "delivery": delivery_id}, status_code=200)
    if record.status is DeliveryStatus.AWAITING_CONFIG:
        return _held(request.app.state, event, delivery_id)
    metrics.DELIVERIES.labels(event=event, outcome="accepted").inc()
    return JSONResponse({"status": "queued", "delivery": delivery_id}, status_code=202)
