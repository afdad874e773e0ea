"""Unsigned bodies are not buffered whole: refused on their headers, or read within one budget per
process and in bounded time. Memory under a flood is measured by `bench/unsigned_bodies.py`."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import anyio
import pytest

from app.db.migrate import upgrade
from app.settings import MAX_BODY_BYTES, Settings
from app.web import body_budget
from app.web.application import create_app
from app.web.body_budget import BodyBudget
from tests.conftest import make_settings
from tests.support.servers import serve_app

FORGED = "sha256=" + "0" * 64


def _head(size: int, *, signature: str | None = FORGED) -> bytes:
    lines = [
        "POST /webhooks/github HTTP/1.1",
        "Host: 127.0.0.1",
        "X-GitHub-Event: ping",
        "X-GitHub-Delivery: d-1",
        f"Content-Length: {size}",
    ]
    if signature is not None:
        lines.append(f"X-Hub-Signature-256: {signature}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


@contextmanager
def _connection(web: str) -> Iterator[socket.socket]:
    parts = urlsplit(web)
    with socket.create_connection((parts.hostname or "", parts.port or 0), timeout=20) as sock:
        yield sock


def _status(sock: socket.socket) -> int:
    return int(sock.recv(1024).split(b" ", 2)[1])


def test_a_body_without_a_signature_is_refused_before_a_byte_is_read(web: str) -> None:
    with _connection(web) as sock:
        sock.sendall(_head(24 * 1024 * 1024, signature=None) + b"{")  # 24 MB announced, 1 byte sent
        assert _status(sock) == 401
    with _connection(web) as sock:
        sock.sendall(_head(24 * 1024 * 1024, signature="sha256=00") + b"{")
        assert _status(sock) == 401


def test_a_body_that_never_arrives_is_dropped(web: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(body_budget, "READ_SECONDS", 0.5)
    with _connection(web) as sock:
        sock.sendall(_head(1000) + b"{")
        assert _status(sock) == 408


@pytest.fixture
def tight(tmp_path: Path) -> Iterator[tuple[Settings, str]]:
    settings = make_settings(tmp_path, unverified_body_bytes=MAX_BODY_BYTES)
    upgrade(settings.database_url)
    with serve_app(create_app(settings)) as url:
        yield settings, url


def test_unverified_bodies_beyond_the_budget_wait_then_get_503(
    tight: tuple[Settings, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(body_budget, "WAIT_SECONDS", 0.5)
    _, web = tight
    with _connection(web) as holder, _connection(web) as second:
        holder.sendall(_head(20 * 1024 * 1024) + b"{")  # holds 20 MB of the 25 MB budget while it trickles
        second.sendall(_head(10 * 1024 * 1024) + b"{")
        assert _status(second) == 503
        holder.sendall(b" ")
    with _connection(web) as third:  # the holder is gone: its bytes are free again
        third.sendall(_head(2) + b"{}")
        assert _status(third) == 401


def test_the_budget_holds_at_most_its_limit() -> None:
    async def scenario() -> list[str]:
        budget = BodyBudget(100)
        events: list[str] = []
        assert await budget.reserve(60)
        assert not await budget.reserve(50, wait=0.05)  # no room, nothing held
        assert budget.held == 60

        async def later() -> None:
            events.append("waiting")
            assert await budget.reserve(50, wait=5)
            events.append("reserved")

        async with anyio.create_task_group() as group:
            group.start_soon(later)
            await anyio.sleep(0.05)
            events.append("released")
            await budget.release(60)
        assert budget.held == 50
        assert not await budget.reserve(101, wait=5)  # larger than the budget: refused at once
        return events

    assert anyio.run(scenario) == ["waiting", "released", "reserved"]
