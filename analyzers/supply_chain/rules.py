"""The rules of the family `supply-chain`, in registry order (`analyzers.supply_chain.RULES`)."""

from __future__ import annotations

from analyzers.base import Analyzer
from analyzers.supply_chain.deps_install_script import DepsInstallScript
from analyzers.supply_chain.deps_known_malicious import DepsKnownMalicious
from analyzers.supply_chain.deps_lockfile_drift import DepsLockfileDrift
from analyzers.supply_chain.deps_nonexistent_package import DepsNonexistentPackage
from analyzers.supply_chain.deps_typosquat import DepsTyposquat
from analyzers.supply_chain.deps_undeclared_import import DepsUndeclaredImport
from analyzers.supply_chain.deps_young_package import DepsYoungPackage

RULES: tuple[type[Analyzer], ...] = (
    DepsNonexistentPackage,
    DepsKnownMalicious,
    DepsTyposquat,
    DepsYoungPackage,
    DepsInstallScript,
    DepsUndeclaredImport,
    DepsLockfileDrift,
)
