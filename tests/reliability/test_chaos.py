"""Chaos: 100 deliveries while workers are SIGKILLed and restarted and GitHub fails, stalls and
rate-limits. At the end every delivery is done, each head has at most one check run (each PR's
latest head exactly one) and no review comment is posted twice."""

from __future__ import annotations

import random
import signal
import subprocess
import time
from collections import Counter
from contextlib import ExitStack
from pathlib import Path

import httpx

from app.db.migrate import upgrade
from app.settings import Settings
from app.web.application import create_app
from tests.conftest import WEBHOOK_SECRET
from tests.emulator.server import GitHubEmulator
from tests.reliability.helpers import (
    REPO,
    all_done,
    app_settings,
    new_id,
    payload,
    runs_per_head,
    seed,
    statuses,
)
from tests.support.deliveries import send
from tests.support.processes import running_worker, wait_for
from tests.support.servers import serve_app

PULLS = range(1, 31)
SEED = 20261125


def inject_faults(github: GitHubEmulator) -> None:
    github.latency(0.01)
    github.fail("POST", r"/check-runs$", 502, times=3)
    github.fail("GET", r"/pulls/\d+/files", 500, times=4)
    github.fail("PATCH", r"/check-runs/\d+$", 503, times=2)
    github.rate_limit("secondary", 3, retry_after=1)
    github.delay("POST", r"/graphql$", 2.0, times=3)  # the pull request's query, or a file query
    github.delay("POST", r"/pulls/\d+/reviews$", 1.5, times=2)


def send_load(github: GitHubEmulator, web: str, rng: random.Random) -> list[str]:
    """100 deliveries: an opening for each PR, repeats, new pushes and repeated events per head."""
    ids: list[str] = []
    url = f"{web}/webhooks/github"
    with httpx.Client(timeout=30) as client:

        def deliver(number: int, action: str, delivery_id: str | None = None) -> None:
            delivery_id = delivery_id or new_id(f"chaos-{number}")
            response = send(
                client, url, WEBHOOK_SECRET, "pull_request", payload(github, number, action), delivery_id
            )
            assert response.status_code in (200, 202), response.text
            ids.append(delivery_id)

        for number in PULLS:
            deliver(number, "opened")
        for number in rng.sample(list(PULLS), 20):
            deliver(number, "synchronize", ids[number - 1])  # GitHub sent the same delivery twice
        for number in rng.sample(list(PULLS), 25):
            github.push(REPO, number, {"a.txt": f"pushed {number}\n", "run.py": "print('ok')\n"})
            deliver(number, "synchronize")
        for number in rng.sample(list(PULLS), 25):
            deliver(number, "reopened")
    return ids


def kill_and_restart(
    workers: list[subprocess.Popen[bytes]], stack: ExitStack, settings: Settings, rng: random.Random
) -> None:
    victim = workers.pop(rng.randrange(len(workers)))
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    workers.append(stack.enter_context(running_worker(settings)))


def test_deliveries_survive_worker_kills_and_github_faults(tmp_path: Path, github: GitHubEmulator) -> None:
    rng = random.Random(SEED)
    seed(github, PULLS, risky=True)
    settings = app_settings(tmp_path, github, lease_seconds=5, sweep_seconds=0.5, max_attempts=20)
    upgrade(settings.database_url)
    inject_faults(github)
    with serve_app(create_app(settings)) as web, ExitStack() as stack:
        workers = [stack.enter_context(running_worker(settings)) for _ in range(2)]
        ids = send_load(github, web, rng)
        for _ in range(3):
            time.sleep(rng.uniform(1.0, 3.0))
            kill_and_restart(workers, stack, settings, rng)
        wait_for(lambda: all_done(settings, ids), timeout=75, what="every delivery after the chaos")
    assert len(ids) == 100
    assert github.faults.pending() == []  # every injected fault was met
    assert set(statuses(settings).values()) == {"done"}
    assert len(statuses(settings)) == 80  # 20 were repeats of a stored delivery
    per_head = runs_per_head(github)
    assert max(per_head.values()) == 1
    for number in PULLS:
        assert per_head[github.state.pull(REPO, number).head_sha] == 1
        comments = Counter((c.path, c.line, c.body) for c in github.review_comments(REPO, number))
        assert [key for key, count in comments.items() if count > 1] == []
    assert {(r.status, r.conclusion) for r in github.check_runs(REPO)} == {("completed", "success")}
