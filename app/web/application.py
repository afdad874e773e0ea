"""The Starlette application: webhooks, health, readiness, metrics and the front page."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path
from urllib.parse import quote

from prometheus_client import CONTENT_TYPE_LATEST
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from analyzers.base import DOCS_BASE_URL
from app import metrics
from app.clock import Clock, utcnow
from app.db import repo
from app.db.schema import read_schema
from app.db.session import session_scope
from app.jobs.queue import JobQueue, build_queue
from app.settings import Settings
from app.web import manifest_flow, rule_pages
from app.web.dashboard.html import esc, page
from app.web.dashboard.routes import ROUTES as DASHBOARD_ROUTES
from app.web.webhooks import receive_webhook

STATIC = Path(__file__).resolve().parents[1] / "static"
DOCS_URL = DOCS_BASE_URL.removesuffix("/rules")  # the rule pages' folder holds them; its parent, the docs


async def healthz(_request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


def _check_ready(settings: Settings, queue: JobQueue) -> dict[str, object]:
    """The readiness answer: the schema revisions, and each part that is not ready with why."""
    answer: dict[str, object] = {}
    problems: dict[str, str] = {}
    try:
        state = read_schema(settings.database_url)
        answer["schema"] = state.as_dict()
        if not state.current:
            problems["schema"] = state.problem()
    except Exception as exc:
        problems["database"] = type(exc).__name__
    try:
        queue.ping()
    except Exception as exc:
        problems["queue"] = type(exc).__name__
    status = {"status": "unavailable", "problems": problems} if problems else {"status": "ready"}
    return {**status, **answer}


async def readyz(request: Request) -> JSONResponse:
    answer = await run_in_threadpool(_check_ready, request.app.state.settings, request.app.state.queue)
    return JSONResponse(answer, status_code=503 if "problems" in answer else 200)


def _oldest_waiting_seconds(settings: Settings) -> float:
    with session_scope(settings.database_url) as session:
        oldest = repo.oldest_waiting_delivery(session)
    if oldest is None:
        return 0.0
    oldest = oldest if oldest.tzinfo else oldest.replace(tzinfo=UTC)
    return max((utcnow() - oldest).total_seconds(), 0.0)


async def metrics_endpoint(request: Request) -> Response:
    queue: JobQueue = request.app.state.queue
    try:
        metrics.QUEUE_DEPTH.set(await run_in_threadpool(queue.depth))
    except Exception:
        metrics.QUEUE_DEPTH.set(-1)
    try:
        metrics.QUEUE_AGE.set(await run_in_threadpool(_oldest_waiting_seconds, request.app.state.settings))
    except Exception:
        metrics.QUEUE_AGE.set(-1)
    return Response(metrics.render_latest(), media_type=CONTENT_TYPE_LATEST)


async def home(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    if not settings.has_credentials:
        return await manifest_flow.setup_page(request)
    install = f"{settings.github_url.rstrip('/')}/apps/{quote(settings.app_slug)}/installations/new"
    body = (
        f"<h1>Bulwark is running</h1><p>App id {settings.app_id}; "
        f"GitHub API {esc(settings.github_api_url)}.</p><ul>"
        f'<li><a id="install-link" href="{esc(install)}">Install the App on repositories</a> (or change '
        "which repositories it sees)</li>"
        '<li><a id="dashboard-link" href="/dashboard">Open the dashboard</a> (sign in with GitHub)</li>'
        '<li><a id="rules-link" href="/rules">The rules</a> this install runs, what each finds and how to '
        "fix it</li>"
        f'<li><a id="docs-link" href="{esc(DOCS_URL)}">Read the documentation</a>: the repository policy, '
        "operations</li></ul>"
    )
    return page("Bulwark", body)


def create_app(settings: Settings, queue: JobQueue | None = None, clock: Clock = utcnow) -> Starlette:
    app = Starlette(
        routes=[
            Route("/", home),
            Route("/webhooks/github", receive_webhook, methods=["POST"]),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route("/metrics", metrics_endpoint),
            *manifest_flow.ROUTES,
            *rule_pages.ROUTES,
            *DASHBOARD_ROUTES,
            Mount("/static", app=StaticFiles(directory=STATIC), name="static"),
        ]
    )
    app.state.setup_states = manifest_flow.SetupStates()
    app.state.settings = settings
    app.state.clock = clock
    app.state.queue = queue or build_queue(settings)
    return app
