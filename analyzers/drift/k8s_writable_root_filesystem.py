"""k8s-writable-root-filesystem: a container may write to its own root file system."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site
from analyzers.drift.common import is_true
from analyzers.drift.workloads import Workload, workload_findings


class K8sWritableRootFilesystem(Analyzer):
    """A container does not set `readOnlyRootFilesystem: true`.

    ## What it flags

    Containers (and init containers) of Kubernetes workloads (`Pod`, `Deployment`, `StatefulSet`,
    `DaemonSet`, `Job`, `CronJob`, ...) whose `securityContext` does not set
    `readOnlyRootFilesystem: true`, in a manifest the change adds or in a container that had it
    before. A container whose lines hold a Helm template (`{{ … }}`) is not judged (its values may
    set it), nor a container without an `image` (a Kustomize patch merged over a base). Low
    severity: a hardening gap, not an exposure on its own.

    ## Why it is risky

    A writable root file system lets an attacker who got code execution in the container drop
    tools, rewrite binaries or configuration, and persist until the pod is replaced.

    ## Example

    ```diff
           securityContext:
    -        readOnlyRootFilesystem: true
    +        runAsNonRoot: true
    ```

    ## How to fix

    Set `securityContext.readOnlyRootFilesystem: true` on each container and mount an `emptyDir`
    at the few paths the program writes to (`/tmp`, a cache directory).

    ## Tuning

    `rules.k8s-writable-root-filesystem.paths` limits the manifests checked; disable the rule where
    workloads legitimately write to their image.

    ## References

    - CWE-732: Incorrect Permission Assignment for Critical Resource
    - Kubernetes Docs: "Configure a Security Context for a Pod or Container"
    - CIS Kubernetes Benchmark 5.7.3: apply security context to pods and containers
    """

    meta = RuleMeta(
        id="k8s-writable-root-filesystem",
        family=Family.DRIFT,
        summary="A container does not set readOnlyRootFilesystem",
        severity=Severity.LOW,
        cwe=(732,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        return workload_findings(self, ctx, _sites)


def _sites(workloads: Iterable[Workload]) -> Iterator[Site]:
    for workload in workloads:
        for container in workload.containers():
            context = container.security_context
            if context is not None and is_true(context.get("readOnlyRootFilesystem")):
                continue
            if container.unknown():
                continue
            yield Site(
                (*container.key, "writable"),
                container.node.line,
                f"{container.label} does not set `readOnlyRootFilesystem: true`",
                Severity.LOW,
                0.6,
            )
