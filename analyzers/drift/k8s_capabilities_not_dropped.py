"""k8s-capabilities-not-dropped: a container keeps the default Linux capabilities."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.yaml_doc import YNode
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site
from analyzers.drift.common import is_true
from analyzers.drift.workloads import Workload, workload_findings


class K8sCapabilitiesNotDropped(Analyzer):
    """A container does not drop all Linux capabilities (`capabilities.drop: [ALL]`).

    ## What it flags

    Containers of Kubernetes workloads whose `securityContext.capabilities.drop` does not hold
    `ALL`, in a manifest the change adds or in a container that dropped them before. Privileged
    containers are left to `k8s-privileged-container`, which also flags powerful capabilities
    added back (`SYS_ADMIN`, `NET_ADMIN`, ...). Containers whose lines hold a Helm template, and
    containers without an `image` (Kustomize patches), are not judged. Low severity: a hardening
    gap.

    ## Why it is risky

    Container runtimes grant a default set of capabilities, among them `NET_RAW` (forge packets,
    spoof ARP and DNS on the pod network), `CHOWN`, `DAC_OVERRIDE`, `SETUID` and `MKNOD`. An
    attacker with code execution in the container uses them to move sideways or to climb out.

    ## Example

    ```diff
           securityContext:
             capabilities:
    -          drop: [ALL]
    +          drop: [NET_RAW]
    ```

    ## How to fix

    Drop everything and add back only what the program needs:
    `capabilities: { drop: [ALL], add: [NET_BIND_SERVICE] }`.

    ## Tuning

    `rules.k8s-capabilities-not-dropped.paths` limits the manifests checked.

    ## References

    - CWE-250: Execution with Unnecessary Privileges
    - Kubernetes Docs: "Pod Security Standards" (Restricted: capabilities)
    """

    meta = RuleMeta(
        id="k8s-capabilities-not-dropped",
        family=Family.DRIFT,
        summary="A container does not drop all Linux capabilities",
        severity=Severity.LOW,
        cwe=(250,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        return workload_findings(self, ctx, _sites)


def _sites(workloads: Iterable[Workload]) -> Iterator[Site]:
    for workload in workloads:
        for container in workload.containers():
            context = container.security_context
            if context is not None and (is_true(context.get("privileged")) or _drops_all(context)):
                continue
            if container.unknown():
                continue
            yield Site(
                (*container.key, "capabilities"),
                container.node.line,
                f"{container.label} keeps the default capabilities: drop `ALL`",
                Severity.LOW,
                0.6,
            )


def _drops_all(context: YNode) -> bool:
    dropped = context.path("capabilities", "drop")
    if dropped is None:
        return False
    names = [item.text for item in dropped.items] if dropped.is_seq else [dropped.text]
    return any(name.strip().upper() in {"ALL", "CAP_ALL"} for name in names)
