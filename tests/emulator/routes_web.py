"""GitHub's web side that an App meets: the manifest registration flow and OAuth sign-in."""

from __future__ import annotations

import html
import json
import re
import secrets
from typing import Any
from urllib.parse import urlencode

from starlette.responses import HTMLResponse, RedirectResponse, Response

from tests.emulator import shapes
from tests.emulator.http import Ctx, Endpoint, reply
from tests.emulator.state import iso, now

OAUTH_DOCS = (
    "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors"
)
_CONFIRM = """<!doctype html>
<html><head><title>Create GitHub App</title></head>
<body>
<h1>Create GitHub App for {owner}</h1>
<p id="app-name">{name}</p>
<form method="post" action="/settings/apps/new/confirm">
<input type="hidden" name="pending" value="{pending}">
<button id="create-app" type="submit">Create GitHub App for {owner}</button>
</form>
</body></html>
"""


def _page(status: int, title: str) -> HTMLResponse:
    return HTMLResponse(f"<!doctype html><html><body><h1>{html.escape(title)}</h1></body></html>", status)


def new_app_from_manifest(ctx: Ctx) -> Response:
    """`POST /settings/apps/new` (or the organisation's): show the confirmation page."""
    form = ctx.form()
    try:
        manifest = json.loads(form.get("manifest", ""))
    except ValueError:
        return _page(422, "Invalid GitHub App configuration: the manifest is not JSON")
    if not isinstance(manifest, dict) or not manifest.get("url"):
        return _page(422, "Invalid GitHub App configuration: url is required")
    owner = ctx.params.get("org") or ctx.emulator.web_user or "octocat"
    pending = secrets.token_hex(8)
    ctx.state.manifests.append({"pending": pending, "owner": owner, "state": form.get("state"), **manifest})
    name = html.escape(str(manifest.get("name") or "bulwark"))
    return HTMLResponse(_CONFIRM.format(owner=html.escape(owner), name=name, pending=pending))


def confirm_new_app(ctx: Ctx) -> Response:
    """The person clicked "Create": mint a code and send them to the manifest's `redirect_url`."""
    pending = ctx.form().get("pending")
    found = [m for m in ctx.state.manifests if m["pending"] == pending]
    if not found:
        return _page(404, "This manifest has expired")
    manifest = found[-1]
    code = secrets.token_hex(10)
    name = str(manifest.get("name") or "bulwark")
    ctx.emulator.add_manifest_code(
        code,
        app_id=ctx.emulator.app_id + 1000 + len(ctx.state.manifests),
        slug=re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "bulwark",
        name=name,
        owner=str(manifest["owner"]),
        webhook_url=_hook_url(manifest),
    )
    target = str(manifest.get("redirect_url") or f"{ctx.api}/settings/apps")
    query = {"code": code} | ({"state": manifest["state"]} if manifest.get("state") else {})
    return RedirectResponse(f"{target}{'&' if '?' in target else '?'}{urlencode(query)}", 302)


def _hook_url(manifest: dict[str, Any]) -> str | None:
    hook = manifest.get("hook_attributes")
    return str(hook["url"]) if isinstance(hook, dict) and hook.get("url") else None


def authorize(ctx: Ctx) -> Response:
    """`GET /login/oauth/authorize`: the signed-in web user (`web_user`) approves at once."""
    emulator = ctx.emulator
    if ctx.query.get("client_id") != emulator.client_id:
        return _page(404, "Not Found")
    if emulator.web_user is None:
        return _page(401, "Sign in to GitHub to continue")
    target = ctx.query.get("redirect_uri") or emulator.oauth_callback_url
    if not target:
        return _page(422, "The redirect_uri is missing")
    code = secrets.token_hex(10)
    ctx.state.oauth_codes[code] = emulator.web_user
    query = {"code": code} | ({"state": ctx.query["state"]} if "state" in ctx.query else {})
    return RedirectResponse(f"{target}{'&' if '?' in target else '?'}{urlencode(query)}", 302)


def _oauth_error(error: str, description: str) -> dict[str, str]:
    return {"error": error, "error_description": description, "error_uri": OAUTH_DOCS}


def access_token(ctx: Ctx) -> Response:
    """`POST /login/oauth/access_token`: errors come back with status 200, as GitHub sends them."""
    form, emulator = ctx.form(), ctx.emulator
    body: dict[str, Any]
    if form.get("client_id") != emulator.client_id or form.get("client_secret") != emulator.client_secret:
        body = _oauth_error(
            "incorrect_client_credentials", "The client_id and/or client_secret passed are incorrect."
        )
    elif (login := ctx.state.oauth_codes.pop(form.get("code", ""), None)) is None:
        body = _oauth_error("bad_verification_code", "The code passed is incorrect or expired.")
    else:
        token = "ghu_" + secrets.token_urlsafe(27)
        ctx.state.user_tokens[token] = login
        body = {
            "access_token": token,
            "expires_in": 28800,
            "refresh_token": "ghr_" + secrets.token_urlsafe(40),
            "refresh_token_expires_in": 15897600,
            "token_type": "bearer",
            "scope": "",
        }
    if "json" in ctx.headers.get("accept", ""):
        return reply(body)
    return Response(urlencode(body), media_type="application/x-www-form-urlencoded")


def authenticated_user(ctx: Ctx) -> Response:
    login = str(ctx.user)
    created = iso(now())
    body = shapes.user(ctx.api, login) | {
        "name": login.capitalize(),
        "company": None,
        "blog": "",
        "location": None,
        "email": None,
        "hireable": None,
        "bio": None,
        "twitter_username": None,
        "public_repos": 0,
        "public_gists": 0,
        "followers": 0,
        "following": 0,
        "created_at": created,
        "updated_at": created,
    }
    return reply(body)


def user_installations(ctx: Ctx) -> Response:
    """Installations with a repository the user may see (or owned by the user)."""
    login = str(ctx.user).lower()
    visible = {
        repo.installation_id
        for repo in ctx.state.repos.values()
        if not repo.private or repo.permissions.get(login, "none") != "none"
    }
    emulator = ctx.emulator
    items = [
        shapes.installation(ctx.api, inst, emulator.app_id, emulator.app_slug)
        for inst in sorted(ctx.state.installations.values(), key=lambda i: i.id)
        if inst.id in visible or inst.account_login.lower() == login
    ]
    return reply({"total_count": len(items), "installations": items})


ENDPOINTS = [
    Endpoint("POST", "/settings/apps/new", new_app_from_manifest, "none"),
    Endpoint("POST", "/organizations/{org}/settings/apps/new", new_app_from_manifest, "none"),
    Endpoint("POST", "/settings/apps/new/confirm", confirm_new_app, "none"),
    Endpoint("GET", "/login/oauth/authorize", authorize, "none"),
    Endpoint("POST", "/login/oauth/access_token", access_token, "none"),
    Endpoint("GET", "/user", authenticated_user, "user"),
    Endpoint("GET", "/user/installations", user_installations, "user"),
]
