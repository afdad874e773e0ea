"""The repository's own packages, as its package managers resolve them: workspace members are declared.

npm, yarn and pnpm workspaces (`workspaces` in the root `package.json`, `pnpm-workspace.yaml`) and lerna
(`lerna.json`) link every member package into every other, so an import of a member resolves without a
manifest entry; and a Python project's own distribution (`[project] name`, `[tool.poetry] name`, setup.cfg `[metadata] name`) is importable in
its own tests and tools. Members are known by the names of the manifests the context carries (the
folders above each changed file are read), and in a workspace by their scope: `@acme/cli` is a member
when `@acme/core` is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from analyzers.derived import per_change
from analyzers.supply_chain.declared import file_name
from analyzers.supply_chain.documents import load_json, load_toml
from analyzers.supply_chain.names import NPM, PYPI, normalize_name
from app.context.model import ChangeContext

_SETUP_CFG_NAME = re.compile(r"^\[metadata\][^\[]*?^name\s*=\s*([\w.-]+)", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True, slots=True)
class OwnPackages:
    names: frozenset[tuple[str, str]]  # (ecosystem, normalised name) of the repository's packages
    scopes: frozenset[str]  # npm scopes (`@acme`) of workspace members
    workspace: bool  # the repository declares npm, yarn, pnpm or lerna workspaces

    def owns(self, ecosystem: str, module: str) -> bool:
        if (ecosystem, normalize_name(ecosystem, module)) in self.names:
            return True
        if ecosystem == NPM and self.workspace and module.startswith("@"):
            return module.split("/", 1)[0] in self.scopes
        return False


@per_change
def own_packages(ctx: ChangeContext) -> OwnPackages:
    """The repository's own packages that the change's context shows."""
    names: set[tuple[str, str]] = set()
    workspace = False
    for path, text in _manifests(ctx):
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
    scopes = frozenset(n.split("/", 1)[0] for eco, n in names if eco == NPM and n.startswith("@"))
    return OwnPackages(frozenset(names), scopes, workspace)


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
