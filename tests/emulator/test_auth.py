"""App JWTs, installation tokens and what GitHub answers when they are wrong."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import cache

import httpx
import jwt
import pytest

from tests.emulator import GitHubEmulator
from tests.emulator.auth import generated_private_key, mint_jwt


@pytest.fixture
def seeded(github: GitHubEmulator) -> GitHubEmulator:
    github.add_installation(7, "acme")
    github.add_installation(8, "other")
    github.add_repo("acme/widgets", 7, private=True)
    github.add_repo("other/secret", 8, private=True)
    return github


@cache
def _another_key() -> str:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return pem.decode()


def _bearer(value: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {value}", "Accept": "application/vnd.github+json"}


def test_jwt_then_token_then_call(seeded: GitHubEmulator) -> None:
    with httpx.Client(base_url=seeded.url) as client:
        minted = client.post("/app/installations/7/access_tokens", headers=_bearer(seeded.app_jwt()))
        assert minted.status_code == 201
        token = minted.json()["token"]
        assert token.startswith("ghs_")
        assert minted.json()["expires_at"].endswith("Z")
        repo = client.get("/repos/acme/widgets", headers={"Authorization": f"token {token}"})
        assert repo.status_code == 200
        assert repo.json()["full_name"] == "acme/widgets"
        same = client.get("/repos/acme/widgets", headers=_bearer(token))
        assert same.status_code == 200
    kinds = [(c.path, c.auth, c.installation_id) for c in seeded.calls]
    assert kinds == [
        ("/app/installations/7/access_tokens", "app", None),
        ("/repos/acme/widgets", "installation", 7),
        ("/repos/acme/widgets", "installation", 7),
    ]


def test_expired_tokens_answer_401(seeded: GitHubEmulator) -> None:
    token = seeded.installation_token(7)
    assert seeded.expire_tokens() >= 1
    answer = httpx.get(f"{seeded.url}/repos/acme/widgets", headers=_bearer(token))
    assert answer.status_code == 401
    assert answer.json()["message"] == "Bad credentials"
    assert "documentation_url" in answer.json()
    fresh = seeded.installation_token(7)
    assert httpx.get(f"{seeded.url}/repos/acme/widgets", headers=_bearer(fresh)).status_code == 200


@pytest.mark.parametrize(
    ("describe", "make"),
    [
        ("signed by another key", lambda e: mint_jwt(_another_key(), e.app_id)),
        ("another issuer", lambda e: mint_jwt(e.private_key_pem, e.app_id + 1)),
        ("expired", lambda e: mint_jwt(e.private_key_pem, e.app_id, issued_at=time.time() - 1200)),
        ("lives too long", lambda e: mint_jwt(e.private_key_pem, e.app_id, lifetime=3600)),
        ("HS256", lambda e: jwt.encode({"iss": str(e.app_id), "iat": 1, "exp": 2}, "k" * 32, "HS256")),
        ("garbage", lambda e: "eyJ.not.a-jwt"),
    ],
)
def test_bad_jwts_answer_401(
    seeded: GitHubEmulator, describe: str, make: Callable[[GitHubEmulator], str]
) -> None:
    token = make(seeded)
    issued = len(seeded.state.tokens)
    answer = httpx.post(f"{seeded.url}/app/installations/7/access_tokens", headers=_bearer(token))
    assert answer.status_code == 401, describe
    assert len(seeded.state.tokens) == issued


def test_unknown_installation_and_wrong_credentials(seeded: GitHubEmulator) -> None:
    url = seeded.url
    jwt_headers = _bearer(seeded.app_jwt())
    assert httpx.post(f"{url}/app/installations/99/access_tokens", headers=jwt_headers).status_code == 404
    token = seeded.installation_token(7)
    assert httpx.get(f"{url}/app", headers=_bearer(token)).status_code == 401
    assert httpx.get(f"{url}/repos/acme/widgets").status_code == 401
    assert httpx.get(f"{url}/repos/acme/widgets", headers=_bearer("ghs_unknown")).status_code == 401
    assert httpx.get(f"{url}/repos/acme/widgets", headers=jwt_headers).status_code == 403


def test_repositories_outside_the_installation_are_not_found(seeded: GitHubEmulator) -> None:
    token = seeded.installation_token(7)
    answer = httpx.get(f"{seeded.url}/repos/other/secret", headers=_bearer(token))
    assert answer.status_code == 404
    assert answer.json()["message"] == "Not Found"


def test_app_endpoints(seeded: GitHubEmulator) -> None:
    headers = _bearer(seeded.app_jwt())
    with httpx.Client(base_url=seeded.url, headers=headers) as client:
        assert client.get("/app").json()["slug"] == "bulwark"
        assert [i["id"] for i in client.get("/app/installations").json()] == [7, 8]
        assert client.get("/repos/other/secret/installation").json()["account"]["login"] == "other"
        assert client.get("/repos/nobody/here/installation").status_code == 404


def test_generated_key_is_shared_and_a_given_key_is_used() -> None:
    assert GitHubEmulator().private_key_pem == generated_private_key()
    own = _another_key()
    assert GitHubEmulator(app_id=5, private_key_pem=own).private_key_pem == own
