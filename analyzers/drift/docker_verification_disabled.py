"""docker-verification-disabled: TLS or signature checks turned off in a Dockerfile."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.dockerfile import stages
from analyzers.config.shell import commands
from analyzers.contract.model import ChangeContext
from analyzers.drift.common import dockerfiles

# program -> flags that turn verification off
_FLAGS: dict[str, tuple[str, ...]] = {
    "curl": ("-k", "--insecure"),
    "wget": ("--no-check-certificate",),
    "pip": ("--trusted-host",),
    "pip3": ("--trusted-host",),
    "apt-get": ("--allow-unauthenticated", "--allow-insecure-repositories", "--no-check-gpg", "--force-yes"),
    "apt": ("--allow-unauthenticated", "--allow-insecure-repositories", "--force-yes"),
    "yum": ("--nogpgcheck",),
    "dnf": ("--nogpgcheck",),
    "microdnf": ("--nogpgcheck",),
    "zypper": ("--no-gpg-checks",),
    "rpm": ("--nosignature", "--nodigest"),
    "apk": ("--allow-untrusted",),
    "npm": ("--strict-ssl=false",),
    "gem": ("--no-verify",),
}
_SETTINGS = re.compile(
    r"strict-ssl(?:\s*=\s*|\s+)false|sslVerify(?:\s*=\s*|\s+)false|GIT_SSL_NO_VERIFY=\S+|"
    r"NODE_TLS_REJECT_UNAUTHORIZED=['\"]?0|PIP_TRUSTED_HOST=|check_certificate\s*=\s*off|"
    r"AllowUnauthenticated\s+\"?true|gpgcheck=0|insecure\s*=\s*true|PYTHONHTTPSVERIFY=['\"]?0",
    re.IGNORECASE,
)


class DockerVerificationDisabled(Analyzer):
    """A Dockerfile turns off TLS certificate or package signature verification.

    ## What it flags

    In `RUN`, `ENV` and `ARG` instructions: `curl -k`/`--insecure`, `wget --no-check-certificate`,
    `pip install --trusted-host`, `npm config set strict-ssl false`, `git config
    http.sslVerify false`, `GIT_SSL_NO_VERIFY`, `NODE_TLS_REJECT_UNAUTHORIZED=0`, `apt-get
    --allow-unauthenticated` and `--force-yes`, `yum`/`dnf --nogpgcheck`, `gpgcheck=0`,
    `apk --allow-untrusted`, `rpm --nosignature`. Commands are read with the bash grammar, so `-fsSLk` counts as `-k`.

    ## Why it is risky

    Without certificate checks anyone on the network path can replace what is downloaded; without
    signature checks a tampered package installs silently. Either way the image ships code nobody
    verified, usually as root.

    ## Example

    ```diff
    -RUN curl -fsSLo tool.tgz https://example.com/tool.tgz
    +RUN curl -fsSLko tool.tgz https://example.com/tool.tgz
    ```

    ## How to fix

    Keep verification on. For an internal certificate authority, add its certificate to the image's
    trust store (`COPY ca.crt /usr/local/share/ca-certificates/ && update-ca-certificates`) rather
    than disabling checks; import the repository's signing key rather than skipping signatures.

    ## Tuning

    `rules.docker-verification-disabled.paths` limits the Dockerfiles checked.

    ## References

    - CWE-295: Improper Certificate Validation
    - CWE-347: Improper Verification of Cryptographic Signature
    """

    meta = RuleMeta(
        id="docker-verification-disabled",
        family=Family.DRIFT,
        summary="A Dockerfile turns off TLS or package signature verification",
        severity=Severity.HIGH,
        cwe=(295, 347),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        for file in dockerfiles(ctx):
            flagged: set[int] = set()
            for stage in stages(file.head_text or ""):
                for instruction in stage.instructions:
                    hits: list[tuple[int, str]] = []
                    if instruction.shell is not None:
                        hits.extend(_shell_hits(instruction.shell))
                    if instruction.keyword in {"RUN", "ENV", "ARG"}:
                        for offset, text in enumerate(instruction.args.split("\n")):
                            match = _SETTINGS.search(text)
                            if match is not None:
                                hits.append((offset, f"`{match.group(0).strip()}`"))
                    for row, what in hits:
                        line = instruction.line + row
                        if line not in flagged:
                            flagged.add(line)
                            yield self.finding(
                                file,
                                line,
                                f"{what} turns verification off",
                                confidence=0.9,
                                evidence=file.line(line).strip(),
                            )


def _shell_hits(script: str) -> Iterator[tuple[int, str]]:
    for command in commands(script):
        for flag in _FLAGS.get(command.name, ()):
            word = command.has_flag(flag)
            if word is not None:
                yield word.row, f"`{command.name} {flag}`"
                break
