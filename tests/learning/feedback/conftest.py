"""Settings on a fresh database pointing at the emulator, and the App's web tier."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import SecretStr

from app.db.migrate import upgrade
from app.db.session import dispose_engines
from app.github.permissions import forget_permissions
from app.settings import Settings
from app.web.application import create_app
from tests.conftest import make_settings
from tests.emulator.server import GitHubEmulator
from tests.learning.feedback.support import REPO
from tests.support.servers import serve_app


@pytest.fixture
def settings(tmp_path: Path, github: GitHubEmulator) -> Iterator[Settings]:
    github.add_installation(11, "acme")
    github.add_repo(REPO, 11)
    forget_permissions()
    value = make_settings(
        tmp_path,
        app_id=github.app_id,
        private_key=SecretStr(github.private_key_pem),
        github_api_url=github.url,
    )
    upgrade(value.database_url)
    yield value
    forget_permissions()
    dispose_engines()


@pytest.fixture
def web(settings: Settings) -> Iterator[str]:
    with serve_app(create_app(settings)) as url:
        yield url
