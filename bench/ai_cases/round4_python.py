"""Fourth round of Python scenarios of the AI-style suite (names `r4-...`): the shapes of the known misses
and false alarms of the third round, written as new endpoints. Same format as `round3_python.py`."""

from __future__ import annotations

from bench.ai_cases.round3_python import _py, fastapi, flask

_RAW: list[tuple[str, str, str, str]] = []

SCENARIOS: list[tuple[str, str, str, str]] = _RAW
__all__ = ["SCENARIOS", "_py", "fastapi", "flask"]
