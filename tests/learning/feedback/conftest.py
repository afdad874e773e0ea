"""Settings on a fresh database pointing at the emulator, and the App's web tier."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.db.migrate import upgrade
from app.db.session import dispose_engines
from app.github.permissions import forget_permissions
from app.settings import Settings
from tests.conftest import emulated_settings
from tests.emulator.server import GitHubEmulator
from tests.learning.feedback.support import REPO


@pytest.fixture
def settings(tmp_path: Path, github: GitHubEmulator) -> Iterator[Settings]:
    github.add_installation(11, "acme")
    github.add_repo(REPO, 11)
    forget_permissions()
    value = emulated_settings(
        tmp_path,
        github,
    )
    upgrade(value.database_url)
    yield value
    forget_permissions()
    dispose_engines()
