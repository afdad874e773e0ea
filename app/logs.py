"""Logging: JSON lines keyed by delivery, installation, repository and PR; secrets never logged."""

from __future__ import annotations

import contextvars
import json
import logging
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

_context: contextvars.ContextVar[dict[str, object] | None] = contextvars.ContextVar(
    "bulwark_log_context", default=None
)
# Token shapes redacted from any message: GitHub tokens, JWTs, PEM bodies, webhook signatures.
_SECRET_PATTERNS = re.compile(
    r"(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|eyJ[A-Za-z0-9_-]{10,}(?:\.[A-Za-z0-9_.-]+)?"
    r"|-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----[^-]*|sha256=[0-9a-f]{64})"
)


def redact(text: str) -> str:
    return _SECRET_PATTERNS.sub("[redacted]", text)


@contextmanager
def bind_log_context(**fields: object) -> Iterator[None]:
    token = _context.set({**(_context.get() or {}), **fields})
    try:
        yield
    finally:
        _context.reset(token)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": redact(record.getMessage()),
            **(_context.get() or {}),
        }
        if record.exc_info:
            entry["error"] = redact(self.formatException(record.exc_info))
        return json.dumps(entry, default=str)


class TextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        fields = " ".join(f"{k}={v}" for k, v in (_context.get() or {}).items())
        return redact(f"{super().format(record)} {fields}".rstrip())


def configure_logging(level: str, fmt: str = "json") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        JsonFormatter() if fmt == "json" else TextFormatter("%(levelname)s %(name)s %(message)s")
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("huey").setLevel(max(logging.WARNING, root.level))
    logging.getLogger("alembic").setLevel(
        max(logging.WARNING, root.level)
    )  # app.db.schema says it in one line
    logging.getLogger("httpx").setLevel(logging.WARNING)
