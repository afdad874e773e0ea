"""What the rules read from the context: registry facts per new dependency, and line text."""

from __future__ import annotations

from analyzers.contract.model import ChangeContext, PackageFacts
from analyzers.supply_chain.dependencies import Dependency
from analyzers.supply_chain.names import CARGO, GO, NPM, PACKAGIST, PYPI, RUBYGEMS

REGISTRY_NAMES = {
    PYPI: "PyPI",
    NPM: "the npm registry",
    GO: "the Go module proxy",
    CARGO: "crates.io",
    RUBYGEMS: "RubyGems",
    PACKAGIST: "Packagist",
}


def facts_of(ctx: ChangeContext, dependency: Dependency) -> PackageFacts | None:
    return ctx.facts.packages.get(dependency.key)


def popular_names(ctx: ChangeContext, ecosystem: str) -> frozenset[str] | None:
    names = ctx.facts.popular_packages.get(ecosystem)
    return names if names else None


def line_text(ctx: ChangeContext, path: str, line: int) -> str:
    changed = ctx.file(path)
    return changed.line(line).strip() if changed is not None else ""


def registry_name(ecosystem: str) -> str:
    return REGISTRY_NAMES.get(ecosystem, ecosystem)
