"""Results that several rules derive from the same change, computed once per ChangeContext.

The supply-chain rules all need the change's new dependencies and new imports; reading every
manifest and querying every syntax tree again in each rule would multiply the family's cost by its
number of rules. A function decorated with `per_change` runs once per context and its result is
kept on the context (`ChangeContext.derived`), so it lives exactly as long as the change it
describes. Results are shared: callers must not mutate them. A caller that asks while another is
still computing waits for that result instead of computing it a second time beside it (a rule
abandoned past its time budget leaves its thread running: the next rule then waits for it, rather
than doubling the work on a loaded machine).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import wraps
from typing import TypeVar, cast

from analyzers.contract.model import ChangeContext

T = TypeVar("T")
_LOCKS = threading.Lock()  # guards the creation of each result's own lock


def per_change(compute: Callable[[ChangeContext], T]) -> Callable[[ChangeContext], T]:
    """`compute(ctx)`, run once per context; later calls return the kept result."""
    key = f"{compute.__module__}.{compute.__qualname__}"

    @wraps(compute)
    def derive(ctx: ChangeContext) -> T:
        kept = ctx.derived
        if key in kept:
            return cast(T, kept[key])
        with _LOCKS:
            lock = kept.setdefault(f"{key}#lock", threading.Lock())
        with lock:
            if key not in kept:
                kept[key] = compute(ctx)
        return cast(T, kept[key])

    return derive
