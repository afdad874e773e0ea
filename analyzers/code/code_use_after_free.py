"""code-use-after-free: memory used after the function freed it."""

from __future__ import annotations

from typing import ClassVar

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow_rule import FlowRule


class CodeUseAfterFree(FlowRule):
    """Memory used after the function freed it.

    ## What it flags

    In C and C++, within one function: a pointer given to `free` (or `delete`) and then dereferenced
    (`p->len = 0`, `*p`, `p[0]`) or passed to a call (`strcpy(p, ...)`, `printf("%s", p)`, `free(p)`
    again) before it is assigned anew (`p = NULL`, `p = malloc(n)`). Paths are followed: a `free` on
    a branch that returns does not count for the code after it, and one on a branch that goes on
    counts (the pointer may be freed).

    ## Why it is risky

    Freed memory goes back to the allocator and is soon handed out again. Reading it leaks whatever
    now lives there; writing it corrupts another object; freeing it twice corrupts the allocator. All
    three are classic ways to take over a program.

    ## Example

    ```diff
    +free(session->name);
    +log_event("closed", session->name);
    ```

    ## How to fix

    Use the memory before freeing it, and set the pointer to `NULL` right after `free` so a later use
    fails loudly; in C++ prefer `std::unique_ptr` and containers.

    ## Tuning

    Reported at 0.8. A dereference on the right of `&&` or `||` is not counted, a pointer stored
    through (`*out = p`) is not followed, and calls into the file's own functions are followed for
    data, not for this check. Test files are skipped.

    ## References

    - CWE-416: Use After Free
    - CWE-415: Double Free
    """

    meta = RuleMeta(
        id="code-use-after-free",
        family=Family.CODE,
        summary="Memory used after free",
        severity=Severity.HIGH,
        cwe=(416, 415),
        languages=("c", "cpp"),
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"use-after-free"})
    literal_confidence: ClassVar[float] = 0.8
