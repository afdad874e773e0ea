"""Memory of the front door under unsigned bodies: peak RSS of `bulwark serve --no-worker` while 20
clients post 24 MB each at once, without a valid signature.

Loopback only, a fixed amount of work. Three floods, one server each: bodies with no signature header,
bodies with a forged `sha256=` signature (read, then refused), and chunked bodies with no
`Content-Length`. Reports the server's resident set before the flood and its high-water mark
(`VmHWM`) after, and the answers the clients got.

    .venv/bin/python -m bench.unsigned_bodies [--clients 20] [--megabytes 24]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench.webhook_ack import free_port, start_bulwark, wait_up

CHUNK = 256 * 1024
FLOODS = ("no signature", "forged signature", "chunked, no length")


def memory_kib(pid: int, field: str) -> int:
    """`VmRSS` or `VmHWM` of a process, in KiB, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} for process {pid}")


def request_head(port: int, flood: str, size: int) -> bytes:
    lines = [
        "POST /webhooks/github HTTP/1.1",
        f"Host: 127.0.0.1:{port}",
        "X-GitHub-Event: pull_request",
        "X-GitHub-Delivery: flood",
        "Content-Type: application/json",
    ]
    if flood == "forged signature":
        lines.append("X-Hub-Signature-256: sha256=" + "0" * 64)
    if flood == "chunked, no length":
        lines.append("Transfer-Encoding: chunked")
    else:
        lines.append(f"Content-Length: {size}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


async def post(port: int, flood: str, body: memoryview) -> str:
    """Send one request as fast as the server reads it; its status, or how the connection ended."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    answer = asyncio.create_task(reader.readline())
    try:
        writer.write(request_head(port, flood, len(body)))
        for start in range(0, len(body), CHUNK):
            if answer.done():
                break
            piece = body[start : start + CHUNK]
            if flood == "chunked, no length":
                writer.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
            else:
                writer.write(piece)
            await writer.drain()
        else:
            if flood == "chunked, no length":
                writer.write(b"0\r\n\r\n")
                await writer.drain()
        status = await asyncio.wait_for(answer, 60)
    except (ConnectionError, TimeoutError) as error:
        status = type(error).__name__.encode()
    finally:
        writer.close()
    parts = status.split()
    return parts[1].decode() if len(parts) > 1 and parts[0].startswith(b"HTTP/") else status.decode()


async def flood(port: int, name: str, clients: int, body: memoryview) -> Counter[str]:
    answers = await asyncio.gather(*(post(port, name, body) for _ in range(clients)))
    return Counter(answers)


def measure(name: str, clients: int, megabytes: int) -> None:
    body = memoryview(b"{" + b" " * (megabytes * 1024 * 1024 - 2) + b"}")
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        proc = start_bulwark(Path(tmp), port)
        try:
            wait_up(f"http://127.0.0.1:{port}/healthz")
            time.sleep(0.5)
            before = memory_kib(proc.pid, "VmRSS")
            if memory_kib(proc.pid, "VmHWM") > before + 1024:
                print(
                    f"  (note: the high-water mark before the flood is {memory_kib(proc.pid, 'VmHWM')} KiB)"
                )
            began = time.perf_counter()
            answers = asyncio.run(flood(port, name, clients, body))
            elapsed = time.perf_counter() - began
            peak = memory_kib(proc.pid, "VmHWM")
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    shown = ", ".join(f"{status} ×{count}" for status, count in sorted(answers.items()))
    print(
        f"{name:<20} {clients} × {megabytes} MB: RSS {before / 1024:6.1f} MB before, peak "
        f"{peak / 1024:6.1f} MB (+{(peak - before) / 1024:5.1f} MB) in {elapsed:5.2f} s; answers: {shown}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--megabytes", type=int, default=24)
    args = parser.parse_args()
    for name in FLOODS:
        measure(name, args.clients, args.megabytes)


if __name__ == "__main__":
    main()
