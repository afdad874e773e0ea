"""docker-missing-healthcheck: a service image says nothing about how to tell it is healthy."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.dockerfile import Stage, stages
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site, dockerfile_findings


class DockerMissingHealthcheck(Analyzer):
    """The final stage of a service image (one that `EXPOSE`s a port) has no `HEALTHCHECK`.

    ## What it flags

    The last stage of a Dockerfile that exposes a port (`EXPOSE`) when neither it nor the stages it
    builds on (`FROM <earlier stage>`) has a `HEALTHCHECK` instruction, in a Dockerfile the change
    adds or when the change removes the check. `HEALTHCHECK NONE` is a deliberate choice and is
    fine; images without `EXPOSE` (tools, jobs, build images) are not reported. Low severity: an
    availability gap, and orchestrators such as Kubernetes use their own probes instead.

    ## Why it is risky

    Without a health check Docker and Swarm only see whether the process is running: a service that
    hangs, deadlocks or loses its backend keeps receiving traffic and is never restarted.

    ## Example

    ```diff
     FROM python:3.12-slim
     EXPOSE 8000
    -HEALTHCHECK CMD ["python", "-c", "import urllib.request as u; u.urlopen('http://localhost:8000/health')"]
     CMD ["gunicorn", "app:app"]
    ```

    ## How to fix

    Add `HEALTHCHECK --interval=30s CMD <a cheap probe of the service>` to the final stage, or
    `HEALTHCHECK NONE` when the image only runs under an orchestrator with its own probes.

    ## Tuning

    `rules.docker-missing-healthcheck.paths` limits the Dockerfiles checked; disable the rule when
    every image runs under Kubernetes probes.

    ## References

    - CWE-754: Improper Check for Unusual or Exceptional Conditions
    - Docker Docs: "Dockerfile reference" (`HEALTHCHECK`)
    - CIS Docker Benchmark 4.6: add a HEALTHCHECK instruction to the container image
    """

    meta = RuleMeta(
        id="docker-missing-healthcheck",
        family=Family.DRIFT,
        summary="A service image has no HEALTHCHECK",
        severity=Severity.LOW,
        cwe=(754,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        return dockerfile_findings(self, ctx, _sites)


def _sites(text: str | None) -> Iterator[Site]:
    found = stages(text) if text is not None else ()
    if not found:
        return
    chain = _chain(found)
    exposes = any(i.keyword == "EXPOSE" for stage in chain for i in stage.instructions)
    checked = any(i.keyword == "HEALTHCHECK" for stage in chain for i in stage.instructions)
    if exposes and not checked:
        final = found[-1]
        yield Site(("final", "no-healthcheck"), final.from_line, _MESSAGE, Severity.LOW, 0.5)


_MESSAGE = "the final stage exposes a port but defines no `HEALTHCHECK`"


def _chain(found: tuple[Stage, ...]) -> list[Stage]:
    """The final stage and the earlier stages it is built `FROM`, nearest first."""
    by_alias = {stage.alias.lower(): stage for stage in found if stage.alias}
    chain = [found[-1]]
    while len(chain) <= len(found):
        image = chain[-1].image
        parent = by_alias.get(image.name.lower()) if image is not None else None
        if parent is None or parent in chain:
            break
        chain.append(parent)
    return chain
