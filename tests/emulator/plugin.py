"""pytest fixtures: one emulator server per session, fresh state for every test.

Use from a conftest: `from tests.emulator.plugin import github, github_server  # noqa: F401`,
or list `tests.emulator.plugin` in the root conftest's `pytest_plugins`.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.emulator.server import GitHubEmulator


@pytest.fixture(scope="session")
def github_server() -> Iterator[GitHubEmulator]:
    """The running emulator shared by the session (state is whatever the last test left)."""
    with GitHubEmulator() as emulator:
        yield emulator


@pytest.fixture
def github(github_server: GitHubEmulator) -> Iterator[GitHubEmulator]:
    """A running emulator with no data, calls, faults or webhook settings."""
    github_server.reset()
    yield github_server
    github_server.reset()
