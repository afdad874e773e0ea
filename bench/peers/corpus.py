"""Extracting the benchmark files from bare git mirrors (`<mirrors>/<owner>+<name>/repo`), and the
reviewed-disagreement tables that outlive every run."""

from __future__ import annotations

import csv
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True, slots=True)
class Repository:
    name: str  # owner/name
    commit: str

    @property
    def slug(self) -> str:
        return self.name.replace("/", "+")


def read_repositories(path: Path) -> list[Repository]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, commit = line.split("\t")[:2]
            rows.append(Repository(name, commit))
    return rows


def extract(mirrors: Path, repository: Repository, pattern: re.Pattern[str], target: Path) -> int:
    """Write the files of `repository` at its commit whose path matches `pattern` under `target`."""
    git_dir = mirrors / repository.slug / "repo"
    listing = subprocess.run(
        ["git", "--git-dir", str(git_dir), "ls-tree", "-r", "-z", repository.commit],
        check=True,
        capture_output=True,
    ).stdout.decode("utf-8", "replace")
    wanted = []
    for entry in listing.split("\0"):
        meta, _, path = entry.partition("\t")
        if path and pattern.search(path) and meta.split()[1] == "blob":
            wanted.append((meta.split()[2], path))
    for blob, content in _blobs(git_dir, [blob for blob, _path in wanted]):
        for wanted_blob, path in wanted:
            if wanted_blob == blob:
                destination = target / repository.slug / path
                destination.parent.mkdir(parents=True, exist_ok=True)
                destination.write_bytes(content)
    return len(wanted)


def _blobs(git_dir: Path, blobs: list[str]) -> Iterator[tuple[str, bytes]]:
    if not blobs:
        return
    unique = list(dict.fromkeys(blobs))
    process = subprocess.run(
        ["git", "--git-dir", str(git_dir), "cat-file", "--batch"],
        input="".join(f"{blob}\n" for blob in unique).encode(),
        check=True,
        capture_output=True,
    )
    data = process.stdout
    offset = 0
    for blob in unique:
        header_end = data.index(b"\n", offset)
        size = int(data[offset:header_end].split()[2])
        yield blob, data[header_end + 1 : header_end + 1 + size]
        offset = header_end + 1 + size + 1


REVIEW_COLUMNS = ("key", "rule", "severity", "verdict", "reason", "message")


def read_reviews(path: Path) -> dict[str, dict[str, str]]:
    """Reviewed disagreements by key (`repository:path:line:rule`)."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["key"]: row for row in csv.DictReader(handle, delimiter="\t")}


def write_reviews(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, REVIEW_COLUMNS, delimiter="\t", extrasaction="ignore")
        writer.writeheader()
        for row in sorted(rows, key=lambda r: r["key"]):
            writer.writerow(row)
