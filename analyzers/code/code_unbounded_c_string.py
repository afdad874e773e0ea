"""code-unbounded-c-string: C string functions that write without a bound."""

from __future__ import annotations

import re
from typing import ClassVar

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow import FlowIndex, Origin
from analyzers.code.pattern import QueryRule, capture_text
from analyzers.query import Captures

_UNBOUNDED_CONVERSION = re.compile(r"%[-+ #0]*(?:l|h|hh|ll)?(?:s|\[)")  # %s or %[ with no width


class CodeUnboundedCString(QueryRule):
    """C string functions that write without a bound.

    ## What it flags

    In C and C++: `strcpy`/`strcat` (and wide and Windows variants) from a non-constant source, `gets`,
    `sprintf`/`vsprintf` with a `%s` conversion or a non-literal format, and `scanf`/`fscanf`/`sscanf`
    with `%s` or `%[` without a field width.

    ## Why it is risky

    None of these knows the size of the destination. Input longer than the buffer overwrites the stack or
    heap next to it (buffer overflow), the classic way to crash a program or take it over.

    ## Example

    ```diff
    +strcpy(name, argv[1]);
    ```

    ## How to fix

    Use bounded forms and check for truncation: `snprintf(buf, sizeof buf, ...)`, `strlcpy`/`strlcat`
    (or `strncpy` plus explicit termination), `fgets(buf, sizeof buf, stdin)`, `scanf("%63s", buf)`; in C++
    prefer `std::string`.

    ## Tuning

    A copy from a string literal is not reported (its length is known). `gets` and unbounded `scanf`
    conversions score 0.9; copies and `sprintf` of values of unknown length 0.6. Test files are skipped.

    ## References

    - CWE-120: Buffer Copy without Checking Size of Input
    - CWE-676: Use of Potentially Dangerous Function
    """

    meta = RuleMeta(
        id="code-unbounded-c-string",
        family=Family.CODE,
        summary="Unbounded C string function",
        severity=Severity.MEDIUM,
        cwe=(120, 676),
        languages=("c", "cpp"),
    )
    marker_confidence: ClassVar[dict[str, float]] = {"format": 0.6}
    lower_unknown: ClassVar[bool] = False
    messages: ClassVar[dict[str, str]] = {
        "copy": "String copied without a bound on the destination",
        "gets": "gets() reads a line of any length into a fixed buffer",
        "format": "sprintf() writes a string of unbounded length",
        "scan": "scanf-family %s conversion without a field width",
    }

    def accept(self, captures: Captures, flow: FlowIndex) -> bool:
        if "format" not in captures and "scan" not in captures:
            return True
        fmt = captures["_fmt"][0]
        if fmt.type not in {"string_literal", "concatenated_string"}:
            return "format" in captures and flow.origin(fmt) is not Origin.CONSTANT
        return bool(_UNBOUNDED_CONVERSION.search(capture_text(captures, "_fmt")))
