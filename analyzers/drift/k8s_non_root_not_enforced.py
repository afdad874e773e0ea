"""k8s-non-root-not-enforced: nothing stops a container from running as root."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.yaml_doc import YNode
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site
from analyzers.drift.common import is_false, is_true
from analyzers.drift.workloads import Container, Workload, workload_findings


class K8sNonRootNotEnforced(Analyzer):
    """A container sets neither `runAsNonRoot: true` nor a non-zero `runAsUser`.

    ## What it flags

    Containers (and init containers) of Kubernetes workloads whose effective security context (the
    container's own `securityContext` over the pod's) holds neither `runAsNonRoot: true` nor a
    non-zero `runAsUser`, in a manifest the change adds or in a container that had one of them
    before. Such a container runs as whatever user its image names, which is root for most images.

    Not judged: a workload whose pod spec holds a Helm template (`{{ … }}`, its values may set it),
    a container without an `image` (a Kustomize patch merged over a base), and a container told
    outright to run as root (`runAsUser: 0`, `runAsNonRoot: false`), which `k8s-runs-as-root`
    reports. Low severity: a hardening gap, not an exposure on its own.

    ## Why it is risky

    A root process inside a container owns the container's file system and is one kernel bug,
    misconfigured mount or added capability away from root on the node. `runAsNonRoot: true` makes
    the kubelet refuse to start an image whose user is root, so a later image change cannot
    silently bring root back.

    ## Example

    ```diff
         spec:
    -      securityContext:
    -        runAsNonRoot: true
           containers:
             - name: api
               image: registry.example.com/api:1.4.2
    ```

    ## How to fix

    Set `securityContext.runAsNonRoot: true` (and a non-zero `runAsUser`) at pod level, and build
    images with a non-root `USER`.

    ## Tuning

    `rules.k8s-non-root-not-enforced.paths` limits the manifests checked; disable the rule where an
    admission policy (Pod Security Admission `restricted`, Kyverno, Gatekeeper) enforces non-root.

    ## References

    - CWE-250: Execution with Unnecessary Privileges
    - Kubernetes Docs: "Pod Security Standards" (Restricted: running as non-root)
    - CIS Kubernetes Benchmark 5.2.6: minimize the admission of root containers
    """

    meta = RuleMeta(
        id="k8s-non-root-not-enforced",
        family=Family.DRIFT,
        summary="Nothing stops a container from running as root",
        severity=Severity.LOW,
        cwe=(250,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        return workload_findings(self, ctx, _sites)


def _sites(workloads: Iterable[Workload]) -> Iterator[Site]:
    for workload in workloads:
        pod = workload.pod_spec.get("securityContext")
        for container in workload.judged_containers():
            nonroot = _effective(container, pod, "runAsNonRoot")
            user = _effective(container, pod, "runAsUser")
            if is_true(nonroot) or _non_zero(user) or is_false(nonroot) or _zero(user):
                continue  # enforced, or root asked for outright (`k8s-runs-as-root`)
            if user is not None or nonroot is not None:
                continue  # written as something this rule cannot read
            yield Site(
                (*container.key, "root allowed"),
                container.node.line,
                f"{container.label} sets neither `runAsNonRoot: true` nor a non-zero `runAsUser`",
                Severity.LOW,
                0.5,
            )


def _effective(container: Container, pod: YNode | None, key: str) -> YNode | None:
    own = container.security_context
    if own is not None and own.has(key):
        return own.get(key)
    return pod.get(key) if pod is not None and pod.is_map else None


def _non_zero(node: YNode | None) -> bool:
    return node is not None and node.kind == "scalar" and node.text.isdigit() and int(node.text) > 0


def _zero(node: YNode | None) -> bool:
    return node is not None and node.kind == "scalar" and node.text.isdigit() and int(node.text) == 0
