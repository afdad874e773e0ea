"""k8s-host-access: a pod shares the node's namespaces or mounts its file system."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site
from analyzers.drift.common import is_true
from analyzers.drift.manifest_sites import KeyedPair, manifest_site_findings

_NAMESPACES = ("hostPID", "hostIPC", "hostNetwork")
CRITICAL_PATHS = frozenset(
    {"/", "/etc", "/root", "/proc", "/var/run/docker.sock", "/run/docker.sock", "/var/run",
     "/run", "/var/run/containerd/containerd.sock", "/run/containerd/containerd.sock",
     "/var/lib/kubelet", "/var/run/crio/crio.sock"}
)  # fmt: skip


class K8sHostAccess(Analyzer):
    """A pod shares the node's process, IPC or network namespace, or mounts a host path.

    ## What it flags

    `hostPID: true`, `hostIPC: true`, `hostNetwork: true` and `hostPath` volumes in Kubernetes
    manifests (plain or Helm templates). A `hostPath` of the container runtime's socket
    (`/var/run/docker.sock`, containerd, CRI-O), `/`, `/etc`, `/root`, `/proc` or the kubelet's
    directory is critical.

    The change is judged, not its lines: a setting already there in the base version of the same
    object (same kind, namespace, name and place in it) is not reported again when the lines
    around it move or are re-indented.

    ## Why it is risky

    Host namespaces let a pod see and signal the node's processes, read their memory through
    `/proc`, or sniff and bind the node's network. A mounted runtime socket or root file system is
    full control of the node and every pod on it.

    ## Example

    ```diff
       volumes:
    +    - name: docker
    +      hostPath:
    +        path: /var/run/docker.sock
    ```

    ## How to fix

    Use `emptyDir`, ConfigMaps, Secrets or persistent volumes instead of host paths; drop the host
    namespace flags. Node agents that truly need them belong in a separate, reviewed chart.

    ## Tuning

    `rules.k8s-host-access.paths` limits the manifests checked.

    ## References

    - CWE-668: Exposure of Resource to Wrong Sphere
    - Kubernetes Docs: "Pod Security Standards" (Baseline: host namespaces, hostPath volumes)
    """

    meta = RuleMeta(
        id="k8s-host-access",
        family=Family.DRIFT,
        summary="A pod shares the node's namespaces or mounts a host path",
        severity=Severity.HIGH,
        cwe=(668,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        return manifest_site_findings(self, ctx, _sites)


def _sites(pairs: Iterable[KeyedPair]) -> Iterator[Site]:
    for path, key, line, value in pairs:
        if key in _NAMESPACES and is_true(value):
            message = f"`{key}: true` shares the node's namespace with the pod"
            yield Site((*path, key), value.line, message, Severity.HIGH, 0.95)
        elif key == "hostPath" and value.is_map:
            host_path = value.scalar("path") or ""
            where = value.get("path")
            target = where.line if where is not None else line
            critical = host_path.rstrip("/") in CRITICAL_PATHS or host_path == "/"
            yield Site(
                (*path, key, host_path),
                target,
                f"hostPath volume mounts `{host_path}` from the node",
                Severity.CRITICAL if critical else Severity.HIGH,
                0.9,
            )
