"""The dashboard's session: an encrypted, HttpOnly, SameSite=Lax cookie (Secure outside development).

The cookie holds who signed in, their user-to-server token, a CSRF token and an expiry, sealed with
AES-GCM (encrypted and authenticated, so the token cannot be read from the cookie nor the cookie
forged). The key is `BULWARK_SESSION_SECRET`, or one derived from the App's client secret.
"""

from __future__ import annotations

import base64
import hmac
import json
import secrets
import time
from dataclasses import asdict

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from starlette.requests import Request
from starlette.responses import Response

from analyzers.record import record
from app.settings import Settings

COOKIE = "bulwark_session"
SESSION_SECONDS = 8 * 3600  # GitHub's user-to-server tokens last eight hours
_PROCESS_KEY = secrets.token_bytes(32)


@record
class Session:
    login: str = ""
    token: str = ""
    csrf: str = ""
    oauth_state: str = ""
    next_path: str = "/dashboard"
    expires: float = 0.0

    @property
    def signed_in(self) -> bool:
        return bool(self.login and self.token)


def signing_key(settings: Settings) -> bytes:
    for secret in (settings.session_secret, settings.client_secret, settings.webhook_secret):
        if secret is not None and secret.get_secret_value():
            return hmac.new(
                b"bulwark-dashboard-session", secret.get_secret_value().encode(), "sha256"
            ).digest()
    return _PROCESS_KEY  # no secrets at all: sessions last as long as this process


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def encode(session: Session, key: bytes) -> str:
    nonce = secrets.token_bytes(12)
    sealed = AESGCM(key).encrypt(
        nonce, json.dumps(asdict(session), separators=(",", ":")).encode(), COOKIE.encode()
    )
    return _b64(nonce + sealed)


def decode(value: str, key: bytes, now: float | None = None) -> Session | None:
    """The session in a cookie, or None when it is forged, malformed or expired."""
    try:
        raw = _unb64(value)
        opened = AESGCM(key).decrypt(raw[:12], raw[12:], COOKIE.encode())
        session = Session(**json.loads(opened))
    except (InvalidTag, ValueError, TypeError):
        return None
    if session.expires < (time.time() if now is None else now):
        return None
    return session


def read_session(request: Request) -> Session:
    settings: Settings = request.app.state.settings
    value = request.cookies.get(COOKIE, "")
    return (decode(value, signing_key(settings)) if value else None) or Session()


def new_session(**values: str) -> Session:
    return Session(csrf=secrets.token_urlsafe(24), expires=time.time() + SESSION_SECONDS, **values)


def store_session(response: Response, settings: Settings, session: Session) -> None:
    response.set_cookie(
        COOKIE,
        encode(session, signing_key(settings)),
        max_age=SESSION_SECONDS,
        httponly=True,
        samesite="lax",
        secure=settings.environment != "development",
        path="/",
    )


def clear_session(response: Response, settings: Settings) -> None:
    response.delete_cookie(
        COOKIE, path="/", httponly=True, samesite="lax", secure=settings.environment != "development"
    )


def csrf_valid(session: Session, submitted: str) -> bool:
    return bool(session.csrf) and hmac.compare_digest(session.csrf, submitted)
