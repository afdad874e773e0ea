"""A local package registry for tests: PyPI JSON, npm and OSV shapes on a free 127.0.0.1 port.

It serves a fixed catalogue of packages (existing and old, young, with install scripts, sdist-only,
malicious) and answers 404 for every other name. `timeout_mode` makes every answer wait until the
server stops, so a client with a short timeout sees the registry time out.
"""

from __future__ import annotations

import asyncio
import io
import socket
import tarfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

REFERENCE_DATE = "2026-11-20T12:00:00+00:00"  # "now" for tests that compute ages


@dataclass(frozen=True)
class FakePackage:
    releases: tuple[tuple[str, str], ...]  # (version, ISO upload time), oldest first
    sdist_only: bool = False
    source_url: str | None = "https://github.com/example/project"
    scripts: tuple[str, ...] = ()  # npm lifecycle scripts of the latest version
    malicious: tuple[str, ...] = ()  # OSV MAL- ids


OLD = (("1.0.0", "2014-02-01T10:00:00Z"), ("2.0.0", "2019-05-01T10:00:00Z"))
PYPI_PACKAGES: dict[str, FakePackage] = {
    "requests": FakePackage(OLD),
    "flask": FakePackage(OLD),
    "pyyaml": FakePackage(OLD),
    "fresh-helpers": FakePackage((("0.1.0", "2026-11-12T08:00:00Z"), ("0.2.0", "2026-11-15T08:00:00Z"))),
    "lonely-release": FakePackage((("1.0.0", "2025-01-01T00:00:00Z"),)),
    "no-source-pkg": FakePackage(OLD, source_url=None),
    "numpi": FakePackage((*OLD, ("3.0.0", "2021-01-01T10:00:00Z"))),
    "sdist-builder": FakePackage(OLD, sdist_only=True),
    "colourama": FakePackage((("0.4.6", "2022-03-01T00:00:00Z"),), malicious=("MAL-2022-1111",)),
}
NPM_PACKAGES: dict[str, FakePackage] = {
    "left-pad": FakePackage(OLD),
    "express": FakePackage(OLD),
    "lodash": FakePackage(OLD),
    "@scope/tool": FakePackage(OLD),
    "fresh-widget": FakePackage((("0.0.1", "2026-11-18T08:00:00Z"),), source_url=None),
    "native-hooks": FakePackage(OLD, scripts=("postinstall",)),
    "esbuild": FakePackage(OLD, scripts=("postinstall",)),
    "event-stream-x": FakePackage(OLD, malicious=("MAL-2025-2222",)),
}

# Advisories for ecosystems the server has no registry for.
OSV_ONLY: dict[tuple[str, str], tuple[str, ...]] = {
    ("crates.io", "rustdecimal"): ("MAL-2022-4444",),
    ("Go", "github.com/boltdb-go/bolt"): ("MAL-2025-5555",),
}


def pypi_document(name: str, package: FakePackage) -> dict[str, Any]:
    def files(version: str, when: str) -> list[dict[str, Any]]:
        kinds = ("sdist",) if package.sdist_only else ("sdist", "bdist_wheel")
        return [
            {"packagetype": kind, "upload_time_iso_8601": when, "filename": f"{name}-{version}"}
            for kind in kinds
        ]

    releases = {version: files(version, when) for version, when in package.releases}
    latest = package.releases[-1][0]
    urls = {"Source": package.source_url} if package.source_url else None
    return {
        "info": {"name": name, "version": latest, "project_urls": urls, "home_page": ""},
        "releases": releases,
        "urls": releases[latest],
    }


def npm_document(name: str, package: FakePackage) -> dict[str, Any]:
    latest = package.releases[-1][0]
    versions: dict[str, Any] = {
        version: {"name": name, "version": version} for version, _ in package.releases
    }
    versions[latest]["scripts"] = dict.fromkeys(package.scripts, "node build.js")
    if package.source_url:
        versions[latest]["repository"] = {"type": "git", "url": f"git+{package.source_url}.git"}
    times = dict(package.releases)
    return {
        "name": name,
        "dist-tags": {"latest": latest},
        "versions": versions,
        "time": {"created": package.releases[0][1], "modified": package.releases[-1][1], **times},
    }


def npm_tarball(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for path, text in files.items():
            data = text.encode()
            info = tarfile.TarInfo(path)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def ranking_packument(tarball_url: str) -> dict[str, Any]:
    version = {"name": "npm-high-impact", "version": "9.0.0", "dist": {"tarball": tarball_url}}
    return {
        "name": "npm-high-impact",
        "dist-tags": {"latest": "9.0.0"},
        "versions": {"9.0.0": version},
        "time": {"9.0.0": "2026-11-02T10:00:00Z"},
    }


@dataclass
class RegistryServer:
    pypi: dict[str, FakePackage] = field(default_factory=lambda: dict(PYPI_PACKAGES))
    npm: dict[str, FakePackage] = field(default_factory=lambda: dict(NPM_PACKAGES))
    osv_only: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=lambda: dict(OSV_ONLY))
    timeout_mode: bool = False
    malformed: frozenset[str] = frozenset()  # names answered with a body of the wrong shape
    delay: float = 0.0  # seconds every answer waits (to observe requests in flight)
    in_flight: int = 0
    most_in_flight: int = 0
    requests: list[str] = field(default_factory=list)
    url: str = ""
    stopping: threading.Event = field(default_factory=threading.Event)

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/pypi/{name}/json", self._pypi),
                Route("/v1/query", self._osv, methods=["POST"]),
                Route("/top-pypi-packages.min.json", self._pypi_ranking),
                Route("/-/npm-high-impact.tgz", self._npm_ranking_tarball),
                Route("/{name:path}", self._npm),
            ]
        )

    async def _wait_if_asked(self, request: Request) -> None:
        self.requests.append(f"{request.method} {request.scope['raw_path'].decode()}")
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            if self.delay:
                await asyncio.sleep(self.delay)
            while self.timeout_mode and not self.stopping.is_set():
                await asyncio.sleep(0.02)
        finally:
            self.in_flight -= 1

    async def _pypi(self, request: Request) -> Response:
        await self._wait_if_asked(request)
        name = request.path_params["name"]
        package = self.pypi.get(name.lower())
        if name in self.malformed:
            return JSONResponse({"info": None, "releases": ["1.0"], "urls": {"a": 1}})
        if package is None:
            return JSONResponse({"message": "Not Found"}, status_code=404)
        return JSONResponse(pypi_document(name, package))

    async def _pypi_ranking(self, request: Request) -> Response:
        await self._wait_if_asked(request)
        rows = [{"project": name, "download_count": 1000 - i} for i, name in enumerate(self.pypi)]
        return JSONResponse({"last_update": "2026-11-01 07:00:00", "rows": rows})

    async def _npm_ranking_tarball(self, request: Request) -> Response:
        await self._wait_if_asked(request)
        names = ",\n".join(f"  '{name}'" for name in self.npm)
        return Response(npm_tarball({"package/lib/top.js": f"export const top = [\n{names}\n]\n"}))

    async def _npm(self, request: Request) -> Response:
        await self._wait_if_asked(request)
        name = request.path_params["name"]
        if name == "npm-high-impact":
            return JSONResponse(ranking_packument(f"{self.url}/-/npm-high-impact.tgz"))
        package = self.npm.get(name)
        if name in self.malformed:
            return JSONResponse(["not", "a", "packument"])
        if package is None:
            return JSONResponse({"error": "Not found"}, status_code=404)
        return JSONResponse(npm_document(name, package))

    async def _osv(self, request: Request) -> Response:
        await self._wait_if_asked(request)
        query = await request.json()
        name = query["package"]["name"]
        if name in self.malformed:
            return JSONResponse({"vulns": "MAL-1"})
        ecosystem = query["package"]["ecosystem"]
        catalogue = {"PyPI": self.pypi, "npm": self.npm}.get(ecosystem, {})
        package = catalogue.get(name.lower())
        ids = package.malicious if package else self.osv_only.get((ecosystem, name), ())
        return JSONResponse({"vulns": [{"id": ident, "aliases": []} for ident in ids]} if ids else {})


@contextmanager
def running_registry(server: RegistryServer | None = None) -> Iterator[RegistryServer]:
    """Serve `server` (a fresh catalogue by default) on 127.0.0.1 until the block ends."""
    registry = server or RegistryServer()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        registry.app(), log_level="warning", lifespan="off", ws="none", timeout_graceful_shutdown=1
    )
    uv_server = uvicorn.Server(config)
    thread = threading.Thread(target=uv_server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not uv_server.started:
        if not thread.is_alive():
            raise RuntimeError("the local registry did not start")
        threading.Event().wait(0.01)
    registry.url = f"http://127.0.0.1:{port}"
    try:
        yield registry
    finally:
        registry.stopping.set()
        uv_server.should_exit = True
        thread.join(timeout=10)
        sock.close()
