"""GitHub access as an App on the emulator: tokens, refresh on 401, retries, rate limits, timeouts."""

from __future__ import annotations

from pathlib import Path

import pytest
from githubkit.exception import RequestFailed
from githubkit_schemas.latest.models import PullRequest
from pydantic import SecretStr

from app.context.github_source import GitHubSource
from app.github.client import GitHubApp, InstallationGitHub
from app.settings import Settings, SettingsError, load_settings
from tests.conftest import emulated_settings
from tests.emulator.server import GitHubEmulator

REPO = "octo/widgets"


@pytest.fixture
def app(tmp_path: Path, github: GitHubEmulator) -> GitHubApp:
    github.add_installation(7, "octo")
    github.add_repo(REPO, 7)
    github.add_pull_request(
        REPO,
        1,
        base_files={f"f{i}.txt": "a\n" for i in range(250)},
        head_files={f"f{i}.txt": "b\n" for i in range(250)},
    )
    settings = emulated_settings(
        tmp_path,
        github,
        github_timeout=1.0,
    )
    return GitHubApp(settings)


def fetch_pull(gh: InstallationGitHub, owner: str, repo: str, number: int) -> PullRequest:
    """One REST request through the App's client (its retries and token refresh are under test)."""
    return gh.rest.pulls.get(owner, repo, number).parsed_data


def token_requests(github: GitHubEmulator) -> int:
    return len(github.calls_to("POST", r"^/app/installations/7/access_tokens$"))


def test_installation_token_is_minted_once_and_files_are_paginated(
    app: GitHubApp, github: GitHubEmulator
) -> None:
    source = GitHubSource(app.as_installation(7), "octo", "widgets", 1)
    assert (source.state(), source.total_files()) == ("open", 250)
    files = source.changed_files()
    assert [f.path for f in files] == sorted(f"f{i}.txt" for i in range(250))
    assert {(f.status.value, f.additions, f.deletions, f.patch) for f in files} == {
        ("modified", 1, 1, "@@ -1 +1 @@\n-a\n+b")
    }
    assert len(github.calls_to("GET", r"/pulls/1/files$")) == 3
    assert token_requests(github) == 1


def test_expired_token_is_refreshed_once(app: GitHubApp, github: GitHubEmulator) -> None:
    gh = app.as_installation(7)
    fetch_pull(gh, "octo", "widgets", 1)
    github.expire_tokens()
    assert fetch_pull(gh, "octo", "widgets", 1).number == 1
    assert token_requests(github) == 2
    statuses = [c.status for c in github.calls_to("GET", r"/pulls/1$")]
    assert statuses == [200, 401, 200]


def test_server_errors_are_retried_with_backoff(app: GitHubApp, github: GitHubEmulator) -> None:
    github.fail("GET", r"/pulls/1$", 502, times=2)
    assert fetch_pull(app.as_installation(7), "octo", "widgets", 1).number == 1
    assert [c.status for c in github.calls_to("GET", r"/pulls/1$")] == [502, 502, 200]


def test_retries_are_bounded(app: GitHubApp, github: GitHubEmulator) -> None:
    github.fail("GET", r"/pulls/1$", 500, times=10)
    with pytest.raises(RequestFailed):
        fetch_pull(app.as_installation(7), "octo", "widgets", 1)
    assert len(github.calls_to("GET", r"/pulls/1$")) == 5  # the first try and four retries


@pytest.mark.parametrize("kind", ["primary", "secondary"])
def test_rate_limits_are_waited_out(app: GitHubApp, github: GitHubEmulator, kind: str) -> None:
    github.rate_limit(kind, times=1, retry_after=1, path_regex=r"/pulls/1$")  # type: ignore[arg-type]
    assert fetch_pull(app.as_installation(7), "octo", "widgets", 1).number == 1
    assert [c.status for c in github.calls_to("GET", r"/pulls/1$")] == [403, 200]


def test_timeouts_are_retried(app: GitHubApp, github: GitHubEmulator) -> None:
    github.delay("GET", r"/pulls/1$", 2.0, times=1)
    assert fetch_pull(app.as_installation(7), "octo", "widgets", 1).number == 1


def test_production_refuses_placeholder_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("BULWARK_APP_ID", "BULWARK_PRIVATE_KEY", "BULWARK_WEBHOOK_SECRET"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(Path(__file__).parent)  # no .env here
    with pytest.raises(SettingsError, match="BULWARK_APP_ID"):
        load_settings(environment="production", private_key="pem", webhook_secret="s")
    with pytest.raises(SettingsError, match="BULWARK_WEBHOOK_SECRET"):
        load_settings(environment="production", app_id=1, private_key="pem", webhook_secret="changeme")
    assert load_settings(environment="development").has_credentials is False


def test_secrets_never_show_in_repr() -> None:
    settings = Settings(
        _env_file=None, webhook_secret=SecretStr("hunter2-secret"), private_key=SecretStr("pem-text")
    )
    assert "hunter2-secret" not in repr(settings)
    assert "pem-text" not in str(settings.model_dump())


def test_an_installation_over_its_job_rate_is_slowed_not_dropped(settings: Settings) -> None:
    from prometheus_client import REGISTRY

    from app.db.session import session_factory
    from app.github.client import wait_for_installation_rate

    labels = {"limit": "installation_rate"}
    before = REGISTRY.get_sample_value("bulwark_limits_total", labels) or 0.0
    assert wait_for_installation_rate(session_factory(settings.database_url), 90_001, 2, window=0.3) == 0.0
    assert wait_for_installation_rate(session_factory(settings.database_url), 90_001, 2, window=0.3) == 0.0
    assert (
        wait_for_installation_rate(session_factory(settings.database_url), 90_001, 2, window=0.3) > 0.0
    )  # the third start waits for the window
    assert (
        wait_for_installation_rate(session_factory(settings.database_url), 90_002, 2, window=0.3) == 0.0
    )  # other installations are not held
    assert REGISTRY.get_sample_value("bulwark_limits_total", labels) == before + 1.0
