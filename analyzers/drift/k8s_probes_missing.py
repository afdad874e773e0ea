"""k8s-probes-missing: a long-running container has no liveness or readiness probe."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site
from analyzers.drift.workloads import Workload, workload_findings

# workloads that run to completion: a probe there is rarely meaningful
_BATCH = frozenset({"Job", "CronJob"})
_ONCE = frozenset({"Never", "OnFailure"})  # a Pod's restartPolicy when it runs to completion
_PROBES = ("livenessProbe", "readinessProbe")


class K8sProbesMissing(Analyzer):
    """A container of a long-running workload has no liveness or no readiness probe.

    ## What it flags

    Containers (not init containers) of `Deployment`, `StatefulSet`, `DaemonSet`, `ReplicaSet`,
    `ReplicationController` and `Pod` objects without a `livenessProbe` or without a
    `readinessProbe`, in a manifest the change adds or in a container that had the probe before.
    Jobs, CronJobs and Pods whose `restartPolicy` is `Never` or `OnFailure` run to completion and
    are not judged; nor a workload whose pod spec holds a Helm template (`{{ … }}`) or a container
    without an `image` (a Kustomize patch merged over a base).

    Info severity: a missing probe is an availability gap, shown for the record and never inline.

    ## Why it is risky

    Without a readiness probe, traffic reaches a pod before it can serve and keeps reaching it when
    it is overloaded; without a liveness probe a hung process (a deadlock, an exhausted pool) is
    never restarted. Either turns one fault into an outage that lasts until someone notices.

    ## Example

    ```diff
           containers:
             - name: api
               image: registry.example.com/api:1.4.2
    -          readinessProbe:
    -            httpGet: {path: /healthz, port: 8080}
    ```

    ## How to fix

    Give each serving container a `readinessProbe` (can it take traffic now?) and a `livenessProbe`
    (is it stuck?), with a `startupProbe` for slow starts.

    ## Tuning

    `rules.k8s-probes-missing.paths` limits the manifests checked; disable the rule for workers
    that serve no traffic.

    ## References

    - CWE-754: Improper Check for Unusual or Exceptional Conditions
    - Kubernetes Docs: "Configure Liveness, Readiness and Startup Probes"
    """

    meta = RuleMeta(
        id="k8s-probes-missing",
        family=Family.DRIFT,
        summary="A long-running container has no liveness or readiness probe",
        severity=Severity.INFO,
        cwe=(754,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        return workload_findings(self, ctx, _sites)


def _sites(workloads: Iterable[Workload]) -> Iterator[Site]:
    for workload in workloads:
        if workload.kind in _BATCH:
            continue
        if workload.kind == "Pod" and workload.pod_spec.scalar("restartPolicy") in _ONCE:
            continue
        for container in workload.judged_containers():
            if container.section != "containers":
                continue
            for probe in _PROBES:
                if container.node.has(probe):
                    continue
                yield Site(
                    (*container.key, probe),
                    container.node.line,
                    f"{container.label} has no `{probe}`",
                    Severity.INFO,
                    0.6,
                )
