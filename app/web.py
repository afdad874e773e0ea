"""The Starlette application: webhooks, health, readiness, metrics and the front page."""

from __future__ import annotations

import html

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from app import metrics
from app.db.session import get_engine
from app.queue import JobQueue, build_queue
from app.settings import Settings
from app.webhooks import receive_webhook


async def healthz(_request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


def _check_ready(settings: Settings, queue: JobQueue) -> dict[str, str]:
    problems: dict[str, str] = {}
    try:
        with get_engine(settings.database_url).connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:
        problems["database"] = type(exc).__name__
    try:
        queue.ping()
    except Exception as exc:
        problems["queue"] = type(exc).__name__
    return problems


async def readyz(request: Request) -> JSONResponse:
    problems = await run_in_threadpool(_check_ready, request.app.state.settings, request.app.state.queue)
    if problems:
        return JSONResponse({"status": "unavailable", "problems": problems}, status_code=503)
    return JSONResponse({"status": "ready"})


async def metrics_endpoint(request: Request) -> Response:
    queue: JobQueue = request.app.state.queue
    try:
        metrics.QUEUE_DEPTH.set(await run_in_threadpool(queue.depth))
    except Exception:
        metrics.QUEUE_DEPTH.set(-1)
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)


async def home(request: Request) -> HTMLResponse:
    settings: Settings = request.app.state.settings
    if settings.has_credentials:
        body = (
            f"<h1>Bulwark is running</h1><p>App id {settings.app_id}; "
            f"GitHub API {html.escape(settings.github_api_url)}.</p>"
        )
    else:
        missing = [
            name
            for name, value in (
                ("BULWARK_APP_ID", settings.app_id),
                ("BULWARK_PRIVATE_KEY", settings.private_key),
                ("BULWARK_WEBHOOK_SECRET", settings.webhook_secret),
            )
            if not value
        ]
        items = "".join(f"<li><code>{name}</code></li>" for name in missing)
        body = (
            "<h1>Set up Bulwark</h1><p>Bulwark has no GitHub App credentials yet. Register a "
            "GitHub App from <code>app.yml</code> and set these in <code>.env</code>:</p>"
            f"<ul>{items}</ul><p>Until a webhook secret is set, webhooks answer 503: "
            "nothing is ever accepted unverified.</p>"
        )
    page = f"<!doctype html><html><head><title>Bulwark</title></head><body>{body}</body></html>"
    return HTMLResponse(page)


def create_app(settings: Settings, queue: JobQueue | None = None) -> Starlette:
    app = Starlette(
        routes=[
            Route("/", home),
            Route("/webhooks/github", receive_webhook, methods=["POST"]),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route("/metrics", metrics_endpoint),
        ]
    )
    app.state.settings = settings
    app.state.queue = queue or build_queue(settings)
    return app
