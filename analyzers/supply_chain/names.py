"""Package names as registries compare them."""

from __future__ import annotations

import re

PYPI = "pypi"
NPM = "npm"
GO = "go"
CARGO = "cargo"
RUBYGEMS = "rubygems"
PACKAGIST = "packagist"

_PEP503_SEPARATORS = re.compile(r"[-_.]+")


def normalize_name(ecosystem: str, name: str) -> str:
    """The registry's canonical form of `name`: PEP 503 for PyPI, crates.io folds case and `_`;
    npm (`JSONStream`), Go, RubyGems and Packagist names are compared as written."""
    stripped = name.strip()
    if ecosystem == PYPI:
        return _PEP503_SEPARATORS.sub("-", stripped).lower()
    if ecosystem == CARGO:
        return stripped.lower().replace("_", "-")
    return stripped
