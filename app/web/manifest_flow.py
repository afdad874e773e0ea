"""First run: register the GitHub App from `app.yml` through GitHub's manifest flow, then write `.env`.

The setup pages answer only a request whose `Host` is this server's public host (`BULWARK_PUBLIC_URL`),
or, when that is unset, a loopback name or address: a browser led to an attacker's site that rebinds its
name to this server, or someone on the network before the App exists, gets 403 and cannot register an App
of their own into `.env`.

The page posts the manifest to GitHub (a user account or an organisation, github.com or Enterprise
Server); GitHub sends the browser back to `/setup/callback` with a code, which is exchanged at
`POST /app-manifests/{code}/conversions` for the App's id, private key and secrets. The private key is
written to a PEM file (mode 0600) beside `.env`, and `.env` (mode 0600) names its path.
"""

from __future__ import annotations

import ipaddress
import json
import os
import re
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import yaml
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from app.settings import Settings
from app.web.dashboard.github_http import async_github_client
from app.web.dashboard.html import esc, page

APP_YML = Path(__file__).resolve().parents[1] / "app.yml"
STATE_COOKIE = "bulwark_setup_state"
STATE_SECONDS = 3600
_ORG = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$")
_PLAIN_VALUE = re.compile(r"^[A-Za-z0-9._/:@+=,-]*$")


@dataclass
class SetupStates:
    """Issued `state` values (server-side, single use, expiring)."""

    issued: dict[str, float] = field(default_factory=dict)

    def issue(self) -> str:
        now = time.monotonic()
        self.issued = {k: t for k, t in self.issued.items() if t > now}
        value = secrets.token_urlsafe(24)
        self.issued[value] = now + STATE_SECONDS
        return value

    def redeem(self, value: str) -> bool:
        expires = self.issued.pop(value, None)
        return expires is not None and expires > time.monotonic()


def base_url(settings: Settings, request: Request) -> str:
    return (settings.public_url or str(request.base_url)).rstrip("/")


def build_manifest(settings: Settings, server_url: str, name: str | None = None) -> dict[str, Any]:
    """`app.yml` with this server's webhook, redirect and sign-in callback URLs."""
    manifest: dict[str, Any] = yaml.safe_load(APP_YML.read_text(encoding="utf-8"))
    if name:
        manifest["name"] = name
    hook = settings.webhook_proxy_url or f"{server_url}/webhooks/github"  # a relay forwards to this server
    manifest["hook_attributes"] = dict(manifest.get("hook_attributes") or {}, url=hook)
    manifest["url"] = server_url  # the App's homepage: this install's front page, which serves the rule pages
    manifest["redirect_url"] = f"{server_url}/setup/callback"
    manifest["callback_urls"] = [f"{server_url}/dashboard/callback"]
    return manifest


def registration_url(settings: Settings, state: str, org: str | None) -> str:
    root = settings.github_url.rstrip("/")
    path = f"/organizations/{quote(org)}/settings/apps/new" if org else "/settings/apps/new"
    return f"{root}{path}?{urlencode({'state': state})}"


def _refusal(request: Request) -> Response:
    if getattr(request.app.state, "setup_complete", False):
        body = (
            "<h1>The App is registered</h1><p>Its credentials are in <code>.env</code>: restart Bulwark "
            "so that it reads them, then install the App on your repositories.</p>"
        )
        return page("Restart Bulwark", body, status=403)
    body = (
        "<h1>Bulwark is already set up</h1><p>This server has GitHub App credentials, so the setup page "
        "is closed: registering a second App would orphan the first. To start again, remove "
        "<code>BULWARK_APP_ID</code>, <code>BULWARK_PRIVATE_KEY</code> and <code>BULWARK_WEBHOOK_SECRET</code> "
        "from <code>.env</code> and restart.</p>"
    )
    return page("Already set up", body, status=403)


def host_allowed(settings: Settings, request: Request) -> bool:
    """Whether the request's `Host` names this server: the host (and port, when the header gives one) of
    `BULWARK_PUBLIC_URL`, or, when that is unset, a loopback name or address."""
    try:
        asked = urlsplit("//" + request.headers.get("host", ""))
        host, port = (asked.hostname or "").lower(), asked.port
    except ValueError:
        return False
    if settings.public_url:
        public = urlsplit(settings.public_url)
        expected = public.port or (443 if public.scheme == "https" else 80)
        return host == (public.hostname or "").lower() and port in (None, expected)
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _wrong_host(settings: Settings) -> Response:
    where = (
        f"at <code>{esc(settings.public_url)}</code> (<code>BULWARK_PUBLIC_URL</code>)"
        if settings.public_url
        else "on this machine only (<code>http://127.0.0.1</code> or <code>http://localhost</code>), as "
        "<code>BULWARK_PUBLIC_URL</code> is not set"
    )
    body = f"<h1>Not here</h1><p>The setup page answers {where}.</p>"
    return page("Setup refused", body, status=403)


def _closed(request: Request) -> bool:
    settings: Settings = request.app.state.settings
    return settings.has_credentials or bool(getattr(request.app.state, "setup_complete", False))


async def setup_page(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    if not host_allowed(settings, request):
        return _wrong_host(settings)
    if _closed(request):
        return _refusal(request)
    org = request.query_params.get("org", "").strip() or None
    if org is not None and not _ORG.match(org):
        return page(
            "Set up Bulwark", f"<p class='problem'>{esc(org)} is not an organisation name.</p>", status=400
        )
    name = request.query_params.get("name", "").strip()[:34] or None
    state = request.app.state.setup_states.issue()
    manifest = build_manifest(settings, base_url(settings, request), name)
    held = await run_in_threadpool(held_deliveries, settings)
    response = page("Set up Bulwark", _setup_body(settings, manifest, state, org, held))
    response.set_cookie(
        STATE_COOKIE,
        state,
        max_age=STATE_SECONDS,
        httponly=True,
        samesite="lax",
        secure=settings.environment == "production",
        path="/setup",
    )
    return response


def _missing(settings: Settings) -> str:
    names = [
        name
        for name, value in (
            ("BULWARK_APP_ID", settings.app_id),
            ("BULWARK_PRIVATE_KEY", settings.private_key),
            ("BULWARK_WEBHOOK_SECRET", settings.webhook_secret),
        )
        if not value
    ]
    return ", ".join(f"<code>{name}</code>" for name in names)


def _webhook_state(settings: Settings, held: int | None) -> str:
    """What happens to a webhook now: refused without a secret, else verified, stored and held."""
    if settings.webhook_secret is None or not settings.webhook_secret.get_secret_value():
        return "Until a webhook secret is set, webhooks answer 503: nothing is ever accepted unverified."
    waiting = (
        f' <b id="held-deliveries">{held} event{"s" * (held != 1)} {"is" if held == 1 else "are"} waiting '
        "for configuration.</b>"
        if held
        else ""
    )
    return (
        "Webhooks signed with the configured secret are accepted and stored; until the App's id and key "
        f"are set, they wait, and are processed after the restart that reads them.{waiting}"
    )


def held_deliveries(settings: Settings) -> int | None:
    """How many deliveries wait for the App's configuration (None when the database cannot say)."""
    from app.db import repo
    from app.db.models import DeliveryStatus
    from app.db.session import session_scope

    try:
        with session_scope(settings.database_url) as session:
            return repo.count_deliveries(session, DeliveryStatus.AWAITING_CONFIG)
    except Exception:  # no schema yet: the setup page still answers
        return None


def _setup_body(
    settings: Settings, manifest: dict[str, Any], state: str, org: str | None, held: int | None = None
) -> str:
    owner = f"the organisation <b>{esc(org)}</b>" if org else "your personal account"
    action = esc(registration_url(settings, state, org))
    return f"""
<h1>Set up Bulwark</h1>
<p>Bulwark has no GitHub App credentials yet. Register the App on {owner} at
<code>{esc(settings.github_url)}</code>: GitHub asks you to confirm, then sends you back here and Bulwark
writes its credentials to <code>{esc(settings.env_path)}</code>.</p>
<p class="muted">Not set yet: {_missing(settings)}. {_webhook_state(settings, held)}</p>
<form id="register" method="post" action="{action}">
<input type="hidden" name="manifest" value="{esc(json.dumps(manifest))}">
<button id="register-app" type="submit">Register the GitHub App “{esc(manifest.get("name", ""))}”</button>
</form>
<h2>Options</h2>
<form id="options" method="get" action="/setup">
<p><label>Organisation (empty: your personal account)
<input name="org" value="{esc(org or "")}" pattern="[A-Za-z0-9][A-Za-z0-9-]*"></label></p>
<p><label>App name (unique on GitHub) <input name="name" value="{esc(manifest.get("name", ""))}"></label></p>
<p><button type="submit">Update</button></p>
</form>
<p class="muted">Webhooks will go to <code>{esc(manifest["hook_attributes"]["url"])}</code>. On a machine
GitHub cannot reach, forward them with a relay and set <code>BULWARK_WEBHOOK_PROXY_URL</code>
(docs/operations.md).</p>
"""


async def setup_callback(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    if not host_allowed(settings, request):
        return _wrong_host(settings)
    if _closed(request):
        return _refusal(request)
    state = request.query_params.get("state", "")
    code = request.query_params.get("code", "")
    cookie = request.cookies.get(STATE_COOKIE, "")
    if (
        not state
        or not secrets.compare_digest(state, cookie)
        or not request.app.state.setup_states.redeem(state)
    ):
        body = (
            "<h1>This registration cannot be completed</h1><p>The <code>state</code> GitHub sent back "
            "does not match one this server issued to this browser (or it was used already). "
            "<a href='/setup'>Start again</a>.</p>"
        )
        return page("Setup failed", body, status=400)
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,128}", code):
        return page("Setup failed", "<h1>GitHub sent no usable code</h1>", status=400)
    api = settings.github_api_url.rstrip("/")
    async with async_github_client(settings) as client:
        answer = await client.post(f"{api}/app-manifests/{code}/conversions")
    if answer.status_code != 201:
        body = (
            f"<h1>GitHub refused the code</h1><p>GitHub answered {answer.status_code}. Codes expire after "
            "an hour and work once: <a href='/setup'>start again</a>.</p>"
        )
        return page("Setup failed", body, status=502)
    conversion: dict[str, Any] = answer.json()
    write_credentials(Path(settings.env_path), conversion)
    request.app.state.setup_complete = True
    response = page("Bulwark is registered", _done_body(settings, conversion))
    response.delete_cookie(STATE_COOKIE, path="/setup")
    return response


def _done_body(settings: Settings, conversion: dict[str, Any]) -> str:
    slug = str(conversion.get("slug", ""))
    install = f"{settings.github_url.rstrip('/')}/apps/{quote(slug)}/installations/new"
    return f"""
<h1>The GitHub App “{esc(conversion.get("name", slug))}” is registered</h1>
<p>App id <code>{esc(conversion.get("id"))}</code>; credentials written to <code>{esc(settings.env_path)}</code>
(mode 0600) and the private key to a PEM file beside it.</p>
<ol>
<li><b>Restart Bulwark</b> so that it reads the new credentials (<code>make run</code>).</li>
<li><a id="install-link" class="button" href="{esc(install)}">Install the App on your repositories</a></li>
<li>Run <code>bulwark doctor</code> to check the set-up end to end.</li>
</ol>
"""


def env_value(value: str) -> str:
    if _PLAIN_VALUE.match(value):
        return value
    if "'" in value or "\n" in value:
        raise ValueError("a credential holds a character .env cannot carry")
    return f"'{value}'"


def write_credentials(env_path: Path, conversion: dict[str, Any]) -> Path:
    """Write the PEM file and merge the credentials into `.env`, both mode 0600; the PEM's path."""
    env_path = env_path.resolve()
    pem_path = env_path.with_name(f"bulwark-{int(conversion['id'])}.private-key.pem")
    _write_private(pem_path, str(conversion["pem"]))
    values = {
        "BULWARK_APP_ID": str(int(conversion["id"])),
        "BULWARK_APP_SLUG": str(conversion["slug"]),
        "BULWARK_PRIVATE_KEY": str(pem_path),
        "BULWARK_WEBHOOK_SECRET": str(conversion["webhook_secret"]),
        "BULWARK_CLIENT_ID": str(conversion["client_id"]),
        "BULWARK_CLIENT_SECRET": str(conversion["client_secret"]),
    }
    kept: list[str] = []
    if env_path.exists():
        for line in env_path.read_text(encoding="utf-8").splitlines():
            key = line.split("=", 1)[0].strip().removeprefix("export ").strip()
            if key not in values:
                kept.append(line)
    lines = kept + [f"{key}={env_value(value)}" for key, value in values.items()]
    _write_private(env_path, "\n".join(lines) + "\n")
    return pem_path


def _write_private(path: Path, text: str) -> None:
    """Write through a temporary file created 0600, then rename over the target."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.chmod(temporary, 0o600)
    os.replace(temporary, path)


ROUTES = [
    Route("/setup", setup_page),
    Route("/setup/callback", setup_callback),
]
