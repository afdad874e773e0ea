"""docker-add-from-url: `ADD` fetches a remote file into the image without checking it."""

from __future__ import annotations

import json
import shlex
from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.dockerfile import Instruction, stages
from analyzers.contract.model import ChangeContext
from analyzers.drift.changes import Site, dockerfile_findings

_REMOTE = ("http://", "https://", "git@", "ssh://", "git://")


class DockerAddFromUrl(Analyzer):
    """An `ADD` instruction downloads a URL or a git repository without `--checksum`.

    ## What it flags

    `ADD` instructions with a source that is a URL (`http://`, `https://`) or a git remote
    (`git@…`, `ssh://`, `git://`), in any stage, unless `ADD --checksum=sha256:…` pins the content
    (for a git source, a full commit in the URL's fragment also counts). `ADD` of local files and
    archives is not reported. Plain `http://` is high: the download is not even authenticated.
    Only what the change makes worse: a new unchecked download from a host the image did not
    already fetch from that way; a version bump in the URL of an existing one is not reported.

    ## Why it is risky

    `ADD` takes whatever the server returns at build time, with no integrity check, into the image
    (usually as root): a compromised host, a moved release asset or an attacker on the path puts
    code in the image, and two builds of one commit may differ.

    ## Example

    ```diff
    -COPY vendor/tool-1.4.2.tar.gz /opt/
    +ADD https://example.com/tool/latest.tar.gz /opt/
    ```

    ## How to fix

    Add `--checksum=sha256:<digest>` (Dockerfile syntax 1.6+), or download in a `RUN` step that
    verifies a checksum or signature (`curl -fsSLO … && sha256sum -c`); vendor the file and `COPY`
    it when possible.

    ## Tuning

    `rules.docker-add-from-url.paths` limits the Dockerfiles checked.

    ## References

    - CWE-494: Download of Code Without Integrity Check
    - Docker Docs: "Dockerfile reference" (`ADD --checksum`); "Building best practices" (ADD or COPY)
    """

    meta = RuleMeta(
        id="docker-add-from-url",
        family=Family.DRIFT,
        summary="ADD downloads a URL into the image without a checksum",
        severity=Severity.MEDIUM,
        cwe=(494,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        return dockerfile_findings(self, ctx, _sites)


def _sites(text: str | None) -> Iterator[Site]:
    if text is None:
        return
    for stage in stages(text):
        for instruction in stage.instructions:
            if instruction.keyword != "ADD":
                continue
            flags, sources = split_add(instruction)
            if any(flag.startswith("--checksum=") for flag in flags):
                continue
            for source in sources:
                if not source.lower().startswith(_REMOTE) or _git_commit_pinned(source):
                    continue
                plain = source.lower().startswith(("http://", "git://"))
                yield Site(
                    (_origin(source), "plain" if plain else "tls"),  # a version bump in the path is not new
                    instruction.line,
                    f"`ADD {source}` downloads into the image without a checksum"
                    + (" over plain HTTP" if plain else ""),
                    Severity.HIGH if plain else Severity.MEDIUM,
                    0.85,
                )


def _origin(source: str) -> str:
    """Where a remote source comes from: its scheme and host (`git@host:` for scp-style remotes)."""
    lowered = source.lower()
    parts = urlsplit(lowered)
    if parts.scheme and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return lowered.partition(":")[0]


def split_add(instruction: Instruction) -> tuple[list[str], list[str]]:
    """(flags, sources) of an `ADD`, in shell or JSON form; the destination is dropped."""
    text = " ".join(part.rstrip().removesuffix("\\") for part in instruction.args.split("\n"))
    words: list[str]
    flags = []
    while text.lstrip().startswith("--"):
        flag, _, text = text.lstrip().partition(" ")
        flags.append(flag)
    text = text.strip()
    if text.startswith("["):
        try:
            loaded = json.loads(text)
        except ValueError:
            loaded = None
        words = [str(word) for word in loaded] if isinstance(loaded, list) else text.split()
    else:
        try:
            words = shlex.split(text, posix=True)
        except ValueError:
            words = text.split()
    return flags, words[:-1]


def _git_commit_pinned(source: str) -> bool:
    _url, _, fragment = source.partition("#")
    ref = fragment.split(":", 1)[0]
    return len(ref) == 40 and all(c in "0123456789abcdef" for c in ref.lower())
