"""Package indexes and registries: which hosts are an ecosystem's defaults, and private ones."""

from __future__ import annotations

from urllib.parse import urlsplit

from analyzers.contract.model import ChangeContext
from analyzers.supply_chain.dependencies import visible_dependency_files

DEFAULT_REGISTRY_HOSTS = frozenset(
    {"pypi.org", "pypi.python.org", "files.pythonhosted.org", "registry.npmjs.org"}
    | {"registry.npmjs.com", "registry.yarnpkg.com", "rubygems.org", "index.rubygems.org"}
    | {"packagist.org", "repo.packagist.org", "crates.io", "index.crates.io", "static.crates.io"}
    | {"proxy.golang.org", "sum.golang.org"}
)


def registry_host(url: str) -> str | None:
    """The host of a registry URL, None for local paths and relative references."""
    text = url.split("+", 1)[1] if url.startswith("git+") else url
    host = urlsplit(text).hostname if "://" in text else None
    return host.lower() if host else None


def is_default_registry(url: str) -> bool:
    host = registry_host(url)
    return host is None or host in DEFAULT_REGISTRY_HOSTS


def private_index_of(ctx: ChangeContext, ecosystem: str) -> str | None:
    """A non-default index that a visible manifest of the ecosystem declares, if any."""
    for parsed in visible_dependency_files(ctx):
        if parsed.ecosystem != ecosystem:
            continue
        for index in parsed.indexes:
            if not is_default_registry(index.url):
                return registry_host(index.url)
    return None
