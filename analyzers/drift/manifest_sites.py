"""Sites anywhere in Kubernetes documents, keyed by where they are in the object, not by their line.

For rules that look at every mapping of a Kubernetes object (a `securityContext` wherever it sits, a
`hostPath` volume, a `hostNetwork` switch) rather than at the containers of a workload
(`analyzers.drift.workloads`). Each site is keyed by its object (kind, namespace, name) and by its key
path in the object, where a sequence item is named by its `name` (a container, a volume) or, without
one, by its position; so a setting that was already there in the base version is not reported again
when lines around it move, are re-indented or its object's documents are reordered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from analyzers.base import Analyzer, Finding
from analyzers.config.yaml_doc import EMPTY, YNode, load_documents
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site, site_findings
from analyzers.drift.common import is_workflow, plainly_not_kubernetes, present

_YAML = (".yml", ".yaml")

# (key path in the object, key, key line, value) of one mapping entry
KeyedPair = tuple[tuple[str, ...], str, int, YNode]
DocumentSites = Callable[[Iterable[KeyedPair]], Iterator[Site]]


def manifest_site_findings(rule: Analyzer, ctx: ChangeContext, sites: DocumentSites) -> Iterator[Finding]:
    """The findings of the head sites the change added or made riskier, in every Kubernetes file."""
    for file in ctx.files:
        if not present(file) or is_workflow(file.path) or not file.path.endswith(_YAML):
            continue
        if plainly_not_kubernetes(file):
            continue
        head = list(_sites(file.head_text, sites))
        if head:
            yield from site_findings(rule, file, head, _sites(file.base_text, sites))


def _sites(text: str | None, sites: DocumentSites) -> Iterator[Site]:
    if not text:
        return
    for doc in load_documents(text):
        if not (doc.is_map and doc.has("kind") and doc.has("apiVersion")):
            continue
        metadata = doc.get("metadata") or EMPTY
        identity = (
            doc.scalar("kind") or "",
            metadata.scalar("namespace") or "" if metadata.is_map else "",
            metadata.scalar("name") or "" if metadata.is_map else "",
        )
        for site in sites(keyed_pairs(doc)):
            yield Site(
                (*identity, *site.key), site.line, site.message, site.severity, site.confidence, site.end_line
            )


def keyed_pairs(node: YNode) -> Iterator[KeyedPair]:
    """Every mapping entry under `node` with its key path, depth first (iterative: bounded by the
    document's own bounds)."""
    stack: list[tuple[tuple[str, ...], YNode]] = [((), node)]
    while stack:
        path, current = stack.pop()
        children: list[tuple[tuple[str, ...], YNode]] = []
        if current.is_map:
            for key, line, value in current.pairs:
                yield path, key, line, value
                children.append(((*path, key), value))
        elif current.is_seq:
            for index, item in enumerate(current.items):
                name = item.scalar("name") if item.is_map else None
                children.append(((*path, f"name={name}" if name else f"#{index}"), item))
        stack.extend(reversed(children))
