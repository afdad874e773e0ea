"""Registry clients and the gathering of dependency facts before analysis."""

from app.registry.cache import FactCache, MemoryFactCache
from app.registry.config import RegistryConfig
from app.registry.gather import GatheredFacts, gather_package_facts, gather_package_facts_async
from app.registry.prepare import facts_for_change, facts_for_change_async

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
