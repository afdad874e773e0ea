"""code-ldap-injection: an LDAP filter or base built from untrusted data."""

from __future__ import annotations

from typing import ClassVar

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow import Origin
from analyzers.code.flow_rule import FlowRule


class CodeLdapInjection(FlowRule):
    """An LDAP search filter or base built from untrusted data.

    ## What it flags

    The filter or base DN of an LDAP search that holds data from the request (or, spliced into a
    string, from a parameter): ldap3 `Connection.search`, python-ldap `search`/`search_s`/`search_ext_s`, JNDI `DirContext.search`, and Go's
    `ldap.NewSearchRequest` (go-ldap).

    ## Why it is risky

    `*`, `(`, `)` and `\\` in the data change the filter: `*)(uid=*` matches every entry, bypasses a login
    check or lists the directory (LDAP injection).

    ## Example

    ```diff
    +conn.search("ou=people,dc=example,dc=org", f"(uid={request.form['user']})")
    ```

    ## How to fix

    Escape values with `ldap3.utils.conv.escape_filter_chars` or `ldap.filter.escape_filter_chars`
    (and `escape_rdn`/`escape_dn_chars` for DNs), or build filters with `ldap.filter.filter_format`.

    ## Tuning

    Request data is reported at 0.95 (0.9 through calls); a parameter spliced into a filter with a literal
    at 0.9. The escaping helpers above clear the value; ldapjs filter objects (`new ldap.EqualityFilter`)
    hold it apart from the syntax. Go's go-ldap `NewSearchRequest` filter and `ldap.EscapeFilter` are
    modelled. Test files are skipped.

    ## References

    - CWE-90: Improper Neutralization of Special Elements used in an LDAP Query ('LDAP Injection')
    - OWASP: LDAP Injection Prevention Cheat Sheet
    """

    meta = RuleMeta(
        id="code-ldap-injection",
        family=Family.CODE,
        summary="LDAP filter built from untrusted data",
        severity=Severity.HIGH,
        cwe=(90,),
        languages=("python", "java", "go"),
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"ldap"})
    min_origin: ClassVar[Origin] = Origin.BUILT
