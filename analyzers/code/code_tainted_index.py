"""code-tainted-index: an array indexed with a number taken from input, unchecked."""

from __future__ import annotations

from typing import ClassVar

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow_rule import FlowRule


class CodeTaintedIndex(FlowRule):
    """An array indexed with a number taken from input, unchecked.

    ## What it flags

    In C and C++: a subscript `table[i]` read or written where `i` comes from input (`atoi(argv[1])`, a
    value read with `scanf`, `read` or `recv`) and no comparison bounds it first.

    ## Why it is risky

    C does not check indices. A negative or too large index reads memory outside the array (leaking
    secrets, crashing) or, when written, corrupts it.

    ## Example

    ```diff
    +int i = atoi(argv[1]);
    +puts(names[i]);
    ```

    ## How to fix

    Check the index against both ends before use (`if (i < 0 || i >= COUNT) return -1;`), or use an
    unsigned index checked against the size; in C++ `std::vector::at` throws instead of reading past the
    end.

    ## Tuning

    Data from the network is reported at 0.95; from the command line, the environment or a file at 0.7
    with the severity one step lower. Any ordering comparison of the index clears it (the check is taken
    at its word); a constant index is never reported. Test files are skipped.

    ## References

    - CWE-125: Out-of-bounds Read
    - CWE-787: Out-of-bounds Write
    """

    meta = RuleMeta(
        id="code-tainted-index",
        family=Family.CODE,
        summary="Array index taken from input",
        severity=Severity.HIGH,
        cwe=(125, 787),
        languages=("c", "cpp"),
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"index"})
