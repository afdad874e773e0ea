"""The GitHub source against the local GitHub emulator (loopback only)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from githubkit import GitHub, TokenAuthStrategy

from app.context.builder import build_context
from app.context.github_source import GitHubSource
from app.context.model import FileKind, FileStatus, Hunk
from app.context.source import SourceError
from tests.emulator import CommitSpec, GitHubEmulator

REPO = "acme/app"


@pytest.fixture
def client(github: GitHubEmulator) -> Iterator[GitHub[TokenAuthStrategy]]:
    github.add_installation(11, "acme")
    github.add_repo(REPO, 11)
    token = github.installation_token(11)
    with GitHub(TokenAuthStrategy(token), base_url=github.url, http_cache=False) as gh:
        yield gh


def _seed(github: GitHubEmulator) -> None:
    github.add_pull_request(
        REPO,
        5,
        base_files={"app.py": "def run():\n    return 1\n", "gone.txt": "bye\n"},
        head_files={
            "app.py": "def run():\n    import os\n    return os.getpid()\n",
            ".github/workflows/ci.yml": "on: push\njobs: {}\n",
        },
        title="Use the pid",
        body="Generated with [Claude Code](https://claude.com/claude-code)",
        author="octocat",
        head_ref="copilot/use-pid",
        commits=[CommitSpec("Use the pid")],
    )


def test_pull_request_from_github(github: GitHubEmulator, client: GitHub[TokenAuthStrategy]) -> None:
    _seed(github)
    ctx = build_context(GitHubSource(client, "acme", "app", 5))
    assert ctx.errors == []
    assert ctx.pr.number == 5
    assert ctx.pr.head_ref == "copilot/use-pid"
    summary = {f.path: (f.status, f.hunks, f.kinds) for f in ctx.files}
    assert summary == {
        ".github/workflows/ci.yml": (
            FileStatus.ADDED,
            (Hunk(0, 0, 1, 2, added=(1, 2), removed=(), context=()),),
            frozenset({FileKind.CI}),
        ),
        "app.py": (
            FileStatus.MODIFIED,
            (Hunk(1, 2, 1, 3, added=(2, 3), removed=(2,), context=(1,)),),
            frozenset({FileKind.CODE}),
        ),
        "gone.txt": (
            FileStatus.REMOVED,
            (Hunk(1, 1, 0, 0, added=(), removed=(1,), context=()),),
            frozenset({FileKind.DOCS}),
        ),
    }
    app = ctx.file("app.py")
    assert app is not None
    assert app.base_text == "def run():\n    return 1\n"
    assert app.head_text == "def run():\n    import os\n    return os.getpid()\n"
    assert [c.message for c in ctx.commits] == ["Use the pid"]
    assert sorted(s.source for s in ctx.provenance.pr_signals) == ["branch", "pr-body"]


def test_missing_pull_request_is_recorded(client: GitHub[TokenAuthStrategy]) -> None:
    source = GitHubSource(client, "acme", "app", 404)
    with pytest.raises(SourceError):
        source.pull_request()
    ctx = build_context(source)
    assert ctx.files == ()
    assert [error.split(":")[0] for error in ctx.errors] == [
        "pull request",
        "changed files",
        "commits",
    ]
