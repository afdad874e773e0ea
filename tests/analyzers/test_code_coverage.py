"""Every `code` rule has, for every language it covers, at least three flagged lines and a clean file."""

from __future__ import annotations

from collections import Counter
from pathlib import PurePosixPath

import pytest

from analyzers.base import Analyzer
from analyzers.code import RULES
from tests.analyzers.golden import CASE_SUFFIX, discover_cases

EXTENSIONS = {
    ".py": "python",
    ".js": "javascript",
    ".jsx": "javascript",
    ".ts": "typescript",
    ".tsx": "typescript",
    ".go": "go",
    ".java": "java",
    ".rb": "ruby",
    ".php": "php",
    ".c": "c",
    ".h": "c",
    ".cpp": "cpp",
    ".cc": "cpp",
    ".sh": "bash",
}
MIN_FLAGGED = 3


def _language(path: str) -> str | None:
    return EXTENSIONS.get(PurePosixPath(path.removesuffix(CASE_SUFFIX)).suffix)


@pytest.mark.parametrize("rule", RULES, ids=[rule.meta.id for rule in RULES])
def test_every_language_has_flagged_lines_and_a_clean_file(rule: type[Analyzer]) -> None:
    cases = discover_cases(rule.meta.id)
    flagged: Counter[str] = Counter()
    clean_languages: set[str] = set()
    for case in cases:
        expected = case.expected()
        for entry in expected:
            language = _language(entry["path"])
            if language is not None:
                flagged[language] += 1
        if not expected:
            head = case.folder / "head"
            clean_languages |= {_language(p.name) or "" for p in head.rglob("*") if p.is_file()}
    assert {lang: flagged[lang] for lang in rule.meta.languages if flagged[lang] < MIN_FLAGGED} == {}
    assert sorted(set(rule.meta.languages) - clean_languages) == []
