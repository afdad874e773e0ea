"""The bytes of request bodies a web process holds before their signature is checked, bounded.

Anyone can post to `/webhooks/github`; only the body's HMAC tells GitHub's deliveries from the rest, and
the HMAC needs the whole body. So every body read before it is verified reserves its declared length
from one budget per process first (`BULWARK_UNVERIFIED_BODY_BYTES`, at least one maximal delivery);
a request that finds no room within `WAIT_SECONDS` is answered 503 without its body being read, and a
body that does not arrive within `READ_SECONDS` is dropped. Twenty clients posting 24 MB at once hold
one or two bodies in memory, not twenty (`bench/unsigned_bodies.py`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import anyio

WAIT_SECONDS = 5.0  # how long a request may wait for room before it is refused
READ_SECONDS = 10.0  # GitHub itself gives up on a delivery after 10 seconds


class BodyTooSlowError(Exception):
    """The body did not arrive within `READ_SECONDS`."""


class BodyBudget:
    """Bytes reserved by bodies being read; `reserve` waits for room, `release` gives it back."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.held = 0
        self._room = anyio.Condition()

    async def reserve(self, size: int, wait: float | None = None) -> bool:
        """Reserve `size` bytes; False when there was no room within `wait` seconds (default
        `WAIT_SECONDS`), and then nothing is held."""
        if size > self.limit:
            return False
        with anyio.move_on_after(WAIT_SECONDS if wait is None else wait):
            async with self._room:
                while self.held + size > self.limit:
                    await self._room.wait()
                self.held += size
                return True
        return False

    async def release(self, size: int) -> None:
        async with self._room:
            self.held -= size
            self._room.notify_all()


async def read_exactly(chunks: AsyncIterator[bytes], size: int, seconds: float | None = None) -> bytearray:
    """The body (an async iterator of byte chunks) into one buffer of its declared `size`.

    BodyTooSlowError when it takes longer than `seconds` (default `READ_SECONDS`); ValueError when it
    is longer than declared (the server's framing stops that first) or shorter.
    """
    buffer = bytearray(size)
    filled = 0
    try:
        with anyio.fail_after(READ_SECONDS if seconds is None else seconds):
            async for chunk in chunks:
                end = filled + len(chunk)
                if end > size:
                    raise ValueError("body longer than its Content-Length")
                buffer[filled:end] = chunk
                filled = end
    except TimeoutError as error:
        raise BodyTooSlowError from error
    if filled != size:
        raise ValueError("body shorter than its Content-Length")
    return buffer
