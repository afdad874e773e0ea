"""Shared fixtures: settings on a fresh database, the App served on loopback, the GitHub emulator."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr

from app.db.migrate import upgrade
from app.db.session import dispose_engines
from app.settings import Settings
from tests.emulator.server import GitHubEmulator
from tests.support.clock import CLOCK_SHIFT, shift_this_run
from tests.support.golden import Golden
from tests.support.servers import serve_app

ROOT = Path(__file__).resolve().parent.parent
WEBHOOK_SECRET = "webhook-test-secret"

pytest_plugins = ["tests.emulator.plugin"]
SHIFT_KEY = pytest.StashKey[int | None]()
CACHE_KEY = pytest.StashKey[str]()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite the golden files of rendered outputs (tests/**/golden/) instead of comparing them",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Golden:
    """Compare a rendered text with its golden file, or rewrite the file under `--update-goldens`."""
    update = request.config.getoption("--update-goldens") or os.environ.get("BULWARK_UPDATE_GOLDEN") == "1"
    return Golden(bool(update))


def pytest_configure(config: pytest.Config) -> None:
    """With BULWARK_TEST_CLOCK_SHIFT_DAYS=N the whole run, child processes included, sees the wall clock N
    days ahead: a test that depends on today's date fails now, not next year."""
    config.stash[SHIFT_KEY] = shift_this_run()
    # Built tables and compiled regexes go to a folder of this run, never the user's own cache
    # (scans run in this process and in child processes, which inherit the variable).
    folder = tempfile.mkdtemp(prefix="bulwark-test-cache-")
    config.stash[CACHE_KEY] = folder
    os.environ["BULWARK_CACHE_DIR"] = folder


def pytest_unconfigure(config: pytest.Config) -> None:
    folder = config.stash.get(CACHE_KEY, None)
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


def pytest_report_header(config: pytest.Config) -> str:
    days = config.stash.get(SHIFT_KEY, None)
    return (
        f"clock: the wall clock moved {days} days ahead ({CLOCK_SHIFT})" if days else "clock: the wall clock"
    )


def make_settings(tmp_path: Path, **overrides: Any) -> Settings:
    """Settings for a test: its own SQLite database and queue file, nothing read from `.env`."""
    values: dict[str, Any] = {
        "app_id": 1,
        "private_key": SecretStr("-----BEGIN RSA PRIVATE KEY-----\nunused\n-----END RSA PRIVATE KEY-----"),
        "webhook_secret": SecretStr(WEBHOOK_SECRET),
        "github_api_url": "http://127.0.0.1:9",
        "github_url": "http://127.0.0.1:9",
        "database_url": f"sqlite:///{tmp_path / 'bulwark.db'}",
        "queue_path": str(tmp_path / "bulwark-queue.db"),
        "lease_seconds": 5,
        "sweep_seconds": 0.5,
        "log_format": "text",
        "workers": 2,
        "registry_offline": True,  # tests never leave loopback; registry tests pass a local server's URLs
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)


def emulated_settings(tmp_path: Path, github: GitHubEmulator, **overrides: Any) -> Settings:
    """`make_settings` for the App talking to the GitHub emulator: its App id, key and API address."""
    return make_settings(
        tmp_path,
        app_id=github.app_id,
        private_key=SecretStr(github.private_key_pem),
        github_api_url=github.url,
        **overrides,
    )


@pytest.fixture
def settings(tmp_path: Path) -> Iterator[Settings]:
    value = make_settings(tmp_path)
    upgrade(value.database_url)
    yield value
    dispose_engines()


@pytest.fixture
def web(settings: Settings) -> Iterator[str]:
    """The App's web tier on a free loopback port (no worker)."""
    from app.web.application import create_app

    with serve_app(create_app(settings)) as url:
        yield url


def service_url(name: str) -> str:
    """A service URL from the environment, or a skip with the reason (a failure when CI requires it)."""
    url = os.environ.get(name, "")
    if url:
        return url
    reason = f"{name} is not set: the PostgreSQL/Redis scale-out tests need this machine's services"
    if os.environ.get("BULWARK_TEST_REQUIRE_SERVICES") == "1":
        pytest.fail(reason)
    pytest.skip(reason)
