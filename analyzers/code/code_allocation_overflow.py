"""code-allocation-overflow: an allocation size multiplied from input, which may wrap around."""

from __future__ import annotations

from typing import ClassVar

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow_rule import FlowRule


class CodeAllocationOverflow(FlowRule):
    """An allocation size multiplied from input, which may wrap around.

    ## What it flags

    In C and C++: `malloc`, `realloc`, `alloca` or `new T[n]` whose size is a product (`*` or `<<`) of a
    value taken from input (`argv`, `getenv`, `scanf`, `read`, `recv`) that no comparison bounded first.

    ## Why it is risky

    A large count times the element size wraps around to a small number: the allocation succeeds, and
    the code that then writes `count` elements writes far past its end (integer overflow to buffer
    overflow).

    ## Example

    ```diff
    +scanf("%zu", &count);
    +struct item *items = malloc(count * sizeof *items);
    ```

    ## How to fix

    Use `calloc(count, size)`, which checks the product, or check `count > SIZE_MAX / size` (or
    against an application limit) before multiplying; in C++ use `std::vector`.

    ## Tuning

    Data from the network is reported at 0.95; from the command line, the environment or a file at 0.7
    with the severity one step lower. A count compared with any bound before the product is taken as
    checked. `calloc` is never reported. Test files are skipped.

    ## References

    - CWE-190: Integer Overflow or Wraparound
    - CWE-680: Integer Overflow to Buffer Overflow
    """

    meta = RuleMeta(
        id="code-allocation-overflow",
        family=Family.CODE,
        summary="Allocation size may overflow",
        severity=Severity.HIGH,
        cwe=(190, 680),
        languages=("c", "cpp"),
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"alloc-size"})
