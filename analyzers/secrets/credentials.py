"""What counts as a credential name and what counts as a placeholder value."""

from __future__ import annotations

import re

NAME_HINT = re.compile(
    r"(?i)pass(?:w|phrase)|(?<=[_.\-])pass\b|pwd|secret|token|api_?key|apikey|access_?key"
    r"|private_?key|credential"
)
# Lower-case words one of which every NAME_HINT match holds: a cheap filter before the pattern.
HINT_WORDS = (
    "passw", "passphrase", "_pass", ".pass", "-pass", "pwd", "secret", "token", "apikey", "api_key",
    "api-key", "access_key", "accesskey", "private_key", "privatekey", "credential",
)  # fmt: skip
KEY_VALUE = re.compile(
    r"""^\s*(?:export\s+|-\s+|ENV\s+|ARG\s+|set\s+)?["']?([A-Za-z_@][A-Za-z0-9_.\-]{0,80})["']?\s*[:=]\s*(\S.{0,2000})$"""
)
_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+")
_LAST_WORDS = frozenset(
    {"password", "passwd", "pwd", "pass", "passphrase", "secret", "token", "apikey", "credential",
     "credentials"}
)  # fmt: skip
_LAST_PAIRS = frozenset(
    {("api", "key"), ("access", "key"), ("secret", "key"), ("private", "key"), ("auth", "key"),
     ("signing", "key"), ("encryption", "key"), ("master", "key")}
)  # fmt: skip
_NOT_CREDENTIAL_WORDS = frozenset(
    {"page", "next", "cursor", "max", "min", "num", "csrf", "xsrf", "refresh", "count", "bypass"}
)
_PLACEHOLDER_WORDS = frozenset(
    {"changeme", "change_me", "change-me", "password", "passwd", "secret", "token", "example",
     "dummy", "fake", "sample", "placeholder", "redacted", "todo", "tbd", "none", "null", "nil",
     "undefined", "test", "testing", "foo", "bar", "foobar", "hidden", "default", "required",
     "notasecret", "not-a-secret", "mysecret", "mypassword", "secret123", "password123", "true",
     "false", "yes", "no", "on", "off", "enabled", "disabled"}
)  # fmt: skip
_PLACEHOLDER_PARTS = (
    "example", "placeholder", "changeme", "change_me", "dummy", "fake", "xxxx", "redacted",
    "<", "${", "{{", "%(", "%s", "your_", "your-", "insert", "replace",
)  # fmt: skip
_ENV_NAME = re.compile(r"[A-Z][A-Z0-9_]{2,80}")
_NAME_LIKE = re.compile(r"[A-Za-z][A-Za-z0-9_.\-]{0,80}")
_COLOR = re.compile(r"#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
_TOKEN_CHARS = re.compile(r"[A-Za-z0-9_\-+/=.~:]{8,512}")
_AMBIGUOUS_WORDS = frozenset({"token"})  # also a lexer or parser token


def name_words(name: str) -> list[str]:
    last = re.split(r"[.\->:$\[\]'\"]+", name.strip("'\"$@ "))
    tail = next((part for part in reversed(last) if part), "")
    return [word.lower() for word in _WORDS.findall(tail)]


def is_credential_name(name: str) -> bool:
    """`db_password`, `apiKey`, `GITHUB_TOKEN`, `client_secret`; not `token_url` or `page_token`."""
    words = name_words(name)
    if not words or _NOT_CREDENTIAL_WORDS.intersection(words):
        return False
    if words[-1] in _LAST_WORDS:
        return True
    return len(words) >= 2 and (words[-2], words[-1]) in _LAST_PAIRS


def is_placeholder(value: str) -> bool:
    """Empty, `changeme`, `xxx`, `<…>`, `${…}`, env names, prose and other obvious non-secrets."""
    text = value.strip()
    lowered = text.lower()
    if len(text) < 4 or any(ch.isspace() for ch in text):
        return True
    if lowered in _PLACEHOLDER_WORDS or any(part in lowered for part in _PLACEHOLDER_PARTS):
        return True
    if text.startswith(("$", "/", "./", "~/", "http://", "https://", "env:", "vault:", "arn:")):
        return True
    if _ENV_NAME.fullmatch(text) or len(set(text)) <= 2 or _COLOR.fullmatch(text):
        return True
    return bool(_NAME_LIKE.fullmatch(text) and NAME_HINT.search(text))


def looks_like_token(value: str) -> bool:
    """Token-shaped: 8+ characters of a token alphabet mixing letters with digits or cases."""
    if not _TOKEN_CHARS.fullmatch(value):
        return False
    classes = sum(
        (any(c.islower() for c in value), any(c.isupper() for c in value),
         any(c.isdigit() for c in value))
    )  # fmt: skip
    return classes >= 2


def is_secret_value(name: str, value: str) -> bool:
    """A literal that is no placeholder, and token-shaped when the name is ambiguous (`token`)."""
    if is_placeholder(value):
        return False
    words = name_words(name)
    return not (words and words[-1] in _AMBIGUOUS_WORDS) or looks_like_token(value)


def unquote(raw: str) -> str | None:
    """The literal inside quotes on a key/value line, or the bare value; None for non-literals."""
    text = raw.strip().rstrip(",;").strip()
    if len(text) >= 2 and text[0] in "\"'`" and text[-1] == text[0]:
        return text[1:-1]
    if text and text[0] in "\"'`":
        end = text.find(text[0], 1)
        return text[1:end] if end > 0 else None
    for marker in (" #", " //", " ;"):
        text = text.split(marker, 1)[0]
    if not text or text[0] in "{[(!&*|>" or "(" in text:
        return None
    return text.strip()


def redact(value: str) -> str:
    return f"{value[:2]}…({len(value)} chars)"
