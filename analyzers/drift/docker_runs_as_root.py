"""docker-runs-as-root: the image's final stage runs as root."""

from __future__ import annotations

from collections.abc import Iterable

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.dockerfile import Instruction, Stage, stages
from analyzers.contract.model import ChangeContext, ChangedFile
from analyzers.drift.common import dockerfiles, nearest_head_line

_ROOT = frozenset({"root", "0"})


class DockerRunsAsRoot(Analyzer):
    """The final stage of a Dockerfile has no `USER`, or sets `USER root` / `USER 0`.

    ## What it flags

    The last `FROM` stage (the one that becomes the image) when it has no `USER` instruction, or
    when its last `USER` is `root` or `0` (with or without a group), in a Dockerfile the change adds
    or in one whose base version ran as another user: the state of the image is compared, not the
    lines, so a base image or digest bump of an image that already ran as root is not reported.
    Earlier build stages may run as root. Base images that run as non-root by name (`…:nonroot`,
    `…-nonroot`) are not reported. When the pull request removes the `USER` line of the base
    version, the finding is placed on the nearest line.

    ## Why it is risky

    A process running as root in a container is one kernel or runtime bug, or one mounted socket,
    away from root on the host, and it can rewrite everything inside the container.

    ## Example

    ```diff
     FROM python:3.12-slim
     COPY . /app
    -USER 10001
     CMD ["python", "/app/main.py"]
    ```

    ## How to fix

    Create an unprivileged user and switch to it at the end of the final stage:
    `RUN useradd --uid 10001 app` then `USER 10001`.

    ## Tuning

    `rules.docker-runs-as-root.paths` limits the Dockerfiles checked; disable the rule for images
    that must start as root and drop privileges themselves.

    ## References

    - CWE-250: Execution with Unnecessary Privileges
    - CIS Docker Benchmark 4.1: create a user for the container
    """

    meta = RuleMeta(
        id="docker-runs-as-root",
        family=Family.DRIFT,
        summary="The image's final stage runs as root",
        severity=Severity.MEDIUM,
        cwe=(250,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        for file in dockerfiles(ctx):
            found = stages(file.head_text or "")
            if not found or not _runs_as_root(found[-1]) or _base_ran_as_root(file):
                continue
            final = found[-1]
            user = _last_user(final)
            if user is not None and user.args.split(":", 1)[0].strip() in _ROOT:
                yield self.finding(
                    file,
                    user.line,
                    "the final stage switches to root",
                    confidence=0.9,
                    evidence=file.line(user.line).strip(),
                )
            elif user is None:
                yield self._no_user(file, final)

    def _no_user(self, file: ChangedFile, final: Stage) -> Finding:
        base_user = _base_user(file)
        if base_user is not None:
            line = nearest_head_line(file, base_user.line)
            return self.finding(
                file,
                line,
                f"`USER {base_user.args}` was removed: the image now runs as root",
                confidence=0.9,
                about_change=True,
                evidence=file.line(line).strip(),
            )
        return self.finding(
            file,
            final.from_line,
            "the final stage sets no `USER`: the image runs as root",
            confidence=0.8,
            evidence=file.line(final.from_line).strip(),
        )


def _runs_as_root(stage: Stage) -> bool:
    if _nonroot_image(stage):
        return False
    user = _last_user(stage)
    return user is None or user.args.split(":", 1)[0].strip() in _ROOT


def _base_ran_as_root(file: ChangedFile) -> bool:
    """The base version's image already ran as root: the change did not make it worse."""
    found = stages(file.base_text) if file.base_text is not None else []
    return bool(found) and _runs_as_root(found[-1])


def _last_user(stage: Stage) -> Instruction | None:
    users = [i for i in stage.instructions if i.keyword == "USER"]
    return users[-1] if users else None


def _nonroot_image(stage: Stage) -> bool:
    return stage.image is not None and "nonroot" in stage.image.text.lower()


def _base_user(file: ChangedFile) -> Instruction | None:
    if file.base_text is None:
        return None
    found = stages(file.base_text)
    user = _last_user(found[-1]) if found else None
    if user is None or user.args.split(":", 1)[0].strip() in _ROOT:
        return None
    return user
