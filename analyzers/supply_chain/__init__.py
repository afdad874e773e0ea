"""The `supply-chain` family: verification of the dependencies a change adds.

The rules are listed in `analyzers/supply_chain/rules.py` and imported on first use of `RULES`, so that the
helpers of the family (which the context and the package facts read) load without them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from analyzers.base import Analyzer


def __getattr__(name: str) -> tuple[type[Analyzer], ...]:
    if name == "RULES":
        from analyzers.supply_chain.rules import RULES

        return RULES
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
