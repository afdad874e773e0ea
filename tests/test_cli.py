"""What a newcomer reads from `bulwark`: help texts, the rules table, the address `serve` listens on."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from app.cli import build_parser, listening_url, main
from tests.conftest import make_settings
from tests.support.processes import free_port, running_bulwark, wait_for

JARGON = ("pillar", "web tier", "consume jobs")


def _help(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as exited:
        main([*argv, "--help"])
    assert exited.value.code == 0
    return capsys.readouterr().out


def test_help_texts_name_the_exit_codes_and_no_internal_words(capsys: pytest.CaptureFixture[str]) -> None:
    top = _help(capsys)
    assert "exit status:" in top
    assert all(f"  {code}  " in top for code in "0123")
    scan = _help(capsys, "scan")
    assert [
        line.split()[0] for line in scan.split("exit status:")[1].splitlines()[1:] if line[2:3].isdigit()
    ] == [
        "0",
        "1",
        "2",
        "3",
    ]
    assert "Exit status 0 valid, 1 problems, 2 the file cannot be read." in _help(capsys, "policy", "check")
    assert "Exit status 0 healthy" in _help(capsys, "doctor")
    for command in build_parser()._subparsers._group_actions[0].choices:  # type: ignore[union-attr]
        text = _help(capsys, command).lower()
        assert not any(word in text for word in JARGON), command
    assert not any(word in top.lower() for word in JARGON)


def test_rules_prints_a_header_row(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    header, first, *_ = capsys.readouterr().out.splitlines()
    assert header.split() == ["RULE", "FAMILY", "SEVERITY", "LANGUAGES"]
    assert first[header.index("FAMILY") :].startswith(first.split()[1])  # the columns line up


def test_rules_suggests_the_nearest_id_for_a_typo(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "code-comand-injection"]) == 2
    err = capsys.readouterr().err
    assert "no rule has the id 'code-comand-injection'; did you mean 'code-command-injection'?" in err
    assert main(["rules", "zzzz"]) == 2
    assert "did you mean" not in capsys.readouterr().err
    assert main(["rules", "code-command-injection"]) == 0
    assert capsys.readouterr().out.startswith("# ")


@pytest.mark.parametrize(
    ("host", "url"),
    [
        ("127.0.0.1", "http://127.0.0.1:3000/"),
        ("0.0.0.0", "http://127.0.0.1:3000/"),
        ("::", "http://[::1]:3000/"),
        ("bulwark.internal", "http://bulwark.internal:3000/"),
    ],
)
def test_listening_url(host: str, url: str) -> None:
    assert listening_url(host, 3000) == url


def _answers(url: str) -> bool | None:
    try:
        return httpx.get(url).status_code == 200 or None
    except httpx.TransportError:
        return None


def test_serve_prints_the_address_it_listens_on(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, app_id=None)
    port, log = free_port(), tmp_path / "serve.log"
    with running_bulwark(settings, "serve", "--no-worker", "--port", str(port), log_path=str(log)):
        url = f"http://127.0.0.1:{port}/"
        wait_for(lambda: _answers(f"{url}healthz"), what="/healthz")
    lines = log.read_text().splitlines()
    assert f"INFO bulwark listening on {url}" in lines
    assert f"WARNING bulwark no GitHub App credentials yet: open {url} to register the App" in lines
