"""Rule documentation: each rule's docstring rendered to `docs/rules/<id>.md`, and the rules table.

A rule's docstring starts with a one-line title, then has the sections of `DOC_HEADINGS` as `## `
headings, in that order. The page adds a header with the rule's metadata.
"""

from __future__ import annotations

import inspect
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from analyzers.base import DOC_HEADINGS, Analyzer
from analyzers.registry import all_rules, rule_by_id


def doc_sections(rule: type[Analyzer]) -> dict[str, str]:
    """The docstring's sections by heading, in order of appearance."""
    sections: dict[str, str] = {}
    current: str | None = None
    lines: list[str] = []
    for line in inspect.cleandoc(rule.__doc__ or "").splitlines():
        if line.startswith("## "):
            if current is not None:
                sections[current] = "\n".join(lines).strip()
            current, lines = line[3:].strip(), []
        elif current is not None:
            lines.append(line)
    if current is not None:
        sections[current] = "\n".join(lines).strip()
    return sections


def missing_headings(rule: type[Analyzer]) -> list[str]:
    """The documentation headings a rule's docstring lacks or leaves empty."""
    sections = doc_sections(rule)
    return [heading for heading in DOC_HEADINGS if not sections.get(heading)]


def render_rule_page(rule: type[Analyzer]) -> str:
    """The Markdown page of one rule."""
    meta = rule.meta
    cwe = ", ".join(f"CWE-{number}" for number in meta.cwe) or "none"
    languages = ", ".join(meta.languages) or "any"
    parts = [
        f"# {meta.id}",
        f"{meta.summary}.",
        "| family | default severity | CWE | languages | rule version |",
        "| --- | --- | --- | --- | --- |",
        f"| {meta.family.value} | {meta.severity.label} | {cwe} | {languages} | {meta.version} |",
    ]
    page = "\n\n".join(parts[:2]) + "\n\n" + "\n".join(parts[2:])
    for heading, text in doc_sections(rule).items():
        page += f"\n\n## {heading}\n\n{text}"
    return page + "\n"


def render_all(directory: Path, rules: Sequence[type[Analyzer]] | None = None) -> list[Path]:
    """Write one page per rule into `directory`; the paths written, in registry order."""
    directory.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for rule in rules if rules is not None else all_rules():
        path = directory / f"{rule.meta.id}.md"
        path.write_text(render_rule_page(rule), encoding="utf-8")
        written.append(path)
    return written


def list_rules_table() -> list[dict[str, Any]]:
    """One row per registered rule: id, family, severity, languages, CWE, summary, docs URL."""
    return [
        {
            "id": rule.meta.id,
            "family": rule.meta.family.value,
            "severity": rule.meta.severity.label,
            "languages": list(rule.meta.languages),
            "cwe": list(rule.meta.cwe),
            "summary": rule.meta.summary,
            "docs_url": rule.meta.docs_url,
        }
        for rule in all_rules()
    ]


def rule_page(rule_id: str) -> str:
    """The Markdown page of the rule `rule_id`; KeyError when no such rule is registered."""
    rule = rule_by_id(rule_id)
    if rule is None:
        raise KeyError(rule_id)
    return render_rule_page(rule)
