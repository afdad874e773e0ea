"""Known token formats: anchored patterns without nested quantifiers, and the GitHub checksum."""

from __future__ import annotations

import re
import zlib

from analyzers.record import record

BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
GITHUB_CLASSIC = re.compile(r"(?<![A-Za-z0-9_])(gh[pousr])_([A-Za-z0-9]{36})(?![A-Za-z0-9_])")
GITHUB_FINE_GRAINED = re.compile(
    r"(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}(?![A-Za-z0-9_])"
)
AWS_ACCESS_KEY = re.compile(r"(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])")
AWS_SECRET_KEY = re.compile(r"(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])")
SLACK = re.compile(r"(?<![A-Za-z0-9])xox[baprs]-[0-9]{8,14}-[0-9A-Za-z-]{8,200}")
STRIPE = re.compile(r"(?<![A-Za-z0-9_])[sr]k_live_[0-9A-Za-z]{24,99}(?![A-Za-z0-9_])")
GOOGLE = re.compile(r"(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])")
PEM_BEGIN = re.compile(r"-----BEGIN ((?:[A-Z0-9]{1,20} ){0,3}PRIVATE KEY(?: BLOCK)?)-----")
PEM_END = re.compile(r"-----END [A-Z0-9 ]{1,60}-----")
# One pass over a whole file: does any token format's fixed prefix occur at all?
PREFIXES = re.compile(r"gh[pousr]_|github_pat_|AKIA|ASIA|xox[baprs]-|[sr]k_live_|AIza|-----BEGIN ")
# Literal cores of PREFIXES: `str.find` over a whole file is far cheaper than the regular expression.
_PREFIX_CORES = (
    "ghp_",
    "gho_",
    "ghu_",
    "ghs_",
    "ghr_",
    "github_pat_",
    "AKIA",
    "ASIA",
    "xox",
    "k_live_",
    "AIza",
    "-----BEGIN ",
)


def may_hold_token(text: str) -> bool:
    """A cheap pre-check: False means no line of `text` can match PREFIXES."""
    return any(core in text for core in _PREFIX_CORES) and PREFIXES.search(text) is not None


EXAMPLE_MARKERS = ("EXAMPLE", "example", "XXXXXXXX", "xxxxxxxx", "00000000", "12345678", "abcdefgh")


def base62(value: int, width: int = 6) -> str:
    digits = ""
    while value:
        value, rest = divmod(value, 62)
        digits = BASE62[rest] + digits
    return digits.rjust(width, "0")


def github_checksum(random_part: str) -> str:
    """The six checksum characters GitHub appends: base62 of the CRC32 of the 30 random characters."""
    return base62(zlib.crc32(random_part.encode("ascii")))


def github_checksum_valid(body: str) -> bool:
    """`body` is the 36 characters after `ghp_`: 30 random, then the checksum."""
    return len(body) == 36 and github_checksum(body[:30]) == body[30:]


def looks_like_example(token: str) -> bool:
    """A token that spells out that it is an example or filler."""
    if any(marker in token for marker in EXAMPLE_MARKERS):
        return True
    tail = token[-16:]
    return len(set(tail)) <= 2


def redact(token: str) -> str:
    """Enough of a token to recognise it, never enough to use it."""
    keep = min(8, max(4, len(token) // 5))
    return f"{token[:keep]}…({len(token)} chars)"


@record
class TokenMatch:
    kind: str
    token: str
    column: int
    example: bool = False
    end_line_offset: int = 0
