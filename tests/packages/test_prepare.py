"""facts_for_change: the supply-chain facts of a whole change, as the worker and scan gather them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from app.context.builder import build_from_directories
from app.packages import MemoryFactCache, RegistryConfig, facts_for_change, prepare
from app.packages.popular import load_popular
from tests.support.registry_server import REFERENCE_DATE, running_registry


def test_facts_for_the_new_dependencies_of_a_change(tmp_path: Path) -> None:
    for side, text in (("base", "requests==2.32.3\n"), ("head", "requests==2.32.4\nfresh-helpers\n")):
        (tmp_path / side).mkdir()
        (tmp_path / side / "requirements.txt").write_text(text, encoding="utf-8")
    ctx = build_from_directories(tmp_path / "base", tmp_path / "head")
    with running_registry() as server:
        url = server.url
        config = RegistryConfig(pypi_url=url, npm_url=url, osv_url=url)
        facts = facts_for_change(ctx, config, MemoryFactCache(), now=datetime.fromisoformat(REFERENCE_DATE))
    assert list(facts.packages) == [("pypi", "fresh-helpers")]
    assert facts.packages[("pypi", "fresh-helpers")].age_days == 8
    assert "requests" in facts.popular_packages["pypi"]
    assert facts.unavailable_checks == ()
    assert sorted(server.requests) == ["GET /pypi/fresh-helpers/json", "POST /v1/query"]


def test_unreadable_popular_lists_are_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prepare, "load_popular", lambda: load_popular(tmp_path / "absent"))
    for side in ("base", "head"):
        (tmp_path / side).mkdir()
    ctx = build_from_directories(tmp_path / "base", tmp_path / "head")
    facts = facts_for_change(ctx, RegistryConfig(offline=True), MemoryFactCache())
    assert facts.popular_packages == {}
    assert facts.unavailable_checks == (
        "popular package lists: unreadable; not run: deps-typosquat, deps-undeclared-import",
    )
