"""Package registries: their clients, the shipped popular lists, and the dependency facts gathered before analysis."""

from app.packages.cache import FactCache, MemoryFactCache
from app.packages.config import RegistryConfig
from app.packages.gather import GatheredFacts, gather_package_facts, gather_package_facts_async
from app.packages.prepare import facts_for_change, facts_for_change_async

__all__ = [
    "FactCache",
    "GatheredFacts",
    "MemoryFactCache",
    "RegistryConfig",
    "facts_for_change",
    "facts_for_change_async",
    "gather_package_facts",
    "gather_package_facts_async",
]
