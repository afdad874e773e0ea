"""Scale-out: two web processes and three workers on PostgreSQL and Redis, beside the embedded default.

A bounded loopback load of 2,000 signed deliveries for 500 pull requests in 25 repositories (each PR
`opened` sent twice under one delivery id, then `reopened` and `synchronize` for the same head; shuffled,
300/s with a burst of 50 at once every 250) against the GitHub emulator in this process with 50 ms per API call. Reports deliveries/s
accepted, p50/p99 acceptance latency, p50/p99 from a head's first delivery to its completed check run,
lost deliveries, duplicate check runs and comments, the workers' peak RSS and the load average.

    BULWARK_TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/test \\
    BULWARK_TEST_REDIS_URL=redis://127.0.0.1:6379/0 .venv/bin/python -m bench.scale [--only scaled|embedded]
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from bench.scale_load import BURST_SIZE, Load, build_load, send_load
from bench.scale_processes import Fleet, service_cpu_seconds, start_fleet
from tests.conftest import make_settings
from tests.emulator.server import GitHubEmulator
from tests.support.processes import fresh_postgres_database

PULLS = 500  # four deliveries each
REPOS = 25
RISKY = 'import subprocess\n\n\ndef run(name):\n    subprocess.run("tar " + name, shell=True)\n'
FINISH_SECONDS = 900.0  # bound on waiting for the queue to drain


@dataclass(frozen=True)
class Size:
    pulls: int = PULLS
    finish_seconds: float = FINISH_SECONDS


@dataclass(frozen=True)
class Outcome:
    name: str
    load: Load
    lost: int  # acknowledged (200/202) but not stored
    unacknowledged_stored: int  # a transport error at the sender, stored all the same
    not_done: int
    duplicate_runs: int
    missing_runs: int
    duplicate_comments: int
    e2e: list[float]
    drain_seconds: float
    rss_mb: dict[str, float]
    loadavg: tuple[float, float, float]


def repo_name(number: int) -> str:
    return f"bench/r{number % REPOS:02}"


def seed(github: GitHubEmulator, pulls: int) -> None:
    for index in range(REPOS):
        github.add_installation(100 + index, f"bench{index}")
        github.add_repo(f"bench/r{index:02}", 100 + index, repo_id=50_000 + index)
    for number in range(1, pulls + 1):
        head = {"a.txt": f"change {number}\n"}
        if number % 5 == 0:
            head["run.py"] = RISKY
        github.add_pull_request(repo_name(number), number, base_files={"a.txt": "a\n"}, head_files=head)


def run_scenario(
    name: str, github: GitHubEmulator, workdir: Path, overrides: dict[str, Any], size: Size
) -> Outcome:
    workdir.mkdir(parents=True, exist_ok=True)
    github.reset()
    seed(github, size.pulls)
    github.latency(0.05)
    settings = make_settings(
        workdir,
        app_id=github.app_id,
        private_key=github.private_key_pem,
        github_api_url=github.url,
        github_url=github.url,
        lease_seconds=120,
        workers=4,
        sweep_seconds=5.0,
        log_level="WARNING",
        redelivery_seconds=0,
        **overrides,
    )
    load = build_load(github, size.pulls, repo_name, random.Random(1125))
    embedded = "redis_url" not in overrides
    with start_fleet(settings, workdir, embedded=embedded) as fleet:
        cpu = Usage.now(fleet)
        send_load(load, fleet.web_urls, rate=300.0)
        report_acceptance(name, load)
        report_cpu("while sending", Usage.now(fleet).minus(cpu), load.sender_cpu)
        fleet.sample_rss()
        began = time.monotonic()
        done_at = wait_done(settings.database_url, load.acknowledged, fleet, size.finish_seconds)
        drain = time.monotonic() - began
        loadavg = os.getloadavg()
        report_cpu("in all", Usage.now(fleet).minus(cpu), load.sender_cpu)
    return verify(name, github, settings.database_url, load, done_at, fleet, loadavg, size, drain)


@dataclass(frozen=True)
class Usage:
    """CPU seconds used by each fleet process, the bench process (the emulator) and the services."""

    processes: dict[str, float]
    bench: float
    services: float

    @classmethod
    def now(cls, fleet: Fleet) -> Usage:
        return cls(fleet.cpu_seconds(), time.process_time(), service_cpu_seconds())

    def minus(self, earlier: Usage) -> Usage:
        return Usage(
            {name: used - earlier.processes.get(name, 0.0) for name, used in self.processes.items()},
            self.bench - earlier.bench,
            self.services - earlier.services,
        )


def report_cpu(when: str, usage: Usage, sender: float) -> None:
    parts = [f"{name} {used:.1f}" for name, used in usage.processes.items()]
    parts += [f"emulator {usage.bench:.1f}", f"PostgreSQL+Redis {usage.services:.1f}", f"sender {sender:.1f}"]
    print(f"  CPU seconds {when}: " + ", ".join(parts), flush=True)


def wait_done(database_url: str, ids: set[str], fleet: Fleet, bound: float) -> dict[str, float]:
    """Poll until every delivery is done (or the bound passes); sample the workers' RSS meanwhile."""
    engine = create_engine(database_url.replace("postgresql://", "postgresql+psycopg://", 1))
    deadline = time.monotonic() + bound
    try:
        while time.monotonic() < deadline:
            fleet.sample_rss()
            with engine.connect() as connection:
                done = connection.execute(
                    text("SELECT count(*) FROM delivery WHERE status = 'done'")
                ).scalar()
            if done is not None and done >= len(ids):
                break
            time.sleep(0.5)
        with engine.connect() as connection:
            rows = connection.execute(
                text("SELECT repository_id, head_sha, completed_at FROM analysis")
            ).all()
    finally:
        engine.dispose()
    return {f"{repo}:{head}": _epoch(completed) for repo, head, completed in rows if completed is not None}


def _epoch(moment: Any) -> float:
    """A stored time (a datetime, or ISO text from SQLite) as seconds since the epoch, naive meaning UTC."""
    value = datetime.fromisoformat(moment) if isinstance(moment, str) else moment
    return float((value if value.tzinfo else value.replace(tzinfo=UTC)).timestamp())


def verify(
    name: str,
    github: GitHubEmulator,
    database_url: str,
    load: Load,
    done_at: dict[str, float],
    fleet: Fleet,
    loadavg: tuple[float, float, float],
    size: Size,
    drain: float,
) -> Outcome:
    engine = create_engine(database_url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.connect() as connection:
        result = connection.execute(text("SELECT delivery_id, status FROM delivery")).all()
    rows: dict[str, str] = {str(delivery_id): str(status) for delivery_id, status in result}
    engine.dispose()
    runs: Counter[str] = Counter()
    duplicate_comments = 0
    for index in range(REPOS):
        full_name = f"bench/r{index:02}"
        runs.update(r.head_sha for r in github.check_runs(full_name))
    for number in range(1, size.pulls + 1):
        comments = Counter(
            (c.path, c.line, c.body) for c in github.review_comments(repo_name(number), number)
        )
        duplicate_comments += sum(count - 1 for count in comments.values())
    heads = {github.state.pull(repo_name(n), n).head_sha for n in range(1, size.pulls + 1)}
    e2e = [
        done_at[key] - first for key, first in load.first_sent.items() if key in done_at
    ]  # seconds from a head's first delivery to its completed check run
    return Outcome(
        name=name,
        load=load,
        lost=len(load.acknowledged - set(rows)),
        not_done=sum(1 for d in load.acknowledged if rows.get(d) != "done"),
        unacknowledged_stored=len((load.unique_ids - load.acknowledged) & set(rows)),
        duplicate_runs=sum(count - 1 for count in runs.values() if count > 1),
        missing_runs=len(heads - set(runs)),
        duplicate_comments=duplicate_comments,
        e2e=e2e,
        drain_seconds=drain,
        rss_mb=fleet.peak_rss_mb(),
        loadavg=loadavg,
    )


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))] if ordered else float("nan")


def report_acceptance(name: str, load: Load) -> None:
    accepted = load.accepted_latencies
    statuses = ", ".join(f"{status}: {count}" for status, count in sorted(load.statuses.items()))
    if load.errors:
        statuses += f" (status 0: {dict(load.errors)})"
    print(f"== {name}", flush=True)
    print(
        f"  sent {load.sent} deliveries ({len(load.unique_ids)} unique; {statuses}) in {load.elapsed:.1f} s:"
        f" {len(accepted) / load.elapsed:.0f}/s accepted; acceptance p50 {percentile(accepted, 0.5) * 1000:.1f} ms"
        f" p99 {percentile(accepted, 0.99) * 1000:.1f} ms",
        flush=True,
    )
    bursts = load.burst_latencies
    paced = sorted(set(accepted) - set(bursts))
    print(
        f"  of which sent in bursts of {BURST_SIZE} at once: {len(bursts)}, p50 {percentile(bursts, 0.5) * 1000:.1f} ms"
        f" p99 {percentile(bursts, 0.99) * 1000:.1f} ms; paced: {len(paced)}, p50 {percentile(paced, 0.5) * 1000:.1f} ms"
        f" p99 {percentile(paced, 0.99) * 1000:.1f} ms",
        flush=True,
    )


def report(outcome: Outcome) -> None:
    print(
        f"  drained {len(outcome.load.acknowledged) - outcome.not_done} deliveries in {outcome.drain_seconds:.0f} s"
    )
    unacknowledged = len(outcome.load.unique_ids - outcome.load.acknowledged)
    print(
        f"  never acknowledged (a transport error at the sender): {unacknowledged}, stored all the same {outcome.unacknowledged_stored}"
    )
    print(
        f"  delivery to completed check run: p50 {percentile(outcome.e2e, 0.5):.1f} s"
        f" p99 {percentile(outcome.e2e, 0.99):.1f} s (over {len(outcome.e2e)} heads)"
    )
    print(
        f"  lost {outcome.lost}, stored but not done within the bound {outcome.not_done},"
        f" duplicate check runs {outcome.duplicate_runs},"
        f" heads without a check run {outcome.missing_runs}, duplicate comments {outcome.duplicate_comments}"
    )
    rss = ", ".join(f"{proc} {mb:.0f} MB" for proc, mb in outcome.rss_mb.items())
    print(
        f"  peak RSS: {rss}; load average at the end {outcome.loadavg[0]:.2f} {outcome.loadavg[1]:.2f}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", choices=["scaled", "embedded"])
    parser.add_argument("--pulls", type=int, default=PULLS, help="pull requests (four deliveries each)")
    parser.add_argument("--finish-seconds", type=float, default=FINISH_SECONDS)
    args = parser.parse_args()
    size = Size(args.pulls, args.finish_seconds)
    print(f"load average before: {' '.join(f'{v:.2f}' for v in os.getloadavg())} on {os.cpu_count()} cores")
    with GitHubEmulator() as github, tempfile.TemporaryDirectory() as tmp:
        if args.only in (None, "scaled"):
            postgres = os.environ["BULWARK_TEST_POSTGRES_URL"]
            redis_url = os.environ["BULWARK_TEST_REDIS_URL"]
            with fresh_postgres_database(postgres) as database_url:
                overrides = {
                    "database_url": database_url,
                    "redis_url": redis_url,
                    "queue_name": f"bench-{time.time_ns()}",
                }
                report(
                    run_scenario(
                        "PostgreSQL + Redis: 2 web, 3 workers", github, Path(tmp) / "s", overrides, size
                    )
                )
        if args.only in (None, "embedded"):
            report(
                run_scenario("embedded: SQLite, one serve with its worker", github, Path(tmp) / "e", {}, size)
            )


if __name__ == "__main__":
    main()
