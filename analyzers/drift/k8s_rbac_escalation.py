"""k8s-rbac-escalation: a Role or ClusterRole grants a permission that leads to more permissions."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site
from analyzers.drift.rbac import Grant, grant_findings
from analyzers.record import record

_WRITE = ("create", "update", "patch")


@record
class _Path:
    """One way from a grant to more power: the verbs and resources that open it, what it gives, and
    its severity for a ClusterRole (a namespaced Role's is one step lower)."""

    name: str
    verbs: tuple[str, ...]
    resources: tuple[str, ...]
    gives: str
    severity: Severity
    namespaced: bool = True  # whether a namespaced Role holding it is reported at all


_PATHS = (
    _Path("escalate", ("escalate",), ("roles", "clusterroles"), "edit roles beyond its own permissions", Severity.MEDIUM),
    _Path("bind", ("bind",), ("roles", "clusterroles"), "bind any role, `cluster-admin` included", Severity.MEDIUM),
    _Path("impersonate", ("impersonate",), ("users", "groups", "serviceaccounts", "uids"),
          "act as any user, group or service account", Severity.MEDIUM),
    _Path("exec", ("create",), ("pods/exec", "pods/attach"), "run commands in any pod it reaches",
          Severity.MEDIUM),
    _Path("node-proxy", ("get", "create"), ("nodes/proxy",), "call the kubelet API of every node",
          Severity.MEDIUM, namespaced=False),
    _Path("webhooks", _WRITE, ("mutatingwebhookconfigurations", "validatingwebhookconfigurations"),
          "intercept or rewrite every object sent to the API server", Severity.LOW, namespaced=False),
    _Path("approve-csr", ("approve", "update", "patch"), ("signers", "certificatesigningrequests/approval"),
          "approve certificates, node and user identities included", Severity.LOW, namespaced=False),
    _Path("read-secrets", ("get", "list", "watch"), ("secrets",), "read every Secret",
          Severity.LOW, namespaced=False),
)  # fmt: skip
_LOWER = {Severity.MEDIUM: Severity.LOW, Severity.LOW: Severity.INFO}


class K8sRbacEscalation(Analyzer):
    """A Role or ClusterRole grants a permission that leads to more permissions.

    ## What it flags

    Items of a `Role`'s or `ClusterRole`'s `rules:` that name, as explicit verbs and resources:

    - `escalate` or `bind` on `roles`/`clusterroles`, `impersonate` on users, groups or service
      accounts, `create` on `pods/exec` or `pods/attach` (medium in a ClusterRole, low in a Role);
    - `get` or `create` on `nodes/proxy` (medium, ClusterRole only);
    - writes to `mutatingwebhookconfigurations`/`validatingwebhookconfigurations`, approving
      certificate signing requests (`approve` on `signers`, `update` on
      `certificatesigningrequests/approval`), and reading `secrets` cluster-wide (low, ClusterRole
      only: controllers such as certificate managers need them, and a namespaced Role can reach
      neither).

    Wildcards are `k8s-rbac-wildcard`'s. Items whose lines hold a Helm template (`{{ … }}`) are not
    judged; only an item the change adds or widens is reported.

    ## Why it is risky

    Each of these turns the role into a way to more power than it names: `escalate` and `bind`
    grant any role, `impersonate` acts as anyone, `pods/exec` runs commands with the pod's own
    service account and mounts, `nodes/proxy` reaches the kubelet beneath the API server's
    authorisation, a webhook sees and rewrites every object, an approved certificate is a new
    identity, and the Secrets of the cluster hold the tokens of every other service account.

    ## Example

    ```diff
     rules:
       - apiGroups: ["rbac.authorization.k8s.io"]
         resources: ["rolebindings"]
         verbs: ["get", "list", "create"]
    +  - apiGroups: ["rbac.authorization.k8s.io"]
    +    resources: ["clusterroles"]
    +    verbs: ["bind"]
    ```

    ## How to fix

    Grant only the verbs the workload uses, restricted with `resourceNames` where the API allows
    (`bind` on one named role, `approve` on one signer), and keep such roles for the controllers
    that need them, bound in their own namespace.

    ## Tuning

    `rules.k8s-rbac-escalation.paths` limits the manifests checked; a controller that needs one of
    these permissions can be allowed with `rules.k8s-rbac-escalation.ignore_paths` for its chart.

    ## References

    - CWE-269: Improper Privilege Management
    - Kubernetes Docs: "Role Based Access Control Good Practices" (privilege escalation risks)
    - CIS Kubernetes Benchmark 5.1.2 (minimize access to secrets), 5.1.8 (limit use of the bind,
      impersonate and escalate permissions)
    """

    meta = RuleMeta(
        id="k8s-rbac-escalation",
        family=Family.DRIFT,
        summary="A role grants a permission that leads to more permissions",
        severity=Severity.MEDIUM,
        cwe=(269,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        return grant_findings(self, ctx, _sites)


def _sites(found: Iterable[Grant]) -> Iterator[Site]:
    for grant in found:
        if "*" in grant.verbs or "*" in grant.resources or grant.node.has("resourceNames"):
            continue  # wildcards are `k8s-rbac-wildcard`'s; named objects are narrowed on purpose
        for path in _PATHS:
            if not grant.cluster_wide and not path.namespaced:
                continue
            if not grant.allows(path.verbs, path.resources):
                continue
            severity = path.severity if grant.cluster_wide else _LOWER[path.severity]
            scope = "cluster-wide" if grant.cluster_wide else "in its namespace"
            yield Site(
                (*grant.key, path.name),
                grant.node.line,
                f"{grant.label} can {path.gives} {scope}",
                severity,
                0.7 if severity is Severity.MEDIUM else 0.5,
            )
