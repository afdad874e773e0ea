"""code-insecure-temp-file: a temporary file name chosen before the file exists."""

from __future__ import annotations

from typing import ClassVar

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow_rule import FlowRule


class CodeInsecureTempFile(FlowRule):
    """A temporary file name chosen before the file is created.

    ## What it flags

    `tempfile.mktemp()`, `os.tempnam()` and `os.tmpnam()` (C's `tmpnam`, `tempnam`, `mktemp`): functions
    that return a free name and leave creating the file to the caller. In Go, a path made from `os.TempDir()` and a name known in advance
    (`filepath.Join(os.TempDir(), "app.lock")`) given to `os.Create` or `os.WriteFile`, which follow a
    planted symbolic link and do not fail when the file exists.

    ## Why it is risky

    Between choosing the name and opening it, another local user can create the file or a symbolic link
    with that name: the program then writes into a file the attacker controls (insecure temporary file,
    a time-of-check to time-of-use race).

    ## Example

    ```diff
    +path = tempfile.mktemp(suffix=".csv")
    ```

    ## How to fix

    Create the file and get its name in one step: `tempfile.NamedTemporaryFile`, `tempfile.mkstemp`, or
    `tempfile.TemporaryDirectory` for a private folder; in Go, `os.CreateTemp` and `os.MkdirTemp`.

    ## Tuning

    Reported at confidence 0.9. Go's `os.OpenFile` is not read (whether its flags hold `O_EXCL` is
    not followed). Test files are skipped.

    ## References

    - CWE-377: Insecure Temporary File
    """

    meta = RuleMeta(
        id="code-insecure-temp-file",
        family=Family.CODE,
        summary="Temporary file name chosen before the file exists",
        severity=Severity.MEDIUM,
        cwe=(377,),
        languages=("python", "go", "c", "cpp"),
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"temp-file"})
    counted: ClassVar[frozenset[str]] = frozenset({"tempdir"})  # Go: a path in `os.TempDir()`
