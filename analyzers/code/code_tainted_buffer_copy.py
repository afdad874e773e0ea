"""code-tainted-buffer-copy: input copied into a buffer with no bound, or with a size from the input."""

from __future__ import annotations

from typing import ClassVar

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow_rule import FlowRule


class CodeTaintedBufferCopy(FlowRule):
    """Input copied into a buffer with no bound, or with a size taken from the input.

    ## What it flags

    In C and C++: input of any length (from `argv`, `getenv`, `fgets`, `read`, `recv`, `scanf`) copied by
    `strcpy`, `strcat` or `sprintf` into a buffer, and `memcpy`, `memmove`, `strncpy`, `strncat`,
    `memset`, `read`, `recv`, `fread` or `snprintf` given a size that comes from the input. A size checked
    against a bound before the call (`if (n > sizeof buf) return;`) is not reported. Whatever the data,
    `strncpy` and `strncat` bounded by the length of their own source (`strncpy(dst, src, strlen(src))`)
    are reported too: that bound says how much there is, not how much fits.

    ## Why it is risky

    The destination has a fixed size; the input decides how much is written. Longer input overwrites
    what lies next to the buffer (buffer overflow), the classic way to crash a program or take it over.

    ## Example

    ```diff
    +n = ntohl(header.length);
    +memcpy(body, packet + 4, n);
    ```

    ## How to fix

    Check the size against the destination before copying (`if (n > sizeof body) return -1;`), or use
    bounded forms: `snprintf(buf, sizeof buf, "%s", s)`, `strlcpy`; in C++ prefer `std::string`.

    ## Tuning

    Data from the network is reported at 0.95; from the command line, the environment or a file at 0.7
    with the severity one step lower; a bound that is the source's own length at 0.9. Sizes of unknown origin are left to `code-unbounded-c-string`,
    which reports unbounded calls whatever their data. Any ordering comparison of the size clears it
    (the check is taken at its word). Test files are skipped.

    ## References

    - CWE-120: Buffer Copy without Checking Size of Input ('Classic Buffer Overflow')
    - CWE-787: Out-of-bounds Write
    """

    meta = RuleMeta(
        id="code-tainted-buffer-copy",
        family=Family.CODE,
        summary="Buffer copy sized by input",
        severity=Severity.HIGH,
        cwe=(120, 787),
        languages=("c", "cpp"),
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"buffer"})
