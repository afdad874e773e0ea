"""Fourth round of Java scenarios of the AI-style suite (names `r4-...`): the shapes of the known misses
of the third round, written as new controllers. Same format as `round3_java.py`."""

from __future__ import annotations

from bench.ai_cases.round3_java import _java, servlet, spring

_RAW: list[tuple[str, str, str, str]] = []

SCENARIOS: list[tuple[str, str, str, str]] = [
    (category, name, _java(vulnerable), _java(safe)) for category, name, vulnerable, safe in _RAW
]
__all__ = ["SCENARIOS", "servlet", "spring"]
