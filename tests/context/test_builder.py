"""The builder over two directory trees: statuses, hunks, bad input, errors recorded."""

from __future__ import annotations

from pathlib import Path

from analyzers.contract.model import ChangedRange, FileKind, FileStatus, Hunk, Scope
from app.context.builder import BuildOptions, build_from_directories


def _write(root: Path, files: dict[str, bytes]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for path, data in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return root


def test_modified_python_file_with_scopes(tmp_path: Path) -> None:
    base = _write(tmp_path / "base", {"a.py": b"class A:\n    def f(self):\n        return 1\n"})
    head = _write(
        tmp_path / "head",
        {"a.py": b"class A:\n    def f(self):\n        x = 2\n        return 1\n"},
    )
    ctx = build_from_directories(base, head)
    (changed,) = ctx.files
    assert changed.status is FileStatus.MODIFIED
    assert changed.language == "python"
    assert changed.kinds == frozenset({FileKind.CODE})
    assert changed.hunks == (Hunk(1, 3, 1, 4, added=(3,), removed=(), context=(1, 2, 4)),)
    assert changed.ranges == (ChangedRange(3, 3, Scope("method", "A.f", 2, 4)),)
    assert changed.patch_missing is False
    assert ctx.errors == []


def test_empty_change(tmp_path: Path) -> None:
    base = _write(tmp_path / "base", {"a.txt": b"x\n"})
    head = _write(tmp_path / "head", {"a.txt": b"x\n"})
    ctx = build_from_directories(base, head)
    assert ctx.files == ()
    assert ctx.errors == []


def test_binary_file(tmp_path: Path) -> None:
    base = _write(tmp_path / "base", {})
    head = _write(tmp_path / "head", {"logo.png": b"\x89PNG\x00\x01\x02"})
    (changed,) = build_from_directories(base, head).files
    assert changed.binary is True
    assert changed.kinds == frozenset({FileKind.BINARY})
    assert changed.head_text is None
    assert changed.hunks == ()
    assert changed.skipped_reason == "binary"


def test_non_utf8_is_decoded_with_replacement(tmp_path: Path) -> None:
    base = _write(tmp_path / "base", {})
    head = _write(tmp_path / "head", {"latin.py": b"name = 'caf\xe9'\n"})
    (changed,) = build_from_directories(base, head).files
    assert changed.decode_replaced is True
    assert changed.head_text == "name = 'caf\ufffd'\n"
    assert changed.added_lines == frozenset({1})


def test_oversized_file_is_skipped_with_reason(tmp_path: Path) -> None:
    base = _write(tmp_path / "base", {})
    head = _write(tmp_path / "head", {"big.js": b"a" * 5_000_000})
    ctx = build_from_directories(base, head)
    (changed,) = ctx.files
    assert changed.skipped_reason == "larger than 1000000 bytes (5000000)"
    assert changed.head_text is None
    assert changed.tree() is None


def test_removed_file(tmp_path: Path) -> None:
    base = _write(tmp_path / "base", {"old.go": b"package a\n\nfunc F() {}\n"})
    head = _write(tmp_path / "head", {})
    (changed,) = build_from_directories(base, head).files
    assert changed.status is FileStatus.REMOVED
    assert changed.hunks == (Hunk(1, 3, 0, 0, added=(), removed=(1, 2, 3), context=()),)
    assert changed.base_text == "package a\n\nfunc F() {}\n"
    assert changed.ranges == ()


def test_crlf_and_mixed_endings(tmp_path: Path) -> None:
    base = _write(tmp_path / "base", {"w.py": b"a = 1\r\nb = 2\r\n"})
    head = _write(tmp_path / "head", {"w.py": b"a = 1\r\nb = 3\nc = 4\r\n"})
    (changed,) = build_from_directories(base, head).files
    assert changed.hunks == (Hunk(1, 2, 1, 3, added=(2, 3), removed=(2,), context=(1,)),)
    assert changed.lines() == ["a = 1", "b = 3", "c = 4"]
    assert list(changed.iter_added()) == [(2, "b = 3"), (3, "c = 4")]


def test_scope_mapping_can_be_turned_off(tmp_path: Path) -> None:
    base = _write(tmp_path / "base", {})
    head = _write(tmp_path / "head", {"a.py": b"x = 1\n"})
    options = BuildOptions(map_scopes=False)
    (changed,) = build_from_directories(base, head, options=options).files
    assert changed.ranges == ()


def test_undecodable_data_without_nul_bytes_is_binary(tmp_path: Path) -> None:
    base = _write(tmp_path / "base", {})
    noise = bytes(range(0x80, 0x100)) * 40
    head = _write(tmp_path / "head", {"blob.dat": noise, "latin1.txt": b"caf\xe9 " * 40})
    ctx = build_from_directories(base, head)
    summary = {f.path: (f.binary, f.decode_replaced) for f in ctx.files}
    assert summary == {"blob.dat": (True, False), "latin1.txt": (False, True)}


def test_referenced_unchanged_files_are_read_on_the_head_side_within_a_bound(tmp_path: Path) -> None:
    workflow = b"on: push\njobs:\n  lint:\n    uses: ./.github/workflows/lint.yml\n"
    shared = {".github/workflows/lint.yml": b"on: workflow_call\n", "b.yml": b"x: 1\n"}
    base = _write(tmp_path / "base", {".github/workflows/ci.yml": b"on: push\n", **shared})
    head = _write(tmp_path / "head", {".github/workflows/ci.yml": workflow, **shared})

    def wanted(files: object) -> list[str]:
        return [".github/workflows/ci.yml", ".github/workflows/lint.yml", "missing.yml", "b.yml"]

    ctx = build_from_directories(base, head, options=BuildOptions(referenced_paths=wanted, max_referenced=2))
    assert dict(ctx.referenced_files) == {".github/workflows/lint.yml": "on: workflow_call\n"}
    assert ctx.errors == ["referenced files: 3 wanted, the first 2 read"]
