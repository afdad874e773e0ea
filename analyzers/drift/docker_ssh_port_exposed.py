"""docker-ssh-port-exposed: an image exposes the SSH port."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.dockerfile import stages
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site, dockerfile_findings

_SSH = 22


class DockerSshPortExposed(Analyzer):
    """A Dockerfile `EXPOSE`s port 22: the image runs an SSH server.

    ## What it flags

    `EXPOSE` instructions that name port 22 (`22`, `22/tcp`, or a range that holds it), when the
    change adds them. Ports given by a variable (`EXPOSE $PORT`) are not judged.

    ## Why it is risky

    An SSH daemon in a container is a second way in beside the service: it needs host keys and
    credentials baked into the image or mounted into it, it is rarely patched with the
    application, and it lets anyone holding a key or guessing a password into the container's
    network and secrets. Containers are entered with `docker exec` or `kubectl exec`, which the
    platform authenticates and audits.

    ## Example

    ```diff
     FROM ubuntu:24.04
    -RUN apt-get update && apt-get install -y --no-install-recommends nginx
    -EXPOSE 80
    +RUN apt-get update && apt-get install -y --no-install-recommends nginx openssh-server
    +EXPOSE 80 22
    ```

    ## How to fix

    Remove the SSH server and the `EXPOSE 22`; debug with `docker exec` / `kubectl exec` or an
    ephemeral debug container. A bastion or Git server image that must serve SSH belongs under
    `rules.docker-ssh-port-exposed.paths` exclusions.

    ## Tuning

    `rules.docker-ssh-port-exposed.paths` limits the Dockerfiles checked.

    ## References

    - CWE-284: Improper Access Control (a second, unaudited way into the container)
    - CIS Docker Benchmark 5.6: do not run ssh within containers
    """

    meta = RuleMeta(
        id="docker-ssh-port-exposed",
        family=Family.DRIFT,
        summary="A Dockerfile exposes the SSH port",
        severity=Severity.MEDIUM,
        cwe=(284,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        return dockerfile_findings(self, ctx, _sites)


def _sites(text: str | None) -> Iterator[Site]:
    for index, stage in enumerate(stages(text) if text is not None else ()):
        for instruction in stage.instructions:
            if instruction.keyword != "EXPOSE":
                continue
            for word in instruction.args.replace("\\", " ").split():
                if _holds_ssh(word):
                    message = f"`EXPOSE {word}` publishes the SSH port: the image runs an SSH server"
                    yield Site((str(index), word), instruction.line, message, Severity.MEDIUM, 0.7)


def _holds_ssh(word: str) -> bool:
    port, _, protocol = word.partition("/")
    if protocol and protocol.lower() != "tcp":
        return False
    low, _, high = port.partition("-")
    if not low.isdigit() or (high and not high.isdigit()):
        return False
    return int(low) <= _SSH <= int(high or low)
