"""Fourth round of C and C++ scenarios of the AI-style suite (names `r4-...`): the shapes of the known
misses of the third round, written as new functions. Same format as `round3_c.py`."""

from __future__ import annotations

from bench.ai_cases.round3_c import STD, _c

_RAW: list[tuple[str, str, str, str, str]] = []

SCENARIOS: list[tuple[str, str, str, str, str]] = [
    (category, name, _c(vulnerable), _c(safe), extension)
    for category, name, vulnerable, safe, extension in _RAW
]
__all__ = ["SCENARIOS", "STD"]
