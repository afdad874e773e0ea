"""code-xpath-injection: an XPath expression built from untrusted data."""

from __future__ import annotations

from typing import ClassVar

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow import Origin
from analyzers.code.flow_rule import FlowRule


class CodeXpathInjection(FlowRule):
    """An XPath expression built from untrusted data.

    ## What it flags

    An XPath expression that holds data from the request (or, spliced into a string, from a parameter)
    when it is evaluated: lxml's `xpath()`/`XPath()`/`ETXPath()`, `elementpath.select`, ElementTree's
    `find`/`findall` paths, Java's `XPath.evaluate`/`compile`.

    ## Why it is risky

    A quote in the data closes the literal it was meant to fill: `' or '1'='1` selects every node, and
    the query reads parts of the document the user should not see (XPath injection).

    ## Example

    ```diff
    +nodes = root.xpath(f"//user[@name='{request.args['name']}']")
    ```

    ## How to fix

    Pass values as XPath variables (`root.xpath("//user[@name=$name]", name=value)`), or refuse values
    that hold quotes.

    ## Tuning

    Request data is reported at 0.95 (0.9 through calls); a parameter spliced into an expression with
    a literal at 0.9. A check that the value holds no `'`, or replacing `'`, clears it. Test files are
    skipped.

    ## References

    - CWE-643: Improper Neutralization of Data within XPath Expressions ('XPath Injection')
    - OWASP: XPATH Injection
    """

    meta = RuleMeta(
        id="code-xpath-injection",
        family=Family.CODE,
        summary="XPath expression built from untrusted data",
        severity=Severity.MEDIUM,
        cwe=(643,),
        languages=("python", "java"),
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"xpath"})
    min_origin: ClassVar[Origin] = Origin.BUILT
