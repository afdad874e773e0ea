"""k8s-unpinned-image: a container image follows `latest` or has no tag."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.dockerfile import parse_image
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site, site_findings
from analyzers.drift.kustomizations import pinned_images
from analyzers.drift.workloads import Workload, manifest_pairs


class K8sUnpinnedImage(Analyzer):
    """A Kubernetes container's `image` has no tag, or the moving tag `latest`, and no digest.

    ## What it flags

    `image:` values of containers (and init containers) of Kubernetes workloads with no tag or the
    tag `latest` and no `@sha256:` digest, when the change adds them or moves an image to them.
    Images built from templates or variables (`{{ .Values.image }}`, `${IMAGE}`) are not judged, nor
    images that the `kustomization.yaml` beside the manifest pins (`images:` with a `newTag` other
    than `latest`, or a `digest`).

    ## Why it is risky

    A tag is a pointer its publisher (or whoever compromises them) can move; `latest` moves on
    every release. Each node pulls whatever the tag names when it starts the pod, so one
    deployment runs different software on different nodes, rollbacks do not roll back, and a
    poisoned image reaches production without any change in the repository.

    ## Example

    ```diff
           containers:
             - name: web
    -          image: ghcr.io/acme/web:1.4.2
    +          image: ghcr.io/acme/web:latest
    ```

    ## How to fix

    Name a specific version tag, better its digest (`ghcr.io/acme/web:1.4.2@sha256:…`), and let
    Renovate or Dependabot update it.

    ## Tuning

    `rules.k8s-unpinned-image.paths` limits the manifests checked.

    ## References

    - CWE-829: Inclusion of Functionality from Untrusted Control Sphere
    - Kubernetes Docs: "Images" (image names, tags and digests; avoid `:latest` in production)
    """

    meta = RuleMeta(
        id="k8s-unpinned-image",
        family=Family.DRIFT,
        summary="A Kubernetes container image follows latest or has no tag",
        severity=Severity.MEDIUM,
        cwe=(829,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        for file, head, base in manifest_pairs(ctx):
            head_sites = _sites(head, pinned_images(ctx, file.path, "head"))
            base_sites = _sites(base, pinned_images(ctx, file.path, "base"))
            yield from site_findings(self, file, head_sites, base_sites)


def _sites(workloads: Iterable[Workload], pinned: frozenset[str]) -> Iterator[Site]:
    for workload in workloads:
        for container in workload.containers():
            node = container.node.get("image")
            if node is None or node.kind != "scalar" or not node.text.strip():
                continue
            text = node.text.strip()
            if "$" in text or workload.lines_templated(node.line, node.end_line):
                continue
            image = parse_image(text)
            if image.digest or image.name in pinned:
                continue
            if image.tag is None:
                reason = "has no tag and follows `latest`"
            elif image.tag.lower() == "latest":
                reason = "uses the moving tag `latest`"
            else:
                continue
            yield Site(
                (*container.key, image.name, "unpinned"),
                node.line,
                f"image `{text}` of {container.label} {reason}",
                Severity.MEDIUM,
                0.8,
            )
