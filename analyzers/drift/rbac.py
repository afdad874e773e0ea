"""Kubernetes RBAC roles (`Role`, `ClusterRole`) as their permission rules, on either side of a change.

A permission rule (one item of a role's `rules:`) is keyed by its role (kind, namespace, name) and by
what it grants, never by its line or position, so reordering or re-indenting a role reports nothing.
An item whose lines hold a Helm template (`{{ … }}`) is left out: its values may say anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from analyzers.base import Analyzer, Finding
from analyzers.config.yaml_doc import EMPTY, YNode, load_documents
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site, site_findings
from analyzers.drift.common import present
from analyzers.drift.workloads import is_manifest_path
from analyzers.record import record

ROLE_KINDS = frozenset({"Role", "ClusterRole"})


@record
class Grant:
    """One item of a role's `rules:`: the lists it names, lower-cased (`*` kept as written)."""

    kind: str  # Role or ClusterRole
    namespace: str
    role: str
    api_groups: frozenset[str]
    resources: frozenset[str]
    verbs: frozenset[str]
    node: YNode

    @property
    def cluster_wide(self) -> bool:
        return self.kind == "ClusterRole"

    @property
    def label(self) -> str:
        return f"{self.kind} `{self.role}`"

    @property
    def key(self) -> tuple[str, ...]:
        return (self.kind, self.namespace, self.role)

    def allows(self, verbs: Iterable[str], resources: Iterable[str]) -> bool:
        """Whether the grant gives one of `verbs` on one of `resources` (wildcards included)."""
        verb_hit = "*" in self.verbs or any(verb in self.verbs for verb in verbs)
        resource_hit = "*" in self.resources or any(resource in self.resources for resource in resources)
        return verb_hit and resource_hit


def grants(text: str | None) -> Iterator[Grant]:
    """Every permission rule of every role in a YAML stream (none for a missing side)."""
    if text is None:
        return
    source = tuple(text.split("\n"))
    for doc in load_documents(text):
        if not doc.is_map or not doc.has("apiVersion") or doc.scalar("kind") not in ROLE_KINDS:
            continue
        metadata = doc.get("metadata") or EMPTY
        name = (metadata.scalar("name") if metadata.is_map else None) or ""
        namespace = (metadata.scalar("namespace") if metadata.is_map else None) or ""
        rules = doc.get("rules")
        for item in rules.items if rules is not None and rules.is_seq else ():
            if not item.is_map or any("{{" in line for line in source[item.line - 1 : item.end_line]):
                continue
            yield Grant(
                doc.scalar("kind") or "",
                namespace,
                name,
                _words(item.get("apiGroups"), lower=False),
                _words(item.get("resources"), lower=True),
                _words(item.get("verbs"), lower=True),
                item,
            )


def _words(node: YNode | None, *, lower: bool) -> frozenset[str]:
    if node is None:
        return frozenset()
    values = node.items if node.is_seq else (node,)
    return frozenset(v.text.lower() if lower else v.text for v in values if v.kind == "scalar")


def grant_findings(
    rule: Analyzer, ctx: ChangeContext, sites: Callable[[Iterable[Grant]], Iterator[Site]]
) -> Iterator[Finding]:
    """The findings of the grant sites the change added or made riskier, in every manifest."""
    for file in ctx.files:
        if not present(file) or not is_manifest_path(file):
            continue
        head = list(sites(grants(file.head_text)))
        if head:
            yield from site_findings(rule, file, head, sites(grants(file.base_text)))
