"""A settings error names the variable and what is wrong, never a secret nor a prefix of one."""

from __future__ import annotations

import traceback
from pathlib import Path

import pytest

from app.cli import main
from app.settings import SettingsError, load_settings

SECRETS = {
    "BULWARK_WEBHOOK_SECRET": "Sup3rS3cretWebhookValue",
    "BULWARK_CLIENT_SECRET": "cl13ntS3cretOAuthValue",
    "BULWARK_PRIVATE_KEY": "-----BEGIN RSA PRIVATE KEY-----\nMIIEsecretkeybody\n-----END RSA PRIVATE KEY-----",
}


def _leaks(text: str) -> list[str]:
    """Secrets (or any 5-character piece of one) that appear in `text`."""
    found = []
    for value in SECRETS.values():
        body = value.replace("-----BEGIN RSA PRIVATE KEY-----", "").replace(
            "-----END RSA PRIVATE KEY-----", ""
        )
        pieces = {body[i : i + 5] for i in range(len(body.strip()) - 4)}
        found += [piece for piece in pieces if piece.strip() and piece in text]
    return found


@pytest.fixture
def environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no .env here
    for name, value in SECRETS.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("BULWARK_APP_ID", "12")
    monkeypatch.setenv("BULWARK_CLIENT_ID", "Iv1.abc")


def _message_of(**overrides: object) -> str:
    with pytest.raises(SettingsError) as raised:
        load_settings(**overrides)
    shown = "".join(traceback.format_exception(raised.value))
    assert "input_value" not in shown
    assert _leaks(shown) == []
    return str(raised.value)


@pytest.mark.usefixtures("environment")
def test_a_refused_production_setting_is_named_without_the_others_values() -> None:
    message = _message_of(environment="production")  # no BULWARK_SESSION_SECRET
    assert message == "BULWARK_SESSION_SECRET is empty or a placeholder; production refuses to start"


@pytest.mark.usefixtures("environment")
def test_values_of_the_wrong_kind_are_named_not_quoted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(
        "BULWARK_WORKERS", SECRETS["BULWARK_WEBHOOK_SECRET"]
    )  # a secret pasted in the wrong line
    monkeypatch.setenv("BULWARK_ENVIRONMENT", "Sup3rS3cretWebhookValue")
    message = _message_of()
    assert message == (
        "BULWARK_ENVIRONMENT: Input should be 'development' or 'production'; "
        "BULWARK_WORKERS: Input should be a valid integer, unable to parse string as an integer"
    )


@pytest.mark.usefixtures("environment")
def test_the_command_line_prints_the_message_only(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BULWARK_ENVIRONMENT", "production")
    assert main(["doctor"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "bulwark: configuration error: BULWARK_SESSION_SECRET is empty or a placeholder; "
        "production refuses to start\n"
    )
