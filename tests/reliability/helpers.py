"""Shared set-up for the reliability tests: an emulated installation, its PRs and their deliveries."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from pydantic import SecretStr
from sqlmodel import select

from app.db.models import Delivery
from app.db.session import session_scope
from app.settings import Settings
from tests.conftest import make_settings
from tests.emulator.server import GitHubEmulator
from tests.support.pulls import pull_request_payload

REPO = "acme/widgets"
INSTALLATION = 7
RISKY = 'import subprocess\n\n\ndef run(name):\n    subprocess.run("tar czf b.tgz " + name, shell=True)\n'


def app_settings(tmp_path: Path, github: GitHubEmulator, **overrides: Any) -> Settings:
    """Test settings pointed at the emulator as the App."""
    values: dict[str, Any] = {
        "app_id": github.app_id,
        "private_key": SecretStr(github.private_key_pem),
        "github_api_url": github.url,
        "github_url": github.url,
        "redelivery_seconds": 0,
    }
    values.update(overrides)
    return make_settings(tmp_path, **values)


def seed(github: GitHubEmulator, numbers: range, *, risky: bool = False) -> None:
    """One installation and repository with a small PR for each number."""
    github.add_installation(INSTALLATION, "acme")
    github.add_repo(REPO, INSTALLATION, repo_id=9001)
    for number in numbers:
        head = {"a.txt": f"a{number}\n"}
        if risky:
            head["run.py"] = RISKY
        github.add_pull_request(
            REPO, number, base_files={"a.txt": "a\n"}, head_files=head, head_ref=f"b{number}"
        )


def payload(github: GitHubEmulator, number: int, action: str = "synchronize") -> dict[str, Any]:
    return pull_request_payload(github, REPO, number, action)


def new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def statuses(settings: Settings) -> dict[str, str]:
    """Delivery id → status of every stored delivery."""
    with session_scope(settings.database_url) as session:
        rows = session.exec(select(Delivery.delivery_id, Delivery.status)).all()
    return dict(rows)


def all_done(settings: Settings, ids: list[str]) -> bool:
    found = statuses(settings)
    return all(found.get(delivery_id) == "done" for delivery_id in ids)


def runs_per_head(github: GitHubEmulator) -> dict[str, int]:
    """Head SHA → number of check runs created for it."""
    counts: dict[str, int] = {}
    for run in github.check_runs(REPO):
        counts[run.head_sha] = counts.get(run.head_sha, 0) + 1
    return counts
