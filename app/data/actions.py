"""Refreshing the shipped facts about GitHub Actions: published advisories and release tags.

Analyses read these files and never the network (`analyzers/drift/action_refs.py`); only
`bulwark data update` writes them, each atomically, so a failed download leaves the shipped file as it
was.

- advisories: OSV's export of the GitHub Advisory Database for the "GitHub Actions" ecosystem (one
  zip of OSV JSON records), reduced to action, affected range, severity and summary;
- tags: `git ls-remote --tags` of each action already in the tag list (release tags `vX[.Y[.Z]]`, peeled
  to their commits).
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

from analyzers.drift.action_refs import ADVISORIES_FILE, TAGS_FILE, advisories, known_tags
from app.packages.popular import RefreshError

OSV_ACTIONS_URL = "https://osv-vulnerabilities.storage.googleapis.com/GitHub%20Actions/all.zip"
GITHUB_URL = "https://github.com"
MAX_ARCHIVE_BYTES = 64 * 1024 * 1024
_RELEASE_TAG = re.compile(r"refs/tags/(v\d{1,6}(?:\.\d{1,6}){0,2})(\^\{\})?$")


def refresh_action_advisories(
    target: Path = ADVISORIES_FILE,
    *,
    url: str = OSV_ACTIONS_URL,
    timeout: float = 60.0,
    today: date | None = None,
) -> int:
    """Download the advisories and rewrite `target`; the number of advisories written."""
    import httpx

    try:
        with httpx.Client(timeout=timeout, follow_redirects=True) as client:
            response = client.get(url)
    except httpx.HTTPError as error:
        raise RefreshError(f"{url}: {type(error).__name__}") from None
    if response.status_code != 200:
        raise RefreshError(f"{url}: HTTP {response.status_code}")
    if len(response.content) > MAX_ARCHIVE_BYTES:
        raise RefreshError(f"{url}: archive larger than {MAX_ARCHIVE_BYTES} bytes")
    items = advisories_from_zip(response.content)
    if not items:
        raise RefreshError(f"{url}: no GitHub Actions advisories in the archive")
    stamp = (today or date.today()).isoformat()
    _write(
        target,
        {"source": f"OSV export of the GitHub Advisory Database ({url})", "date": stamp, "advisories": items},
    )
    advisories.cache_clear()
    return len(items)


def advisories_from_zip(content: bytes) -> list[dict[str, str]]:
    """The action advisories of an OSV zip export, one entry per affected range."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except zipfile.BadZipFile:
        raise RefreshError("the advisory archive is not a zip file") from None
    found: list[dict[str, str]] = []
    with archive:
        for name in sorted(archive.namelist())[:50_000]:
            if name.endswith(".json") and archive.getinfo(name).file_size < 1_000_000:
                try:
                    record = json.loads(archive.read(name))
                except ValueError:
                    continue
                found.extend(_entries(record))
    return found


def _entries(record: dict[str, Any]) -> list[dict[str, str]]:
    severity = str((record.get("database_specific") or {}).get("severity", "moderate")).lower()
    summary = str(record.get("summary") or record.get("details", ""))[:200]
    entries = []
    for affected in record.get("affected") or ():
        package = affected.get("package") or {}
        if package.get("ecosystem") != "GitHub Actions":
            continue
        for version_range in affected.get("ranges") or ():
            events = version_range.get("events") or ()
            introduced = next((e["introduced"] for e in events if "introduced" in e), "0")
            fixed = next((e["fixed"] for e in events if "fixed" in e), "")
            entries.append(
                {
                    "id": str(record.get("id", "")),
                    "action": str(package.get("name", "")).lower(),
                    "introduced": str(introduced),
                    "fixed": str(fixed),
                    "severity": severity,
                    "summary": summary,
                }
            )
    return entries


def refresh_action_tags(
    target: Path = TAGS_FILE, *, base_url: str = GITHUB_URL, timeout: float = 60.0, today: date | None = None
) -> int:
    """Re-read the release tags of every action of the tag list; the number of tags written."""
    tags: dict[str, dict[str, str]] = {}
    for action in sorted(known_tags()):
        tags[action] = release_tags(f"{base_url.rstrip('/')}/{action}", timeout=timeout)
    stamp = (today or date.today()).isoformat()
    _write(
        target, {"source": f"git tags of the actions' repositories ({base_url})", "date": stamp, "tags": tags}
    )
    known_tags.cache_clear()
    return sum(len(found) for found in tags.values())


def release_tags(url: str, *, timeout: float = 60.0) -> dict[str, str]:
    """tag → commit of the `vX[.Y[.Z]]` tags of a repository (annotated tags peeled)."""
    try:
        process = subprocess.run(  # noqa: S603 (fixed git command, no shell)
            ["git", "ls-remote", "--tags", "--", url],  # noqa: S607 (git from PATH, as the git source)
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            env={"GIT_TERMINAL_PROMPT": "0", "PATH": "/usr/bin:/bin:/usr/local/bin"},
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise RefreshError(f"{url}: {type(error).__name__}") from None
    if process.returncode != 0:
        raise RefreshError(f"{url}: git ls-remote failed ({process.stderr.strip()[:200]})")
    found: dict[str, str] = {}
    peeled: dict[str, str] = {}
    for line in process.stdout.splitlines():
        commit, _, ref = line.partition("\t")
        match = _RELEASE_TAG.match(ref)
        if match is not None:
            (peeled if match.group(2) else found)[match.group(1)] = commit
    found.update(peeled)
    return dict(sorted(found.items()))


def _write(target: Path, data: dict[str, Any]) -> None:
    temporary = target.with_suffix(".tmp")
    temporary.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    temporary.replace(target)
