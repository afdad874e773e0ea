"""Front-door latency: `bulwark serve --no-worker` on SQLite beside a bare Starlette 202 endpoint.

Bounded loopback load only: a fixed number of requests, each run capped in time. Reports requests per
second and p50/p99 latency from sending a signed 28 KB `pull_request` delivery to its 202.

    .venv/bin/python -m bench.webhook_ack [--rate 200] [--count 2000] [--concurrency 32]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

from bench.loopback_client import LoopbackClient, TransportError

ROOT = Path(__file__).resolve().parent.parent
PAYLOAD = (ROOT / "tests/fixtures/github-webhooks/pull_request/opened.payload.json").read_bytes()
SECRET = "bench-secret"
BARE_APP = """
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

async def accept(request):
    await request.body()
    return JSONResponse({"status": "queued"}, status_code=202)

app = Starlette(routes=[Route("/webhooks/github", accept, methods=["POST"])])
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_up(url: str, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not come up")


def headers() -> dict[str, str]:
    return {
        "X-GitHub-Event": "pull_request",
        "X-GitHub-Delivery": str(uuid.uuid4()),
        "X-Hub-Signature-256": "sha256=" + hmac.new(SECRET.encode(), PAYLOAD, hashlib.sha256).hexdigest(),
        "Content-Type": "application/json",
    }


async def _one(client: LoopbackClient, latencies: list[float], errors: list[int]) -> None:
    start = time.perf_counter()
    try:
        status = await client.post("/webhooks/github", PAYLOAD, headers())
    except TransportError:
        status = 0
    latencies.append(time.perf_counter() - start)
    if status != 202:
        errors.append(status)


async def open_loop(origin: str, rate: float, count: int, limit_seconds: float) -> dict[str, float]:
    """Send `count` requests at `rate` per second, whatever the answers' pace (no coordinated omission)."""
    latencies: list[float] = []
    errors: list[int] = []
    client = LoopbackClient(origin, limit=256, timeout=10)
    began = time.perf_counter()
    tasks = []
    for i in range(count):
        delay = began + i / rate - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        if time.perf_counter() - began > limit_seconds:
            break
        tasks.append(asyncio.create_task(_one(client, latencies, errors)))
    await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - began
    await client.close()
    return summarise(latencies, errors, elapsed)


async def closed_loop(origin: str, concurrency: int, count: int) -> dict[str, float]:
    """Maximum throughput: `concurrency` clients sending back to back, `count` requests in total."""
    latencies: list[float] = []
    errors: list[int] = []
    remaining = iter(range(count))
    client = LoopbackClient(origin, limit=concurrency, timeout=10)

    async def runner() -> None:
        for _ in remaining:
            await _one(client, latencies, errors)

    began = time.perf_counter()
    await asyncio.gather(*(runner() for _ in range(concurrency)))
    elapsed = time.perf_counter() - began
    await client.close()
    return summarise(latencies, errors, elapsed)


def summarise(latencies: list[float], errors: list[int], elapsed: float) -> dict[str, float]:
    ordered = sorted(latencies)
    return {
        "requests": len(ordered),
        "errors": len(errors),
        "rps": len(ordered) / elapsed,
        "p50_ms": statistics.median(ordered) * 1000,
        "p99_ms": ordered[max(0, int(len(ordered) * 0.99) - 1)] * 1000,
    }


def start_bulwark(workdir: Path, port: int) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BULWARK_")}
    env |= {
        "BULWARK_WEBHOOK_SECRET": SECRET,
        "BULWARK_DATABASE_URL": f"sqlite:///{workdir / 'bench.db'}",
        "BULWARK_LOG_LEVEL": "WARNING",
    }
    subprocess.run([sys.executable, "-m", "app", "migrate"], env=env, check=True, capture_output=True)
    command = [sys.executable, "-m", "app", "serve", "--no-worker", "--port", str(port)]
    return subprocess.Popen(command, env=env, cwd=workdir)


def start_bare(workdir: Path, port: int) -> subprocess.Popen[bytes]:
    (workdir / "bare_app.py").write_text(BARE_APP)
    command = [sys.executable, "-m", "uvicorn", "bare_app:app", "--port", str(port), "--log-level", "warning"]
    return subprocess.Popen(command, cwd=workdir)


def measure(name: str, proc: subprocess.Popen[bytes], port: int, args: argparse.Namespace) -> None:
    url = f"http://127.0.0.1:{port}"
    try:
        wait_up(f"http://127.0.0.1:{port}/")
        asyncio.run(closed_loop(url, 8, 200))  # warm-up
        paced = asyncio.run(open_loop(url, args.rate, args.count, limit_seconds=60))
        flat_out = asyncio.run(closed_loop(url, args.concurrency, args.count))
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    print(
        f"{name:<22} at {args.rate:.0f}/s: p50 {paced['p50_ms']:6.2f} ms  p99 {paced['p99_ms']:6.2f} ms"
        f"  errors {paced['errors']:.0f} | max throughput {flat_out['rps']:7.0f}/s"
        f" (p50 {flat_out['p50_ms']:.1f} ms, p99 {flat_out['p99_ms']:.1f} ms, errors {flat_out['errors']:.0f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rate", type=float, default=200.0)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=32)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        port = free_port()
        measure("bulwark serve (SQLite)", start_bulwark(workdir, port), port, args)
        port = free_port()
        measure("bare Starlette 202", start_bare(workdir, port), port, args)


if __name__ == "__main__":
    main()
