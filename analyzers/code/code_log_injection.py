"""code-log-injection: request data written to a log line."""

from __future__ import annotations

from typing import ClassVar

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow import Origin
from analyzers.code.flow_rule import UNTRUSTED, FlowRule


class CodeLogInjection(FlowRule):
    """Request data written into the message of a log line.

    ## What it flags

    The message argument of `logging.info`/`warning`/`error`/... or a `Logger`'s methods when it holds
    data from the request, usually through an f-string or concatenation; Go's `log.Printf`/`Println`
    and `slog` (an argument a `%q` verb quotes excepted), and Java's SLF4J, Log4j and `java.util.logging`
    loggers.

    ## Why it is risky

    Line breaks in the data forge log entries ("login succeeded for admin"); control characters can
    attack the terminal or the log viewer; the entries mislead whoever investigates an incident (log
    injection).

    ## Example

    ```diff
    +logger.info(f"login failed for {request.form['user']}")
    ```

    ## How to fix

    Pass data as arguments (`logger.info("login failed for %r", user)`: `%r` shows line breaks escaped),
    or strip `\\r` and `\\n` first; structured (JSON) logging escapes values too.

    ## Tuning

    Only request data is reported; severity is low. `.replace("\\n", ...)` clears it, as does a
    replacement by one character class holding both line breaks (`re.sub(r"[\\r\\n]", "", s)`,
    `s.replace(/[\\r\\n]/g, '')`, Java's `replaceAll("[\\r\\n]", "_")`). Java loggers (SLF4J, Log4j 2,
    java.util.logging) are modelled. Test files are skipped.

    ## References

    - CWE-117: Improper Output Neutralization for Logs
    """

    meta = RuleMeta(
        id="code-log-injection",
        family=Family.CODE,
        summary="Request data written into a log message",
        severity=Severity.LOW,
        cwe=(117,),
        languages=("python", "go", "java"),
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"log"})
    counted: ClassVar[frozenset[str]] = UNTRUSTED
    min_origin: ClassVar[Origin] = Origin.REQUEST
