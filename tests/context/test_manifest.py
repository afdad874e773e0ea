"""The manifest's parts (capabilities, dependencies, CI) and its size-bounded Markdown."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzers.contract.model import ProvenanceSignal
from app.context.builder import build_from_directories
from app.context.capabilities import capability_of
from app.context.ci_changes import CiChange, ci_changes, merge_bumps
from app.context.dependencies import DependencyChange, declared, dependency_changes
from app.context.manifest import (
    ChangeManifest,
    FileEntry,
    build_manifest,
    render_manifest_markdown,
)
from app.context.manifest_markdown import code
from app.context.symbols import SymbolChange


@pytest.mark.parametrize(
    ("language", "name", "capability"),
    [
        ("python", "subprocess.Popen", "process-execution"),
        ("python", "yaml.load", "deserialization"),
        ("python", "yaml.safe_load", None),
        ("python", "json.loads", None),
        ("python", "Path.write_text", "file-system"),
        ("javascript", "child_process.spawn", "process-execution"),
        ("javascript", "regex.exec", None),
        ("go", "exec.Command", "process-execution"),
        ("rust", "std::env::var", "environment-access"),
        ("cobol", "CALL", None),
    ],
)
def test_capability_tables(language: str, name: str, capability: str | None) -> None:
    assert capability_of(language, name) == capability


def test_requirements_and_go_mod() -> None:
    assert declared("requirements.txt", "Flask[async]>=3 ; python_version>'3'\n-r base.txt\n# c\n") == {
        "flask": ">=3"
    }
    go_mod = "module x\n\ngo 1.22\n\nrequire (\n\tgithub.com/a/b v1.2.3\n\tgolang.org/x/net v0.1.0 // indirect\n)\n"
    assert declared("go.mod", go_mod) == {"github.com/a/b": "v1.2.3", "golang.org/x/net": "v0.1.0"}


def test_unparseable_manifest_yields_nothing() -> None:
    assert declared("package.json", "{not json") == {}
    assert dependency_changes("Cargo.toml", "[dependencies\n", "[dependencies]\nserde = '1'\n") == [
        DependencyChange("Cargo.toml", "crates.io", "serde", "added", after="1")
    ]
    assert dependency_changes("README.md", "", "x") == []


def test_gemfile_and_composer() -> None:
    gemfile = "source 'https://rubygems.org'\ngem 'rails', '~> 7.1'\ngem \"pg\"\n"
    assert declared("Gemfile", gemfile) == {"rails": "~> 7.1", "pg": ""}
    composer = '{"require": {"php": ">=8.1", "monolog/monolog": "^3"}}'
    assert declared("composer.json", composer) == {"monolog/monolog": "^3"}


def test_ci_changes_for_new_and_removed_workflows() -> None:
    head = "on: pull_request\njobs:\n  a:\n    permissions: write-all\n    runs-on: x\n"
    assert ci_changes(".github/workflows/new.yml", None, head) == [
        CiChange(".github/workflows/new.yml", "workflow", "added"),
        CiChange(".github/workflows/new.yml", "trigger", "pull_request added"),
        CiChange(".github/workflows/new.yml", "permission", "no top-level permissions (defaults apply)"),
        CiChange(".github/workflows/new.yml", "permission", "jobs.a.permissions: write-all (added)"),
    ]
    assert ci_changes(".gitlab-ci.yml", "a: 1\n", None) == [CiChange(".gitlab-ci.yml", "workflow", "removed")]


def test_ci_permission_lowered_and_removed() -> None:
    base = "on: push\npermissions:\n  contents: write\njobs:\n  a:\n    permissions: read-all\n"
    head = "on: push\npermissions:\n  contents: read\njobs:\n  a: {}\n"
    assert ci_changes(".github/workflows/x.yml", base, head) == [
        CiChange(".github/workflows/x.yml", "permission", "permissions.contents: write -> read (lowered)"),
        CiChange(".github/workflows/x.yml", "permission", "jobs.a.permissions: removed (defaults apply)"),
    ]


def test_bumps_that_keep_the_pinning_are_counted_once_for_the_change() -> None:
    base = (
        "on: push\njobs:\n  a:\n    steps:\n      - uses: actions/checkout@v6\n"
        "      - parallel:\n          - uses: crate-ci/typos@v1.47.2\n      - uses: x/y@main\n"
    )
    head = base.replace("@v6", "@v7").replace("v1.47.2", "v1.48.0").replace("x/y@main", "x/y@v1")
    changes = ci_changes(".github/workflows/ci.yml", base, head)
    assert changes == [
        CiChange(".github/workflows/ci.yml", "actions", "2 action references bumped, pinning unchanged")
    ]
    other = CiChange(
        ".github/actions/setup/action.yml", "actions", "1 action reference bumped, pinning unchanged"
    )
    assert merge_bumps([*changes, other]) == [
        CiChange("2 files", "actions", "3 action references bumped, pinning unchanged")
    ]


def test_broken_workflow_yaml_is_tolerated() -> None:
    assert ci_changes(".github/workflows/x.yml", "on: push\n", "on: [push\n") == []


def _big_manifest(count: int) -> ChangeManifest:
    return ChangeManifest(
        files=tuple(FileEntry(f"src/m{i}.py", "added", 3, 0) for i in range(count)),
        files_by_kind=(("code", tuple(f"src/m{i}.py" for i in range(count))),),
        symbols=tuple(SymbolChange(f"src/m{i}.py", f"f{i}", "function", "added", 1) for i in range(count)),
        capabilities=(),
        dependencies=(),
        ci=(),
        provenance=(ProvenanceSignal("copilot", "branch", "copilot/x"),),
        ai_authored_files=tuple(f"src/m{i}.py" for i in range(count)),
        additions=3 * count,
        deletions=0,
    )


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=3000), st.integers(min_value=0, max_value=70_000))
def test_rendering_never_exceeds_the_limit(count: int, limit: int) -> None:
    assert len(render_manifest_markdown(_big_manifest(count), limit)) <= limit


def test_rendering_shortens_lists_before_cutting() -> None:
    text = render_manifest_markdown(_big_manifest(3000), 65_535)
    assert len(text) <= 65_535
    assert "- … and 2950 more" in text
    assert "truncated" not in text
    assert text.startswith("### Change manifest\n**3000 files** (+9000 −0) · code 3000\n")
    assert "**AI-authored:** copilot (3000 of 3000 files)" in text


def test_values_from_the_change_are_inert() -> None:
    assert code("@admin <img src=x> `rm -rf`\nnext") == "``@admin <img src=x> `rm -rf` next``"
    assert code("") == "` `"
    assert code("x" * 500) == "`" + "x" * 159 + "…`"


def test_manifest_of_a_directory_change(tmp_path: Path) -> None:
    (tmp_path / "base").mkdir()
    head = tmp_path / "head"
    (head / "src").mkdir(parents=True)
    (head / "src" / "job.py").write_text("import os\n\n\ndef run(cmd):\n    return os.popen(cmd).read()\n")
    (head / "requirements.txt").write_text("requests==2.32.3\n")
    manifest = build_manifest(build_from_directories(tmp_path / "base", head))
    assert [(s.name, s.change) for s in manifest.symbols] == [("run", "added")]
    assert [(c.capability, c.callee, c.line) for c in manifest.capabilities] == [
        ("process-execution", "os.popen", 5)
    ]
    assert manifest.dependencies == (
        DependencyChange("requirements.txt", "pypi", "requests", "added", after="==2.32.3"),
    )
    assert manifest.files_by_kind == (
        ("code", ("src/job.py",)),
        ("dependency-manifest", ("requirements.txt",)),
    )
    assert render_manifest_markdown(manifest, 10_000) == (
        "### Change manifest\n"
        "**2 files** (+6 −0) · code 1 · dependency-manifest 1\n"
        "\n#### Files by kind\n"
        "- **code** (1): `src/job.py`\n"
        "- **dependency-manifest** (1): `requirements.txt`\n"
        "\n#### Symbols\n"
        "- added function `run` in `src/job.py:4`\n"
        "\n#### Capabilities newly used\n"
        "- process-execution: `os.popen` at `src/job.py:5`\n"
        "\n#### Dependencies\n"
        "- pypi `requests` added `==2.32.3`\n"
    )


def test_a_name_defined_twice_is_reported_at_its_first_definition(tmp_path: Path) -> None:
    """Tree-sitter's capture order across patterns is not stable between processes: the summary is."""
    base, head = tmp_path / "base", tmp_path / "head"
    base.mkdir()
    head.mkdir()
    (base / "compat.py").write_text(
        "def make():\n"
        "    if FAST:\n\n"
        "        def setter(cell, value):\n"
        "            cell.set(value)\n\n"
        "        return setter\n"
        "    try:\n"
        "        def setter(cell, value):\n"
        "            cell.contents = value\n\n"
        "        def helper(value):\n"
        "            return value\n"
        "    except AttributeError:\n"
        "        return None\n"
        "    return setter\n"
    )
    (head / "compat.py").write_text("def make():\n    return None\n")
    symbols = build_manifest(build_from_directories(base, head)).symbols
    removed = {symbol.name: symbol.line for symbol in symbols if symbol.change == "removed"}
    assert removed["make.setter"] == 4
