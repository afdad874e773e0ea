"""code-tls-verification-disabled: TLS certificate or host name verification turned off."""

from __future__ import annotations

import re

from tree_sitter import Node

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow import FlowIndex
from analyzers.code.pattern import QueryRule, capture_text, node_text
from analyzers.query import Captures

_OPTION = re.compile(r"verify|insecure|cert|ssl|tls", re.IGNORECASE)
# Variables that disable verification, and the value that does it.
_DISABLING_VALUES = {"NODE_TLS_REJECT_UNAUTHORIZED": "0", "PYTHONHTTPSVERIFY": "0", "GIT_SSL_NO_VERIFY": "1"}


class CodeTlsVerificationDisabled(QueryRule):
    """TLS certificate or host name verification turned off.

    ## What it flags

    Code that accepts any certificate or host name: `verify=False` and `ssl._create_unverified_context()`,
    `verify_mode = ssl.CERT_NONE`, `cert_reqs=CERT_NONE`, `check_hostname = False` in Python; `rejectUnauthorized: false` and
    `NODE_TLS_REJECT_UNAUTHORIZED = "0"` in JavaScript/TypeScript; `InsecureSkipVerify: true` in Go;
    empty `checkServerTrusted` trust managers, always-true host name verifiers and `NoopHostnameVerifier`
    in Java; `OpenSSL::SSL::VERIFY_NONE` and `verify: false` in Ruby; `CURLOPT_SSL_VERIFYPEER` off and
    `'verify' => false` in PHP; `curl -k`, `wget --no-check-certificate`, `http.sslVerify false` in shell.

    ## Why it is risky

    Without verification anyone on the network path can present their own certificate, read the traffic
    and change it (machine in the middle), including credentials and downloaded code.

    ## Example

    ```diff
    +resp = requests.get(url, verify=False)
    ```

    ## How to fix

    Keep verification on and trust the right authority instead: pass a CA bundle (`verify="/path/ca.pem"`,
    `ca:` in Node, `RootCAs` in Go, a trust store in Java, `--cacert` for curl).

    ## Tuning

    Every match is written out literally, so confidence is 0.9. Code in a branch taken on a
    verification option (`if not verify_ssl:`) implements an opt-out and is not reported. Test files
    are skipped; a suppression comment on the base branch keeps a deliberate exception (a local
    development proxy) quiet.

    ## References

    - CWE-295: Improper Certificate Validation
    - OWASP: Transport Layer Security Cheat Sheet
    """

    meta = RuleMeta(
        id="code-tls-verification-disabled",
        family=Family.CODE,
        summary="TLS certificate verification disabled",
        severity=Severity.HIGH,
        cwe=(295,),
        languages=("python", "javascript", "typescript", "go", "java", "ruby", "php", "bash"),
    )

    def accept(self, captures: Captures, flow: FlowIndex) -> bool:
        if _inside_option_branch(captures["sink"][0]):
            return False
        name = capture_text(captures, "_name")
        if name in _DISABLING_VALUES:
            return capture_text(captures, "_value").strip("\"'") == _DISABLING_VALUES[name]
        key = capture_text(captures, "_key").strip("\"'")
        value = capture_text(captures, "_value").lower()
        if key == "allow_self_signed":
            return value == "true"
        if key.startswith("verify") and value in {"true", "false"}:
            return value == "false"
        return True


def _inside_option_branch(node: Node) -> bool:
    """Whether `node` sits in a branch taken on a verification option (`if not verify: ...`): the
    implementation of an opt-out, not a decision to disable verification."""
    current = node.parent
    while current is not None:
        if current.type in {"if_statement", "if", "unless", "elif_clause"}:
            condition = current.child_by_field_name("condition")
            if condition is not None and _OPTION.search(node_text(condition)):
                return True
        current = current.parent
    return False
