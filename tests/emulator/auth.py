"""App JWTs and installation tokens, checked the way GitHub checks them."""

from __future__ import annotations

import secrets
import time
from datetime import timedelta
from functools import cache

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.emulator.http import HttpError
from tests.emulator.state import AuthKind, State, Token, now

JWT_DOCS = "https://docs.github.com/rest"
MAX_JWT_LIFETIME = 600
CLOCK_DRIFT = 60
TOKEN_LIFETIME = timedelta(hours=1)


@cache
def generated_private_key() -> str:
    """One RSA 2048 key per process, as PEM (PKCS#1, the format GitHub hands out)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    ).decode()


@cache
def public_key_pem(private_key_pem: str) -> str:
    """The public half, as PEM."""
    key = _signing_key(private_key_pem)
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


def _jwt_error(message: str) -> HttpError:
    return HttpError(401, message, documentation_url=JWT_DOCS)


def verify_jwt(token: str, public_key: str, app_id: int) -> None:
    """Accept only an RS256 JWT signed by the app's key, issued by the app, valid ≤ 10 minutes."""
    try:
        claims = jwt.decode(
            token,
            public_key,
            algorithms=["RS256"],
            options={"require": ["exp", "iat", "iss"], "verify_iat": False},
            leeway=0,
        )
    except jwt.ExpiredSignatureError:
        raise _jwt_error(
            "'Expiration time' claim ('exp') must be a numeric value representing the future time "
            "at which the assertion expires"
        ) from None
    except jwt.PyJWTError:
        raise _jwt_error("A JSON web token could not be decoded") from None
    if str(claims["iss"]) != str(app_id):
        raise _jwt_error(f"'Issuer' claim ('iss') must be an Integer (got {claims['iss']!r})")
    moment = time.time()
    if int(claims["iat"]) > moment + CLOCK_DRIFT:
        raise _jwt_error("'Issued at' claim ('iat') must be an Integer representing the time in the past")
    if int(claims["exp"]) - moment > MAX_JWT_LIFETIME + CLOCK_DRIFT:
        raise _jwt_error("'Expiration time' claim ('exp') is too far in the future")


def mint_jwt(
    private_key_pem: str, issuer: int | str, *, issued_at: float | None = None, lifetime: int = 540
) -> str:
    """An App JWT like clients make it: `iat` a minute in the past, `exp` `lifetime` seconds after now."""
    moment = int(time.time()) if issued_at is None else int(issued_at)
    claims = {"iat": moment - CLOCK_DRIFT, "exp": moment + lifetime, "iss": str(issuer)}
    return jwt.encode(claims, _signing_key(private_key_pem), algorithm="RS256")


@cache
def _signing_key(private_key_pem: str) -> rsa.RSAPrivateKey:
    """The loaded key, cached: loading an RSA private key checks it, which takes ~0.1 s here."""
    key = serialization.load_pem_private_key(private_key_pem.encode(), password=None)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError("a GitHub App key is an RSA private key")
    return key


def issue_token(state: State, installation_id: int) -> Token:
    token = Token("ghs_" + secrets.token_urlsafe(27), installation_id, now() + TOKEN_LIFETIME)
    state.tokens[token.value] = token
    return token


def looks_like_jwt(credential: str) -> bool:
    return credential.count(".") == 2 and credential.startswith("ey")


def classify(
    state: State, header: str, public_key: str, app_id: int
) -> tuple[AuthKind, int | None, HttpError | None]:
    """Who is calling: (kind, installation id, error to answer if the credential is refused)."""
    scheme, _, credential = header.partition(" ")
    credential = credential.strip()
    if not header:
        return "none", None, None
    if scheme.lower() not in ("bearer", "token") or not credential:
        return "invalid", None, HttpError(401, "Bad credentials")
    if looks_like_jwt(credential):
        try:
            verify_jwt(credential, public_key, app_id)
        except HttpError as error:
            return "invalid", None, error
        return "app", None, None
    if credential in state.user_tokens:
        return "user", None, None
    token = state.tokens.get(credential)
    if token is None or token.expired or token.expires_at <= now():
        return "invalid", None, HttpError(401, "Bad credentials")
    return "installation", token.installation_id, None
