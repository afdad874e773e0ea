"""`bulwark doctor`: check settings, database, queue, the App's credentials and its recent webhook
deliveries, and say how to fix each problem found. `diagnose(settings)` returns the findings."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import httpx
import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy import make_url

from analyzers.record import record
from app.db.schema import read_schema
from app.jobs.queue import build_queue
from app.settings import Settings, SettingsError
from app.web.dashboard.github_http import github_client

Level = Literal["error", "warning"]
DELIVERIES_READ = 50
FAILED_SHOWN = 10


@record
class Problem:
    check: str  # settings, database, queue, github or webhook
    level: Level
    problem: str
    fix: str


@record
class Diagnosis:
    passed: tuple[str, ...]
    problems: tuple[Problem, ...]

    @property
    def healthy(self) -> bool:
        return not any(p.level == "error" for p in self.problems)


@dataclass
class _Notes:
    passed: list[str]
    problems: list[Problem]

    def bad(self, check: str, problem: str, fix: str, level: Level = "error") -> None:
        self.problems.append(Problem(check, level, problem, fix))


def diagnose(settings: Settings) -> Diagnosis:
    """Run every check; a check that cannot run because an earlier one failed is skipped."""
    notes = _Notes([], [])
    key = _check_settings(settings, notes)
    _check_database(settings, notes)
    _check_queue(settings, notes)
    if key is not None and settings.app_id and _check_app(settings, key, notes):
        _check_deliveries(settings, key, notes)
    return Diagnosis(tuple(notes.passed), tuple(notes.problems))


def _check_settings(settings: Settings, notes: _Notes) -> rsa.RSAPrivateKey | None:
    missing = [
        f"BULWARK_{name.upper()}"
        for name in ("app_id", "private_key", "webhook_secret")
        if not getattr(settings, name)
    ]
    if missing:
        notes.bad(
            "settings",
            f"{', '.join(missing)} not set",
            "Run `make run` and open the setup page to register the App (it writes .env), or set them.",
        )
    if not settings.client_id or settings.client_secret is None:
        notes.bad(
            "settings",
            "BULWARK_CLIENT_ID / BULWARK_CLIENT_SECRET not set: the dashboard cannot sign anyone in",
            "Copy the client id and a client secret from the App's settings page into .env.",
            "warning",
        )
    if settings.webhook_proxy_url and settings.environment == "production":
        notes.bad(
            "settings",
            "BULWARK_WEBHOOK_PROXY_URL is set in production",
            "Point the App's webhook at this server and unset the relay: a relay is for development.",
            "warning",
        )
    key = _private_key(settings, notes) if settings.private_key is not None else None
    if not missing and key is not None:
        notes.passed.append(f"settings: App {settings.app_id}, private key readable")
    return key


def _private_key(settings: Settings, notes: _Notes) -> rsa.RSAPrivateKey | None:
    try:
        loaded = serialization.load_pem_private_key(settings.private_key_pem().encode(), password=None)
    except (SettingsError, ValueError, TypeError, OSError) as exc:
        notes.bad(
            "settings",
            f"BULWARK_PRIVATE_KEY is unusable: {_reason(exc)}",
            "Set it to the path of the App's .pem file (or its PEM text); generate a new key on the App's "
            "settings page if it is lost.",
        )
        return None
    if not isinstance(loaded, rsa.RSAPrivateKey):
        notes.bad("settings", "BULWARK_PRIVATE_KEY is not an RSA key", "Use the .pem file GitHub generated.")
        return None
    return loaded


def _reason(exc: BaseException) -> str:
    text_ = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text_}"[:300] if text_ else type(exc).__name__


def missing_sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL when it does not exist (opening it would create it), else None."""
    parsed = make_url(url)
    database = parsed.database or ""
    if (
        not parsed.drivername.startswith("sqlite")
        or database in ("", ":memory:")
        or database.startswith("file:")
    ):
        return None
    path = Path(database)
    return None if path.exists() else path


def _check_database(settings: Settings, notes: _Notes) -> None:
    shown = make_url(settings.database_url).render_as_string(hide_password=True)
    missing = missing_sqlite_file(settings.database_url)
    if missing is not None:  # doctor only looks: it creates no database file
        notes.bad(
            "database",
            f"the SQLite database {missing} does not exist (looked for from {Path.cwd()})",
            "Run `bulwark migrate` or `bulwark serve` where Bulwark runs (they create it), or set "
            "BULWARK_DATABASE_URL to the database Bulwark uses.",
        )
        return
    try:
        state = read_schema(settings.database_url)
    except Exception as exc:
        notes.bad(
            "database",
            f"cannot connect to {shown}: {_reason(exc)}",
            "Check BULWARK_DATABASE_URL (host, port, user, password, database name) and that the database "
            "server is running and reachable from here.",
        )
        return
    heads = ", ".join(state.code)
    if not state.current:
        notes.bad(
            "database",
            f"the schema is at {', '.join(state.database) or 'no migration'}, the code expects {heads}",
            "Run the newer version of Bulwark that migrated it (migrations only move forward)."
            if state.ahead
            else "Run `bulwark migrate` (the container does so on start).",
        )
        return
    notes.passed.append(f"database: {shown} at migration {heads}")


def _check_queue(settings: Settings, notes: _Notes) -> None:
    where = "Redis" if settings.redis_url else f"SQLite file {settings.sqlite_queue_path()}"
    if not settings.redis_url and not Path(settings.sqlite_queue_path()).exists():
        notes.passed.append(
            f"queue: {where} not created yet (`bulwark serve` and `bulwark worker` create it)"
        )
        return
    try:
        build_queue(settings).ping()
    except Exception as exc:
        notes.bad(
            "queue",
            f"the queue ({where}) cannot be reached: {_reason(exc)}",
            "Check BULWARK_REDIS_URL and that Redis is running"
            if settings.redis_url
            else "Check that BULWARK_QUEUE_PATH's directory exists and is writable.",
        )
        return
    notes.passed.append(f"queue: {where} answers")


def app_jwt(app_id: int, key: rsa.RSAPrivateKey) -> str:
    now = int(time.time())
    return jwt.encode({"iat": now - 60, "exp": now + 540, "iss": str(app_id)}, key, algorithm="RS256")


def _app_get(settings: Settings, key: rsa.RSAPrivateKey, path: str, **params: Any) -> httpx.Response:
    token = app_jwt(int(settings.app_id or 0), key)
    with github_client(settings) as client:
        return client.get(
            f"{settings.github_api_url.rstrip('/')}{path}",
            headers={"Authorization": f"Bearer {token}"},
            params=params,
        )


def _check_app(settings: Settings, key: rsa.RSAPrivateKey, notes: _Notes) -> bool:
    try:
        answer = _app_get(settings, key, "/app")
    except httpx.HTTPError as exc:
        notes.bad(
            "github",
            f"cannot reach {settings.github_api_url}: {_reason(exc)}",
            "Check BULWARK_GITHUB_API_URL and this machine's network access to GitHub.",
        )
        return False
    if answer.status_code == 401:
        notes.bad(
            "github",
            f"GitHub refused the App's JWT (401): the private key does not belong to App {settings.app_id}",
            "Check BULWARK_APP_ID, and generate a new private key on the App's settings page "
            f"({settings.github_url.rstrip('/')}/settings/apps/{settings.app_slug}) for BULWARK_PRIVATE_KEY.",
        )
        return False
    if answer.status_code != 200:
        notes.bad("github", f"GET /app answered {answer.status_code}", "Check BULWARK_GITHUB_API_URL.")
        return False
    body = answer.json()
    if body.get("slug") and body["slug"] != settings.app_slug:
        notes.bad(
            "github",
            f"the App's slug is {body['slug']!r}, BULWARK_APP_SLUG is {settings.app_slug!r}",
            f"Set BULWARK_APP_SLUG={body['slug']} (installation links and bot comments use it).",
            "warning",
        )
    notes.passed.append(f"github: the credentials are App {body.get('slug')} (id {body.get('id')})")
    return True


def _check_deliveries(settings: Settings, key: rsa.RSAPrivateKey, notes: _Notes) -> None:
    answer = _app_get(settings, key, "/app/hook/deliveries", per_page=DELIVERIES_READ)
    if answer.status_code != 200:
        notes.bad(
            "webhook",
            f"GET /app/hook/deliveries answered {answer.status_code}",
            "Check that the App has a webhook configured (the App's settings page, Webhook).",
            "warning",
        )
        return
    deliveries: list[dict[str, Any]] = answer.json()
    failed = [d for d in deliveries if not 200 <= int(d.get("status_code") or 0) < 300]
    if not failed:
        notes.passed.append(f"webhook: the last {len(deliveries)} deliveries succeeded")
        return
    lines = "; ".join(
        f"{d.get('delivered_at')} {d.get('event')}{'.' + d['action'] if d.get('action') else ''} "
        f"{d.get('guid')}: {d.get('status')} ({d.get('status_code')})"
        for d in failed[:FAILED_SHOWN]
    )
    notes.bad(
        "webhook",
        f"{len(failed)} of the last {len(deliveries)} deliveries failed: {lines}",
        _delivery_fix(failed),
    )


def _delivery_fix(failed: list[dict[str, Any]]) -> str:
    codes = {int(d.get("status_code") or 0) for d in failed}
    hints = []
    if 0 in codes or codes & {502, 504}:
        hints.append(
            "GitHub could not reach the webhook URL: make it public (or forward with a relay and set "
            "BULWARK_WEBHOOK_PROXY_URL) and check the App's webhook URL"
        )
    if codes & {401, 403}:
        hints.append("the signature was refused: BULWARK_WEBHOOK_SECRET must equal the App's webhook secret")
    if 503 in codes:
        hints.append("Bulwark answered 503: set BULWARK_WEBHOOK_SECRET, check /readyz (database and queue)")
    if codes & {500, 413, 400}:
        hints.append("Bulwark refused or failed: read its logs for these delivery ids")
    hints.append(
        "then redeliver them from the App's settings page (Advanced); workers also ask GitHub again "
        "for deliveries they never stored"
    )
    return "; ".join(hints) + "."


def render(diagnosis: Diagnosis) -> str:
    lines = [f"ok       {item}" for item in diagnosis.passed]
    for problem in diagnosis.problems:
        lines.append(f"{problem.level.upper():<8} {problem.check}: {problem.problem}")
        lines.append(f"         fix: {problem.fix}")
    verdict = "Bulwark looks healthy." if diagnosis.healthy else "Bulwark needs attention (see above)."
    return "\n".join([*lines, verdict]) + "\n"
