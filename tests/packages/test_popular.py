"""The shipped popular-package lists and their refresh against the local registry server."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.packages.popular import (
    RefreshError,
    load_popular,
    read_popular_list,
    refresh_popular,
    shipped_popular,
)
from tests.support.registry_server import running_registry


def test_shipped_lists_have_names_and_dates() -> None:
    pypi, npm = shipped_popular("pypi"), shipped_popular("npm")
    assert (len(pypi.names), pypi.names[:2], pypi.date) == (15000, ("boto3", "packaging"), "2026-04")
    assert (npm.names[:2], npm.date) == (("semver", "minimatch"), "2026-09-23")
    assert len(npm.names) == 17338
    popular = load_popular()
    assert "requests" in popular["pypi"]
    assert "lodash" in popular["npm"]


def test_refresh_rewrites_lists_from_the_rankings(tmp_path: Path) -> None:
    with running_registry() as server:
        lists = refresh_popular(
            tmp_path, pypi_ranking_url=f"{server.url}/top-pypi-packages.min.json", npm_url=server.url
        )
    assert [(p.ecosystem, p.date) for p in lists] == [("pypi", "2026-11-01"), ("npm", "2026-11-02")]
    pypi = read_popular_list(tmp_path / "popular-pypi.txt", "pypi")
    assert pypi.names[:3] == ("requests", "flask", "pyyaml")
    assert pypi.date == "2026-11-01"
    npm = read_popular_list(tmp_path / "popular-npm.txt", "npm")
    assert npm.names[:2] == ("left-pad", "express")
    assert npm.source == "npm-high-impact 9.0.0 (lib/top.js)"
    assert load_popular(tmp_path)["npm"] == frozenset(npm.names)


def test_refresh_failure_leaves_lists_alone(tmp_path: Path) -> None:
    with running_registry() as server, pytest.raises(RefreshError, match="HTTP 404"):
        refresh_popular(tmp_path, pypi_ranking_url=f"{server.url}/pypi/nothing/json")
    assert list(tmp_path.iterdir()) == []
