"""Manifest and lockfile parsers of the supply-chain family: names, lines, hashes and registries."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzers.contract.syntax import DEFAULT_MAX_BYTES
from analyzers.supply_chain.declared import DependencyFile
from analyzers.supply_chain.manifests import base_paths_for, lockfiles_of, manifest_of, parse_dependency_file
from analyzers.supply_chain.names import GO
from analyzers.supply_chain.workspaces import go_module_names, go_work_members, own_packages
from app.context.builder import build_from_directories
from app.packages.facts import build_options


def parsed(path: str, text: str) -> DependencyFile:
    result = parse_dependency_file(path, text)
    assert result is not None
    return result


def names_and_lines(path: str, text: str) -> list[tuple[str, int]]:
    return [(entry.name, entry.line) for entry in parsed(path, text).entries]


def test_requirements_with_options_continuations_and_hashes() -> None:
    text = (
        "# tools\n"
        "--index-url https://pypi.org/simple\n"
        "-r base.txt\n"
        "requests[socks]>=2.31 ; python_version > '3.8'  # http\n"
        "Django==5.0 \\\n"
        "    --hash=sha256:abc\n"
        "-e ./local\n"
        "git+https://github.com/x/y.git#egg=y\n"
        "zope.interface @ https://example.org/z.whl\n"
    )
    result = parsed("requirements-dev.txt", text)
    assert [(e.name, e.line, e.integrity) for e in result.entries] == [
        ("requests", 4, False),
        ("Django", 5, True),
        ("zope.interface", 9, False),
    ]
    assert result.entries[1].spec == "==5.0"
    assert [(i.url, i.line) for i in result.indexes] == [("https://pypi.org/simple", 2)]


def test_requirements_folder_and_constraints_are_requirements_files() -> None:
    assert names_and_lines("requirements/prod.txt", "flask\n") == [("flask", 1)]
    assert names_and_lines("constraints.txt", "urllib3<3\n") == [("urllib3", 1)]
    assert parse_dependency_file("notes.txt", "flask\n") is None


def test_pyproject_pep621_groups_poetry_and_indexes() -> None:
    text = """[project]
name = "shop"
dependencies = [
  "httpx>=0.27",
  'rich',
]
[project.optional-dependencies]
yaml = ["PyYAML>=6"]
[dependency-groups]
dev = ["pytest>=8", {include-group = "lint"}]
[tool.poetry.dependencies]
python = "^3.11"
requests = { version = "^2.32", extras = ["socks"] }
[tool.poetry.group.docs.dependencies]
mkdocs = "^1.6"
[[tool.uv.index]]
name = "corp"
url = "https://pypi.corp.example/simple"
"""
    result = parsed("pyproject.toml", text)
    assert [(e.name, e.line, e.spec) for e in result.entries] == [
        ("httpx", 4, ">=0.27"),
        ("rich", 5, ""),
        ("PyYAML", 8, ">=6"),
        ("pytest", 10, ">=8"),
        ("requests", 13, "^2.32"),
        ("mkdocs", 15, "^1.6"),
    ]
    assert [(i.url, i.line) for i in result.indexes] == [("https://pypi.corp.example/simple", 18)]


def test_setup_cfg_install_requires_and_extras() -> None:
    text = """[metadata]
name = shop
[options]
install_requires =
    requests>=2
    click
python_requires = >=3.11
[options.extras_require]
yaml = PyYAML
"""
    assert names_and_lines("setup.cfg", text) == [("requests", 5), ("click", 6), ("PyYAML", 9)]


def test_pipfile_packages_and_source() -> None:
    text = (
        '[[source]]\nurl = "https://pypi.org/simple"\n[packages]\nflask = "*"\n[dev-packages]\npytest = "*"\n'
    )
    result = parsed("Pipfile", text)
    assert [(e.name, e.line) for e in result.entries] == [("flask", 4), ("pytest", 6)]
    assert [i.line for i in result.indexes] == [2]


def test_poetry_lock_hashes_sources_and_content_hash() -> None:
    text = """[[package]]
name = "requests"
version = "2.32.3"
files = [
    {file = "requests-2.32.3.tar.gz", hash = "sha256:aa"},
]

[[package]]
name = "private"
version = "1.0"
files = []
[package.source]
type = "legacy"
url = "https://pkgs.corp.example/simple"

[metadata]
content-hash = "abc"
"""
    result = parsed("poetry.lock", text)
    assert [(e.name, e.line, e.integrity, e.registry) for e in result.entries] == [
        ("requests", 2, True, None),
        ("private", 9, False, "https://pkgs.corp.example/simple"),
    ]
    assert (result.lockfile, result.digest, result.digest_line) == (True, "abc", 17)


def test_uv_lock_skips_the_project_itself() -> None:
    text = """version = 1
[[package]]
name = "shop"
version = "0.1.0"
source = { editable = "." }

[[package]]
name = "idna"
version = "3.7"
source = { registry = "https://pypi.org/simple" }
sdist = { url = "https://files.pythonhosted.org/idna-3.7.tar.gz", hash = "sha256:cc" }
"""
    result = parsed("uv.lock", text)
    assert [(e.name, e.line, e.integrity, e.registry) for e in result.entries] == [
        ("idna", 8, True, "https://pypi.org/simple")
    ]


def test_package_json_dependency_sections() -> None:
    text = """{
  "name": "shop",
  "scripts": {"test": "jest"},
  "dependencies": {"express": "^4.19.2", "@scope/tool": "1.0.0"},
  "devDependencies": {
    "jest": "^29.0.0"
  }
}
"""
    assert names_and_lines("web/package.json", text) == [
        ("express", 4),
        ("@scope/tool", 4),
        ("jest", 6),
    ]


def test_package_lock_v3_nested_and_v1() -> None:
    text = """{
  "lockfileVersion": 3,
  "packages": {
    "": {"dependencies": {"a": "^1.0.0"}},
    "node_modules/a": {"version": "1.0.0", "resolved": "https://registry.npmjs.org/a/-/a-1.0.0.tgz", "integrity": "sha512-x"},
    "node_modules/a/node_modules/@s/b": {"version": "2.0.0"},
    "node_modules/linked": {"link": true}
  }
}
"""
    result = parsed("package-lock.json", text)
    assert [(e.name, e.line, e.integrity, e.registry_line) for e in result.entries] == [
        ("a", 5, True, 5),
        ("@s/b", 6, False, 0),
    ]
    assert (result.digest, result.digest_line) == ("a=^1.0.0", 4)
    legacy = '{"lockfileVersion": 1, "dependencies": {"left-pad": {"version": "1.3.0"}}}'
    assert names_and_lines("npm-shrinkwrap.json", legacy) == [("left-pad", 1)]


def test_pnpm_lock_package_keys() -> None:
    text = """lockfileVersion: '9.0'
packages:
  '@babel/core@7.24.0':
    resolution: {integrity: sha512-abc}
  lodash@4.17.21:
    resolution: {integrity: sha512-def}
  /ms/2.1.3:
    resolution: {tarball: https://npm.corp.example/ms.tgz}
  react-dom@18.3.1(react@18.3.1):
    resolution: {integrity: sha512-ghi}
"""
    result = parsed("pnpm-lock.yaml", text)
    assert [(e.name, e.line, e.integrity) for e in result.entries] == [
        ("@babel/core", 3, True),
        ("lodash", 5, True),
        ("ms", 7, False),
        ("react-dom", 9, True),
    ]
    assert result.entries[2].registry == "https://npm.corp.example/ms.tgz"


def test_yarn_lock_classic_and_berry_entries() -> None:
    text = """# yarn lockfile v1


"@babel/code-frame@^7.0.0", "@babel/code-frame@^7.10.4":
  version "7.24.2"
  resolved "https://registry.yarnpkg.com/@babel/code-frame/-/code-frame-7.24.2.tgz"
  integrity sha512-aaa

lodash@^4.17.21:
  version "4.17.21"

"left-pad@npm:^1.3.0":
  version: 1.3.0
  checksum: 10c0/abc
"""
    result = parsed("yarn.lock", text)
    assert [(e.name, e.line, e.integrity, e.registry_line) for e in result.entries] == [
        ("@babel/code-frame", 4, True, 6),
        ("lodash", 9, False, 0),
        ("left-pad", 12, True, 0),
    ]


def test_go_mod_require_lines_and_blocks() -> None:
    text = """module example.com/shop

go 1.22

require github.com/pkg/errors v0.9.1

require (
\tgolang.org/x/text v0.14.0
\tgithub.com/google/uuid v1.6.0 // indirect
)
"""
    result = parsed("go.mod", text)
    assert [(e.name, e.line, e.direct) for e in result.entries] == [
        ("github.com/pkg/errors", 5, True),
        ("golang.org/x/text", 8, True),
        ("github.com/google/uuid", 9, False),
    ]


def test_cargo_toml_tables_renames_and_targets() -> None:
    text = """[package]
name = "shop"
[dependencies]
serde = { version = "1", features = ["derive"] }
rand = "0.8"
[dependencies.tokio]
version = "1"
[dev-dependencies]
web = { package = "actix-web", version = "4" }
[target.'cfg(unix)'.dependencies]
libc = "0.2"
"""
    assert names_and_lines("Cargo.toml", text) == [
        ("serde", 4),
        ("rand", 5),
        ("tokio", 6),
        ("actix-web", 9),
        ("libc", 11),
    ]


def test_gemfile_and_composer_json() -> None:
    gemfile = "source 'https://rubygems.org'\ngem \"rails\", \"~> 7.1\"\n  gem 'pg'\n# gem 'old'\n"
    result = parsed("Gemfile", gemfile)
    assert [(e.name, e.line, e.spec) for e in result.entries] == [("rails", 2, "~> 7.1"), ("pg", 3, "")]
    assert [i.url for i in result.indexes] == ["https://rubygems.org"]
    composer = """{
  "require": {"php": ">=8.1", "ext-json": "*", "monolog/monolog": "^3.0"},
  "require-dev": {"phpunit/phpunit": "^10"},
  "repositories": [{"type": "composer", "url": "https://packages.corp.example"}]
}
"""
    result = parsed("composer.json", composer)
    assert [(e.name, e.line) for e in result.entries] == [("monolog/monolog", 2), ("phpunit/phpunit", 3)]
    assert [(i.url, i.line) for i in result.indexes] == [("https://packages.corp.example", 4)]


@pytest.mark.parametrize(
    ("path", "text"),
    [("package.json", "{ not json"), ("pyproject.toml", "[project\nname ="), ("yarn.lock", "")],
)
def test_broken_files_yield_no_entries(path: str, text: str) -> None:
    result = parse_dependency_file(path, text)
    assert result is None or result.entries == ()


def test_lockfile_pairs() -> None:
    assert lockfiles_of("web/package.json")[:2] == ("web/package-lock.json", "web/npm-shrinkwrap.json")
    assert lockfiles_of("pyproject.toml") == ("poetry.lock", "uv.lock", "pdm.lock")
    assert manifest_of("svc/Cargo.lock") == "svc/Cargo.toml"
    assert manifest_of("requirements.txt") is None


def test_base_paths_for_a_change() -> None:
    paths = base_paths_for(["web/package.json", "poetry.lock", "web/src/app.ts", "README.md"])
    assert paths == (
        "web/package-lock.json",
        "web/npm-shrinkwrap.json",
        "web/yarn.lock",
        "web/pnpm-lock.yaml",
        "pyproject.toml",
        "web/src/package.json",
        "package.json",
        "pnpm-workspace.yaml",
        "lerna.json",
    )


def test_go_workspace_and_local_replacements_are_own_modules(tmp_path: Path) -> None:
    assert "go.work" in base_paths_for(["tools/go.mod"])
    assert list(go_work_members('go 1.22\n\nuse (\n\t.\n\t./tools\n\t"./lint/"\n)\nuse ./gen\n')) == [
        "tools",
        "lint",
        "gen",
    ]
    root = "module example.com/acme/app\n\nreplace (\n\texample.com/x/y => ./y\n\texample.com/z => example.com/z2 v1.0.0\n)\nreplace example.com/q => ../q\n"
    assert list(go_module_names(root)) == ["example.com/acme/app", "example.com/x/y", "example.com/q"]
    base, head = tmp_path / "base", tmp_path / "head"
    for side in (base, head):
        (side / "tools").mkdir(parents=True)
        (side / "go.work").write_text("go 1.22\n\nuse ./tools\n", encoding="utf-8")
        (side / "tools" / "go.mod").write_text("module example.com/acme/devtools\n", encoding="utf-8")
    (head / "tools" / "go.mod").write_text("module example.com/acme/devtools\n\ngo 1.23\n", encoding="utf-8")
    (head / "go.mod").write_text("module example.com/acme/app\n\nrequire example.com/acme/devtools v0.0.0\n")
    ctx = build_from_directories(base, head, options=build_options(DEFAULT_MAX_BYTES))
    own = own_packages(ctx)
    assert own.owns(GO, "example.com/acme/devtools/lint")
    assert own.owns(GO, "example.com/acme/app/internal")
    assert not own.owns(GO, "example.com/acme/application")
    assert not own.owns(GO, "example.com/other/devtools")
