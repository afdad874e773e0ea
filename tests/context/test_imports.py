"""The unchanged files a change imports: which paths an import can name, and reading them bounded."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from analyzers.contract.model import CommitInfo, PullRequestInfo, Side
from app.context import imports
from app.context.builder import build_context, build_from_directories
from app.context.directory_source import DirectorySource
from app.context.imports import (
    candidates,
    go_folders,
    go_mod_paths,
    go_module,
    imported_modules,
    java_candidates,
    javascript_candidates,
    read_imported,
)
from app.context.source import SourceFile


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


def test_script_candidates_are_relative_imports_with_their_extensions_and_index_files() -> None:
    text = (
        "import { find } from './db';\n"
        "const lib = require('../lib/util.js');\n"
        "import express from 'express';\n"
        "const fs = require('node:fs');\n"
        "const far = require('../../../outside');\n"
    )
    assert javascript_candidates("src/routes/users.js", text) == [
        "src/routes/db.js",
        "src/routes/db.jsx",
        "src/routes/db.ts",
        "src/routes/db/index.js",
        "src/routes/db/index.jsx",
        "src/lib/util.js",
    ]
    assert javascript_candidates("web/page.ts", "import { q } from './q.js';\nimport x from './x';\n") == [
        "web/q.js",
        "web/q.ts",
        "web/x.ts",
        "web/x.tsx",
        "web/x.js",
        "web/x/index.ts",
        "web/x/index.tsx",
    ]


def test_java_candidates_are_the_projects_own_imports_and_classes_of_the_same_package() -> None:
    text = (
        "package com.acme.web;\n\n"
        "import com.acme.db.Query;\n"
        "import static com.acme.util.Text.clean;\n"
        "import java.sql.Connection;\n"
        "import org.springframework.web.bind.annotation.GetMapping;\n\n"
        "class Users {\n  void get(String n) { Helper.check(n); new Audit(n); String.valueOf(n); Query.find(n); }\n}\n"
    )
    assert java_candidates("src/main/java/com/acme/web/Users.java", text) == [
        "src/main/java/com/acme/db/Query.java",
        "src/main/java/com/acme/util/Text.java",
        "src/main/java/com/acme/web/Helper.java",
        "src/main/java/com/acme/web/Audit.java",
    ]
    assert java_candidates("misplaced/Users.java", text) == []  # its source root is not known


def test_go_imports_of_the_module_are_folders_under_its_go_mod() -> None:
    text = 'package web\n\nimport (\n\t"net/http"\n\tstore "github.com/acme/app/internal/db"\n)\n'
    text += 'import "github.com/acme/app/pkg/text"\nimport "github.com/other/lib"\n'
    assert go_mod_paths("svc/internal/web/users.go") == [
        "svc/internal/web/go.mod",
        "svc/internal/go.mod",
        "svc/go.mod",
        "go.mod",
    ]
    assert go_module('// the app\nmodule "github.com/acme/app"\n\ngo 1.22\n') == "github.com/acme/app"
    assert go_folders(text, "svc", "github.com/acme/app") == ["svc/internal/db", "svc/pkg/text"]
    assert go_folders(text, "", "github.com/acme/app") == ["internal/db", "pkg/text"]


def test_many_imports_are_capped_in_look_ups_and_files(tmp_path: Path) -> None:
    names = [f"m{i}" for i in range(40)]
    head_text = "".join(f"import {{ f }} from './{name}';\n" for name in names)
    for side in ("base", "head"):
        (tmp_path / side / "lib").mkdir(parents=True)
        for name in names:
            (tmp_path / side / "lib" / f"{name}.js").write_text("export function f(x) { return x; }\n")
    (tmp_path / "head" / "lib" / "app.js").write_text(head_text)
    ctx = build_from_directories(tmp_path / "base", tmp_path / "head")
    assert len(imports.import_candidates(ctx.files)) == imports.MAX_CANDIDATES
    assert 0 < len(ctx.imported_files) <= imports.MAX_FILES  # each import costs its misses too
    assert list(ctx.imported_files)[:2] == ["lib/m0.js", "lib/m1.js"]
    assert any("imported paths not read" in note for note in ctx.notes)


def _tree(root: Path, files: dict[str, str]) -> None:
    for side in ("base", "head"):
        for path, text in files.items():
            target = root / side / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text)


def test_the_context_holds_the_files_scripts_java_and_go_import(tmp_path: Path) -> None:
    unchanged = {
        "web/lib/db.ts": "export const q = 1;\n",
        "web/lib/unused.ts": "export const u = 1;\n",
        "src/main/java/com/acme/db/Query.java": "package com.acme.db;\nclass Query {}\n",
        "src/main/java/com/acme/web/Helper.java": "package com.acme.web;\nclass Helper {}\n",
        "go.mod": "module github.com/acme/app\n\ngo 1.22\n",
        "internal/db/find.go": "package db\n",
        "internal/db/find_test.go": "package db\n",
        "internal/db/store.go": "package db\n",
        "internal/web/routes.go": "package web\n",
        "internal/other/other.go": "package other\n",
    }
    _tree(tmp_path, unchanged)
    changed = {
        "web/pages/users.ts": "import { q } from '../lib/db';\nimport React from 'react';\n",
        "src/main/java/com/acme/web/Users.java": (
            "package com.acme.web;\nimport com.acme.db.Query;\nimport java.util.List;\n"
            "class Users { void f() { Helper.run(); } }\n"
        ),
        "internal/web/users.go": 'package web\n\nimport (\n\t"fmt"\n\t"github.com/acme/app/internal/db"\n)\n',
    }
    _tree(tmp_path, changed)  # in both, then changed on the head side
    for path, text in changed.items():
        (tmp_path / "head" / path).write_text(text + "// changed\n")
    ctx = build_from_directories(tmp_path / "base", tmp_path / "head")
    assert sorted(ctx.imported_files) == [
        "internal/db/find.go",
        "internal/db/store.go",
        "internal/web/routes.go",
        "src/main/java/com/acme/db/Query.java",
        "src/main/java/com/acme/web/Helper.java",
        "web/lib/db.ts",
    ]
    assert ctx.errors == []


def test_without_a_listing_a_go_package_is_tried_at_the_file_named_for_it(tmp_path: Path) -> None:
    class Plain:  # a source that reads files but cannot list folders
        def __init__(self, source: DirectorySource) -> None:
            self.source = source

        def pull_request(self) -> PullRequestInfo:
            return self.source.pull_request()

        def changed_files(self) -> Sequence[SourceFile]:
            return self.source.changed_files()

        def commits(self) -> Sequence[CommitInfo]:
            return self.source.commits()

        def read(self, path: str, side: Side) -> bytes | None:
            return self.source.read(path, side)

    _tree(tmp_path, {"go.mod": "module acme\n", "db/db.go": "package db\n", "db/more.go": "package db\n"})
    (tmp_path / "head" / "web").mkdir()
    (tmp_path / "head" / "web" / "users.go").write_text('package web\n\nimport "acme/db"\n')
    ctx = build_context(Plain(DirectorySource(tmp_path / "base", tmp_path / "head")))
    assert list(ctx.imported_files) == ["db/db.go"]


def test_a_changed_go_mod_is_read_from_the_change(tmp_path: Path) -> None:
    _tree(tmp_path, {"go.mod": "module old\n", "db/db.go": "package db\n"})
    (tmp_path / "head" / "go.mod").write_text("module acme\n")
    (tmp_path / "head" / "main.go").write_text('package main\n\nimport "acme/db"\n')
    ctx = build_from_directories(tmp_path / "base", tmp_path / "head")
    assert list(ctx.imported_files) == ["db/db.go"]
