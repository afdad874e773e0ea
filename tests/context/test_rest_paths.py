"""A file's path is one URL path in the REST contents fallback: `#`, `?`, `%` and spaces in a file name
never make Bulwark read another file, another ref, or nothing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from githubkit import GitHub, TokenAuthStrategy

from app.context.builder import build_context
from app.context.github_source import GitHubSource
from app.github.contents import read_text
from tests.emulator import GitHubEmulator

REPO = "acme/app"
HOSTILE = {
    "run.py#.txt": "hostile = 1  # after a '#'\n",
    "run.py?ref=main": "hostile = 2  # after a '?'\n",
    "100%.py": "hostile = 3  # a '%'\n",
    "with space.py": "hostile = 4  # a space\n",
    "caf\u00e9.py": "hostile = 5  # not ASCII\n",
}


@pytest.fixture
def client(github: GitHubEmulator) -> Iterator[GitHub[TokenAuthStrategy]]:
    github.add_installation(11, "acme")
    github.add_repo(REPO, 11)
    with GitHub(
        TokenAuthStrategy(github.installation_token(11)), base_url=github.url, http_cache=False
    ) as gh:
        yield gh


def test_every_hostile_name_reads_its_own_file_over_rest(
    github: GitHubEmulator, client: GitHub[TokenAuthStrategy]
) -> None:
    base = {"run.py": "safe = 1\n"}
    github.add_commit(REPO, {"run.py": "on the default branch\n"}, branch="main")
    github.add_pull_request(REPO, 6, base_files=base, head_files={**base, **HOSTILE})
    source = GitHubSource(client, "acme", "app", 6)
    source.pull_request()  # the pull request's own query
    github.fail("POST", r"^/graphql$", 422, times=1)  # the file query fails: every side is read over REST
    ctx = build_context(source)
    assert ctx.errors == []
    assert {f.path: f.head_text for f in ctx.files} == HOSTILE
    assert github.unexpected == []


def test_the_policy_reader_asks_for_the_path_it_was_given(
    github: GitHubEmulator, client: GitHub[TokenAuthStrategy]
) -> None:
    github.add_commit(REPO, {"a#b.yml": "mine\n", "a": "not mine\n"}, branch="main")
    assert read_text(client, REPO, "a#b.yml", "main") == "mine\n"  # type: ignore[arg-type]
