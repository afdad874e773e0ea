"""A job's heartbeat keeps beating while a rule holds the processor (a worker is not presumed dead)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from analyzers import registry
from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.contract.model import ChangeContext
from app.db import repo
from app.db.migrate import upgrade
from app.db.session import dispose_engines
from app.web.application import create_app
from tests.conftest import emulated_settings
from tests.emulator.server import GitHubEmulator
from tests.support.pulls import analyse
from tests.support.servers import serve_app

REPO = "acme/busy"
BEATS = 2


class SpinningRule(Analyzer):
    """Pure Python work that ends only once the job's heartbeat has beaten twice while it ran."""

    meta = RuleMeta(id="test-spinning", family=Family.CODE, summary="spins", severity=Severity.LOW)
    beats: list[float] = []  # noqa: RUF012 (shared with the wrapped heartbeat)
    seen = threading.Event()

    def analyze(self, ctx: ChangeContext) -> Iterator[Finding]:
        start = len(SpinningRule.beats)
        spins = 0
        while len(SpinningRule.beats) - start < BEATS:
            spins += 1  # holds the GIL between the interpreter's switches, as a busy rule does
        SpinningRule.seen.set()
        return iter(())


def test_the_heartbeat_beats_while_a_rule_runs(
    tmp_path: Path, github: GitHubEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    extend = repo.extend_leases

    def counted(*args: Any, **kwargs: Any) -> Any:
        SpinningRule.beats.append(0.0)
        return extend(*args, **kwargs)

    monkeypatch.setattr(repo, "extend_leases", counted)
    monkeypatch.setattr(registry, "rules_for", lambda ctx: [SpinningRule])  # the runner's default list
    github.add_installation(51, "acme")
    github.add_repo(REPO, 51)
    github.add_pull_request(REPO, 1, base_files={"a.py": "x = 1\n"}, head_files={"a.py": "x = 2\n"})
    settings = emulated_settings(
        tmp_path,
        github,
        lease_seconds=5,  # a beat every 1.7 s; the rule's budget (30 s) would stop it without beats
    )
    upgrade(settings.database_url)
    with serve_app(create_app(settings)) as web:
        analyse(settings, web, github, REPO, 1, "opened")
    dispose_engines()
    assert SpinningRule.seen.is_set()  # the rule saw two beats while it ran, and so ended by itself
    [check] = github.check_runs(REPO)
    assert check.conclusion == "success"  # it finished: no gap
