"""k8s-privilege-escalation-not-blocked: a container does not set `allowPrivilegeEscalation: false`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site
from analyzers.drift.common import is_false, is_true
from analyzers.drift.workloads import Workload, workload_findings


class K8sPrivilegeEscalationNotBlocked(Analyzer):
    """A container leaves privilege escalation on by not setting `allowPrivilegeEscalation: false`.

    ## What it flags

    Containers of Kubernetes workloads whose `securityContext` does not set
    `allowPrivilegeEscalation: false`, in a manifest the change adds or in a container that set it
    before. An explicit `true` and `privileged: true` are left to `k8s-privileged-container`
    (critical). Containers whose lines hold a Helm template, and containers without an `image`
    (Kustomize patches), are not judged. Low severity: the default is a hardening gap, not an
    exposure on its own.

    ## Why it is risky

    Unless it is switched off, a process in the container can gain privileges through setuid and
    setgid binaries or file capabilities (`no_new_privs` is not set): a foothold as an unprivileged
    user becomes root inside the container.

    ## Example

    ```diff
           securityContext:
    -        allowPrivilegeEscalation: false
             runAsNonRoot: true
    ```

    ## How to fix

    Set `securityContext.allowPrivilegeEscalation: false` on every container.

    ## Tuning

    `rules.k8s-privilege-escalation-not-blocked.paths` limits the manifests checked.

    ## References

    - CWE-250: Execution with Unnecessary Privileges
    - Kubernetes Docs: "Pod Security Standards" (Restricted: privilege escalation)
    """

    meta = RuleMeta(
        id="k8s-privilege-escalation-not-blocked",
        family=Family.DRIFT,
        summary="A container does not set allowPrivilegeEscalation to false",
        severity=Severity.LOW,
        cwe=(250,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        return workload_findings(self, ctx, _sites)


def _sites(workloads: Iterable[Workload]) -> Iterator[Site]:
    for workload in workloads:
        for container in workload.containers():
            context = container.security_context
            if context is not None:
                escalation = context.get("allowPrivilegeEscalation")
                if is_false(escalation) or is_true(escalation) or is_true(context.get("privileged")):
                    continue
            if container.unknown():
                continue
            yield Site(
                (*container.key, "escalation"),
                container.node.line,
                f"{container.label} does not set `allowPrivilegeEscalation: false`",
                Severity.LOW,
                0.6,
            )
