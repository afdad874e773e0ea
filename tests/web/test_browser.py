"""In a real browser: the manifest flow to a written `.env`, sign-in, the dashboard's chart, a 403."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.db.migrate import upgrade
from app.db.session import dispose_engines
from app.web.application import create_app
from tests.emulator.server import GitHubEmulator
from tests.support.servers import serve_app
from tests.web.browser import chromium, screenshot_path
from tests.web.helpers import env_lines, fresh_settings
from tests.web.seed import REPO, seed_database, seed_github
from tests.web.test_dashboard import dashboard_settings


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as running:
        yield running


@pytest.fixture
def tab(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    try:
        yield context.new_page()
    finally:
        context.close()


def test_manifest_flow_from_the_setup_page_to_env(tmp_path: Path, github: GitHubEmulator, tab: Any) -> None:
    settings = fresh_settings(tmp_path, github)
    with serve_app(create_app(settings)) as web:
        tab.goto(f"{web}/")
        assert tab.inner_text("h1") == "Set up Bulwark"
        tab.screenshot(path=str(screenshot_path("setup-page.png")), full_page=True)
        tab.click("#register-app")
        assert tab.inner_text("#app-name") == "Bulwark"
        tab.click("#create-app")
        tab.wait_for_selector("#install-link")
        assert tab.url.startswith(f"{web}/setup/callback?code=")
        link = tab.get_attribute("#install-link", "href")
    assert link == f"{github.url}/apps/{github.app_slug}/installations/new"
    env = env_lines(tmp_path / ".env")
    assert env["BULWARK_APP_ID"] == str(github.app_id)
    assert env["BULWARK_WEBHOOK_SECRET"] == github.webhook_secret
    assert Path(env["BULWARK_PRIVATE_KEY"]).read_text() == github.private_key_pem


@pytest.fixture
def site(tmp_path: Path, user_github: GitHubEmulator) -> Iterator[str]:
    settings = dashboard_settings(tmp_path, user_github)
    upgrade(settings.database_url)
    seed_github(user_github)
    seed_database(settings)
    with serve_app(create_app(settings)) as url:
        yield url
    dispose_engines()


def test_sign_in_and_the_calibration_chart(site: str, user_github: GitHubEmulator, tab: Any) -> None:
    console: list[str] = []
    tab.on("console", lambda message: console.append(message.text))
    user_github.sign_in("maya")
    tab.goto(f"{site}/dashboard")
    assert tab.url == f"{site}/dashboard"
    assert tab.inner_text("header").endswith("Sign out")
    tab.click(f"a[href='/dashboard/repos/{REPO}']")
    tab.wait_for_selector(".chart .uplot canvas")
    assert tab.locator(".chart .uplot").count() == 3
    titles = tab.locator(".chart .u-title").all_inner_texts()
    assert titles == [
        "code-command-injection: findings per week by placement",
        "code-insecure-randomness: findings per week by placement",
        "secrets-hardcoded-credential: findings per week by placement",
    ]
    assert tab.locator("svg.interval").count() == 3
    assert [text for text in console if "Content Security Policy" in text] == []  # nothing inline was refused
    tab.locator(".chart").nth(2).screenshot(path=str(screenshot_path("calibration-chart.png")))
    tab.screenshot(path=str(screenshot_path("dashboard-repository.png")), full_page=True)


def test_a_user_without_access_sees_403(site: str, user_github: GitHubEmulator, tab: Any) -> None:
    user_github.sign_in("eve")
    tab.goto(f"{site}/dashboard")
    assert tab.url == f"{site}/dashboard"
    answer = tab.goto(f"{site}/dashboard/repos/{REPO}")
    assert answer is not None
    assert answer.status == 403
    assert tab.inner_text("h1") == "No access"
