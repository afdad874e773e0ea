"""Build an offline corpus of real changes: two adjacent releases of popular packages, one git
repository per package under `bench/corpus/<name>`, one commit per release (tags `old` and `new`).

Sources are fetched once with the registries' own clients (`pip download --no-binary :all:` for
source distributions, `npm pack` for npm tarballs) and kept in `bench/corpus/_downloads`.

    .venv/bin/python -m bench.corpus          # build what is missing
    .venv/bin/python -m bench.corpus --force  # rebuild every repository
"""

from __future__ import annotations

import argparse
import logging
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger("bench.corpus")

CORPUS = Path(__file__).parent / "corpus"
DOWNLOADS = CORPUS / "_downloads"


def changes() -> list[Path]:
    """The fetched corpus changes, one git checkout each (none before the corpus is fetched)."""
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.iterdir() if (p / ".git").exists())


@dataclass(frozen=True, slots=True)
class Release:
    ecosystem: str  # pypi, npm
    name: str
    old: str
    new: str


RELEASES = (
    Release("pypi", "requests", "2.32.2", "2.32.3"),
    Release("pypi", "flask", "3.0.2", "3.0.3"),
    Release("pypi", "click", "8.1.6", "8.1.7"),
    Release("pypi", "attrs", "23.1.0", "23.2.0"),
    Release("pypi", "rich", "13.7.0", "13.7.1"),
    Release("pypi", "jinja2", "3.1.3", "3.1.4"),
    Release("npm", "chalk", "5.3.0", "5.4.0"),
    Release("npm", "commander", "12.0.0", "12.1.0"),
    Release("npm", "express", "4.19.2", "4.20.0"),
)


def _run(*command: str, cwd: Path | None = None) -> str:
    done = subprocess.run(command, cwd=cwd, check=True, capture_output=True, text=True)
    return done.stdout


def _download(release: Release, version: str) -> Path:
    target = DOWNLOADS / f"{release.ecosystem}-{release.name}-{version}"
    target.mkdir(parents=True, exist_ok=True)
    existing = [p for p in target.iterdir() if p.is_file()]
    if existing:
        return existing[0]
    if release.ecosystem == "pypi":
        _run(
            sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
            "--no-binary", ":all:", f"{release.name}=={version}", "-d", str(target),
        )  # fmt: skip
    else:
        _run("npm", "pack", "--silent", f"{release.name}@{version}", cwd=target)
    return next(p for p in target.iterdir() if p.is_file())


def _unpack(archive: Path, destination: Path) -> None:
    """Unpack an sdist or npm tarball into `destination`, dropping the top-level folder."""
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        if archive.suffix == ".zip":
            with zipfile.ZipFile(archive) as bundle:
                unsafe = [n for n in bundle.namelist() if n.startswith("/") or ".." in n.split("/")]
                if unsafe:
                    raise ValueError(f"{archive.name}: unsafe member {unsafe[0]}")
                bundle.extractall(root)  # noqa: S202 (member names checked above)
        else:
            with tarfile.open(archive) as bundle:
                bundle.extractall(root, filter="data")
        (top,) = list(root.iterdir())
        for item in top.iterdir():
            shutil.move(str(item), destination / item.name)


def _commit(repo: Path, archive: Path, version: str, tag: str) -> None:
    for item in repo.iterdir():
        if item.name != ".git":
            shutil.rmtree(item) if item.is_dir() else item.unlink()
    _unpack(archive, repo)
    _run("git", "-C", str(repo), "add", "-A", "--force")
    _run(
        "git", "-C", str(repo), "-c", "user.name=Corpus", "-c", "user.email=corpus@localhost",
        "-c", "commit.gpgsign=false", "commit", "--quiet", "--allow-empty", "-m", f"Release {version}",
    )  # fmt: skip
    _run("git", "-C", str(repo), "tag", "--force", tag)


def build(release: Release, *, force: bool = False) -> Path:
    """The repository of one release pair, built if missing."""
    repo = CORPUS / f"{release.ecosystem}-{release.name}"
    if repo.exists() and not force:
        return repo
    if repo.exists():
        shutil.rmtree(repo)
    repo.mkdir(parents=True)
    _run("git", "init", "--quiet", "-b", "main", str(repo))
    _commit(repo, _download(release, release.old), release.old, "old")
    _commit(repo, _download(release, release.new), release.new, "new")
    return repo


def build_all(*, force: bool = False) -> list[Path]:
    built: list[Path] = []
    for release in RELEASES:
        try:
            built.append(build(release, force=force))
        except (subprocess.CalledProcessError, OSError, StopIteration, ValueError) as error:
            logger.warning("skipping %s %s: %s", release.ecosystem, release.name, error)
    return built


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--force", action="store_true", help="rebuild every repository")
    arguments = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    for repo in build_all(force=arguments.force):
        logger.info("%s", repo)


if __name__ == "__main__":
    main()
