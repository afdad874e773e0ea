"""The scale bench's load: signed deliveries built up front, sent open-loop with bursts, timed."""

from __future__ import annotations

import asyncio
import json
import random
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

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
    first_sent: dict[str, float] = field(default_factory=dict)  # head key → wall-clock time


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
    asyncio.run(_send_all(load, web_urls, rate))


async def _send_all(load: Load, web_urls: list[str], rate: float) -> None:
    limits = httpx.Limits(max_connections=256, max_keepalive_connections=256)
    async with httpx.AsyncClient(timeout=30, limits=limits) as client:
        began = time.perf_counter()
        tasks = []
        slot = 0.0
        for index, item in enumerate(load.items):
            if index % BURST_EVERY >= BURST_SIZE:  # the first 50 of every 250 go out at once
                slot += 1 / rate
            delay = began + slot - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            url = f"{web_urls[index % len(web_urls)]}/webhooks/github"
            tasks.append(asyncio.create_task(_send(client, url, item, load)))
        await asyncio.gather(*tasks)
        load.elapsed = time.perf_counter() - began
    load.sent = len(load.items)


async def _send(client: httpx.AsyncClient, url: str, item: Item, load: Load) -> None:
    headers = delivery_headers(WEBHOOK_SECRET, item.body, "pull_request", item.delivery_id)
    load.first_sent.setdefault(item.head_key, time.time())
    start = time.perf_counter()
    try:
        response = await client.post(url, content=item.body, headers=headers)
        status = response.status_code
    except httpx.HTTPError:
        status = 0
    load.statuses[status] += 1
    if status in (200, 202):
        load.accepted_latencies.append(time.perf_counter() - start)
