"""The webhook handler under arbitrary bodies and headers: 2xx or 4xx (503 unconfigured), never 500."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from prometheus_client import REGISTRY

from app.db.migrate import upgrade
from app.db.session import dispose_engines
from app.web.application import create_app
from app.web.webhooks import nesting_depth
from tests.conftest import WEBHOOK_SECRET, make_settings
from tests.support.deliveries import sign
from tests.support.servers import serve_app

ALLOWED = {200, 202, 400, 401, 413}
HEADER_TEXT = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=80).map(
    str.strip
)
EVENTS = st.one_of(
    st.sampled_from(
        ["pull_request", "check_suite", "check_run", "installation", "issue_comment", "ping", "star"]
    ),
    HEADER_TEXT,
)
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20))
JSON = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
KEYS = ["action", "installation", "repository", "pull_request", "check_suite", "check_run", "number"]
FIELDS = ["id", "number", "head", "sha", "full_name", "head_sha", "base"]
# Payloads shaped like GitHub's, with any type in any of the fields the handler reads.
SHAPED = st.dictionaries(
    st.sampled_from(KEYS),
    st.one_of(JSON, st.dictionaries(st.sampled_from(FIELDS), st.one_of(JSON, st.dictionaries(
        st.sampled_from(FIELDS), JSON, max_size=3)), max_size=4)),
    max_size=6,
)  # fmt: skip


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    tmp_path: Path = tmp_path_factory.mktemp("webhook-fuzz")
    value = make_settings(tmp_path)
    upgrade(value.database_url)
    with serve_app(create_app(value)) as web, httpx.Client(base_url=web, timeout=30) as http:
        yield http
    dispose_engines()


def post(client: httpx.Client, body: bytes, headers: dict[str, str]) -> int:
    return client.post("/webhooks/github", content=body, headers=headers).status_code


def signed(body: bytes, event: str, delivery: str) -> dict[str, str]:
    return {
        "X-GitHub-Event": event,
        "X-GitHub-Delivery": delivery,
        "X-Hub-Signature-256": sign(WEBHOOK_SECRET, body),
        "Content-Type": "application/json",
    }


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(body=st.binary(max_size=2048), event=EVENTS, delivery=HEADER_TEXT, signature=HEADER_TEXT)
def test_unsigned_or_badly_signed_bodies_are_refused(
    client: httpx.Client, body: bytes, event: str, delivery: str, signature: str
) -> None:
    headers = {"X-GitHub-Event": event, "X-GitHub-Delivery": delivery, "X-Hub-Signature-256": signature}
    assert post(client, body, headers) == 401


@FUZZ
@given(body=st.binary(max_size=2048), event=EVENTS, delivery=HEADER_TEXT)
def test_signed_arbitrary_bytes_never_break_the_handler(
    client: httpx.Client, body: bytes, event: str, delivery: str
) -> None:
    assert post(client, body, signed(body, event, delivery)) in ALLOWED


@FUZZ
@given(payload=st.one_of(JSON, SHAPED), event=EVENTS, delivery=HEADER_TEXT)
def test_signed_json_of_any_shape_never_breaks_the_handler(
    client: httpx.Client, payload: Any, event: str, delivery: str
) -> None:
    body = json.dumps(payload).encode()
    status = post(client, body, signed(body, event, delivery))
    assert status in ALLOWED
    if not isinstance(payload, dict) or not event or not delivery:
        assert status == 400


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b"[" * 100_000 + b"]" * 100_000, 400),  # nesting past the parser's recursion limit
        (b'{"a":' * 65 + b"1" + b"}" * 65, 400),  # deeper than MAX_JSON_DEPTH
        (b'{"a":' * 63 + b"1" + b"}" * 63, 200),  # within the limit: an event Bulwark ignores
        (b'{"installation": [1], "repository": "x", "pull_request": {"head": "sha"}}', 400),
        (b'{"pull_request": {"number": "seven"}}', 400),
        (b"\xff\xfe{}", 400),
    ],
)
def test_hostile_signed_bodies_are_refused_with_400(client: httpx.Client, body: bytes, status: int) -> None:
    before = refused_count()
    event = "star" if status == 200 else "pull_request"
    assert post(client, body, signed(body, event, f"hostile-{uuid.uuid4()}")) == status
    assert refused_count() - before == (1 if status == 400 else 0)  # each refusal is counted


def refused_count() -> float:
    labels = {"event": "unknown", "outcome": "malformed"}
    return REGISTRY.get_sample_value("bulwark_deliveries_total", labels) or 0.0


def test_bodies_over_25_mb_are_refused(client: httpx.Client) -> None:
    body = b" " * (25 * 1024 * 1024 + 1)
    assert post(client, body, signed(body, "pull_request", "big-2")) == 413


def test_missing_secret_is_503_not_500(tmp_path: Path) -> None:
    value = make_settings(tmp_path, webhook_secret=None)
    upgrade(value.database_url)
    with serve_app(create_app(value)) as web, httpx.Client(base_url=web) as http:
        assert post(http, b"{}", signed(b"{}", "pull_request", "no-secret")) == 503
    dispose_engines()


TRICKY_TEXT = st.text(alphabet='[]{}"\\ab\n\u00e9', max_size=12)
NESTED = st.recursive(
    st.one_of(st.none(), st.integers(), TRICKY_TEXT),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(TRICKY_TEXT, inner, max_size=3)),
    max_leaves=30,
)


def container_depth(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max((container_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((container_depth(v) for v in value), default=0)
    return 0


@settings(max_examples=400, deadline=None)
@given(value=NESTED, ascii_only=st.booleans())
def test_nesting_depth_on_raw_bytes_matches_the_parsed_structure(value: Any, ascii_only: bool) -> None:
    """Brackets, quotes and backslashes inside strings never count; every container does."""
    body = json.dumps(value, ensure_ascii=ascii_only).encode()
    assert nesting_depth(body) == container_depth(value)
