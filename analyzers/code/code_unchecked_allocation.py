"""code-unchecked-allocation: an allocation's result used before it was checked for NULL."""

from __future__ import annotations

from typing import ClassVar

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow_rule import FlowRule


class CodeUncheckedAllocation(FlowRule):
    """An allocation's result used before it was checked for NULL.

    ## What it flags

    In C and C++, within one function: the result of `malloc`, `calloc`, `realloc`, `strdup` (and
    their kin) dereferenced (`p->len = 0`, `*p = 0`, `p[0] = 0`) or given to a call that writes or
    reads through it (`memcpy(p, ...)`, `strcpy(p, ...)`, `memset(p, ...)`) on a path where nothing
    checked it. A check is a branch that leaves on NULL (`if (!p) return -1;`, `if (p == NULL) goto
    fail;`), a dereference guarded by the test itself (`if (p) p->len = 0;`, `p && p->len`), or an
    assertion (`assert(p != NULL)`). Wrappers that abort when memory runs out (`xmalloc`, `zmalloc`,
    `g_malloc`) are not flagged: their results are never NULL.

    ## Why it is risky

    Allocations fail: under memory pressure, with a size an attacker inflated, or under a limit set
    on the process. Writing through the NULL result crashes the program (a denial of service), and
    with a large offset (`p[n]` where `n` is big) writes to memory that is mapped, which can be
    exploited.

    ## Example

    ```diff
    +char *copy = malloc(len + 1);
    +memcpy(copy, name, len);
    ```

    ## How to fix

    Check the result before the first use and fail cleanly: `if (copy == NULL) return -1;`, or use
    the project's allocation wrapper that aborts on failure.

    ## Tuning

    Reported at 0.7, severity medium. Only the function that allocates is read: a result returned to
    the caller or stored in a structure is not followed. A check in a condition that mixes other
    tests (`if (p == NULL || n == 0) return;`) counts. Test files are skipped.

    ## References

    - CWE-476: NULL Pointer Dereference
    - CWE-690: Unchecked Return Value to NULL Pointer Dereference
    """

    meta = RuleMeta(
        id="code-unchecked-allocation",
        family=Family.CODE,
        summary="Allocation result used before a NULL check",
        severity=Severity.MEDIUM,
        cwe=(476, 690),
        languages=("c", "cpp"),
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"null-dereference"})
    literal_confidence: ClassVar[float] = 0.7
