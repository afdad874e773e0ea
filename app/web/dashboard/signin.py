"""Sign-in with GitHub through the App's OAuth client (a user-to-server token), and sign-out."""

from __future__ import annotations

import logging
import secrets
from urllib.parse import parse_qs, urlencode

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from app.settings import Settings
from app.web.dashboard import access
from app.web.dashboard.github_http import async_github_client
from app.web.dashboard.html import esc, page
from app.web.dashboard.session import clear_session, csrf_valid, new_session, read_session, store_session

log = logging.getLogger("bulwark.dashboard")


def _server_url(settings: Settings, request: Request) -> str:
    return (settings.public_url or str(request.base_url)).rstrip("/")


def _safe_next(value: str) -> str:
    return (
        value if value.startswith("/dashboard") and "//" not in value and "\\" not in value else "/dashboard"
    )


async def read_form(request: Request, limit: int = 64 * 1024) -> dict[str, str]:
    """A small url-encoded form body, first value per field ({} when too large or not a form)."""
    if not request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        return {}
    body = await request.body()
    if len(body) > limit:
        return {}
    return {key: values[0] for key, values in parse_qs(body.decode("utf-8", "replace")).items()}


async def login(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    if not settings.client_id or settings.client_secret is None:
        body = (
            "<h1>Sign-in is not configured</h1><p>The dashboard signs you in through the App's OAuth client: "
            "set <code>BULWARK_CLIENT_ID</code> and <code>BULWARK_CLIENT_SECRET</code> (the setup page "
            "writes both) and restart.</p>"
        )
        return page("Sign-in unavailable", body, status=503)
    state = secrets.token_urlsafe(24)
    pending = new_session(oauth_state=state, next_path=_safe_next(request.query_params.get("next", "")))
    query = {
        "client_id": settings.client_id,
        "redirect_uri": f"{_server_url(settings, request)}/dashboard/callback",
        "state": state,
    }
    response = RedirectResponse(
        f"{settings.github_url.rstrip('/')}/login/oauth/authorize?{urlencode(query)}", 303
    )
    store_session(response, settings, pending)
    return response


def _failed(reason: str, status: int = 400) -> Response:
    body = f"<h1>Sign-in failed</h1><p>{esc(reason)}</p><p><a href='/dashboard/login'>Try again</a></p>"
    return page("Sign-in failed", body, status=status)


async def callback(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    pending = read_session(request)
    state = request.query_params.get("state", "")
    if not pending.oauth_state or not secrets.compare_digest(pending.oauth_state, state):
        return _failed("The sign-in did not start in this browser, or it was used already.")
    code = request.query_params.get("code", "")
    if not code or settings.client_secret is None:
        return _failed("GitHub sent no code.")
    async with async_github_client(settings) as client:
        answer = await client.post(
            f"{settings.github_url.rstrip('/')}/login/oauth/access_token",
            data={
                "client_id": settings.client_id or "",
                "client_secret": settings.client_secret.get_secret_value(),
                "code": code,
            },
            headers={"Accept": "application/json"},
        )
        token = str(answer.json().get("access_token", "")) if answer.status_code == 200 else ""
        if not token:
            return _failed("GitHub did not accept the sign-in code; it may have expired.", 502)
        user = await client.get(
            f"{settings.github_api_url.rstrip('/')}/user", headers={"Authorization": f"Bearer {token}"}
        )
    if user.status_code != 200:
        return _failed(f"GitHub answered {user.status_code} when asked who signed in.", 502)
    login_name = str(user.json().get("login", ""))
    log.info("dashboard sign-in", extra={"login": login_name})
    response = RedirectResponse(_safe_next(pending.next_path), 303)
    store_session(response, settings, new_session(login=login_name, token=token))
    return response


async def logout(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    session = read_session(request)
    form = await read_form(request)
    if not csrf_valid(session, form.get("csrf", "")):
        return page("Refused", "<h1>The form expired</h1><p>Reload the page and try again.</p>", status=403)
    access.forget(session.token)
    response = RedirectResponse("/", 303)
    clear_session(response, settings)
    return response
