"""The repository's own packages, as its package managers resolve them: workspace members are declared.

npm, yarn and pnpm workspaces (`workspaces` in the root `package.json`, `pnpm-workspace.yaml`) and lerna
(`lerna.json`) link every member package into every other, so an import of a member resolves without a
manifest entry; Go resolves the modules of a workspace (`use` in `go.work`) and of a local `replace`
(`replace example.com/tools => ./tools`) from the repository, and a module's own path (`module` in
`go.mod`) is no dependency; and a Python project's own distribution (`[project] name`, `[tool.poetry] name`, setup.cfg `[metadata] name`) is importable in
its own tests and tools. Members are known by the names of the manifests the context carries (the
folders above each changed file are read), and in a workspace by their scope: `@acme/cli` is a member
when `@acme/core` is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Protocol, TypeVar

from analyzers.contract.model import ChangeContext
from analyzers.derived import per_change
from analyzers.record import record
from analyzers.supply_chain.declared import file_name
from analyzers.supply_chain.documents import load_json, load_toml
from analyzers.supply_chain.names import GO, NPM, PYPI, normalize_name

_SETUP_CFG_NAME = re.compile(r"^\[metadata\][^\[]*?^name\s*=\s*([\w.-]+)", re.MULTILINE | re.DOTALL)


class _Named(Protocol):
    @property
    def ecosystem(self) -> str: ...

    @property
    def name(self) -> str: ...


D = TypeVar("D", bound=_Named)


@record
class OwnPackages:
    names: frozenset[tuple[str, str]]  # (ecosystem, normalised name) of the repository's packages
    scopes: frozenset[str]  # npm scopes (`@acme`) of workspace members
    workspace: bool  # the repository declares npm, yarn, pnpm or lerna workspaces

    def owns(self, ecosystem: str, module: str) -> bool:
        if (ecosystem, normalize_name(ecosystem, module)) in self.names:
            return True
        if ecosystem == NPM and self.workspace and module.startswith("@"):
            return module.split("/", 1)[0] in self.scopes
        if ecosystem == GO:
            return any(module.startswith(own + "/") for eco, own in self.names if eco == GO)
        return False


@per_change
def own_packages(ctx: ChangeContext) -> OwnPackages:
    """The repository's own packages that the change's context shows."""
    names: set[tuple[str, str]] = set()
    workspace = False
    texts = dict(_manifests(ctx))
    for folder in go_work_members(texts.get("go.work", "")):
        names.update((GO, own) for own in go_module_names(texts.get(f"{folder}/go.mod", "")))
    for path, text in texts.items():
        name = file_name(path)
        if name in ("pnpm-workspace.yaml", "lerna.json"):
            workspace = True
        elif name == "package.json":
            doc = load_json(text)
            if doc is None or not doc.is_map:
                continue
            workspace = workspace or ("/" not in path and doc.has("workspaces"))
            own = doc.scalar("name")
            if own:
                names.add((NPM, own))
        elif name in ("pyproject.toml", "setup.cfg"):
            names.update((PYPI, normalize_name(PYPI, own)) for own in _python_names(name, text))
        elif name == "go.mod":
            names.update((GO, own) for own in go_module_names(text))
    scopes = frozenset(n.split("/", 1)[0] for eco, n in names if eco == NPM and n.startswith("@"))
    return OwnPackages(frozenset(names), scopes, workspace)


def third_party(ctx: ChangeContext, dependencies: list[D]) -> list[D]:
    """The dependencies that are not the repository's own packages (workspace members, local
    replacements), which no registry needs to hold."""
    own = own_packages(ctx)
    return [dep for dep in dependencies if not own.owns(dep.ecosystem, dep.name)]


def go_work_members(text: str) -> Iterator[str]:
    """The folders a `go.work` uses (`use ./tools`, or a `use ( ... )` block), without `./`."""
    in_use = False
    for raw in text[:200_000].split("\n"):
        words = raw.partition("//")[0].split()
        if in_use and words[:1] == [")"]:
            in_use = False
            continue
        if words[:2] == ["use", "("]:
            in_use = True
            continue
        folder = (
            words[0] if in_use and words else (words[1] if words[:1] == ["use"] and len(words) > 1 else "")
        )
        folder = folder.strip('"').removeprefix("./").rstrip("/")
        if folder and folder != "." and not folder.startswith(("/", "..")):
            yield folder


def go_module_names(text: str) -> Iterator[str]:
    """The module a go.mod declares (`module example.com/app`) and the modules it replaces with a
    folder of the repository (`replace example.com/tools => ./tools`, in a line or a block)."""
    in_replace = False
    for raw in text[:200_000].split("\n"):
        words = raw.partition("//")[0].split()
        if in_replace:
            if words[:1] == [")"]:
                in_replace = False
            elif "=>" in words:
                yield from _local_replace(words)
            continue
        if words[:1] == ["module"] and len(words) >= 2:
            yield words[1].strip('"')
        elif words[:2] == ["replace", "("]:
            in_replace = True
        elif words[:1] == ["replace"] and "=>" in words:
            yield from _local_replace(words[1:])


def _local_replace(words: list[str]) -> Iterator[str]:
    arrow = words.index("=>")
    target = words[arrow + 1 : arrow + 2]
    if arrow >= 1 and target and target[0].startswith(("./", "../")):
        yield words[0]


def _manifests(ctx: ChangeContext) -> Iterator[tuple[str, str]]:
    seen: set[str] = set()
    for changed in ctx.files:
        if changed.head_text is not None:
            seen.add(changed.path)
            yield changed.path, changed.head_text
    for path, text in ctx.base_files.items():
        if path not in seen:
            yield path, text


def _python_names(name: str, text: str) -> Iterator[str]:
    """The distribution name a pyproject.toml or setup.cfg gives its project, and its import name."""
    if name == "setup.cfg":
        match = _SETUP_CFG_NAME.search(text[:20_000])
        found = [match.group(1)] if match else []
    else:
        doc = load_toml(text)
        nodes = [doc.path("project", "name"), doc.path("tool", "poetry", "name")] if doc is not None else []
        found = [node.text for node in nodes if node is not None and node.kind == "scalar" and node.text]
    for distribution in found:
        yield distribution
        yield distribution.replace("-", "_").replace(".", "_")
