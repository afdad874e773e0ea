"""The git source: a real repository built in a temporary directory, read through plumbing only."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from analyzers.contract.model import FileStatus, Hunk
from app.context.builder import build_context, build_from_git
from app.context.git_source import GitSource
from app.context.source import SourceError


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=True)
    return done.stdout.decode().strip()


def _commit(repo: Path, files: dict[str, bytes | None], message: str, author: str) -> str:
    for path, data in files.items():
        target = repo / path
        if data is None:
            target.unlink()
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    _git(repo, "add", "-A")
    _git(repo, "-c", "commit.gpgsign=false", "commit", "-q", "-m", message, f"--author={author}")
    return _git(repo, "rev-parse", "HEAD")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    _git(root, "init", "-q", "-b", "main")
    _git(root, "config", "user.name", "Maintainer")
    _git(root, "config", "user.email", "maintainer@example.org")
    _commit(
        root,
        {
            "app.py": b"def run():\n    return 1\n",
            "old_name.txt": b"one\ntwo\nthree\nfour\nfive\n",
            "gone.md": b"# bye\n",
            "tool.sh": b"#!/bin/sh\necho hi\n",
        },
        "Initial",
        "Maintainer <maintainer@example.org>",
    )
    _git(root, "checkout", "-q", "-b", "claude/feature")
    _commit(
        root,
        {"app.py": b"def run():\n    import os\n    return os.getpid()\n", "gone.md": None},
        "Use the process id\n\nCo-Authored-By: Claude <noreply@anthropic.com>",
        "Dev <dev@example.org>",
    )
    (root / "old_name.txt").rename(root / "new_name.txt")
    _commit(root, {"logo.bin": b"\x00\x01\x02"}, "Rename and add a logo", "Dev <dev@example.org>")
    (root / "tool.sh").chmod(0o755)
    _commit(root, {}, "Make the tool executable", "Dev <dev@example.org>")
    return root


def test_git_source_statuses_hunks_and_provenance(repo: Path) -> None:
    with GitSource(repo, "main", "claude/feature") as source:
        ctx = build_context(source)
    summary = {f.path: (f.status, f.previous_path, f.binary, f.hunks) for f in ctx.files}
    assert summary == {
        "app.py": (
            FileStatus.MODIFIED,
            None,
            False,
            (Hunk(1, 2, 1, 3, added=(2, 3), removed=(2,), context=(1,), section=""),),
        ),
        "gone.md": (FileStatus.REMOVED, None, False, (Hunk(1, 1, 0, 0, (), (1,), ()),)),
        "logo.bin": (FileStatus.ADDED, None, True, ()),
        "new_name.txt": (FileStatus.RENAMED, "old_name.txt", False, ()),
        "tool.sh": (FileStatus.CHANGED, None, False, ()),
    }
    app = ctx.file("app.py")
    assert app is not None
    assert app.base_text == "def run():\n    return 1\n"
    assert [r.scope.name if r.scope else None for r in app.ranges] == ["run"]
    assert ctx.pr.head_ref == "claude/feature"
    assert [c.message.split("\n")[0] for c in ctx.commits] == [
        "Make the tool executable",
        "Rename and add a logo",
        "Use the process id",
    ]
    assert sorted(ctx.provenance.file_signals) == ["app.py", "gone.md"]
    assert [s.source for s in ctx.provenance.pr_signals] == ["branch"]
    assert ctx.errors == []


def test_unknown_revision_is_a_source_error(repo: Path) -> None:
    with pytest.raises(SourceError, match="git rev-parse failed"):
        GitSource(repo, "no-such-branch", "main")


def test_reading_a_missing_path_gives_none(repo: Path) -> None:
    with GitSource(repo, "main", "claude/feature") as source:
        assert source.read("does/not/exist", "head") is None
        assert source.read("app.py", "base") == b"def run():\n    return 1\n"


def test_paths_with_spaces_and_missing_sides(repo: Path) -> None:
    _commit(repo, {"docs/my notes.txt": b"hello\n"}, "Notes", "Dev <dev@example.org>")
    with GitSource(repo, "main", "claude/feature") as source:
        assert source.read("docs/my notes.txt", "head") == b"hello\n"
        assert source.read("docs/my notes.txt", "base") is None
        assert source.read("docs/other notes.txt", "head") is None


def test_build_from_git_convenience(repo: Path) -> None:
    ctx = build_from_git(repo, "main", "claude/feature")
    assert sorted(f.path for f in ctx.files) == [
        "app.py",
        "gone.md",
        "logo.bin",
        "new_name.txt",
        "tool.sh",
    ]
    broken = build_from_git(repo, "main", "no-such-branch")
    assert broken.files == ()
    assert broken.errors[0].startswith("git: git rev-parse failed")


def test_folders_are_listed_on_either_side(repo: Path) -> None:
    _commit(
        repo,
        {"pkg/db/a.go": b"package db\n", "pkg/db/sub/b.go": b"package sub\n"},
        "Db",
        "Dev <dev@example.org>",
    )
    with GitSource(repo, "main", "claude/feature") as source:
        assert source.list_folders(["pkg/db", "pkg/none", "*"], "head") == {
            "pkg/db": ("a.go",),
            "pkg/none": None,
            "*": None,
        }
        assert source.list_folders(["pkg/db", ""], "base") == {
            "pkg/db": None,
            "": ("app.py", "gone.md", "old_name.txt", "tool.sh"),
        }


def test_a_scan_reads_the_unchanged_go_files_of_the_packages_a_change_imports(repo: Path) -> None:
    package: dict[str, bytes | None] = {"go.mod": b"module example.org/shop\n"}
    package |= {"store/find.go": b"package store\n", "store/query.go": b"package store\n"}
    _commit(repo, package, "Store", "Dev <dev@example.org>")
    _git(repo, "checkout", "-q", "-b", "claude/web")
    handler = b'package web\n\nimport "example.org/shop/store"\n\nfunc Get() { store.Find() }\n'
    _commit(repo, {"web/get.go": handler}, "Web", "Dev <dev@example.org>")
    ctx = build_from_git(repo, "claude/feature", "claude/web")
    assert [f.path for f in ctx.files] == ["web/get.go"]
    assert sorted(ctx.imported_files) == ["store/find.go", "store/query.go"]
