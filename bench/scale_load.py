"""The scale bench's load: signed deliveries built up front, sent open-loop with bursts, timed.

The sending runs in its own process (`python -m bench.scale_load ITEMS RESULT --rate R URL...`) so that
the emulator serving the workers in the bench process does not hold back the load generator.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import random
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import uvloop

from bench.loopback_client import LoopbackClient, TransportError
from tests.conftest import WEBHOOK_SECRET
from tests.emulator.server import GitHubEmulator
from tests.support.deliveries import delivery_headers
from tests.support.pulls import pull_request_payload

BURST_EVERY, BURST_SIZE = 250, 50


@dataclass(frozen=True)
class Item:
    delivery_id: str
    body: bytes
    head_key: str  # "repository_id:head_sha"


@dataclass
class Load:
    items: list[Item]
    unique_ids: set[str]
    sent: int = 0
    elapsed: float = 0.0
    statuses: Counter[int] = field(default_factory=Counter)
    accepted_latencies: list[float] = field(default_factory=list)
    burst_latencies: list[float] = field(default_factory=list)  # those of deliveries sent in a burst
    first_sent: dict[str, float] = field(default_factory=dict)  # head key → wall-clock time
    errors: Counter[str] = field(default_factory=Counter)  # transport errors by type (status 0)
    acknowledged: set[str] = field(default_factory=set)  # ids answered 200 or 202
    sender_cpu: float = 0.0  # CPU seconds the load generator used while sending (it shares the cores)


def build_load(
    github: GitHubEmulator, pulls: int, repo_name: Callable[[int], str], rng: random.Random
) -> Load:
    """Per PR: `opened`, the same delivery again, and two more events for the same head under new ids."""
    items: list[Item] = []
    for number in range(1, pulls + 1):
        full_name = repo_name(number)
        opened = _item(github, full_name, number, "opened")
        items += [opened, opened]
        items += [_item(github, full_name, number, action) for action in ("reopened", "synchronize")]
    rng.shuffle(items)
    return Load(items=items, unique_ids={item.delivery_id for item in items})


def _item(github: GitHubEmulator, full_name: str, number: int, action: str) -> Item:
    payload = pull_request_payload(github, full_name, number, action)
    body = json.dumps(payload).encode()
    key = f"{payload['repository']['id']}:{payload['pull_request']['head']['sha']}"
    return Item(str(uuid.uuid4()), body, key)


def send_load(load: Load, web_urls: list[str], *, rate: float) -> None:
    """Send the load from a child process; its timings come back into `load`."""
    with tempfile.TemporaryDirectory() as tmp:
        items, result = Path(tmp) / "items.jsonl", Path(tmp) / "result.json"
        with items.open("w") as out:
            for item in load.items:
                body = base64.b64encode(item.body).decode()
                out.write(json.dumps({"id": item.delivery_id, "body": body, "key": item.head_key}) + "\n")
        command = [sys.executable, "-m", "bench.scale_load", str(items), str(result), "--rate", str(rate)]
        subprocess.run([*command, *web_urls], check=True)
        data = json.loads(result.read_text())
    load.sender_cpu = data["sender_cpu"]
    load.sent, load.elapsed = data["sent"], data["elapsed"]
    load.statuses = Counter({int(k): v for k, v in data["statuses"].items()})
    load.accepted_latencies = data["latencies"]
    load.burst_latencies = data["burst_latencies"]
    load.first_sent = data["first_sent"]
    load.errors = Counter(data["errors"])
    load.acknowledged = set(data["acknowledged"])


def main() -> None:
    parser = argparse.ArgumentParser(description="send prepared deliveries; write their timings")
    parser.add_argument("items")
    parser.add_argument("result")
    parser.add_argument("--rate", type=float, required=True)
    parser.add_argument("urls", nargs="+")
    args = parser.parse_args()
    items = []
    for line in Path(args.items).read_text().splitlines():
        row = json.loads(line)
        items.append(Item(row["id"], base64.b64decode(row["body"]), row["key"]))
    load = Load(items=items, unique_ids={item.delivery_id for item in items})
    uvloop.run(_send_all(load, args.urls, args.rate))  # the leanest loop: the sender shares the cores
    result = {
        "sent": load.sent,
        "elapsed": load.elapsed,
        "sender_cpu": load.sender_cpu,
        "statuses": {str(k): v for k, v in load.statuses.items()},
        "latencies": load.accepted_latencies,
        "burst_latencies": load.burst_latencies,
        "first_sent": load.first_sent,
        "errors": dict(load.errors),
        "acknowledged": sorted(load.acknowledged),
    }
    Path(args.result).write_text(json.dumps(result))


async def _send_all(load: Load, web_urls: list[str], rate: float) -> None:
    clients = [LoopbackClient(url, limit=256, timeout=30) for url in web_urls]
    requests = [  # signed and encoded before the clock starts
        clients[index % len(clients)].prepare(
            "/webhooks/github",
            item.body,
            delivery_headers(WEBHOOK_SECRET, item.body, "pull_request", item.delivery_id),
        )
        for index, item in enumerate(load.items)
    ]
    began, cpu = time.perf_counter(), time.process_time()
    tasks = []
    slot = 0.0
    for index, item in enumerate(load.items):
        if index % BURST_EVERY >= BURST_SIZE:  # the first 50 of every 250 go out at once
            slot += 1 / rate
        delay = began + slot - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        burst = index % BURST_EVERY < BURST_SIZE
        client = clients[index % len(clients)]
        tasks.append(asyncio.create_task(_send(client, item, requests[index], load, burst=burst)))
    await asyncio.gather(*tasks)
    load.elapsed = time.perf_counter() - began
    load.sender_cpu = time.process_time() - cpu
    load.sent = len(load.items)
    for client in clients:
        await client.close()


async def _send(client: LoopbackClient, item: Item, request: bytes, load: Load, *, burst: bool) -> None:
    load.first_sent.setdefault(item.head_key, time.time())
    start = time.perf_counter()
    try:
        status = await client.send(request)
    except TransportError as error:
        status = 0
        load.errors[str(error)] += 1
    load.statuses[status] += 1
    if status in (200, 202):
        latency = time.perf_counter() - start
        load.accepted_latencies.append(latency)
        if burst:
            load.burst_latencies.append(latency)
        load.acknowledged.add(item.delivery_id)


if __name__ == "__main__":
    main()
