"""code-format-string: a printf-family format string taken from input."""

from __future__ import annotations

from typing import ClassVar

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow_rule import FlowRule


class CodeFormatString(FlowRule):
    """A printf-family format string taken from input.

    ## What it flags

    In C and C++: a format argument of `printf`, `fprintf`, `sprintf`, `snprintf`, `syslog`, `dprintf`,
    `vprintf` and their kin that holds data from the command line (`argv`), the environment (`getenv`),
    a file or standard input (`fgets`, `read`, `scanf`) or the network (`recv`). The data is followed
    through assignments, copies (`strcpy`, `sprintf` into a buffer) and the file's own functions.

    ## Why it is risky

    The format string decides how many arguments are read and where `%n` writes: input that holds
    `%x%x%s` leaks the stack, and `%n` writes to memory (uncontrolled format string).

    ## Example

    ```diff
    +fgets(line, sizeof line, stdin);
    +printf(line);
    ```

    ## How to fix

    Pass input as an argument of a constant format: `printf("%s", line)`, `syslog(LOG_INFO, "%s", msg)`.

    ## Tuning

    Data from the network is reported at 0.95; from the command line, the environment or a file at 0.7
    with the severity one step lower. A format of unknown origin (a parameter no caller was seen to
    fill) is not reported: C code passes formats through its own wrappers all the time. A number made
    with `atoi`/`strtol` is not text. Test files are skipped.

    ## References

    - CWE-134: Use of Externally-Controlled Format String
    """

    meta = RuleMeta(
        id="code-format-string",
        family=Family.CODE,
        summary="Format string taken from input",
        severity=Severity.HIGH,
        cwe=(134,),
        languages=("c", "cpp"),
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"format"})
