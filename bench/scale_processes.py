"""The scale bench's processes: web tiers and workers as `python -m app ...`, their RSS sampled."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from app.settings import Settings
from tests.support.processes import settings_env

WARM_UP_SECONDS = 10.0
WORKER_NICENESS = 19


@dataclass
class Fleet:
    web_urls: list[str]
    processes: dict[str, subprocess.Popen[bytes]]
    peak_kb: dict[str, int] = field(default_factory=dict)

    def sample_rss(self) -> None:
        """Record each worker's resident set (the embedded `serve` counts with its worker child)."""
        for name, proc in self.processes.items():
            if name.startswith("web"):
                continue
            pids = [proc.pid, *_children(proc.pid)]
            total = sum(_rss_kb(pid) for pid in pids)
            self.peak_kb[name] = max(self.peak_kb.get(name, 0), total)

    def cpu_seconds(self) -> dict[str, float]:
        """CPU time each process (with its children) has used so far."""
        return {
            name: sum(_cpu_seconds(pid) for pid in [proc.pid, *_children(proc.pid)])
            for name, proc in self.processes.items()
        }

    def peak_rss_mb(self) -> dict[str, float]:
        return {name: kb / 1024 for name, kb in sorted(self.peak_kb.items())}


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def service_cpu_seconds() -> float:
    """CPU time used so far by the machine's PostgreSQL and Redis processes (they serve the fleet)."""
    total = 0.0
    for comm in Path("/proc").glob("[0-9]*/comm"):
        try:
            if comm.read_text().startswith(("postgres", "redis")):
                total += _cpu_seconds(int(comm.parent.name))
        except (OSError, ValueError):
            continue
    return total


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found += [int(child) for child in task.read_text().split()]
        except OSError:
            continue
    return found


def _lower_priority() -> None:
    os.nice(WORKER_NICENESS)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_up(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            httpx.get(f"{url}/healthz", timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not come up")


@contextmanager
def start_fleet(settings: Settings, workdir: Path, *, embedded: bool) -> Iterator[Fleet]:
    """Embedded: one `serve` with its worker. Scaled: two `serve --no-worker` and three `worker`."""
    env = settings_env(settings)
    subprocess.run([sys.executable, "-m", "app", "migrate"], env=env, check=True, capture_output=True)
    log = open(workdir / "processes.log", "ab")  # noqa: SIM115
    processes: dict[str, subprocess.Popen[bytes]] = {}
    urls: list[str] = []
    webs = 1 if embedded else 2
    try:
        for index in range(webs):
            port = free_port()
            command = [sys.executable, "-m", "app", "serve", "--port", str(port)]
            name = "serve+worker" if embedded else f"web{index + 1}"
            processes[name] = subprocess.Popen(
                command if embedded else [*command, "--no-worker"], env=env, stdout=log, stderr=log
            )
            urls.append(f"http://127.0.0.1:{port}")
        for index in range(0 if embedded else 3):
            processes[f"worker{index + 1}"] = subprocess.Popen(
                [sys.executable, "-m", "app", "worker"],
                env=env,
                stdout=log,
                stderr=log,
                preexec_fn=_lower_priority,  # the web tier answers first, as on separate machines
            )
        for url in urls:
            wait_up(url)
        time.sleep(WARM_UP_SECONDS)  # let the workers finish importing before the load starts
        yield Fleet(urls, processes)
    finally:
        for proc in processes.values():
            proc.terminate()
        for proc in processes.values():
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        log.close()
