"""The web tests' GitHub: the emulator with the user-side repository listing the dashboard asks for."""

from __future__ import annotations

import pytest

from tests.emulator.server import GitHubEmulator
from tests.web.user_repos import ENDPOINT


@pytest.fixture
def user_github(github: GitHubEmulator) -> GitHubEmulator:
    github.extra_endpoints.append(ENDPOINT)
    return github
