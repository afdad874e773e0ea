"""The dashboard over HTTP: sign-in with GitHub, what a user sees, what they may not."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from pydantic import SecretStr

from app.db.migrate import upgrade
from app.db.session import dispose_engines
from app.settings import Settings
from app.web.application import create_app
from tests.conftest import make_settings
from tests.emulator.server import GitHubEmulator
from tests.support.servers import serve_app
from tests.web.seed import NOW, OTHER, REPO, seed_database, seed_github


def dashboard_settings(tmp_path: Path, github: GitHubEmulator) -> Settings:
    return make_settings(
        tmp_path,
        app_id=github.app_id,
        client_id=github.client_id,
        client_secret=SecretStr(github.client_secret),
        github_url=github.url,
        github_api_url=github.url,
    )


@pytest.fixture
def site(tmp_path: Path, user_github: GitHubEmulator) -> Iterator[str]:
    settings = dashboard_settings(tmp_path, user_github)
    upgrade(settings.database_url)
    seed_github(user_github)
    seed_database(settings)
    with serve_app(create_app(settings, clock=lambda: NOW)) as url:
        yield url
    dispose_engines()


@contextmanager
def signed_in(site: str, github: GitHubEmulator, login: str) -> Iterator[httpx.Client]:
    """A browser-like client that went through GitHub's sign-in as `login`."""
    github.sign_in(login)
    with httpx.Client(timeout=10, follow_redirects=True) as client:
        landing = client.get(f"{site}/dashboard")
        assert landing.status_code == 200, landing.text
        assert str(landing.url) == f"{site}/dashboard"
        yield client


def test_sign_in_shows_the_users_repositories_and_pull_requests(
    site: str, user_github: GitHubEmulator
) -> None:
    with signed_in(site, user_github, "maya") as client:
        home = client.get(f"{site}/dashboard").text
        assert "Signed in as <b>maya</b>" in home
        assert f'href="/dashboard/repos/{REPO}"' in home
        assert OTHER not in home
        assert re.findall(r"<td>#(\d+)</td>", home) == ["12", "11", "10"]
        cookie = next(c for c in client.cookies.jar if c.name == "bulwark_session")
        assert cookie.has_nonstandard_attr("HttpOnly")
        page = client.get(f"{site}/dashboard/repos/{REPO}")
        assert page.status_code == 200
        assert page.headers["content-security-policy"].startswith("default-src 'self';")
        assert page.headers["referrer-policy"] == "same-origin"
        assert page.headers["x-frame-options"] == "DENY"
        text = page.text
        assert [inline for inline in ("<style", " style=", "<script>") if inline in text] == []
        assert "secrets-hardcoded-credential finding 2" in text
        bare = re.sub(r'<svg class="interval".*?</svg>', "", text)
        rows = [row.split("</tr>")[0] for row in bare.split("<tr>")]
        assert (
            "<td><code>code-command-injection</code></td><td>3</td><td>0.67</td><td>0.00</td><td>maya</td>"
            "<td>0.78 (0.47–0.98)</td><td></td>"
        ) in rows
        assert (
            "<td><code>secrets-hardcoded-credential</code></td><td>3</td><td>0.00</td><td>1.38</td>"
            "<td>maya, omar</td><td>0.43 (0.14–0.74)</td><td></td>"
        ) in rows
        assert (
            "<td>2026-10-05 10:00</td><td>#10</td><td><code>code-command-injection</code></td><td>maya</td>"
            "<td>write</td><td>reply</td><td>useful</td><td>1</td><td></td>"
        ) in rows
        assert (
            "<td>omar</td><td>write</td><td>reply</td><td>test fixture</td><td>11</td><td></td>"
            "<td>secrets-hardcoded-credential</td><td></td><td>comment</td><td>annotate</td>"
            "<td>2026-10-13 09:00:00</td>"
        ) in rows
        assert (
            "<td><code>code-insecure-randomness</code></td><td>1</td><td>1</td><td>1 annotated only: "
            "below the inline threshold for its severity and confidence, or its rule&#x27;s estimated "
            "precision here</td>"
        ) in rows
        assert "<td><code>code-command-injection</code></td><td>1</td><td>0</td><td>–</td>" in rows
        assert text.count('class="chart" data-chart=') == 3  # a series per rule
        assert '<script src="/static/uPlot.iife.min.js"></script>' in text
        assert (
            "<td>2026-10-19</td><td>0</td><td>1</td>" in text
        )  # secrets-hardcoded-credential: annotate in week 3
    user_github_calls = user_github.calls_to("GET", r"^/user/installations/7/repositories")
    assert len(user_github_calls) == 1  # cached between the two pages


def test_a_user_without_access_gets_403(site: str, user_github: GitHubEmulator) -> None:
    with signed_in(site, user_github, "eve") as client:
        assert REPO not in client.get(f"{site}/dashboard").text
        denied = client.get(f"{site}/dashboard/repos/{REPO}")
        assert denied.status_code == 403
        assert "code-command-injection" not in denied.text
    with signed_in(site, user_github, "maya") as client:
        assert client.get(f"{site}/dashboard/repos/{OTHER}").status_code == 403


def test_without_a_session_the_dashboard_asks_to_sign_in(site: str) -> None:
    answer = httpx.get(f"{site}/dashboard/repos/{REPO}")
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/dashboard/login?next=/dashboard/repos/{REPO}"
    forged = httpx.get(f"{site}/dashboard", cookies={"bulwark_session": "e30.c2ln"})
    assert forged.status_code == 303


def test_sign_out_needs_the_csrf_token(site: str, user_github: GitHubEmulator) -> None:
    with signed_in(site, user_github, "maya") as client:
        page = client.get(f"{site}/dashboard").text
        token = re.search(r'name="csrf" value="([^"]+)"', page)
        assert token
        refused = client.post(f"{site}/dashboard/logout", data={"csrf": "wrong"})
        assert refused.status_code == 403
        assert client.get(f"{site}/dashboard").url.path == "/dashboard"
        client.post(f"{site}/dashboard/logout", data={"csrf": token.group(1)})
        client.follow_redirects = False
        assert client.get(f"{site}/dashboard").status_code == 303


def test_a_callback_with_another_browsers_state_is_refused(site: str, user_github: GitHubEmulator) -> None:
    user_github.sign_in("maya")
    with httpx.Client(timeout=10) as client:
        start = client.get(f"{site}/dashboard/login")
        authorize = httpx.get(start.headers["location"])
        callback = authorize.headers["location"]
        assert httpx.get(callback).status_code == 400  # no session cookie: not this browser's sign-in
        assert client.get(callback).status_code == 303
