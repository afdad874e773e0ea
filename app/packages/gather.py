"""Gather the facts about new dependencies before analysis: cache first, then the registries.

Never fails and never invents: a registry that cannot answer leaves the facts it owns unknown
(`None`) and adds a line to `unavailable_checks` naming the checks that could not run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from analyzers.contract.model import Facts, PackageFacts
from analyzers.record import record
from analyzers.supply_chain.names import NPM, PYPI, normalize_name
from app.packages.cache import FactCache
from app.packages.clients import (
    OSV_ECOSYSTEMS,
    RegistryAnswer,
    RegistryUnavailableError,
    fetch_malicious_advisories,
    fetch_npm,
    fetch_pypi,
)
from app.packages.config import RegistryConfig

if TYPE_CHECKING:
    import asyncio

    import httpx  # imported where a request is made: reading facts offline needs no HTTP client

logger = logging.getLogger(__name__)
_T = TypeVar("_T")

DEFAULT_TTL = timedelta(hours=24)
REGISTRY_CHECKS = ("deps-nonexistent-package", "deps-young-package", "deps-install-script")
OSV_CHECKS = ("deps-known-malicious",)
_SOURCES = {PYPI: "pypi registry", NPM: "npm registry"}
_OSV = "osv advisories"


@record
class GatheredFacts:
    """Facts per (ecosystem, normalised name) and the checks that could not run, for the summary."""

    packages: Mapping[tuple[str, str], PackageFacts]
    unavailable_checks: tuple[str, ...] = ()
    failed_checks: tuple[str, ...] = ()  # the unavailable checks that failed (not offline by choice)

    def merged_into(self, facts: Facts) -> Facts:
        """A copy of `facts` holding these package facts and unavailable checks as well."""
        packages = {**facts.packages, **self.packages}
        checks = tuple(dict.fromkeys((*facts.unavailable_checks, *self.unavailable_checks)))
        failed = tuple(dict.fromkeys((*facts.failed_checks, *self.failed_checks)))
        return replace(facts, packages=packages, unavailable_checks=checks, failed_checks=failed)


@dataclass
class _Source:
    """One registry during one gathering: after its first failure it is not asked again."""

    label: str
    checks: tuple[str, ...]
    failure: str | None = None
    failed_names: list[str] = field(default_factory=list)

    def note(self, reason: str, name: str) -> None:
        self.failure = self.failure or reason
        self.failed_names.append(name)

    def summary(self) -> str | None:
        if self.failure is None:
            return None
        count = len(self.failed_names)
        noun = "name" if count == 1 else "names"
        return f"{self.label}: {self.failure} for {count} {noun}; not run: {', '.join(self.checks)}"


def _keys_of(names: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    return sorted({(eco, normalize_name(eco, name)) for eco, name in names})


def gather_package_facts(
    names: Iterable[tuple[str, str]],
    config: RegistryConfig,
    cache: FactCache,
    *,
    now: datetime | None = None,
    ttl: timedelta = DEFAULT_TTL,
) -> GatheredFacts:
    """Facts for each (ecosystem, name); `now` is the reference time for ages and expiry."""
    if config.offline:  # nothing to ask: no event loop either
        return _offline_facts(_keys_of(names), now or datetime.now(UTC))
    import asyncio

    return asyncio.run(gather_package_facts_async(names, config, cache, now=now, ttl=ttl))


async def gather_package_facts_async(
    names: Iterable[tuple[str, str]],
    config: RegistryConfig,
    cache: FactCache,
    *,
    now: datetime | None = None,
    ttl: timedelta = DEFAULT_TTL,
) -> GatheredFacts:
    moment = now or datetime.now(UTC)
    keys = _keys_of(names)
    if config.offline:
        return _offline_facts(keys, moment)
    sources = {eco: _Source(label, REGISTRY_CHECKS) for eco, label in _SOURCES.items()}
    osv = _Source(_OSV, OSV_CHECKS)
    import asyncio

    import httpx

    limit = asyncio.Semaphore(config.concurrency)

    async with httpx.AsyncClient(
        timeout=config.timeout, limits=httpx.Limits(max_connections=config.concurrency)
    ) as client:
        lookup = _Lookup(client, config, cache, limit, moment, ttl, sources, osv)
        results = await asyncio.gather(*(lookup.facts(eco, name) for eco, name in keys))
    checks = tuple(check for check in (s.summary() for s in (*sources.values(), osv)) if check)
    return GatheredFacts(
        packages={(f.ecosystem, f.name): f for f in results}, unavailable_checks=checks, failed_checks=checks
    )


def _offline_facts(keys: list[tuple[str, str]], moment: datetime) -> GatheredFacts:
    stamp = moment.isoformat()
    packages = {key: PackageFacts(key[0], key[1], None, checked_at=stamp) for key in keys}
    checks = ", ".join((*REGISTRY_CHECKS, *OSV_CHECKS))
    notes = (f"registry look-ups: offline; not run: {checks}",) if keys else ()
    return GatheredFacts(packages=packages, unavailable_checks=notes)


@dataclass
class _Lookup:
    client: httpx.AsyncClient
    config: RegistryConfig
    cache: FactCache
    limit: asyncio.Semaphore
    moment: datetime
    ttl: timedelta
    sources: dict[str, _Source]
    osv: _Source

    async def facts(self, ecosystem: str, name: str) -> PackageFacts:
        cached = self.cache.get(ecosystem, name, fetched_after=self.moment - self.ttl)
        if cached is not None:
            answer = _answer_from(cached.get("registry"))
            return self._combine(ecosystem, name, answer, tuple(cached.get("malicious", ())))
        import asyncio  # loaded by the running event loop already

        answer, advisories = await asyncio.gather(
            self._registry(ecosystem, name), self._advisories(ecosystem, name)
        )
        registry_known = answer is not None or ecosystem not in self.sources
        if registry_known and advisories is not None:
            payload = {
                "registry": answer.to_payload() if answer else None,
                "malicious": list(advisories),
            }
            self.cache.put(ecosystem, name, payload, fetched_at=self.moment)
        return self._combine(ecosystem, name, answer, advisories)

    async def _registry(self, ecosystem: str, name: str) -> RegistryAnswer | None:
        source = self.sources.get(ecosystem)
        if source is None:
            return None
        fetch = fetch_pypi if ecosystem == PYPI else fetch_npm
        base_url = self.config.pypi_url if ecosystem == PYPI else self.config.npm_url
        return await self._ask(source, name, lambda: fetch(self.client, base_url, name))

    async def _advisories(self, ecosystem: str, name: str) -> tuple[str, ...] | None:
        if ecosystem not in OSV_ECOSYSTEMS:
            return None
        client, osv_url = self.client, self.config.osv_url
        return await self._ask(
            self.osv, name, lambda: fetch_malicious_advisories(client, osv_url, ecosystem, name)
        )

    async def _ask(
        self, source: _Source, name: str, call: Callable[[], Coroutine[Any, Any, _T]]
    ) -> _T | None:
        if source.failure is not None:
            source.note(source.failure, name)
            return None
        async with self.limit:
            if source.failure is not None:
                source.note(source.failure, name)
                return None
            try:
                return await call()
            except RegistryUnavailableError as error:
                logger.warning("%s unavailable for %s: %s", source.label, name, error.reason)
                source.note(error.reason, name)
                return None

    def _combine(
        self,
        ecosystem: str,
        name: str,
        answer: RegistryAnswer | None,
        advisories: tuple[str, ...] | None,
    ) -> PackageFacts:
        first = answer.first_release if answer else None
        return PackageFacts(
            ecosystem=ecosystem,
            name=name,
            exists=answer.exists if answer else None,
            first_release=first[:10] if first else None,
            release_count=answer.release_count if answer else None,
            has_install_script=answer.has_install_script if answer else None,
            sdist_only=answer.sdist_only if answer else None,
            has_source_link=answer.has_source_link if answer else None,
            malicious_advisories=advisories,
            age_days=_age_days(first, self.moment),
            checked_at=self.moment.isoformat(),
        )


def _answer_from(payload: Any) -> RegistryAnswer | None:
    return RegistryAnswer.from_payload(payload) if isinstance(payload, dict) else None


def _age_days(first_release: str | None, moment: datetime) -> int | None:
    if not first_release:
        return None
    try:
        released = datetime.fromisoformat(first_release.replace("Z", "+00:00"))
    except ValueError:
        return None
    if released.tzinfo is None:
        released = released.replace(tzinfo=UTC)
    return max(0, (moment - released).days)
