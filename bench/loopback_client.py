"""A lean HTTP/1.1 client for the load benches: keep-alive connections over asyncio streams.

The load generator shares the machine's cores with what it measures, so it must cost little per
request: httpx spends milliseconds of CPU per request under hundreds of concurrent connections (its
pool is re-examined on every event), which held an open-loop sender far behind its schedule. This
client writes the request bytes and reads the status line, headers and a Content-Length body —
all the benches need from uvicorn's answers. Loopback only.
"""

from __future__ import annotations

import asyncio
from urllib.parse import urlsplit


class TransportError(Exception):
    """The connection failed or the answer was not HTTP/1.1 as expected."""


class LoopbackClient:
    """POSTs to one `http://127.0.0.1:PORT` origin, reusing idle connections (at most `limit` open)."""

    def __init__(self, origin: str, *, limit: int = 256, timeout: float = 30.0) -> None:
        parts = urlsplit(origin)
        if parts.hostname not in {"127.0.0.1", "localhost", "::1"}:
            raise ValueError(f"benches send to loopback only, not {origin}")
        self.host, self.port = parts.hostname, parts.port or 80
        self.timeout = timeout
        self._idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []
        self._slots = asyncio.Semaphore(limit)

    def prepare(self, path: str, body: bytes, headers: dict[str, str]) -> bytes:
        """A POST request's bytes, built ahead of the timed part of a bench."""
        lines = [f"POST {path} HTTP/1.1", f"Host: {self.host}:{self.port}", f"Content-Length: {len(body)}"]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        return ("\r\n".join(lines) + "\r\n\r\n").encode() + body

    async def post(self, path: str, body: bytes, headers: dict[str, str]) -> int:
        """The answer's status code; TransportError when there was no answer."""
        return await self.send(self.prepare(path, body, headers))

    async def send(self, request: bytes) -> int:
        """Send prepared request bytes; the answer's status code (TransportError: no answer)."""
        async with self._slots:
            reader, writer = self._idle.pop() if self._idle else await self._connect()
            try:
                async with asyncio.timeout(self.timeout):
                    writer.write(request)
                    status, keep = await self._answer(reader)
            except (OSError, asyncio.IncompleteReadError, TimeoutError, ValueError) as error:
                writer.close()
                raise TransportError(type(error).__name__) from error
            if keep:
                self._idle.append((reader, writer))
            else:
                writer.close()
            return status

    async def _connect(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        try:
            return await asyncio.open_connection(self.host, self.port)
        except OSError as error:
            raise TransportError(type(error).__name__) from error

    @staticmethod
    async def _answer(reader: asyncio.StreamReader) -> tuple[int, bool]:
        head = await reader.readuntil(b"\r\n\r\n")
        status_line, *header_lines = head.split(b"\r\n")
        parts = status_line.split(b" ", 2)
        if len(parts) < 2 or not parts[0].startswith(b"HTTP/1."):
            raise ValueError("not an HTTP/1.1 answer")
        length, keep = 0, True
        for line in header_lines:
            name, _, value = line.partition(b":")
            lowered = name.strip().lower()
            if lowered == b"content-length":
                length = int(value.strip())
            elif lowered == b"connection" and value.strip().lower() == b"close":
                keep = False
        if length:
            await reader.readexactly(length)
        return int(parts[1]), keep

    async def close(self) -> None:
        for _, writer in self._idle:
            writer.close()
        self._idle.clear()
