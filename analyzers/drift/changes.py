"""Judge the change, not the line: what a rule found on the head side, less what was already there.

A rule describes each risky thing it sees as a site with a key (what it is and how risky, never its
line) on both sides of the change. A head site is new when the base holds fewer sites of its key: the
pull request added it, or moved a state toward risk. Moving, re-indenting or renaming around a site
changes no key, so it reports nothing. A new site on a line the pull request did not touch (an `env:`
value above it became untrusted) is marked as being about the change, so the changed-line filter keeps
it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import TypeVar

from analyzers.base import Analyzer, Finding, Severity
from analyzers.config.yaml_doc import YNode
from analyzers.contract.model import ChangeContext, ChangedFile, FileStatus
from analyzers.drift.common import action_documents, base_workflow, dockerfiles, workflows
from analyzers.record import record

T = TypeVar("T")


def new_sites(
    file: ChangedFile,
    head: Iterable[T],
    base: Iterable[T],
    key: Callable[[T], Hashable],
    line: Callable[[T], int],
) -> Iterator[tuple[T, bool]]:
    """(site, about_change) for each head site beyond the base's count of its key.

    Among head sites of one key, those on added lines are taken first; `about_change` is True when the
    site's line was not added by the change.
    """
    base_count = Counter(key(site) for site in base)
    groups: dict[Hashable, list[T]] = defaultdict(list)
    for site in head:
        groups[key(site)].append(site)
    fresh = file.status is FileStatus.ADDED or file.patch_missing
    for site_key, sites in groups.items():
        excess = len(sites) - base_count.get(site_key, 0)
        if excess <= 0:
            continue
        ordered = sorted(sites, key=lambda s: (line(s) not in file.added_lines, line(s)))
        for site in ordered[:excess]:
            yield site, not fresh and line(site) not in file.added_lines


@record
class Site:
    """A risky thing a rule sees on one side: `key` says what it is and how risky, never where."""

    key: tuple[str, ...]
    line: int
    message: str
    severity: Severity
    confidence: float
    end_line: int | None = None
    evidence: str | None = None  # what the finding shows; the site's line when None


def site_findings(
    rule: Analyzer, file: ChangedFile, head: Iterable[Site], base: Iterable[Site]
) -> Iterator[Finding]:
    """The findings of the head sites that the change added or made riskier."""
    for site, about_change in new_sites(file, head, base, lambda s: s.key, lambda s: s.line):
        yield rule.finding(
            file,
            site.line,
            site.message,
            confidence=site.confidence,
            severity=site.severity,
            end_line=site.end_line,
            evidence=site.evidence if site.evidence is not None else file.line(site.line).strip(),
            about_change=about_change,
        )


def dockerfile_findings(
    rule: Analyzer, ctx: ChangeContext, sites: Callable[[str | None], Iterable[Site]]
) -> Iterator[Finding]:
    """The site findings of every changed Dockerfile: the sites of its head against those of its base."""
    for file in dockerfiles(ctx):
        head = list(sites(file.head_text))
        if head:
            yield from site_findings(rule, file, head, sites(file.base_text))


def document_pairs(
    ctx: ChangeContext, *, actions: bool = True
) -> Iterator[tuple[ChangedFile, YNode, YNode | None]]:
    """(file, head document, base document or None) of every workflow (and action manifest)."""
    documents = action_documents(ctx) if actions else workflows(ctx)
    for file, head in documents:
        yield file, head, base_workflow(file)
