"""What rules derive from one change is computed once per context, and the shortcuts taken to
derive it cheaply (lines that name a module, the region around the changed lines, added text) never
lose a match the whole-file way would find."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from analyzers.code import RULES as CODE_RULES
from analyzers.code.pattern import changed_regions
from analyzers.contract.model import ChangeContext
from analyzers.derived import per_change
from analyzers.query import requirements_within_match
from analyzers.runner import run_analyzers
from analyzers.supply_chain.dependencies import new_dependencies, new_imports
from analyzers.supply_chain.imports import imported_modules
from analyzers.text.lines import TextLines, added_text, lines_naming
from app.context.builder import build_from_directories


def _context(tmp_path: Path, files: dict[str, tuple[str | None, str | None]]) -> ChangeContext:
    for side in ("base", "head"):
        (tmp_path / side).mkdir()
    for path, (base, head) in files.items():
        for side, text in (("base", base), ("head", head)):
            if text is not None:
                target = tmp_path / side / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
    return build_from_directories(tmp_path / "base", tmp_path / "head")


def test_a_derived_result_is_computed_once_per_context_and_not_carried_by_replace(tmp_path: Path) -> None:
    calls: list[int] = []

    @per_change
    def count_files(ctx: ChangeContext) -> int:
        calls.append(1)
        return len(ctx.files)

    ctx = _context(tmp_path, {"requirements.txt": ("a==1\n", "a==1\nb==2\n")})
    assert count_files(ctx) == count_files(ctx) == 1
    assert len(calls) == 1
    fresh = replace(ctx, files=())
    assert count_files(fresh) == 0  # a copied context starts without the other's results
    assert len(calls) == 2
    assert new_dependencies(ctx) is new_dependencies(ctx)
    assert [d.name for d in new_dependencies(ctx)] == ["b"]


def test_lines_naming_finds_every_line_holding_a_word() -> None:
    text = "import a\nx = 1\nfrom b.c import d\n# a again\n"
    assert lines_naming(text, {"a"}) == {1, 4}
    assert lines_naming(text, {"b", "d"}) == {3}
    assert lines_naming(text, {"zz"}) == set()
    assert lines_naming("", {"a"}) == set()


BASE_PY = "import os\n\n\ndef f():\n    import requests\n    return requests\n" + "x = 1\n" * 40
HEAD_PY = BASE_PY + "import requests\nimport numpy as np\nfrom yaml import safe_load\n"


def test_new_imports_query_only_lines_naming_the_module_yet_find_base_imports(tmp_path: Path) -> None:
    ctx = _context(tmp_path, {"app/mod.py": (BASE_PY, HEAD_PY)})
    found = sorted((changed.path, item.module, item.line) for changed, item in new_imports(ctx))
    # requests was imported by the base (inside a function), so only numpy and yaml are new
    assert found == [("app/mod.py", "numpy", 48), ("app/mod.py", "yaml", 49)]
    changed = ctx.files[0]
    whole = imported_modules(changed, "base", lines=set(range(1, 47)))
    assert [(i.module, i.line) for i in whole] == [("os", 1), ("requests", 5)]
    assert [(i.module, i.line) for i in imported_modules(changed, "base", lines={5})] == [("requests", 5)]
    assert imported_modules(changed, "base", lines=set()) == []


def test_text_lines_read_on_demand_like_numbered_lines() -> None:
    lines = TextLines("one\r\ntwo\nthree")
    assert len(lines) == 3
    assert [lines.get(n) for n in range(0, 5)] == ["", "one", "two", "three", ""]
    assert "two" in lines
    assert "<!--" not in lines
    assert lines.all() == ["one", "two", "three"]


def test_added_text_holds_only_added_lines(tmp_path: Path) -> None:
    ctx = _context(tmp_path, {"notes.txt": ("keep\n", "keep\nghp_new\n")})
    assert added_text(ctx.files[0]) == "ghp_new"


def test_requirements_within_match_only_for_derived_words_of_patterns_below_the_root() -> None:
    assert requirements_within_match("python", "code-jwt-verification-disabled")
    assert not requirements_within_match("python", "code-insecure-randomness")  # `; requires:`
    assert not requirements_within_match("python", "code-debug-enabled")  # a `(module …)` pattern
    assert not requirements_within_match("python", "code-no-such-query")


FAR = "".join(f"def f{i}(x):\n    return x + {i}\n\n\n" for i in range(30))
RISKY_BASE = "import subprocess\n\n\ndef run(cmd):\n    return cmd\n\n\n" + FAR
RISKY_HEAD = (
    "import subprocess\n\n\ndef run(cmd):\n    return subprocess.run(\n        cmd, shell=True\n    )\n\n\n"
    + FAR
)


def test_the_region_holds_the_statements_of_the_changed_lines_and_keeps_their_findings(
    tmp_path: Path,
) -> None:
    ctx = _context(tmp_path, {"svc/run.py": (RISKY_BASE, RISKY_HEAD)})
    region = changed_regions(ctx)["svc/run.py"]
    assert region == "def run(cmd):\n    return subprocess.run(\n        cmd, shell=True\n    )"
    with_region = run_analyzers(ctx, list(CODE_RULES)).findings
    assert [(f.rule_id, f.start_line) for f in with_region] == [("code-command-injection", 5)]


def test_no_region_when_the_change_spans_most_of_the_file(tmp_path: Path) -> None:
    base = "a = 1\nb = 2\n"
    ctx = _context(tmp_path, {"m.py": (base, "a = 3\nb = 4\n"), "new.py": (None, "c = 1\n")})
    assert changed_regions(ctx) == {}


def test_a_result_asked_for_while_it_is_computed_is_waited_for_not_computed_twice(tmp_path: Path) -> None:
    import threading

    started, release = threading.Event(), threading.Event()
    calls: list[int] = []

    @per_change
    def slow(ctx: ChangeContext) -> int:
        calls.append(1)
        started.set()
        release.wait(10)
        return len(ctx.files)

    ctx = _context(tmp_path, {"a.py": (None, "x = 1\n")})
    results: list[int] = []
    first = threading.Thread(target=lambda: results.append(slow(ctx)))
    first.start()
    started.wait(10)
    second = threading.Thread(target=lambda: results.append(slow(ctx)))
    second.start()
    release.set()
    first.join(10)
    second.join(10)
    assert results == [1, 1]
    assert calls == [1]
