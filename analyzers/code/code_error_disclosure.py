"""code-error-disclosure: an exception's details returned to the client."""

from __future__ import annotations

from typing import ClassVar

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow_rule import FlowRule


class CodeErrorDisclosure(FlowRule):
    """An exception's details returned to the client.

    ## What it flags

    The text of a caught exception (`str(e)`, `f"{e}"`, `traceback.format_exc()`) in the response of a
    web view: the value a Flask or FastAPI route returns. In Go, an error (`err` of `v, err := f()`,
    or `x.Error()`) written to the client: `http.Error(w, err.Error(), 500)`,
    `fmt.Fprintf(w, "failed: %v", err)`, `w.Write([]byte(err.Error()))`. In Java, a caught exception
    or the one an `@ExceptionHandler` is given (its `getMessage()`, or its stack trace printed into a
    `StringWriter`) in a Spring `ResponseEntity` body or written to a servlet's response writer.

    ## Why it is risky

    Error messages carry file paths, SQL statements, host names, library versions and sometimes secrets:
    a map for the next attack (information exposure through an error message).

    ## Example

    ```diff
    +except Exception as error:
    +    return f"failed: {error}", 500
    ```

    ## How to fix

    Log the details on the server and answer with a generic message and an identifier the user can
    quote.

    ## Tuning

    Reported at confidence 0.8 with severity low. In Go, `http.Error` with a client-error status (400,
    404, 409, 413, 415, 422) is not reported: telling the client what was wrong with its request is
    ordinary. Test files are skipped.

    ## References

    - CWE-209: Generation of Error Message Containing Sensitive Information
    """

    meta = RuleMeta(
        id="code-error-disclosure",
        family=Family.CODE,
        summary="Exception details returned to the client",
        severity=Severity.LOW,
        cwe=(209,),
        languages=("python", "go", "java"),
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"error-disclosure"})
    counted: ClassVar[frozenset[str]] = frozenset({"error"})
