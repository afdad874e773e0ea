"""What one pull-request analysis costs the worker: process CPU time and GitHub requests, per pull request.

The pull requests of `bench.scale` (one changed text file; every fifth adds a risky Python file), each
delivered once as `pull_request.opened`. A worker process (this module with `--child`, on SQLite) runs
`worker.process_delivery` for one delivery at a time and reports the CPU time its whole process used
(`time.process_time`: every thread, the rules' threads included), so the GitHub emulator, which runs in
this process with no added latency, is not counted. Requests are those the emulator recorded while the
delivery ran. The first `--warm` pull requests warm the caches and imports and are left out.

    .venv/bin/python -m bench.analysis_cost [--pulls 60] [--warm 10]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path

from app.db import repo
from app.db.migrate import upgrade
from app.db.session import get_engine
from app.web.webhooks import _describe
from bench.scale import repo_name, seed
from tests.conftest import make_settings
from tests.emulator.server import GitHubEmulator
from tests.support.processes import settings_env
from tests.support.pulls import pull_request_payload


def child() -> None:
    """Process the delivery ids read from stdin, one a line; answer each with the CPU seconds used."""
    from app.jobs import worker
    from app.settings import load_settings

    settings = load_settings()
    for line in sys.stdin:
        started = time.process_time()
        worker.process_delivery(settings, line.strip())
        print(f"{time.process_time() - started:.6f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pulls", type=int, default=60)
    parser.add_argument("--warm", type=int, default=10)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child()
        return
    with GitHubEmulator() as github, tempfile.TemporaryDirectory() as tmp:
        seed(github, args.pulls)
        settings = make_settings(
            Path(tmp),
            app_id=github.app_id,
            private_key=github.private_key_pem,
            github_api_url=github.url,
            github_url=github.url,
            log_level="WARNING",
            reaction_poll_seconds=0,
        )
        upgrade(settings.database_url)
        worker = subprocess.Popen(
            [sys.executable, "-m", "bench.analysis_cost", "--child"],
            env=settings_env(settings),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert worker.stdin is not None
        assert worker.stdout is not None
        cpu: list[float] = []
        requests: list[int] = []
        kinds: Counter[str] = Counter()
        for number in range(1, args.pulls + 1):
            payload = pull_request_payload(github, repo_name(number), number, "opened")
            record = _describe("pull_request", payload, json.dumps(payload), str(uuid.uuid4()))
            with get_engine(settings.database_url).connect() as connection:
                repo.record_delivery(connection.execution_options(isolation_level="AUTOCOMMIT"), record)
            before = len(github.calls)
            worker.stdin.write(record.delivery_id + "\n")
            worker.stdin.flush()
            used = float(worker.stdout.readline())
            calls = github.calls[before:]
            if number > args.warm:
                cpu.append(used)
                requests.append(len(calls))
                kinds.update(f"{c.method} {_shape(c.path)}" for c in calls)
        worker.stdin.close()
        worker.wait(timeout=30)
        measured = len(cpu)
        print(f"{measured} pull requests measured (after {args.warm} warm-up)")
        print(
            f"worker process CPU per analysis: median {statistics.median(cpu) * 1000:.1f} ms,"
            f" p90 {sorted(cpu)[int(measured * 0.9)] * 1000:.1f} ms"
        )
        print(f"GitHub requests per pull request: mean {statistics.mean(requests):.2f}, max {max(requests)}")
        for kind, count in kinds.most_common():
            print(f"  {count / measured:5.2f}  {kind}")


def _shape(path: str) -> str:
    """A request path with its numbers and names blurred, so requests group by endpoint."""
    parts = path.split("?", 1)[0].split("/")
    if len(parts) > 3 and parts[1] == "repos":
        parts[2:4] = ["{repo}"]
    return "/".join("N" if p.isdigit() else "SHA" if len(p) == 40 else p for p in parts)


if __name__ == "__main__":
    main()
