"""docker-pipe-to-shell: a Dockerfile runs a script straight from the network."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.config.dockerfile import stages
from analyzers.config.shell import commands, nested_commands, pipelines
from analyzers.contract.model import ChangeContext
from analyzers.drift.common import dockerfiles

FETCHERS = frozenset({"curl", "wget", "fetch", "http", "aria2c"})
INTERPRETERS = frozenset(
    {"sh", "bash", "zsh", "dash", "ash", "ksh", "python", "python2", "python3", "perl", "ruby"}
    | {"node", "php", "pwsh", "iex"}
)


class DockerPipeToShell(Analyzer):
    """A `RUN` instruction downloads a script and runs it unseen (`curl … | sh`).

    ## What it flags

    Shell-form `RUN` instructions and `RUN <<EOF` heredocs, read with the bash grammar, where a
    pipeline feeds `curl`, `wget` (or a similar downloader) into a shell or interpreter (`sh`,
    `bash`, `python`, `perl`, `node`, …, also behind `sudo`), and the forms `bash <(curl …)` and
    `sh -c "$(curl …)"`.

    ## Why it is risky

    Whatever the server returns at build time runs as root in the image, with no checksum and no
    record of what ran. A compromised or spoofed server, or a changed install script, becomes part
    of every image built afterwards.

    ## Example

    ```diff
    +RUN curl -fsSL https://example.com/install.sh | bash
    ```

    ## How to fix

    Download to a file, verify its checksum or signature, then run it:
    `curl -fsSLo install.sh URL && echo "<sha256>  install.sh" | sha256sum -c - && sh install.sh`,
    or install from the distribution's package manager.

    ## Tuning

    `rules.docker-pipe-to-shell.paths` limits the Dockerfiles checked.

    ## References

    - CWE-494: Download of Code Without Integrity Check
    - Hadolint DL4006 / Docker Docs: "Building best practices" (pipes in RUN)
    """

    meta = RuleMeta(
        id="docker-pipe-to-shell",
        family=Family.DRIFT,
        summary="A Dockerfile pipes a downloaded script into a shell",
        severity=Severity.HIGH,
        cwe=(494,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        for file in dockerfiles(ctx):
            for stage in stages(file.head_text or ""):
                for instruction in stage.instructions:
                    if instruction.shell is None:
                        continue
                    for row, fetcher, runner in piped_downloads(instruction.shell):
                        line = instruction.line + row
                        yield self.finding(
                            file,
                            line,
                            f"`{fetcher}` output is run by `{runner}` without any integrity check",
                            confidence=0.9,
                            evidence=file.line(line).strip(),
                        )


def piped_downloads(script: str) -> Iterator[tuple[int, str, str]]:
    """(0-based row, downloader, interpreter) of every download run as code in `script`."""
    seen: set[int] = set()
    for node, stages_ in pipelines(script):
        names = [command.name for command in stages_]
        fetch = next((n for n in names if n in FETCHERS), None)
        runner = next((n for n in names[1:] if n in INTERPRETERS), None)
        if fetch and runner and names.index(fetch) < names.index(runner):
            seen.add(node.start_point.row)
            yield node.start_point.row, fetch, runner
    for command in commands(script):
        if command.name not in INTERPRETERS or command.row in seen:
            continue
        for argument in command.node.children_by_field_name("argument"):
            inner = [c.name for c in nested_commands(argument) if c.name in FETCHERS]
            if inner and argument.type in {"process_substitution", "string", "command_substitution"}:
                seen.add(command.row)
                yield command.row, inner[0], command.name
                break
