"""Token formats, the GitHub checksum, credential names and placeholders."""

from __future__ import annotations

import random
import zlib

import pytest

from analyzers.contract.model import TextItem
from analyzers.secrets import credentials, tokens
from analyzers.secrets.secrets_env_file_added import secret_file_kind
from analyzers.secrets.secrets_token_format import SecretsTokenFormat
from analyzers.text.lines import MAX_LINE_CHARS
from tests.analyzers.test_secrets_context import added_file, context

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def checksum_for(random_part: str) -> str:
    """GitHub's token checksum computed independently: CRC32, base62, left-padded to six."""
    value = zlib.crc32(random_part.encode())
    digits = []
    for _ in range(6):
        value, rest = divmod(value, 62)
        digits.append(ALPHABET[rest])
    return "".join(reversed(digits))


def fake_token(seed: int, prefix: str = "ghp") -> str:
    rng = random.Random(seed)
    body = "".join(rng.choice(ALPHABET) for _ in range(30))
    return f"{prefix}_{body}{checksum_for(body)}"


@pytest.mark.parametrize("seed", range(20))
def test_generated_tokens_pass_the_checksum(seed: int) -> None:
    token = fake_token(seed)
    assert tokens.github_checksum_valid(token[4:])
    broken = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert not tokens.github_checksum_valid(broken[4:])


def test_base62_pads_to_six_characters() -> None:
    assert tokens.base62(0) == "000000"
    assert tokens.base62(61) == "00000z"
    assert tokens.base62(62) == "000010"


def test_valid_token_is_critical_and_broken_one_low() -> None:
    good, valid = fake_token(1, "ghr"), fake_token(2)
    bad = valid[:-2] + ("00" if valid[-2:] != "00" else "11")
    ctx = context(added_file("a.txt", f"one {good}\ntwo {bad}\n"))
    found = [(f.start_line, f.severity.label) for f in SecretsTokenFormat().analyze(ctx)]
    assert found == [(1, "critical"), (2, "low")]


def test_findings_never_carry_the_whole_token() -> None:
    token = fake_token(3)
    ctx = context(added_file("a.txt", f"TOKEN={token}\n"))
    (finding,) = SecretsTokenFormat().analyze(ctx)
    assert token not in finding.message
    assert token not in finding.evidence


def test_a_token_past_the_line_cap_is_not_read() -> None:
    token = fake_token(4)
    line = "x" * MAX_LINE_CHARS + " " + token
    ctx = context(added_file("a.txt", f"{token}\n{line}\n"))
    assert [f.start_line for f in SecretsTokenFormat().analyze(ctx)] == [1]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("db_password", True),
        ("apiKey", True),
        ("GITHUB_TOKEN", True),
        ("client_secret", True),
        ("self.secret_key", True),
        ("$db_pass", True),
        ("token_url", False),
        ("page_token", False),
        ("password_hash", False),
        ("max_tokens", False),
        ("key", False),
    ],
)
def test_credential_names(name: str, expected: bool) -> None:
    assert credentials.is_credential_name(name) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", True),
        ("changeme", True),
        ("xxxxxxxx", True),
        ("<your-token>", True),
        ("${DB_PASSWORD}", True),
        ("{{ vault_pw }}", True),
        ("GITHUB_TOKEN", True),
        ("Enter your password", True),
        ("your_api_key_here", True),
        ("hunter2-prod", False),
        ("q7Jx2Lm9Pz4Rt8Vw", False),
    ],
)
def test_placeholders(value: str, expected: bool) -> None:
    assert credentials.is_placeholder(value) is expected


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        (".env", "environment file"),
        ("deploy/.env.production", "environment file"),
        (".env.example", None),
        (".env.sample", None),
        (".env.template", None),
        ("keys/id_rsa", "SSH private key"),
        ("keys/id_rsa.pub", None),
        ("certs/client.p12", "key or certificate store"),
        ("credentials.json", "credentials file"),
        ("src/environment.py", None),
    ],
)
def test_secret_file_kinds(path: str, kind: str | None) -> None:
    assert secret_file_kind(path) == kind


def test_tokens_in_pull_request_text_are_found() -> None:
    token = fake_token(5, "ghu")
    item = TextItem("issue-comment", f"Here is my token:\n{token}\n", "newcomer")
    (finding,) = SecretsTokenFormat().analyze(context(texts=(item,)))
    assert (finding.path, finding.start_line, finding.severity.label) == (
        "(comment by @newcomer)",
        2,
        "critical",
    )
