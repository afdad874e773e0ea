"""The shipped container image runs as production: placeholder secrets refuse to start, cookies are Secure."""

from __future__ import annotations

import shlex

from tests.conftest import ROOT


def _runtime_env() -> dict[str, str]:
    """The `ENV` values of the Dockerfile's last stage (continuation lines joined)."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8").replace("\\\n", " ")
    stages = text.split("\nFROM ")
    values: dict[str, str] = {}
    for line in stages[-1].splitlines():
        if line.startswith("ENV "):
            values |= dict(item.split("=", 1) for item in shlex.split(line[4:]))
    return values


def test_the_image_runs_in_production() -> None:
    assert _runtime_env()["BULWARK_ENVIRONMENT"] == "production"
