"""k8s-resource-limits-missing: a container may use all of its node's memory."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site
from analyzers.drift.workloads import Workload, workload_findings


class K8sResourceLimitsMissing(Analyzer):
    """A container sets no memory limit (`resources.limits.memory`).

    ## What it flags

    Containers of Kubernetes workloads without `resources.limits.memory`, in a manifest the change
    adds or in a container that had one before. A missing CPU limit is not reported: CPU is
    compressible (requests already share it under contention) and CPU limits throttle services,
    so many clusters leave them out on purpose. A `LimitRange` applies defaults the manifest
    cannot show, so this is low severity; containers whose lines hold a Helm template, and
    containers without an `image` (Kustomize patches), are not judged.

    ## Why it is risky

    Memory cannot be taken back from a process: a container without a limit can use all of its
    node's memory, and one leak, one request flood or one crypto-miner dropped through a
    vulnerability makes the kernel kill other pods on the node (a denial of service that crosses
    workloads).

    ## Example

    ```diff
           resources:
    -        limits:
    -          memory: 512Mi
             requests:
               memory: 256Mi
    ```

    ## How to fix

    Set `resources.limits.memory` on every container (and a CPU limit where the cluster's policy
    asks for one), or enforce defaults with a `LimitRange` in the namespace.

    ## Tuning

    `rules.k8s-resource-limits-missing.paths` limits the manifests checked; disable the rule when
    a `LimitRange` or an admission policy sets limits.

    ## References

    - CWE-770: Allocation of Resources Without Limits or Throttling
    - Kubernetes Docs: "Resource Management for Pods and Containers"
    """

    meta = RuleMeta(
        id="k8s-resource-limits-missing",
        family=Family.DRIFT,
        summary="A container sets no memory limit",
        severity=Severity.LOW,
        cwe=(770,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        return workload_findings(self, ctx, _sites)


def _sites(workloads: Iterable[Workload]) -> Iterator[Site]:
    for workload in workloads:
        for container in workload.containers():
            if container.section == "ephemeralContainers":
                continue  # the API refuses resources on ephemeral containers
            limits = container.node.path("resources", "limits")
            if (limits is not None and limits.is_map and limits.has("memory")) or container.unknown():
                continue
            yield Site(
                (*container.key, "limits"),
                container.node.line,
                f"{container.label} has no memory limit",
                Severity.LOW,
                0.5,
            )
