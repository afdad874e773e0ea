"""Family `drift`: configuration compared with its source of truth (the base version and the policy).

The rules are listed in `analyzers/drift/rules.py` and imported on first use of `RULES`, so that the
helpers of the family (`analyzers.drift.common`, which other families and the context builder read)
load without them, and a change with no file these rules read (`analyzers.drift.scope`) never loads
them at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from analyzers.base import Analyzer


def __getattr__(name: str) -> tuple[type[Analyzer], ...]:
    if name == "RULES":
        from analyzers.drift.rules import RULES

        return RULES
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
