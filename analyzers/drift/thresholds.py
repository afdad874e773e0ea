"""Coverage and severity thresholds in CI files, compared between the base and the head."""

from __future__ import annotations

import re
from collections.abc import Iterator

from analyzers.contract.model import ChangedFile

_COVERAGE = re.compile(
    r"(?P<key>cov-fail-under|fail[-_]under|min(?:imum)?[-_]coverage|coverage[-_]threshold)"
    r"['\"]?\s*(?:[=:]\s*)?['\"]?(?P<value>\d+(?:\.\d+)?)",
    re.IGNORECASE,
)
_SEVERITY = re.compile(
    r"(?P<key>severity[-_]threshold|severity[-_]cutoff|audit[-_]level|fail[-_]on[-_]severity|"
    r"(?<![\w-])severity)['\"]?\s*(?:[=:]\s*)?['\"]?(?P<value>(?:(?:unknown|info|low|moderate|medium|"
    r"high|critical|error|warning|note),?)+)",
    re.IGNORECASE,
)
_RANK = {
    "unknown": 0, "info": 0, "note": 0, "low": 1, "warning": 2, "moderate": 2, "medium": 2,
    "high": 3, "error": 3, "critical": 4,
}  # fmt: skip


def _coverage_values(lines: list[str]) -> Iterator[tuple[int, str, float]]:
    for number, text in enumerate(lines, start=1):
        for match in _COVERAGE.finditer(text):
            yield number, _key(match.group("key")), float(match.group("value"))


def _severity_values(lines: list[str]) -> Iterator[tuple[int, str, int]]:
    for number, text in enumerate(lines, start=1):
        for match in _SEVERITY.finditer(text):
            levels = [_RANK[v.lower()] for v in match.group("value").split(",") if v]
            yield number, _key(match.group("key")), min(levels)


def _key(text: str) -> str:
    return text.lower().replace("_", "-")


def lowered_thresholds(file: ChangedFile) -> Iterator[tuple[int, str]]:
    """(head line, message) for every coverage minimum lowered or severity cut-off raised."""
    if file.base_text is None:
        return
    base_lines, head_lines = file.lines("base"), file.lines("head")
    base_cov: dict[str, float] = {}
    for _n, key, value in _coverage_values(base_lines):
        base_cov[key] = max(value, base_cov.get(key, value))
    for number, key, value in _coverage_values(head_lines):
        if key in base_cov and value < base_cov[key]:
            yield number, f"coverage threshold `{key}` lowered from {base_cov[key]:g} to {value:g}"
    base_sev: dict[str, int] = {}
    for _n, key, level in _severity_values(base_lines):
        base_sev[key] = min(level, base_sev.get(key, level))
    for number, key, level in _severity_values(head_lines):
        if key in base_sev and level > base_sev[key]:
            yield number, f"severity threshold `{key}` raised: fewer findings fail the check"
