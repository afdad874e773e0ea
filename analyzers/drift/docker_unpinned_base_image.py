"""docker-unpinned-base-image: a `FROM` image that can change under the same name."""

from __future__ import annotations

from collections.abc import Iterable

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.dockerfile import ImageRef, stages
from analyzers.contract.model import ChangeContext
from analyzers.contract.policy import RepoPolicy
from analyzers.drift.common import dockerfiles, policy_of


class DockerUnpinnedBaseImage(Analyzer):
    """A `FROM` image is not pinned: `latest`, no tag, no digest where required, or a foreign registry.

    ## What it flags

    `FROM` lines whose image has no tag or the tag `latest`; when the policy sets
    `containers.require_digest: true`, any image without an `@sha256:` digest; when the policy
    lists `containers.allowed_registries`, any image from another registry (images without a
    registry host come from `docker.io`). `scratch`, earlier build stages and images named by a
    build argument (`FROM ${BASE}`) are not reported.

    ## Why it is risky

    A tag is a pointer the image's publisher (or whoever compromises them) can move: the next build
    silently takes different software, which makes builds unreproducible and lets a poisoned image
    in. `latest` moves on every release. Images from unvetted registries escape the organisation's
    scanning and mirroring.

    ## Example

    ```diff
    -FROM python:3.12.4-slim@sha256:<digest>
    +FROM python:latest
    ```

    ## How to fix

    Use a specific version tag and, where the policy requires it, its digest
    (`FROM python:3.12.4-slim@sha256:…`); let Dependabot or Renovate update digests.

    ## Tuning

    `containers.require_digest` and `containers.allowed_registries` in `.github/bulwark.yml`;
    `rules.docker-unpinned-base-image.paths` limits the Dockerfiles checked.

    ## References

    - CWE-829: Inclusion of Functionality from Untrusted Control Sphere
    - Docker Docs: "Building best practices" (pin base image versions)
    - CIS Docker Benchmark 4.2: use trusted base images
    """

    meta = RuleMeta(
        id="docker-unpinned-base-image",
        family=Family.DRIFT,
        summary="A Dockerfile base image is not pinned or comes from a registry the policy does not allow",
        severity=Severity.MEDIUM,
        cwe=(829,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        policy = policy_of(ctx)
        for file in dockerfiles(ctx):
            aliases: set[str] = set()
            for stage in stages(file.head_text or ""):
                image = stage.image
                if image is not None and image.name.lower() not in aliases:
                    reason = unpinned_reason(image, policy)
                    if reason is not None:
                        yield self.finding(
                            file,
                            stage.from_line,
                            f"base image `{image.text}` {reason}",
                            confidence=0.9,
                            evidence=file.line(stage.from_line).strip(),
                        )
                if stage.alias:
                    aliases.add(stage.alias.lower())


def unpinned_reason(image: ImageRef, policy: RepoPolicy) -> str | None:
    if image.name.lower() == "scratch" or "$" in image.text:
        return None
    allowed = policy.containers.allowed_registries
    if allowed and image.registry not in allowed:
        return f"comes from `{image.registry}`, not an allowed registry ({', '.join(allowed)})"
    if image.digest:
        return None
    if policy.containers.require_digest:
        return "has no `@sha256:` digest, which the policy requires"
    if image.tag is None:
        return "has no tag and follows `latest`"
    if image.tag.lower() == "latest":
        return "uses the moving tag `latest`"
    return None
