"""Injected faults, rate-limit headers and the record of unexpected calls."""

from __future__ import annotations

import time

import httpx
import pytest
from starlette.responses import JSONResponse, Response

from tests.emulator import Ctx, Endpoint, GitHubEmulator
from tests.emulator.conftest import REPO


def test_fail_answers_then_recovers(github: GitHubEmulator, api: httpx.Client) -> None:
    github.fail("GET", r"^/repos/acme/widgets$", 502, times=2)
    statuses = [api.get(f"/repos/{REPO}").status_code for _ in range(3)]
    assert statuses == [502, 502, 200]
    assert [c.status for c in github.calls_to("GET", r"^/repos/acme/widgets$")] == [502, 502, 200]


def test_fail_with_custom_body_and_headers(github: GitHubEmulator, api: httpx.Client) -> None:
    github.fail("*", r"/repos/", 500, headers={"X-Why": "test"}, body={"message": "boom"})
    answer = api.get(f"/repos/{REPO}")
    assert (answer.status_code, answer.json(), answer.headers["x-why"]) == (500, {"message": "boom"}, "test")


def test_primary_rate_limit(github: GitHubEmulator, api: httpx.Client) -> None:
    github.rate_limit("primary", retry_after=30)
    limited = api.get(f"/repos/{REPO}")
    assert limited.status_code == 403
    assert limited.headers["x-ratelimit-remaining"] == "0"
    assert int(limited.headers["x-ratelimit-reset"]) >= int(time.time()) + 29
    assert limited.json()["message"].startswith("API rate limit exceeded")
    assert api.get(f"/repos/{REPO}").status_code == 200


@pytest.mark.parametrize("status", [403, 429])
def test_secondary_rate_limit(github: GitHubEmulator, api: httpx.Client, status: int) -> None:
    github.rate_limit("secondary", times=1, retry_after=7, status=status)
    limited = api.get(f"/repos/{REPO}")
    assert (limited.status_code, limited.headers["retry-after"]) == (status, "7")
    assert "secondary rate limit" in limited.json()["message"]


def test_delay_makes_a_client_time_out(github: GitHubEmulator, api: httpx.Client) -> None:
    github.delay("GET", r"^/repos/acme/widgets$", 2.0)
    with pytest.raises(httpx.ReadTimeout):
        api.get(f"/repos/{REPO}", timeout=0.2)
    assert api.get(f"/repos/{REPO}", timeout=5).status_code == 200
    assert github.faults.pending() == []


def test_latency_applies_to_every_call(github: GitHubEmulator, api: httpx.Client) -> None:
    github.latency(1.0)
    with pytest.raises(httpx.ReadTimeout):
        api.get("/nowhere", timeout=0.2)
    github.latency(0)
    assert api.get(f"/repos/{REPO}").status_code == 200


def test_every_answer_has_rate_limit_headers(github: GitHubEmulator, api: httpx.Client) -> None:
    first = api.get(f"/repos/{REPO}")
    second = api.get(f"/repos/{REPO}/pulls/99")
    assert second.status_code == 404
    for answer in (first, second):
        assert {"x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset", "x-ratelimit-used"} <= set(
            answer.headers
        )
    assert int(first.headers["x-ratelimit-remaining"]) - int(second.headers["x-ratelimit-remaining"]) == 1


def test_unknown_requests_are_404_and_recorded(github: GitHubEmulator, api: httpx.Client) -> None:
    answer = api.delete(f"/repos/{REPO}")
    assert answer.status_code == 404
    assert answer.json() == {
        "message": "Not Found",
        "documentation_url": "https://docs.github.com/rest",
        "status": "404",
    }
    api.get("/user/repos", params={"page": "2"})
    assert [(c.method, c.path, c.query) for c in github.unexpected] == [
        ("DELETE", f"/repos/{REPO}", {}),
        ("GET", "/user/repos", {"page": "2"}),
    ]
    assert api.get(f"/repos/{REPO}").status_code == 200
    assert len(github.unexpected) == 2


def test_reset_forgets_everything(github: GitHubEmulator, api: httpx.Client) -> None:
    github.fail("GET", ".", 500, times=5)
    github.reset()
    assert (github.calls, github.unexpected, github.faults.pending()) == ([], [], [])
    assert api.get(f"/repos/{REPO}").status_code == 404  # the token outlives the data


def _broken(ctx: Ctx) -> Response:
    raise RuntimeError("bug")


def _hello(ctx: Ctx) -> Response:
    return JSONResponse({"hello": ctx.params["name"]})


def test_extra_endpoints_and_emulator_errors(github: GitHubEmulator, api: httpx.Client) -> None:
    github.extra_endpoints.append(Endpoint("GET", "/hello/{name}", _hello, "none"))
    github.extra_endpoints.append(Endpoint("GET", "/broken", _broken, "none"))
    assert api.get("/hello/maya").json() == {"hello": "maya"}
    assert github.unexpected == []
    assert api.get("/broken").status_code == 500
    assert [(c.path, c.status) for c in github.unexpected] == [("/broken", 500)]


def test_content_creation_limit(github: GitHubEmulator, api: httpx.Client) -> None:
    github.add_pull_request(REPO, 1, base_files={}, head_files={"a": "1\n"})
    github.content_limit(per_minute=3)
    url = f"/repos/{REPO}/issues/1/comments"
    statuses = [api.post(url, json={"body": f"c{n}"}).status_code for n in range(4)]
    assert statuses == [201, 201, 201, 403]
    limited = api.post(url, json={"body": "again"})
    assert 1 <= int(limited.headers["retry-after"]) <= 61
    assert "secondary rate limit" in limited.json()["message"]
    assert api.get(url).status_code == 200
    assert len(github.issue_comments(REPO, 1)) == 3
    github.content_limit(None)
    assert api.post(url, json={"body": "free"}).status_code == 201
