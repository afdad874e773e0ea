"""Facts gathered before analysis (analyzers do no I/O): registry answers for new dependencies.

Also the context options that make the builder read the base-side manifests and lockfiles the
supply-chain rules compare against, and the local workflows and actions the changed workflows call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analyzers.contract.limits import MAX_LOCKFILE_BYTES, MAX_YAML_BYTES
from analyzers.contract.model import ChangeContext, Facts
from analyzers.drift.kustomizations import referenced_paths
from analyzers.supply_chain.manifests import base_paths_for
from app.context.builder import BuildOptions
from app.packages.cache import FactCache
from app.packages.config import RegistryConfig
from app.packages.prepare import facts_for_change

if TYPE_CHECKING:
    from app.settings import Settings


def registry_config(settings: Settings, *, offline: bool = False) -> RegistryConfig:
    return RegistryConfig(
        pypi_url=settings.pypi_url,
        npm_url=settings.npm_url,
        osv_url=settings.osv_url,
        timeout=settings.registry_timeout,
        concurrency=settings.registry_concurrency,
        offline=offline or settings.registry_offline,
    )


def build_options(
    max_bytes: int, max_lockfile_bytes: int = MAX_LOCKFILE_BYTES, max_yaml_bytes: int = MAX_YAML_BYTES
) -> BuildOptions:
    """Also read the base-side manifests and lockfiles the supply-chain rules compare against, the
    unchanged local workflows and actions that changed workflows call, and the kustomizations beside
    changed manifests."""
    return BuildOptions(
        max_bytes=max_bytes,
        max_lockfile_bytes=max_lockfile_bytes,
        max_yaml_bytes=max_yaml_bytes,
        extra_base_paths=base_paths_for,
        referenced_paths=referenced_paths,
    )


def gather_facts(ctx: ChangeContext, config: RegistryConfig, cache: FactCache) -> Facts:
    """Popular-package lists and registry facts for the change's new dependencies; never raises
    for registry failures (they become unknown facts and named unavailable checks)."""
    return facts_for_change(ctx, config, cache)
