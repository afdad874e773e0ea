"""k8s-rbac-wildcard: a Role or ClusterRole grants `*` verbs or resources."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site
from analyzers.drift.rbac import Grant, grant_findings

# API groups whose wildcards reach Secrets, pods and roles
_BROAD_GROUPS = frozenset({"*", "", "rbac.authorization.k8s.io"})
_NARROWER = {Severity.HIGH: Severity.MEDIUM, Severity.MEDIUM: Severity.LOW}


class K8sRbacWildcard(Analyzer):
    """A Role or ClusterRole grants every verb or every resource (`*`).

    ## What it flags

    Items of a `Role`'s or `ClusterRole`'s `rules:` that name `*` among their `verbs` or their
    `resources`, in a manifest the change adds or in a role whose item did not have the wildcard
    before:

    - every verb on every resource of a `ClusterRole`: the power of `cluster-admin` (high);
    - any other wildcard of a `ClusterRole`, or every verb on every resource of a namespaced
      `Role` (medium);
    - any other wildcard of a namespaced `Role` (low).

    A wildcard confined to API groups other than the core group (`""`), `*` and
    `rbac.authorization.k8s.io` (say `monitoring.coreos.com`) is one step lower: it cannot reach
    Secrets, pods or roles.

    Items whose lines hold a Helm template (`{{ … }}`) are not judged. Which subjects the role is
    bound to is not weighed: a role is granted the day someone binds it.

    ## Why it is risky

    A wildcard grants today's resources and verbs and every one added later by an upgrade or a
    custom resource, including reading `Secret`s, `escalate`, `bind` and `impersonate`, through
    which whoever holds the role (an operator's service account taken over through a
    vulnerability, a leaked token) becomes an administrator of the namespace or the cluster.

    ## Example

    ```diff
     rules:
       - apiGroups: ["apps"]
         resources: ["deployments"]
    -    verbs: ["get", "list", "watch", "patch"]
    +    verbs: ["*"]
    ```

    ## How to fix

    List the verbs and resources the workload needs (`kubectl auth can-i --list` against its
    service account, or the audit log, shows which ones it uses).

    ## Tuning

    `rules.k8s-rbac-wildcard.paths` limits the manifests checked; an operator that must manage
    arbitrary resources can be allowed with `rules.k8s-rbac-wildcard.ignore_paths` for its chart.

    ## References

    - CWE-269: Improper Privilege Management
    - Kubernetes Docs: "Role Based Access Control Good Practices" (avoid wildcard permissions)
    - CIS Kubernetes Benchmark 5.1.3: minimize wildcard use in Roles and ClusterRoles
    """

    meta = RuleMeta(
        id="k8s-rbac-wildcard",
        family=Family.DRIFT,
        summary="A Role or ClusterRole grants every verb or every resource",
        severity=Severity.MEDIUM,
        cwe=(269,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        return grant_findings(self, ctx, _sites)


def _sites(found: Iterable[Grant]) -> Iterator[Site]:
    for grant in found:
        verbs, resources = "*" in grant.verbs, "*" in grant.resources
        if not (verbs or resources):
            continue
        both = verbs and resources
        listed: list[str] = []
        if both:
            what = "every verb on every resource"
            severity = Severity.HIGH if grant.cluster_wide else Severity.MEDIUM
            confidence = 0.8
        else:
            listed = sorted(grant.resources) if verbs else sorted(grant.verbs)
            joined = ", ".join(listed)
            what = f"every verb on `{joined}`" if verbs else f"`{joined}` on every resource"
            severity = Severity.MEDIUM if grant.cluster_wide else Severity.LOW
            confidence = 0.6
        if not _broad(grant.api_groups):
            severity = _NARROWER.get(severity, severity)
            what += f" of `{', '.join(sorted(grant.api_groups))}`"
        scope = "cluster-wide" if grant.cluster_wide else "in its namespace"
        yield Site(
            (
                *grant.key,
                "wildcard",
                severity.label,
                *sorted(grant.api_groups),
                *(listed if not both else ()),
            ),
            grant.node.line,
            f"{grant.label} grants {what} {scope}",
            severity,
            confidence,
        )


def _broad(api_groups: frozenset[str]) -> bool:
    """Whether the API groups reach the core group (Secrets, pods) or every group."""
    return not api_groups or bool(api_groups & _BROAD_GROUPS)
