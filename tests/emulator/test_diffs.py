"""Patches match `git diff` byte for byte (minus the header lines GitHub leaves out)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.emulator.diffs import blob_sha, diff_trees, render_git_diff

NUMBERS = "".join(f"line {n}\n" for n in range(1, 41))
CASES = {
    "edit in the middle": (NUMBERS, NUMBERS.replace("line 20\n", "line twenty\n")),
    "two hunks": (NUMBERS, NUMBERS.replace("line 3\n", "").replace("line 35\n", "line 35\nnew\n")),
    "close edits merge": (NUMBERS, NUMBERS.replace("line 10\n", "x\n").replace("line 15\n", "y\n")),
    "newline added at end": ("a\nb", "a\nb\n"),
    "newline removed at end": ("a\nb\n", "a\nc"),
    "function context": ("def f():\n" + "    pass\n" * 8, "def f():\n" + "    pass\n" * 7 + "    return\n"),
    "crlf": ("a\r\nb\r\nc\r\n", "a\r\nB\r\nc\r\n"),
    "unicode": ("café\nnaïve\n", "café\nnaive\n"),
    "line separators are not newlines": ("a\u2028b\nc\rd\ne\x0cf\n", "a\u2028B\nc\rd\ne\x0cf\n"),
    "non-ascii function context": ("été\n" + "x\n" * 8, "été\n" + "x\n" * 7 + "y\n"),
}


def _git_patch(tmp_path: Path, old: str, new: str) -> str:
    (tmp_path / "old").write_bytes(old.encode())
    (tmp_path / "new").write_bytes(new.encode())
    done = subprocess.run(
        ["git", "diff", "--no-index", "--no-color", "old", "new"],
        cwd=tmp_path,
        capture_output=True,
        check=False,
    )
    lines = done.stdout.decode().split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("@@"))
    return "\n".join(lines[start:]).removesuffix("\n")


@pytest.mark.parametrize("case", sorted(CASES))
def test_patch_equals_git(tmp_path: Path, case: str) -> None:
    old, new = CASES[case]
    ours = diff_trees({"f": old.encode()}, {"f": new.encode()})["f"]
    assert ours.patch == _git_patch(tmp_path, old, new)


def test_anchorable_lines() -> None:
    old, new = CASES["two hunks"]
    diff = diff_trees({"f": old.encode()}, {"f": new.encode()})["f"]
    assert sorted(diff.right) == [1, 2, 3, 4, 5, 32, 33, 34, 35, 36, 37, 38]
    assert sorted(diff.left) == [1, 2, 3, 4, 5, 6, 33, 34, 35, 36, 37, 38]
    assert diff.right[2] == 0
    assert diff.right[36] == 1
    assert diff.hunk_text("RIGHT", 35) == "@@ -33,6 +32,7 @@ line 32\n line 33\n line 34\n line 35\n+new"


def _git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=True)
    return done.stdout.decode()


def _commit_tree(repo: Path, files: dict[str, str]) -> str:
    for path in repo.iterdir():
        if path.name != ".git":
            path.unlink()
    for name, content in files.items():
        (repo / name).write_text(content)
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "c")
    return _git(repo, "rev-parse", "HEAD").strip()


def test_whole_diff_equals_git(tmp_path: Path) -> None:
    base = {"keep.txt": NUMBERS, "gone.txt": "bye\n", "edit.txt": "a\nb\n"}
    head = {"keep.txt": NUMBERS.replace("line 9\n", "line nine\n"), "new.txt": "hi\n", "edit.txt": "a\nc"}
    _git(tmp_path, "init", "-q")
    first = _commit_tree(tmp_path, base)
    second = _commit_tree(tmp_path, head)
    expected = _git(tmp_path, "diff", "--no-color", "--no-renames", first, second)
    diffs = diff_trees({k: v.encode() for k, v in base.items()}, {k: v.encode() for k, v in head.items()})
    old = {path: blob_sha(content.encode()) for path, content in base.items()}
    assert render_git_diff(diffs, old) == expected
