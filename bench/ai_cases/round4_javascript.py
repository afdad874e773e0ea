"""Fourth round of JavaScript scenarios of the AI-style suite (names `r4-...`): the shapes of the known
misses of the third round, written as new routes. Same format as `round3_javascript.py`."""

from __future__ import annotations

from bench.ai_cases.round3_javascript import EXPRESS, _js

_RAW: list[tuple[str, str, str, str, str]] = []

SCENARIOS: list[tuple[str, str, str, str, str]] = [
    (category, name, _js(vulnerable), _js(safe), extension)
    for category, name, vulnerable, safe, extension in _RAW
]
__all__ = ["EXPRESS", "SCENARIOS"]
