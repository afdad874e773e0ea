"""The shipped GitHub Actions facts and `bulwark data update`, against loopback servers and a local
repository (never the network)."""

from __future__ import annotations

import io
import json
import subprocess
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from analyzers.drift.action_refs import Advisory, advisories, affected, known_tags, read_ref
from app.data.actions import advisories_from_zip, refresh_action_advisories, release_tags
from app.data.sources import update
from app.packages.popular import RefreshError

_RECORD: dict[str, object] = {
    "id": "GHSA-aaaa-bbbb-cccc",
    "summary": "example action runs file names as code",
    "database_specific": {"severity": "HIGH"},
    "affected": [
        {
            "package": {"ecosystem": "GitHub Actions", "name": "Acme/Files"},
            "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "2.1.0"}]}],
        },
        {"package": {"ecosystem": "npm", "name": "acme-files"}, "ranges": []},
    ],
}


def _zip(records: list[dict[str, object]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for index, record in enumerate(records):
            archive.writestr(f"{index}.json", json.dumps(record))
    return buffer.getvalue()


@contextmanager
def _serving(body: bytes, status: int = 200) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/all.zip"
    finally:
        server.shutdown()
        server.server_close()


def test_shipped_facts_load() -> None:
    assert any(a.id == "GHSA-mrrh-fwg8-r2c3" for a in advisories())
    assert known_tags()["actions/checkout"]["v4.2.2"] == "11bd71901bbe5b1630ceea73d27597364c9af683"


def test_advisories_are_read_from_the_osv_export() -> None:
    entries = advisories_from_zip(_zip([_RECORD, {"id": "broken"}]))
    assert entries == [
        {
            "id": "GHSA-aaaa-bbbb-cccc",
            "action": "acme/files",
            "introduced": "0",
            "fixed": "2.1.0",
            "severity": "high",
            "summary": "example action runs file names as code",
        }
    ]


def test_refresh_writes_the_file_and_a_failure_keeps_it(tmp_path: Path) -> None:
    target = tmp_path / "advisories.json"
    target.write_text('{"advisories": []}', encoding="utf-8")
    with _serving(_zip([_RECORD])) as url:
        assert refresh_action_advisories(target, url=url, today=date(2026, 1, 2)) == 1
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["date"] == "2026-01-02"
    assert data["advisories"][0]["action"] == "acme/files"
    with _serving(b"nope", status=503) as url, pytest.raises(RefreshError, match="HTTP 503"):
        refresh_action_advisories(target, url=url)
    assert json.loads(target.read_text(encoding="utf-8")) == data
    with _serving(b"not a zip") as url, pytest.raises(RefreshError, match="not a zip"):
        refresh_action_advisories(target, url=url)


def test_release_tags_of_a_local_repository(tmp_path: Path) -> None:
    repo = tmp_path / "action"
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@localhost", "-C", str(repo)]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "one"], check=True)
    subprocess.run([*git, "tag", "-a", "v1.0.0", "-m", "release"], check=True)
    subprocess.run([*git, "tag", "v1"], check=True)
    subprocess.run([*git, "tag", "nightly"], check=True)
    head = subprocess.run(
        [*git, "rev-parse", "HEAD"], check=True, capture_output=True, text=True
    ).stdout.strip()
    assert release_tags(str(repo)) == {"v1": head, "v1.0.0": head}
    with pytest.raises(RefreshError, match="ls-remote failed"):
        release_tags(str(tmp_path / "missing"))


def test_update_names_unknown_sources() -> None:
    assert update(["no-such-source"]) == [
        (
            "no-such-source",
            False,
            "no such data source (known: popular, action-advisories, action-tags, pypi-modules)",
        )
    ]


@pytest.mark.parametrize(
    ("version", "expected"),
    [((45,), True), ((46,), False), ((46, 0, 0), True), ((46, 0, 1), False), ((), False)],
)
def test_moving_tags_are_affected_only_when_no_release_of_the_line_is_fixed(
    version: tuple[int, ...], expected: bool
) -> None:
    advisory = Advisory("GHSA-x", "a/b", (0,), (46, 0, 1), "high", "")
    assert affected(advisory, version) is expected


def test_read_ref_takes_the_comment_version() -> None:
    ref = read_ref("actions/checkout/sub@" + "a" * 40, "  - uses: actions/checkout/sub@x # v4.2.2 keep")
    assert ref is not None
    assert ref.action == "actions/checkout"
    assert ref.version == "v4.2.2"
    assert read_ref("./local", "") is None
    assert read_ref("docker://x:1", "") is None
