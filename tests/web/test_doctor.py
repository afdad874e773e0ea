"""`bulwark doctor` against the emulator: each problem is named with its fix."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from pydantic import SecretStr

from app.cli import main
from app.db.migrate import upgrade
from app.db.session import dispose_engines
from app.doctor import Diagnosis, Problem, diagnose, render
from app.settings import Settings
from app.web.application import create_app
from tests.conftest import WEBHOOK_SECRET, make_settings
from tests.emulator.server import GitHubEmulator
from tests.support.servers import serve_app


def another_private_key() -> str:
    """An RSA key GitHub never saw."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


def healthy_settings(tmp_path: Path, github: GitHubEmulator, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "app_id": github.app_id,
        "app_slug": github.app_slug,
        "private_key": SecretStr(github.private_key_pem),
        "client_id": github.client_id,
        "client_secret": SecretStr(github.client_secret),
        "github_url": github.url,
        "github_api_url": github.url,
    }
    return make_settings(tmp_path, **(values | overrides))


@pytest.fixture(autouse=True)
def _engines() -> Iterator[None]:
    yield
    dispose_engines()


def problems_of(diagnosis: Diagnosis, check: str) -> list[Problem]:
    return [p for p in diagnosis.problems if p.check == check]


def test_a_healthy_installation_has_no_problems(tmp_path: Path, github: GitHubEmulator) -> None:
    settings = healthy_settings(tmp_path, github)
    upgrade(settings.database_url)
    diagnosis = diagnose(settings)
    assert diagnosis.problems == ()
    assert diagnosis.healthy
    assert diagnosis.passed[-2:] == (
        f"github: the credentials are App {github.app_slug} (id {github.app_id})",
        "webhook: the last 0 deliveries succeeded",
    )
    assert render(diagnosis).endswith("Bulwark looks healthy.\n")


def test_a_wrong_private_key(tmp_path: Path, github: GitHubEmulator) -> None:
    settings = healthy_settings(tmp_path, github, private_key=SecretStr(another_private_key()))
    upgrade(settings.database_url)
    diagnosis = diagnose(settings)
    [problem] = diagnosis.problems
    assert problem == Problem(
        "github",
        "error",
        f"GitHub refused the App's JWT (401): the private key does not belong to App {github.app_id}",
        "Check BULWARK_APP_ID, and generate a new private key on the App's settings page "
        f"({github.url}/settings/apps/{github.app_slug}) for BULWARK_PRIVATE_KEY.",
    )
    assert not diagnosis.healthy
    assert github.calls_to("GET", r"^/app/hook/deliveries") == []


def test_a_private_key_that_is_no_key(tmp_path: Path, github: GitHubEmulator) -> None:
    settings = healthy_settings(tmp_path, github, private_key=SecretStr(str(tmp_path / "missing.pem")))
    upgrade(settings.database_url)
    [problem] = diagnose(settings).problems
    assert problem.check == "settings"
    assert problem.problem == (
        "BULWARK_PRIVATE_KEY is unusable: SettingsError: BULWARK_PRIVATE_KEY is neither PEM text nor a readable file"
    )
    assert "path of the App's .pem file" in problem.fix


def test_an_unreachable_database(tmp_path: Path, github: GitHubEmulator) -> None:
    url = "postgresql+psycopg://bulwark:hunter2@127.0.0.1:1/bulwark"
    settings = healthy_settings(tmp_path, github, database_url=url)
    diagnosis = diagnose(settings)
    [problem] = problems_of(diagnosis, "database")
    assert problem.problem.startswith(
        "cannot connect to postgresql+psycopg://bulwark:***@127.0.0.1:1/bulwark: OperationalError: "
    )
    assert "hunter2" not in render(diagnosis)
    assert problem.fix.startswith("Check BULWARK_DATABASE_URL (host, port, user, password, database name)")
    assert [p.check for p in diagnosis.problems] == ["database"]


def test_a_database_behind_the_code(tmp_path: Path, github: GitHubEmulator) -> None:
    settings = healthy_settings(tmp_path, github)
    upgrade(settings.database_url, "0001")
    [problem] = diagnose(settings).problems
    assert problem.check == "database"
    assert problem.problem.startswith("the schema is at 0001, the code expects ")
    assert problem.fix == "Run `bulwark migrate` (the container does so on start)."


def test_failed_deliveries_are_listed(tmp_path: Path, github: GitHubEmulator) -> None:
    settings = healthy_settings(tmp_path, github)
    upgrade(settings.database_url)
    with serve_app(create_app(settings)) as web:
        github.configure_webhook(f"{web}/webhooks/github", WEBHOOK_SECRET)
        github.deliver("ping", {"zen": "Keep it logically awesome."}, delivery_id="ok-1")
    github.record_failed_delivery("pull_request", {"number": 1}, delivery_id="gone-1", action="opened")
    github.record_failed_delivery("issue_comment", {"x": 1}, delivery_id="bad-sig", status_code=401)
    diagnosis = diagnose(settings)
    [problem] = diagnosis.problems
    assert problem.check == "webhook"
    assert problem.problem.startswith("2 of the last 3 deliveries failed: ")
    assert "issue_comment bad-sig: " in problem.problem
    assert "pull_request.opened gone-1: " in problem.problem
    assert problem.problem.index("bad-sig") < problem.problem.index("gone-1")  # newest first
    assert "GitHub could not reach the webhook URL" in problem.fix
    assert "BULWARK_WEBHOOK_SECRET must equal the App's webhook secret" in problem.fix


def test_the_command_exits_1_and_prints_each_fix(
    tmp_path: Path,
    github: GitHubEmulator,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BULWARK_APP_ID", str(github.app_id))
    monkeypatch.setenv("BULWARK_PRIVATE_KEY", another_private_key())
    monkeypatch.setenv("BULWARK_WEBHOOK_SECRET", "s")
    monkeypatch.setenv("BULWARK_GITHUB_API_URL", github.url)
    monkeypatch.setenv("BULWARK_DATABASE_URL", f"sqlite:///{tmp_path / 'b.db'}")
    monkeypatch.setenv("BULWARK_LOG_FORMAT", "text")
    upgrade(f"sqlite:///{tmp_path / 'b.db'}")
    assert main(["doctor"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "Bulwark needs attention (see above)."
    assert "WARNING  settings: BULWARK_CLIENT_ID / BULWARK_CLIENT_SECRET not set" in out[-5]
    assert out[-3].startswith("ERROR    github: GitHub refused the App's JWT (401)")
    assert out[-2].startswith("         fix: Check BULWARK_APP_ID")


def test_doctor_creates_no_database_file_where_it_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Run in a fresh directory with the default SQLite settings: it says so and leaves no file behind."""
    monkeypatch.chdir(tmp_path)
    for name in ("BULWARK_DATABASE_URL", "BULWARK_QUEUE_PATH", "BULWARK_REDIS_URL", "BULWARK_APP_ID"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("BULWARK_LOG_FORMAT", "text")
    assert main(["doctor"]) == 1
    out = capsys.readouterr().out
    assert "the SQLite database bulwark.db does not exist" in out
    assert "fix: Run `bulwark migrate` or `bulwark serve`" in out
    assert "queue: SQLite file bulwark-queue.db not created yet" in out
    assert list(tmp_path.iterdir()) == []
