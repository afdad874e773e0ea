"""code-server-side-request: a request-derived URL fetched by the server."""

from __future__ import annotations

from typing import ClassVar

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow import Origin
from analyzers.code.flow_rule import FlowRule


class CodeServerSideRequest(FlowRule):
    """A request-derived URL fetched by the server.

    ## What it flags

    URLs taken from the request that are passed to an HTTP client: `requests`/`httpx`/`urllib` calls,
    `fetch`, `axios`, `got`, Node `http.get`; Go `http.Get`, `http.NewRequest`, `client.Get`; PHP
    `curl_init`, `CURLOPT_URL`, `$client->get`; Java `new URL`, `URI.create`, `RestTemplate`; Ruby
    `Net::HTTP`, `HTTParty`, `Faraday`, `URI.open`.

    ## Why it is risky

    The server fetches whatever the attacker names: cloud metadata endpoints (`169.254.169.254`),
    internal admin services, `file://` URLs, or ports on localhost that trust the server's network
    position (server-side request forgery).

    ## Example

    ```diff
    +preview = requests.get(request.args["url"], timeout=5)
    ```

    ## How to fix

    Allow-list hosts (or build the URL from a fixed base and validated parts), resolve the name and refuse
    private, loopback and link-local addresses, disable redirects or re-check each hop, and route outgoing
    requests through an egress proxy.

    ## Tuning

    Only URLs traced to the request are reported (confidence 0.95 in the same function, 0.9 through
    calls). A check of the parsed URL's host (`urlparse(url).netloc in ALLOWED`) clears it. In Python the value is followed through assignments, containers, branches and calls to the change's own functions (and the files they import), with constant conditions folded; the message names the source and the sink with their lines.
    Test files are skipped.

    ## References

    - CWE-918: Server-Side Request Forgery
    - OWASP: Server-Side Request Forgery Prevention Cheat Sheet
    """

    meta = RuleMeta(
        id="code-server-side-request",
        family=Family.CODE,
        summary="Request-derived URL fetched by the server",
        severity=Severity.MEDIUM,
        cwe=(918,),
        languages=("python", "javascript", "typescript", "go", "java", "ruby", "php"),
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"ssrf"})
    min_origin: ClassVar[Origin] = Origin.REQUEST
    one_per_line: ClassVar[bool] = True
