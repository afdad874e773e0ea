"""Which parser reads which dependency file, and which lockfiles belong to which manifest."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import import_module
from pathlib import PurePosixPath

from analyzers.supply_chain.declared import DependencyFile, Parser, file_name, is_requirements_file

# file name -> (module of this package, its parser): a module loads when a change first holds its files
PARSERS: dict[str, tuple[str, str]] = {
    "pyproject.toml": ("python_files", "parse_pyproject"),
    "setup.cfg": ("python_files", "parse_setup_cfg"),
    "pipfile": ("python_files", "parse_pipfile"),
    "poetry.lock": ("python_files", "parse_poetry_lock"),
    "uv.lock": ("python_files", "parse_uv_lock"),
    "package.json": ("node_files", "parse_package_json"),
    "package-lock.json": ("node_files", "parse_package_lock"),
    "npm-shrinkwrap.json": ("node_files", "parse_package_lock"),
    "pnpm-lock.yaml": ("node_files", "parse_pnpm_lock"),
    "yarn.lock": ("node_files", "parse_yarn_lock"),
    "go.mod": ("other_files", "parse_go_mod"),
    "cargo.toml": ("other_files", "parse_cargo_toml"),
    "gemfile": ("other_files", "parse_gemfile"),
    "composer.json": ("other_files", "parse_composer_json"),
}

# manifest file name -> the lockfiles that pin it, in the same folder
LOCKFILES: dict[str, tuple[str, ...]] = {
    "pyproject.toml": ("poetry.lock", "uv.lock", "pdm.lock"),
    "Pipfile": ("Pipfile.lock",),
    "package.json": ("package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml"),
    "go.mod": ("go.sum",),
    "Cargo.toml": ("Cargo.lock",),
    "Gemfile": ("Gemfile.lock",),
    "composer.json": ("composer.lock",),
}
MANIFEST_OF: dict[str, str] = {lock: manifest for manifest, locks in LOCKFILES.items() for lock in locks}


def parser_for(path: str) -> Parser | None:
    if is_requirements_file(path):
        return _loaded("python_files", "parse_requirements")
    named = PARSERS.get(file_name(path).lower())
    return None if named is None else _loaded(*named)


@cache
def _loaded(module: str, name: str) -> Parser:
    parser: Parser = getattr(import_module(f"analyzers.supply_chain.{module}"), name)
    return parser


@lru_cache(maxsize=16)
def parse_dependency_file(path: str, text: str | None) -> DependencyFile | None:
    """The dependencies `path` declares, None when it is no dependency file or does not parse.

    Kept for the next caller (the facts stage, then each rule): a lockfile is megabytes. A text past
    a reader's bound raises `InputLimitError` every time (exceptions are not cached)."""
    parser = parser_for(path)
    if parser is None or text is None:
        return None
    return parser(path, text)


def sibling(path: str, name: str) -> str:
    parent = PurePosixPath(path).parent
    return name if str(parent) in {"", "."} else f"{parent}/{name}"


def lockfiles_of(manifest_path: str) -> tuple[str, ...]:
    return tuple(sibling(manifest_path, lock) for lock in LOCKFILES.get(file_name(manifest_path), ()))


def manifest_of(lockfile_path: str) -> str | None:
    manifest = MANIFEST_OF.get(file_name(lockfile_path))
    return sibling(lockfile_path, manifest) if manifest else None


WORKSPACE_FILES = ("package.json", "pnpm-workspace.yaml", "lerna.json")
GO_WORKSPACE = "go.work"
_CODE_MANIFESTS = {
    ".py": ("requirements.txt", "pyproject.toml", "setup.cfg", "Pipfile"),
    ".js": ("package.json",),
    ".mjs": ("package.json",),
    ".cjs": ("package.json",),
    ".jsx": ("package.json",),
    ".ts": ("package.json",),
    ".tsx": ("package.json",),
}


def base_paths_for(changed_paths: Iterable[str], *, max_depth: int = 4) -> tuple[str, ...]:
    """Base-side files the supply-chain rules need for a change touching `changed_paths`: the
    lockfiles of changed manifests, the manifests of changed lockfiles, and the manifests in the
    folders above changed Python and JavaScript files and the workspace files at the root (for
    `BuildOptions.base_file_paths`)."""
    changed = tuple(changed_paths)
    wanted: dict[str, None] = {}
    for path in changed:
        wanted.update(dict.fromkeys(lockfiles_of(path)))
        manifest = manifest_of(path)
        if manifest is not None:
            wanted[manifest] = None
        names = _CODE_MANIFESTS.get(PurePosixPath(path).suffix.lower(), ())
        folders = [*PurePosixPath(path).parents][: max_depth + 1]
        for folder in folders if names else ():
            wanted.update(dict.fromkeys(sibling(f"{folder}/x", name) for name in names))
        if "package.json" in names:  # the workspace root, however deep the file is
            wanted.update(dict.fromkeys(WORKSPACE_FILES))
        if PurePosixPath(path).name in ("go.mod", "go.sum"):  # the workspace and its root module
            wanted.update(dict.fromkeys((GO_WORKSPACE, "go.mod")))
    return tuple(path for path in wanted if path not in changed)
