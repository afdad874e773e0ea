"""code-nosql-injection: a database query document taken from the request."""

from __future__ import annotations

from typing import ClassVar

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow import Origin
from analyzers.code.flow_rule import UNTRUSTED, FlowRule


class CodeNosqlInjection(FlowRule):
    """A MongoDB query document taken from the request, or JavaScript run by the database.

    ## What it flags

    A filter passed to a PyMongo collection (`find`, `find_one`, `delete_many`, `update_one`, ...) that
    is itself request data (a decoded JSON body can hold operators), a filter field taken from a JSON
    body as it is (`{"password": body["password"]}`: the body can put `{"$ne": null}` there; a field
    made a string with `str()`, a number, or a call's result is not reported), and a `$where` clause
    holding request data.

    ## Why it is risky

    Operators in the data change the query: `{"password": {"$ne": null}}` matches any password and logs
    the attacker in; `$where` runs JavaScript in the database (NoSQL injection).

    ## Example

    ```diff
    +user = db.users.find_one(request.get_json())
    ```

    ## How to fix

    Build the filter from known fields and check each value's type (`str(value)`, a schema such as
    pydantic or marshmallow); never put request data in `$where`.

    ## Tuning

    Only request data is reported: a whole filter from the request, or any request data in `$where`.
    A filter document built with request values in fixed fields is not. Test files are skipped.

    ## References

    - CWE-943: Improper Neutralization of Special Elements in Data Query Logic
    - OWASP: Testing for NoSQL Injection
    """

    meta = RuleMeta(
        id="code-nosql-injection",
        family=Family.CODE,
        summary="Database query document taken from the request",
        severity=Severity.HIGH,
        cwe=(943,),
        languages=("python",),
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"nosql"})
    counted: ClassVar[frozenset[str]] = UNTRUSTED
    min_origin: ClassVar[Origin] = Origin.REQUEST
