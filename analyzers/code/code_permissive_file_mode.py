"""code-permissive-file-mode: a file made writable or readable by everyone."""

from __future__ import annotations

from typing import ClassVar

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow_rule import FlowRule


class CodePermissiveFileMode(FlowRule):
    """A file or folder given a mode that lets every user write (or read) it.

    ## What it flags

    `os.chmod`, `os.fchmod`, `Path.chmod` (Go's `os.Chmod`, C's `chmod`/`fchmod`) with a constant mode such as `0o777`,
    `0o776`, `0o666` or `0o757`: other users may write to the file; in Go also a file written
    executable and writable beyond its owner (`os.WriteFile(path, data, 0o777)`). A mode given when
    creating (`os.MkdirAll(dir, 0o777)`, a file written `0o666`) passes through the umask and is not
    reported.

    ## Why it is risky

    Any local account or compromised service can change a world-writable script, configuration or data
    file, and so what the program does with it (incorrect permission assignment).

    ## Example

    ```diff
    +os.chmod("/srv/app/run.sh", 0o777)
    ```

    ## How to fix

    Grant only what is needed: `0o755` for programs and folders, `0o644` or `0o600` for files.

    ## Tuning

    Only constant modes that let others write are reported (confidence 0.9). Test files are skipped.

    ## References

    - CWE-732: Incorrect Permission Assignment for Critical Resource
    """

    meta = RuleMeta(
        id="code-permissive-file-mode",
        family=Family.CODE,
        summary="File mode lets every user write",
        severity=Severity.MEDIUM,
        cwe=(732,),
        languages=("python", "go", "c", "cpp"),
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"file-mode"})
