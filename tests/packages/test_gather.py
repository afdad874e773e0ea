"""Gathering dependency facts against the local registry server (127.0.0.1 only)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from analyzers.contract.model import Facts, PackageFacts
from app.packages import MemoryFactCache, RegistryConfig, gather_package_facts
from tests.support.registry_server import REFERENCE_DATE, RegistryServer, running_registry

NOW = datetime.fromisoformat(REFERENCE_DATE)


@pytest.fixture
def registry() -> Iterator[RegistryServer]:
    with running_registry() as server:
        yield server


def config_for(server: RegistryServer, **overrides: object) -> RegistryConfig:
    settings: dict[str, object] = {
        "pypi_url": server.url,
        "npm_url": server.url,
        "osv_url": server.url,
        "timeout": 5.0,
        "concurrency": 4,
    }
    settings.update(overrides)
    return RegistryConfig(**settings)  # type: ignore[arg-type]


def gather(
    server: RegistryServer, names: list[tuple[str, str]], **overrides: object
) -> dict[tuple[str, str], PackageFacts]:
    gathered = gather_package_facts(names, config_for(server, **overrides), MemoryFactCache(), now=NOW)
    assert gathered.unavailable_checks == ()
    return dict(gathered.packages)


def test_existing_old_package(registry: RegistryServer) -> None:
    facts = gather(registry, [("pypi", "Requests")])[("pypi", "requests")]
    assert facts == PackageFacts(
        ecosystem="pypi",
        name="requests",
        exists=True,
        first_release="2014-02-01",
        release_count=2,
        has_install_script=None,
        sdist_only=False,
        has_source_link=True,
        malicious_advisories=(),
        age_days=4675,
        checked_at=REFERENCE_DATE,
    )


def test_missing_packages_in_both_registries(registry: RegistryServer) -> None:
    facts = gather(registry, [("pypi", "huggingface-cli-tools"), ("npm", "react-codeshift")])
    assert facts[("pypi", "huggingface-cli-tools")].exists is False
    assert facts[("npm", "react-codeshift")].exists is False
    assert facts[("npm", "react-codeshift")].malicious_advisories == ()


def test_young_and_single_release_packages(registry: RegistryServer) -> None:
    facts = gather(registry, [("pypi", "fresh_helpers"), ("pypi", "lonely-release"), ("npm", "fresh-widget")])
    assert facts[("pypi", "fresh-helpers")].age_days == 8
    assert facts[("pypi", "fresh-helpers")].release_count == 2
    assert facts[("pypi", "lonely-release")].release_count == 1
    widget = facts[("npm", "fresh-widget")]
    assert (widget.age_days, widget.release_count, widget.has_source_link) == (2, 1, False)


def test_install_scripts_and_sdist_only(registry: RegistryServer) -> None:
    facts = gather(registry, [("npm", "native-hooks"), ("npm", "left-pad"), ("pypi", "sdist-builder")])
    assert facts[("npm", "native-hooks")].has_install_script is True
    assert facts[("npm", "left-pad")].has_install_script is False
    assert facts[("pypi", "sdist-builder")].sdist_only is True


def test_scoped_npm_name(registry: RegistryServer) -> None:
    facts = gather(registry, [("npm", "@scope/tool")])
    assert facts[("npm", "@scope/tool")].exists is True
    assert "GET /@scope%2Ftool" in registry.requests


def test_malicious_advisories(registry: RegistryServer) -> None:
    facts = gather(registry, [("pypi", "colourama"), ("npm", "event-stream-x")])
    assert facts[("pypi", "colourama")].malicious_advisories == ("MAL-2022-1111",)
    assert facts[("npm", "event-stream-x")].malicious_advisories == ("MAL-2025-2222",)


def test_registry_that_times_out_leaves_facts_unknown() -> None:
    with running_registry(RegistryServer(timeout_mode=True)) as server:
        gathered = gather_package_facts(
            [("pypi", "requests"), ("pypi", "flask"), ("npm", "left-pad")],
            config_for(server, timeout=0.2, concurrency=2),
            MemoryFactCache(),
            now=NOW,
        )
    assert {key: facts.exists for key, facts in gathered.packages.items()} == {
        ("pypi", "flask"): None,
        ("pypi", "requests"): None,
        ("npm", "left-pad"): None,
    }
    assert all(f.malicious_advisories is None for f in gathered.packages.values())
    assert gathered.unavailable_checks == (
        "pypi registry: timeout for 2 names; not run: deps-nonexistent-package, "
        "deps-young-package, deps-install-script",
        "npm registry: timeout for 1 name; not run: deps-nonexistent-package, "
        "deps-young-package, deps-install-script",
        "osv advisories: timeout for 3 names; not run: deps-known-malicious",
    )


def test_unreachable_registry_is_named_not_raised(registry: RegistryServer) -> None:
    dead = "http://127.0.0.1:9"
    gathered = gather_package_facts(
        [("npm", "express")],
        config_for(registry, npm_url=dead),
        MemoryFactCache(),
        now=NOW,
    )
    facts = gathered.packages[("npm", "express")]
    assert (facts.exists, facts.malicious_advisories) == (None, ())
    assert gathered.unavailable_checks == (
        "npm registry: connection failed (ConnectError) for 1 name; not run: "
        "deps-nonexistent-package, deps-young-package, deps-install-script",
    )


def test_offline_makes_no_request(registry: RegistryServer) -> None:
    gathered = gather_package_facts(
        [("pypi", "requests")], config_for(registry, offline=True), MemoryFactCache(), now=NOW
    )
    assert registry.requests == []
    assert gathered.packages[("pypi", "requests")].exists is None
    assert gathered.unavailable_checks == (
        "registry look-ups: offline; not run: deps-nonexistent-package, deps-young-package, "
        "deps-install-script, deps-known-malicious",
    )


def test_cache_answers_until_expiry(registry: RegistryServer) -> None:
    cache = MemoryFactCache()
    config = config_for(registry)
    names = [("pypi", "requests")]
    first = gather_package_facts(names, config, cache, now=NOW)
    assert sorted(registry.requests) == ["GET /pypi/requests/json", "POST /v1/query"]
    later = NOW + timedelta(hours=23)
    second = gather_package_facts(names, config, cache, now=later)
    assert len(registry.requests) == 2
    assert second.packages[("pypi", "requests")].exists is True
    assert first.packages[("pypi", "requests")].age_days == 4675
    assert second.packages[("pypi", "requests")].age_days == 4676  # from the cached first release
    gather_package_facts(names, config, cache, now=NOW + timedelta(hours=25))
    assert len(registry.requests) == 4


def test_failed_lookups_are_not_cached() -> None:
    cache = MemoryFactCache()
    with running_registry(RegistryServer(timeout_mode=True)) as server:
        gather_package_facts([("pypi", "requests")], config_for(server, timeout=0.2), cache, now=NOW)
    assert len(cache) == 0


def test_merged_into_keeps_existing_facts(registry: RegistryServer) -> None:
    gathered = gather_package_facts([("npm", "lodash")], config_for(registry), MemoryFactCache(), now=NOW)
    base = Facts(popular_packages={"npm": frozenset({"lodash"})}, unavailable_checks=("x",))
    merged = gathered.merged_into(base)
    assert merged.popular_packages == base.popular_packages
    assert merged.unavailable_checks == ("x",)
    assert merged.packages[("npm", "lodash")].exists is True


def test_ecosystem_without_registry_client_asks_osv_only(registry: RegistryServer) -> None:
    facts = gather(registry, [("go", "github.com/pkg/errors")])[("go", "github.com/pkg/errors")]
    assert (facts.exists, facts.malicious_advisories) == (None, ())
    assert registry.requests == ["POST /v1/query"]


def test_requests_in_flight_are_bounded() -> None:
    names = [("pypi", name) for name in ("requests", "flask", "pyyaml", "numpi", "a1", "a2", "a3")]
    with running_registry(RegistryServer(delay=0.15)) as server:
        gathered = gather_package_facts(names, config_for(server, concurrency=2), MemoryFactCache(), now=NOW)
    assert len(server.requests) == 14
    assert server.most_in_flight == 2
    assert gathered.unavailable_checks == ()


def test_answers_of_the_wrong_shape_leave_facts_unknown() -> None:
    server = RegistryServer(malformed=frozenset({"odd-py", "odd-js"}))
    with running_registry(server) as registry:
        gathered = gather_package_facts(
            [("pypi", "odd-py"), ("npm", "odd-js")], config_for(registry), MemoryFactCache(), now=NOW
        )
    assert [(f.exists, f.malicious_advisories) for f in gathered.packages.values()] == [(None, None)] * 2
    assert [check.split(";")[0] for check in gathered.unavailable_checks] == [
        "pypi registry: unexpected answer for 1 name",
        "npm registry: unexpected answer for 1 name",
        "osv advisories: unexpected answer for 2 names",
    ]
