"""docker-secret-in-env: a credential passes through `ENV` or `ARG` and stays in the image."""

from __future__ import annotations

import hashlib
import shlex
from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.dockerfile import Instruction, stages
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site, dockerfile_findings
from analyzers.secrets.credentials import is_credential_name, is_secret_value, redact

_MAX_WORDS = 200


class DockerSecretInEnv(Analyzer):
    """A credential is set with `ENV` or `ARG` in a Dockerfile.

    ## What it flags

    `ENV` and `ARG` instructions whose name looks like a credential (`DB_PASSWORD`, `NPM_TOKEN`,
    `AWS_SECRET_ACCESS_KEY`, `API_KEY`):

    - **high** when the value is a literal that is not a placeholder (in any stage): the secret is
      in the repository and in the image;
    - **medium** in the final stage when the value comes from elsewhere (`ARG NPM_TOKEN`,
      `ENV TOKEN=$NPM_TOKEN`): build arguments are recorded in the image history and `ENV` values
      in the image configuration.

    The finding shows the name, never the value. Names such as `PASSWORD_FILE` or `TOKEN_URL` are
    not credentials.

    ## Why it is risky

    Anyone who can pull the image reads its environment (`docker inspect`) and the build arguments
    of its layers (`docker history`); both outlive the build and every registry copy keeps them.

    ## Example

    ```diff
     FROM node:20-slim
    -RUN --mount=type=secret,id=npm,env=NPM_TOKEN npm ci
    +ARG NPM_TOKEN
    +RUN npm ci
    ```

    ## How to fix

    Pass build secrets with BuildKit secret mounts (`RUN --mount=type=secret,id=npm ...`) and
    runtime secrets through the orchestrator (Kubernetes Secrets, a secret store), never `ENV`.

    ## Tuning

    `rules.docker-secret-in-env.paths` limits the Dockerfiles checked.

    ## References

    - CWE-798: Use of Hard-coded Credentials
    - CWE-538: Insertion of Sensitive Information into Externally-Accessible File or Directory
    - Docker Docs: build checks, "SecretsUsedInArgOrEnv"; "Build secrets"
    """

    meta = RuleMeta(
        id="docker-secret-in-env",
        family=Family.DRIFT,
        summary="A credential is set with ENV or ARG in a Dockerfile",
        severity=Severity.HIGH,
        cwe=(798, 538),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        return dockerfile_findings(self, ctx, _sites)


def _sites(text: str | None) -> Iterator[Site]:
    if text is None:
        return
    found = stages(text)
    for index, stage in enumerate(found):
        final = index == len(found) - 1
        for instruction in stage.instructions:
            if instruction.keyword not in {"ENV", "ARG"}:
                continue
            for line, name, value in assignments(instruction):
                if not is_credential_name(name):
                    continue
                literal = value is not None and "$" not in value and is_secret_value(name, value)
                if literal:
                    assert value is not None
                    shown = f"{instruction.keyword} {name}={redact(value)}"
                    digest = hashlib.sha256(value.encode("utf-8", "replace")).hexdigest()[:16]
                    message = f"`{instruction.keyword} {name}` holds a literal secret ({redact(value)})"
                    yield Site((name, "literal", digest), line, message, Severity.HIGH, 0.85, evidence=shown)
                elif final and (value is None or "$" in value):
                    shown = f"{instruction.keyword} {name}"
                    message = f"`{instruction.keyword} {name}` passes a secret that stays in the image's " + (
                        "history" if instruction.keyword == "ARG" else "configuration"
                    )
                    yield Site(
                        (name, instruction.keyword), line, message, Severity.MEDIUM, 0.6, evidence=shown
                    )


def assignments(instruction: Instruction) -> Iterator[tuple[int, str, str | None]]:
    """(line, name, value or None) of each variable an `ENV` or `ARG` sets, values unquoted."""
    for offset, raw in enumerate(instruction.args.split("\n")):
        text = raw.rstrip().removesuffix("\\").strip()
        if not text or text.startswith("#"):
            continue
        words = _words(text)[:_MAX_WORDS]
        line = instruction.line + offset
        if instruction.keyword == "ENV" and offset == 0 and words and "=" not in words[0]:
            yield line, words[0], " ".join(words[1:]) or None  # legacy `ENV NAME value`
            continue
        for word in words:
            name, sep, value = word.partition("=")
            if name:
                yield line, name, value if sep else None


def _words(text: str) -> list[str]:
    try:
        return shlex.split(text, posix=True)
    except ValueError:
        return text.split()
