"""The working tree of a local repository as one git tree, without writing to the repository.

`git add --all` runs on a copy of the index, and the objects it writes go to a temporary object
directory that borrows the repository's objects as an alternate. The tree holds tracked files as they are
on disk (staged or not, deletions included), files added to the index, and untracked files that
`.gitignore` does not exclude; with `untracked=False` (`git add --update`), untracked files are left out,
as a commit of the index leaves them out (`git add --intent-to-add` brings one in). The repository's
index, objects and refs are left as they were; `close` removes the temporary directory. As for
`git status`, the clean filters that the repository's own git configuration names (Git LFS, for one) run.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import field
from pathlib import Path

from analyzers.record import record
from app.context.git_plumbing import git_bytes
from app.context.source import SourceError


@record
class WorktreeSnapshot:
    tree: str  # the working tree's tree object, in the temporary object directory
    env: dict[str, str]  # the environment under which git finds that tree and its blobs
    directory: Path = field(repr=False)

    def close(self) -> None:
        shutil.rmtree(self.directory, ignore_errors=True)


def snapshot_worktree(repo: Path, *, untracked: bool = True) -> WorktreeSnapshot:
    """Write the working tree of `repo` as a tree in a temporary object directory; SourceError if not.

    `untracked`: also the files git does not track and `.gitignore` does not exclude."""
    found = git_bytes(
        repo, "rev-parse", "--path-format=absolute", "--git-path", "index", "--git-path", "objects"
    ).decode("utf-8", "surrogateescape")
    index, objects = (Path(line) for line in found.splitlines()[:2])
    directory = Path(tempfile.mkdtemp(prefix="bulwark-worktree-"))
    try:
        if index.is_file():
            shutil.copyfile(index, directory / "index")
        (directory / "objects").mkdir()
        env = {
            "GIT_INDEX_FILE": str(directory / "index"),
            "GIT_OBJECT_DIRECTORY": str(directory / "objects"),
            "GIT_ALTERNATE_OBJECT_DIRECTORIES": _quoted(objects),
        }
        git_bytes(repo, "add", "--all" if untracked else "--update", env=env)
        tree = git_bytes(repo, "write-tree", env=env).decode().strip()
    except (SourceError, OSError) as error:
        shutil.rmtree(directory, ignore_errors=True)
        raise SourceError(f"the working tree could not be read: {error}") from error
    return WorktreeSnapshot(tree, env, directory)


def _quoted(path: Path) -> str:
    """One entry of GIT_ALTERNATE_OBJECT_DIRECTORIES, C-quoted so that a `:` in the path stays in it."""
    text = str(path).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'
