"""The unchanged files a change imports: which paths an import can name, and reading them bounded."""

from __future__ import annotations

from pathlib import Path

from app.context import imports
from app.context.builder import build_from_directories
from app.context.imports import candidates, imported_modules, read_imported


def test_import_statements_are_read_at_the_start_of_lines() -> None:
    text = (
        "import os, shop.db as db\n"
        "from shop.views import (list_items,\n    show)\n"
        "from . import helpers\n"
        "x = 'import evil'\n"
        "    from ..core import rules  # nested\n"
    )
    assert imported_modules(text) == [
        ("os", ()),
        ("shop.db", ()),
        ("shop.views", ("list_items",)),
        (".", ("helpers",)),
        ("..core", ("rules",)),
    ]


def test_candidates_cover_packages_source_roots_and_relative_imports() -> None:
    assert candidates("src/shop/views.py", "shop.db", ("find",)) == [
        "shop/db.py",
        "shop/db/__init__.py",
        "shop/db/find.py",
        "src/shop/db.py",
        "src/shop/db/__init__.py",
        "src/shop/db/find.py",
    ]
    assert candidates("src/shop/views.py", ".", ("helpers",)) == [
        "src/shop.py",
        "src/shop/__init__.py",
        "src/shop/helpers.py",
    ]
    assert candidates("src/shop/api/views.py", "..core", ()) == [
        "src/shop/core.py",
        "src/shop/core/__init__.py",
    ]


def test_reading_stops_at_the_bounds_and_counts_what_it_left() -> None:
    texts = {f"m{i}.py": "x = 1\n" for i in range(imports.MAX_FILES + 5)}
    kept, skipped = read_imported([*texts, "missing.py"], texts.get)
    assert len(kept) == imports.MAX_FILES
    assert skipped == 6


def test_the_context_holds_the_unchanged_files_the_change_imports(tmp_path: Path) -> None:
    for side in ("base", "head"):
        (tmp_path / side / "shop").mkdir(parents=True)
        (tmp_path / side / "shop" / "db.py").write_text("def find(name):\n    return name\n")
        (tmp_path / side / "other.py").write_text("x = 1\n")
    (tmp_path / "head" / "shop" / "views.py").write_text("from shop.db import find\n")
    ctx = build_from_directories(tmp_path / "base", tmp_path / "head")
    assert [f.path for f in ctx.files] == ["shop/views.py"]
    assert dict(ctx.imported_files) == {"shop/db.py": "def find(name):\n    return name\n"}
    assert ctx.errors == []
