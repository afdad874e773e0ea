"""k8s-privileged-container: a container runs privileged or may gain privileges."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.yaml_doc import YNode
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site
from analyzers.drift.common import is_true
from analyzers.drift.manifest_sites import KeyedPair, manifest_site_findings

DANGEROUS_CAPABILITIES = frozenset(
    {"SYS_ADMIN", "NET_ADMIN", "ALL", "SYS_MODULE", "SYS_PTRACE", "DAC_READ_SEARCH", "SYS_RAWIO", "BPF",
     "SYS_BOOT"}
)  # fmt: skip


class K8sPrivilegedContainer(Analyzer):
    """A Kubernetes container runs privileged, may escalate, or adds powerful capabilities.

    ## What it flags

    In any `securityContext` of a Kubernetes manifest (plain YAML or a Helm template):
    `privileged: true`, `allowPrivilegeEscalation: true`, and `capabilities.add` containing
    `SYS_ADMIN`, `NET_ADMIN`, `SYS_MODULE`, `SYS_PTRACE`, `DAC_READ_SEARCH` (reads any file of the
    node by handle: the "shocker" escape), `SYS_RAWIO`, `BPF`, `SYS_BOOT` or `ALL`.

    The change is judged, not its lines: a setting already there in the base version of the same
    object (same kind, namespace, name and place in it) is not reported again when the lines
    around it move or are re-indented.

    ## Why it is risky

    A privileged container has every capability and every host device: escaping to the node is a
    matter of mounting its disk. `SYS_ADMIN` is nearly as strong; `NET_ADMIN` lets a pod rewrite the
    node's networking; privilege escalation lets setuid binaries regain what was dropped.

    ## Example

    ```diff
           securityContext:
    -        privileged: false
    +        privileged: true
    ```

    ## How to fix

    Remove `privileged`, set `allowPrivilegeEscalation: false`, `capabilities: { drop: [ALL] }`
    and add back only the narrow capability a workload needs (`NET_BIND_SERVICE`).

    ## Tuning

    `rules.k8s-privileged-container.paths` limits the manifests checked (for example to exclude a
    node agent's chart that must be privileged).

    ## References

    - CWE-250: Execution with Unnecessary Privileges
    - Kubernetes Docs: "Pod Security Standards" (Baseline: privileged containers, capabilities)
    """

    meta = RuleMeta(
        id="k8s-privileged-container",
        family=Family.DRIFT,
        summary="A Kubernetes container runs privileged or adds powerful capabilities",
        severity=Severity.CRITICAL,
        cwe=(250,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        return manifest_site_findings(self, ctx, _sites)


def _sites(pairs: Iterable[KeyedPair]) -> Iterator[Site]:
    for path, key, _line, value in pairs:
        if key != "securityContext" or not value.is_map:
            continue
        for line, message, what in _problems(value):
            yield Site((*path, key, what), line, message, Severity.CRITICAL, 0.95)


def _problems(context: YNode) -> Iterator[tuple[int, str, str]]:
    for key in ("privileged", "allowPrivilegeEscalation"):
        value = context.get(key)
        if is_true(value):
            assert value is not None
            yield value.line, f"`{key}: true` in a container's securityContext", key
    added = context.path("capabilities", "add")
    if added is not None and added.is_seq:
        for item in added.items:
            name = item.text.upper().removeprefix("CAP_")
            if name in DANGEROUS_CAPABILITIES:
                yield item.line, f"capability `{name}` added", name
