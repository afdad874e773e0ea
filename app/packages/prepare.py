"""The one call the worker and `bulwark scan` make before analysis: the supply-chain facts of a change."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime, timedelta

from analyzers.contract.model import ChangeContext, Facts
from analyzers.supply_chain.dependencies import new_dependencies
from app.packages.cache import FactCache
from app.packages.config import RegistryConfig
from app.packages.gather import DEFAULT_TTL, gather_package_facts, gather_package_facts_async
from app.packages.modules import load_module_map
from app.packages.popular import load_popular

logger = logging.getLogger(__name__)


POPULAR_CHECKS = ("deps-typosquat", "deps-undeclared-import")


def _with_popular(facts: Facts) -> Facts:
    """The facts with the shipped popular lists and import-name map; a missing file is named, not
    raised."""
    if facts.popular_packages:
        return facts
    try:
        popular, modules = load_popular(), load_module_map()
    except OSError as error:
        logger.warning("shipped package data unreadable: %s", error)
        note = f"popular package lists: unreadable; not run: {', '.join(POPULAR_CHECKS)}"
        return replace(
            facts,
            unavailable_checks=(*facts.unavailable_checks, note),
            failed_checks=(*facts.failed_checks, note),
        )
    return replace(facts, popular_packages=popular, module_distributions=modules)


def facts_for_change(
    ctx: ChangeContext,
    config: RegistryConfig,
    cache: FactCache,
    *,
    now: datetime | None = None,
    ttl: timedelta = DEFAULT_TTL,
) -> Facts:
    """`ctx.facts` with the shipped popular lists and registry facts for the change's new dependencies.

    `now` is the reference time for package ages (the pull request's time; default: the clock).
    Never raises for registry failures: they become unknown facts and `unavailable_checks`.
    """
    names = [(dep.ecosystem, dep.name) for dep in new_dependencies(ctx)]
    gathered = gather_package_facts(names, config, cache, now=now, ttl=ttl)
    return gathered.merged_into(_with_popular(ctx.facts))


async def facts_for_change_async(
    ctx: ChangeContext,
    config: RegistryConfig,
    cache: FactCache,
    *,
    now: datetime | None = None,
    ttl: timedelta = DEFAULT_TTL,
) -> Facts:
    names = [(dep.ecosystem, dep.name) for dep in new_dependencies(ctx)]
    gathered = await gather_package_facts_async(names, config, cache, now=now, ttl=ttl)
    return gathered.merged_into(_with_popular(ctx.facts))
