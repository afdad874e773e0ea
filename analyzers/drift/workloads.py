"""Kubernetes workloads as pod specs and containers, on either side of a change.

A workload is any document whose kind carries a pod template: `Pod`, `Deployment`, `StatefulSet`,
`DaemonSet`, `ReplicaSet`, `ReplicationController`, `Job`, `CronJob` and `PodTemplate`. Rules about a
setting that is *missing* must not guess where the rest of the object lives elsewhere: inside Helm
templates (`templated`: the source lines of a node hold a `{{ … }}`, which a values file may fill) and
in Kustomize patches (`fragment`: a container without an `image`, merged over a base at build time).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from analyzers.base import Analyzer, Finding
from analyzers.config.yaml_doc import EMPTY, YNode, load_documents
from analyzers.contract.model import ChangeContext, ChangedFile
from analyzers.drift.changes import Site, site_findings
from analyzers.drift.common import is_false, is_workflow, plainly_not_kubernetes, present
from analyzers.record import record

_YAML = (".yml", ".yaml")
# kind -> the keys from the document to the pod spec
POD_SPEC_PATHS: dict[str, tuple[str, ...]] = {
    "Pod": ("spec",),
    "Deployment": ("spec", "template", "spec"),
    "StatefulSet": ("spec", "template", "spec"),
    "DaemonSet": ("spec", "template", "spec"),
    "ReplicaSet": ("spec", "template", "spec"),
    "ReplicationController": ("spec", "template", "spec"),
    "Job": ("spec", "template", "spec"),
    "CronJob": ("spec", "jobTemplate", "spec", "template", "spec"),
    "PodTemplate": ("template", "spec"),
}
CONTAINER_LISTS = ("initContainers", "containers", "ephemeralContainers")


@record
class Container:
    workload: Workload
    section: str  # containers, initContainers, ephemeralContainers
    name: str
    node: YNode

    @property
    def label(self) -> str:
        return f"container `{self.name}` of {self.workload.label}"

    @property
    def key(self) -> tuple[str, ...]:
        return (*self.workload.key, self.section, self.name)

    @property
    def security_context(self) -> YNode | None:
        context = self.node.get("securityContext")
        return context if context is not None and context.is_map else None

    def templated(self) -> bool:
        return self.workload.lines_templated(self.node.line, self.node.end_line)

    @property
    def fragment(self) -> bool:
        """A container without an image: a patch merged over a base, not a whole container."""
        return not self.node.has("image")

    def unknown(self) -> bool:
        """Whether a setting missing here may be set where this rule cannot see."""
        return self.fragment or self.templated()


@record
class Workload:
    kind: str
    name: str
    namespace: str
    document: YNode
    pod_spec: YNode
    source: tuple[str, ...]  # the file's lines, templates unmasked
    tokenless_accounts: frozenset[str] = frozenset()  # service accounts of the file that mount no token

    @property
    def label(self) -> str:
        return f"{self.kind} `{self.name}`"

    @property
    def key(self) -> tuple[str, ...]:
        return (self.kind, self.namespace, self.name)

    def lines_templated(self, first: int, last: int) -> bool:
        return any("{{" in line for line in self.source[max(0, first - 1) : last])

    def templated(self) -> bool:
        return self.lines_templated(self.pod_spec.line, self.pod_spec.end_line)

    @property
    def fragment(self) -> bool:
        """No container names an image: a Kustomize patch, not a whole workload."""
        return all(container.fragment for container in self.containers())

    def judged_containers(self) -> Iterator[Container]:
        """The whole containers (not patch fragments), none where the pod spec holds a template: what a
        rule can judge from what is written."""
        if not self.templated():
            yield from (container for container in self.containers() if not container.fragment)

    def containers(self) -> Iterator[Container]:
        for section in CONTAINER_LISTS:
            listed = self.pod_spec.get(section)
            if listed is None or not listed.is_seq:
                continue
            for index, item in enumerate(listed.items):
                if item.is_map:
                    yield Container(self, section, item.scalar("name") or f"#{index + 1}", item)


def is_manifest_path(file: ChangedFile) -> bool:
    """A YAML file that may hold Kubernetes objects: not a workflow, not a big lockfile that plainly
    holds none (`plainly_not_kubernetes`)."""
    return file.path.endswith(_YAML) and not is_workflow(file.path) and not plainly_not_kubernetes(file)


def workloads(text: str | None) -> Iterator[Workload]:
    """Every workload of a YAML stream (empty for a missing side or a file that is not Kubernetes)."""
    if text is None:
        return
    source = tuple(text.split("\n"))
    documents = load_documents(text)
    tokenless = frozenset(
        (doc.path("metadata", "name") or EMPTY).text
        for doc in documents
        if doc.is_map and doc.scalar("kind") == "ServiceAccount"
        and is_false(doc.get("automountServiceAccountToken"))
    )  # fmt: skip
    for doc in documents:
        if not doc.is_map or not doc.has("apiVersion"):
            continue
        kind = doc.scalar("kind") or ""
        path = POD_SPEC_PATHS.get(kind)
        pod_spec = doc.path(*path) if path is not None else None
        if pod_spec is None or not pod_spec.is_map:
            continue
        metadata = doc.get("metadata")
        name = metadata.scalar("name") if metadata is not None and metadata.is_map else None
        namespace = metadata.scalar("namespace") if metadata is not None and metadata.is_map else None
        yield Workload(kind, name or "", namespace or "", doc, pod_spec, source, tokenless)


def manifest_pairs(ctx: ChangeContext) -> Iterator[tuple[ChangedFile, list[Workload], list[Workload]]]:
    """(file, head workloads, base workloads) of every YAML file holding a workload on the head side."""
    for file in ctx.files:
        if not present(file) or not is_manifest_path(file):
            continue
        head = list(workloads(file.head_text))
        if head:
            yield file, head, list(workloads(file.base_text))


def workload_findings(
    rule: Analyzer, ctx: ChangeContext, sites: Callable[[Iterable[Workload]], Iterator[Site]]
) -> Iterator[Finding]:
    """The findings of the sites the change added or made riskier, in every manifest of the change."""
    for file, head, base in manifest_pairs(ctx):
        yield from site_findings(rule, file, sites(head), sites(base))
