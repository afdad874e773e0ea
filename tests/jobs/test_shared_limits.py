"""The installation job rate and the reaction-poll interval hold across processes on one database.

Several web and worker processes serve one deployment; a limit kept in one process' memory would let
each of them spend the whole budget. Here two separate processes take from the same limits at the
same moment, on SQLite and on PostgreSQL: together they get what one process alone would.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.db.migrate import upgrade
from app.db.session import dispose_engines, session_factory
from app.github.client import take_installation_rate
from app.learning.signals import POLLS
from tests.conftest import ROOT, service_url
from tests.support.processes import fresh_postgres_database

_TAKE = """
import json, sys, time
from pathlib import Path
from app.db.session import session_factory
from app.github.client import take_installation_rate
from app.learning.signals import POLLS
url, go, tries = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
while not go.exists():
    time.sleep(0.005)
sessions = session_factory(url)
rate = [take_installation_rate(sessions, 7, 10, window=3600.0) == 0.0 for _ in range(tries)]
polls = [POLLS.claim(sessions, "poll:1:1", 3600.0) for _ in range(tries)]
print(json.dumps({"rate": sum(rate), "polls": sum(polls)}))
"""


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'bulwark.db'}"
        upgrade(url)
        yield url
        dispose_engines()
        return
    with fresh_postgres_database(service_url("BULWARK_TEST_POSTGRES_URL")) as url:
        upgrade(url)
        yield url


def _together(database: str, tmp_path: Path, processes: int = 2, tries: int = 10) -> list[dict[str, int]]:
    """Start `processes` processes that take from the limits at once; what each was granted."""
    go = tmp_path / "go"
    running = [
        subprocess.Popen(
            [sys.executable, "-c", _TAKE, database, str(go), str(tries)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(processes)
    ]
    time.sleep(1.0)  # each has imported the application and waits for the signal
    go.touch()
    results = []
    for process in running:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err[-2000:]
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def test_two_processes_share_one_installations_job_rate_and_poll_interval(
    database: str, tmp_path: Path
) -> None:
    results = _together(database, tmp_path)
    assert sum(result["rate"] for result in results) == 10  # ten starts an hour, not ten per process
    assert sum(result["polls"] for result in results) == 1  # one poll of the pull request an hour
    assert (
        take_installation_rate(session_factory(database), 7, 10, window=3600.0) > 0.0
    )  # spent, for this process too
    assert (
        take_installation_rate(session_factory(database), 8, 10, window=3600.0) == 0.0
    )  # other installations are not
    assert not POLLS.claim(session_factory(database), "poll:1:1", 3600.0)
    assert POLLS.claim(session_factory(database), "poll:1:2", 3600.0)


def test_a_limit_frees_up_as_its_window_passes(database: str, monkeypatch: pytest.MonkeyPatch) -> None:
    now = [1_000_000.0]
    monkeypatch.setattr(POLLS, "clock", lambda: now[0])
    assert POLLS.claim(session_factory(database), "poll:5:1", 300.0)
    now[0] += 299.0
    assert not POLLS.claim(session_factory(database), "poll:5:1", 300.0)
    now[0] += 1.0
    assert POLLS.claim(session_factory(database), "poll:5:1", 300.0)
    POLLS.mark(session_factory(database), "poll:5:1")
    assert not POLLS.claim(session_factory(database), "poll:5:1", 300.0)
