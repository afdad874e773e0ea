"""code-regex-injection: a regular expression chosen by the user."""

from __future__ import annotations

from typing import ClassVar

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow import Origin
from analyzers.code.flow_rule import UNTRUSTED, FlowRule


class CodeRegexInjection(FlowRule):
    """A regular expression pattern taken from the request.

    ## What it flags

    The pattern argument of `re.compile`, `re.match`, `re.search`, `re.fullmatch`, `re.findall`,
    `re.sub`, `re.split` when it holds data from the request or the network; Go's `regexp.Compile`,
    `MustCompile` and `MatchString`, and Java's `Pattern.compile` and `Pattern.matches`.

    ## Why it is risky

    Python's backtracking engine takes exponential time on patterns such as `(a+)+$`: one request pins a
    worker's CPU for minutes (regular-expression denial of service). The pattern can also match far more
    than intended.

    ## Example

    ```diff
    +matches = [row for row in rows if re.search(request.args["q"], row)]
    ```

    ## How to fix

    Escape the text to search for (`re.escape`), or match with a linear-time engine (`google-re2`) and a
    length limit.

    ## Tuning

    Only request or network data is reported; `re.escape` (Java's `Pattern.quote`, a JavaScript helper
    named `escapeRegExp`) clears it. Java's `Pattern.compile`/`Pattern.matches` are modelled. Test files
    are skipped.

    ## References

    - CWE-1333: Inefficient Regular Expression Complexity
    - CWE-730: OWASP Top Ten 2004 Category A9 - Denial of Service
    """

    meta = RuleMeta(
        id="code-regex-injection",
        family=Family.CODE,
        summary="Regular expression pattern taken from the request",
        severity=Severity.MEDIUM,
        cwe=(1333,),
        languages=("python", "go", "java"),
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"regex"})
    counted: ClassVar[frozenset[str]] = UNTRUSTED
    min_origin: ClassVar[Origin] = Origin.REQUEST
