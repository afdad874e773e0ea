"""k8s-service-account-token-mounted: a pod mounts its API token without saying so."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site
from analyzers.drift.common import is_false
from analyzers.drift.workloads import Workload, workload_findings


class K8sServiceAccountTokenMounted(Analyzer):
    """A pod mounts its service account's API token by default (`automountServiceAccountToken`).

    ## What it flags

    Pod specs of Kubernetes workloads that do not set `automountServiceAccountToken: false`, in a
    manifest the change adds or in a workload that set it before. A pod whose service account is
    declared in the same file with `automountServiceAccountToken: false` is not reported, nor is a
    pod spec holding a Helm template or a Kustomize patch (no container names an image). Low
    severity: most workloads never call the API, and those that do (controllers, operators)
    should say so.

    ## Why it is risky

    Every container of the pod gets a token for the Kubernetes API at
    `/var/run/secrets/kubernetes.io/serviceaccount`. Code execution in any of them becomes API
    access with whatever roles the account holds, and a way to map the cluster even with none.

    ## Example

    ```diff
       template:
         spec:
    -      automountServiceAccountToken: false
           containers:
    ```

    ## How to fix

    Set `automountServiceAccountToken: false` on the pod spec (or its service account) and set it
    to `true` only on workloads that talk to the API, with a dedicated, narrowly bound account.

    ## Tuning

    `rules.k8s-service-account-token-mounted.paths` limits the manifests checked; disable the rule
    for repositories of controllers.

    ## References

    - CWE-250: Execution with Unnecessary Privileges
    - Kubernetes Docs: "Configure Service Accounts for Pods" (opt out of API credential automounting)
    - CIS Kubernetes Benchmark 5.1.6: service account tokens are only mounted where necessary
    """

    meta = RuleMeta(
        id="k8s-service-account-token-mounted",
        family=Family.DRIFT,
        summary="A pod mounts its service account token without needing to say so",
        severity=Severity.LOW,
        cwe=(250,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        return workload_findings(self, ctx, _sites)


def _sites(workloads: Iterable[Workload]) -> Iterator[Site]:
    for workload in workloads:
        spec = workload.pod_spec
        setting = spec.get("automountServiceAccountToken")
        if is_false(setting) or workload.templated() or workload.fragment:
            continue
        account = spec.scalar("serviceAccountName") or spec.scalar("serviceAccount") or "default"
        if setting is None and account in workload.tokenless_accounts:
            continue
        line = setting.line if setting is not None else spec.line
        yield Site(
            (*workload.key, "token"),
            line,
            f"{workload.label} mounts the API token of service account `{account}`",
            Severity.LOW,
            0.5,
        )
