from collections.abc import Iterator

import httpx
import pytest

from tests.emulator.server import GitHubEmulator

REPO = "acme/widgets"


@pytest.fixture
def api(github: GitHubEmulator) -> Iterator[httpx.Client]:
    """A client authenticated as installation 7, which holds `acme/widgets`."""
    github.add_installation(7, "acme")
    github.add_repo(REPO, 7)
    token = github.installation_token(7)
    headers = {"Authorization": f"token {token}", "Accept": "application/vnd.github+json"}
    with httpx.Client(base_url=github.url, headers=headers) as client:
        yield client
