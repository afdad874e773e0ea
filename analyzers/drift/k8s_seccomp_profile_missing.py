"""k8s-seccomp-profile-missing: a container runs without a seccomp profile."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.yaml_doc import YNode
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site
from analyzers.drift.workloads import Workload, workload_findings

_POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod"
_CONTAINER_ANNOTATION = "container.seccomp.security.alpha.kubernetes.io/"


class K8sSeccompProfileMissing(Analyzer):
    """A container runs without a seccomp profile, or is told to run `Unconfined`.

    ## What it flags

    - a container whose `seccompProfile.type` is `Unconfined` (its own or its pod's; medium);
    - a container (or init container) of a Kubernetes workload with no seccomp profile at all:
      neither its `securityContext.seccompProfile` nor its pod's is `RuntimeDefault` or
      `Localhost`, and no legacy `seccomp.security.alpha.kubernetes.io` annotation names one
      (info: many clusters apply `RuntimeDefault` to every pod through the kubelet's
      `--seccomp-default`, which a manifest cannot show).

    Only what the change adds or turns off is reported. Not judged: a workload whose pod spec holds
    a Helm template (`{{ … }}`, its values may set the profile) and a container without an `image`
    (a Kustomize patch merged over a base).

    ## Why it is risky

    Without a seccomp profile a container may make every system call the kernel offers, including
    the rarely needed ones (`unshare`, `keyctl`, `bpf`, `ptrace`) that most container escapes and
    kernel exploits go through. The runtime's default profile blocks them at no cost to ordinary
    programs.

    ## Example

    ```diff
         spec:
           securityContext:
    -        seccompProfile:
    -          type: RuntimeDefault
    +        seccompProfile:
    +          type: Unconfined
    ```

    ## How to fix

    Set `securityContext.seccompProfile.type: RuntimeDefault` at pod level (or `Localhost` with a
    profile of your own), or turn on the kubelet's `--seccomp-default` for the whole cluster.

    ## Tuning

    `rules.k8s-seccomp-profile-missing.paths` limits the manifests checked; disable the rule where
    the kubelet applies `RuntimeDefault` to every pod.

    ## References

    - CWE-250: Execution with Unnecessary Privileges
    - Kubernetes Docs: "Restrict a Container's Syscalls with seccomp"
    - CIS Kubernetes Benchmark 5.7.2: ensure that the seccomp profile is set to RuntimeDefault
    """

    meta = RuleMeta(
        id="k8s-seccomp-profile-missing",
        family=Family.DRIFT,
        summary="A container runs without a seccomp profile",
        severity=Severity.INFO,
        cwe=(250,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        return workload_findings(self, ctx, _sites)


def _sites(workloads: Iterable[Workload]) -> Iterator[Site]:
    for workload in workloads:
        annotations = _annotations(workload)
        pod = _profile(workload.pod_spec.get("securityContext"))
        for container in workload.judged_containers():
            own = _profile(container.security_context)
            profile = own if own is not None else pod
            if profile is None:
                profile = _annotated(annotations, container.name)
            if profile == "unconfined":
                yield Site(
                    (*container.key, "unconfined"),
                    container.node.line,
                    f"{container.label} runs with seccomp `Unconfined`: every system call is allowed",
                    Severity.MEDIUM,
                    0.8,
                )
            elif profile is None:
                yield Site(
                    (*container.key, "no profile"),
                    container.node.line,
                    f"{container.label} sets no seccomp profile (`seccompProfile.type: RuntimeDefault`)",
                    Severity.INFO,
                    0.5,
                )


def _profile(context: YNode | None) -> str | None:
    """`unconfined`, `confined`, or None when the context names no profile (or one this rule cannot
    read, which counts as named)."""
    if context is None or not context.is_map:
        return None
    profile = context.get("seccompProfile")
    if profile is None:
        return None
    kind = profile.scalar("type") if profile.is_map else None
    if kind is None:
        return "confined"  # written as something this rule cannot read
    return "unconfined" if kind.lower() == "unconfined" else "confined"


def _annotations(workload: Workload) -> dict[str, str]:
    found: dict[str, str] = {}
    for metadata in (workload.document.get("metadata"), _template_metadata(workload)):
        annotations = metadata.get("annotations") if metadata is not None and metadata.is_map else None
        if annotations is None or not annotations.is_map:
            continue
        for key, _line, value in annotations.pairs:
            if value.kind == "scalar":
                found[key] = value.text
    return found


def _template_metadata(workload: Workload) -> YNode | None:
    """The `metadata` beside the pod spec (the pod template's, or the Pod's own)."""
    spec = workload.document.get("spec")
    template = spec.get("template") if spec is not None and spec.is_map else None
    if template is None and spec is not None and spec.is_map and spec.has("jobTemplate"):
        template = spec.path("jobTemplate", "spec", "template")
    return template.get("metadata") if template is not None and template.is_map else None


def _annotated(annotations: dict[str, str], container: str) -> str | None:
    value = annotations.get(f"{_CONTAINER_ANNOTATION}{container}") or annotations.get(_POD_ANNOTATION)
    if value is None:
        return None
    return "unconfined" if value == "unconfined" else "confined"
