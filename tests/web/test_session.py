"""The dashboard's session cookie: signed, expiring, and refused when tampered with."""

from __future__ import annotations

import base64
import time
from pathlib import Path

from pydantic import SecretStr

from app.web.dashboard.session import Session, csrf_valid, decode, encode, signing_key
from tests.conftest import make_settings


def test_a_cookie_round_trips_and_expires() -> None:
    key = b"k" * 32
    session = Session(login="maya", token="ghu_x", csrf="c", expires=time.time() + 60)
    value = encode(session, key)
    assert decode(value, key) == session
    assert decode(value, key, now=session.expires + 1) is None
    assert decode(value, b"other" * 8) is None
    altered = value[:20] + ("B" if value[20] == "A" else "A") + value[21:]
    assert decode(altered, key) is None  # any change to the sealed cookie is refused
    assert decode("not-a-cookie", key) is None
    assert "ghu_x" not in value
    assert "maya" not in value
    raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    assert b"ghu_x" not in raw
    assert b"maya" not in raw


def test_the_key_follows_the_configured_secrets(tmp_path: Path) -> None:
    base = tmp_path
    one = signing_key(make_settings(base, client_secret=SecretStr("a")))
    assert one == signing_key(make_settings(base, client_secret=SecretStr("a")))  # same on every replica
    assert one != signing_key(make_settings(base, client_secret=SecretStr("b")))
    assert (
        signing_key(make_settings(base, session_secret=SecretStr("s"), client_secret=SecretStr("a"))) != one
    )


def test_csrf_needs_the_sessions_token() -> None:
    assert csrf_valid(Session(csrf="abc"), "abc")
    assert not csrf_valid(Session(csrf="abc"), "abd")
    assert not csrf_valid(Session(), "")
