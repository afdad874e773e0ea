"""Shared pieces of the web tests: settings without credentials, and the form fields of a page."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from typing import Any

from app.settings import Settings
from tests.conftest import make_settings
from tests.emulator.server import GitHubEmulator


def fresh_settings(tmp_path: Path, github: GitHubEmulator, **overrides: Any) -> Settings:
    """A server with no App credentials yet, talking to the emulator, writing `.env` under tmp_path."""
    values: dict[str, Any] = {
        "app_id": None,
        "private_key": None,
        "webhook_secret": None,
        "github_url": github.url,
        "github_api_url": github.url,
        "env_path": str(tmp_path / ".env"),
    }
    return make_settings(tmp_path, **(values | overrides))


def form_of(page: str, form_id: str) -> tuple[str, dict[str, str]]:
    """(action, hidden fields) of the form with this id."""
    match = re.search(rf'<form id="{form_id}" method="post" action="([^"]*)">(.*?)</form>', page, re.S)
    assert match, page
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', match.group(2)))
    return unescape(match.group(1)), {k: unescape(v) for k, v in fields.items()}


def env_lines(path: Path) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)
    return dict(pairs)
