"""An invalid base policy: a neutral check run naming the bad key and line, no rule run, no review."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.db.migrate import upgrade
from app.db.session import dispose_engines
from app.settings import Settings
from app.web.application import create_app
from tests.conftest import emulated_settings
from tests.emulator.server import GitHubEmulator
from tests.support.pulls import analyse
from tests.support.servers import serve_app

REPO = "acme/policy"
BAD = "rules:\n  code-command-injection:\n    serverity: high\n"
RISKY = 'import os\n\n\ndef clean(a):\n    os.system("rm -rf " + a)\n'


@pytest.fixture
def served(tmp_path: Path, github: GitHubEmulator) -> Iterator[tuple[Settings, str]]:
    github.add_installation(14, "acme")
    github.add_repo(REPO, 14)
    settings = emulated_settings(
        tmp_path,
        github,
    )
    upgrade(settings.database_url)
    with serve_app(create_app(settings)) as web:
        yield settings, web
    dispose_engines()


def test_an_invalid_base_policy_is_a_neutral_check_that_names_the_key(
    served: tuple[Settings, str], github: GitHubEmulator
) -> None:
    settings, web = served
    files = {".github/bulwark.yml": BAD, "README.md": "x\n"}
    github.add_pull_request(REPO, 1, base_files=files, head_files={**files, "clean.py": RISKY})
    analyse(settings, web, github, REPO, 1, "opened")
    [run] = github.check_runs(REPO)
    assert run.conclusion == "neutral"
    summary = run.output["summary"]
    assert "the repository policy is invalid" in summary
    assert "rules.code-command-injection.serverity" in summary
    assert ":3" in summary  # the line
    assert "code-command-injection`](" not in summary  # no rule ran
    assert github.reviews(REPO, 1) == []
