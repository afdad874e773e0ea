"""k8s-runs-as-root: a pod or container is told to run as root."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site
from analyzers.drift.common import is_false
from analyzers.drift.manifest_sites import KeyedPair, manifest_site_findings


class K8sRunsAsRoot(Analyzer):
    """A pod or container `securityContext` sets `runAsUser: 0` or `runAsNonRoot: false`.

    ## What it flags

    `runAsUser: 0` and `runAsNonRoot: false` in any `securityContext` (pod or container level) of
    a Kubernetes manifest, plain or templated.

    The change is judged, not its lines: a setting already there in the base version of the same
    object (same kind, namespace, name and place in it) is not reported again when the lines
    around it move or are re-indented.

    ## Why it is risky

    A root process inside a container owns the container's file system and is one kernel bug or
    misconfigured mount away from root on the node. `runAsNonRoot: false` also switches off the
    kubelet's refusal to start images that default to root.

    ## Example

    ```diff
         securityContext:
    -      runAsUser: 10001
    +      runAsUser: 0
    ```

    ## How to fix

    Set `runAsNonRoot: true` and a non-zero `runAsUser` at pod level, and build images with a
    non-root `USER`.

    ## Tuning

    `rules.k8s-runs-as-root.paths` limits the manifests checked.

    ## References

    - CWE-250: Execution with Unnecessary Privileges
    - Kubernetes Docs: "Pod Security Standards" (Restricted: running as non-root)
    """

    meta = RuleMeta(
        id="k8s-runs-as-root",
        family=Family.DRIFT,
        summary="A pod or container is told to run as root",
        severity=Severity.MEDIUM,
        cwe=(250,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        return manifest_site_findings(self, ctx, _sites)


def _sites(pairs: Iterable[KeyedPair]) -> Iterator[Site]:
    for path, key, _line, value in pairs:
        if key != "securityContext" or not value.is_map:
            continue
        user = value.get("runAsUser")
        if user is not None and user.kind == "scalar" and user.text == "0":
            message = "`runAsUser: 0` runs the container as root"
            yield Site((*path, key, "runAsUser"), user.line, message, Severity.MEDIUM, 0.95)
        nonroot = value.get("runAsNonRoot")
        if nonroot is not None and is_false(nonroot):
            message = "`runAsNonRoot: false` allows the container to run as root"
            yield Site((*path, key, "runAsNonRoot"), nonroot.line, message, Severity.MEDIUM, 0.9)
