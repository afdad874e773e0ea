"""code-sql-string-building: SQL text built from strings and passed to an execute or query call."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow import FlowIndex, Origin
from analyzers.code.flow_rule import FlowRule
from analyzers.code.pattern import capture_text, node_text
from analyzers.query import Captures

if TYPE_CHECKING:
    from analyzers.flow.value import Fact

SQL_TEXT = re.compile(
    r"\b(?:select\s[^;]{0,400}?\sfrom|insert\s+into|update\s+\S+\s+set|delete\s+from|"
    r"create\s+table|drop\s+table|alter\s+table|where|order\s+by|group\s+by|values)\b",
    re.IGNORECASE,
)
# Pieces that name tables or columns from the program's own configuration, not from data.
_CONFIGURED_IDENTIFIER = re.compile(
    r"^(?:(?:self|this|cls)(?:\.|->)[A-Za-z_][\w.]*|@\w+|\$this->\w+|[A-Z][A-Z0-9_]*)$"
)
_CONFIGURED_ORIGIN = re.compile(r"^`(?:(?:self|cls|this)\.[A-Za-z_][\w.]*|[A-Z][A-Z0-9_]*)`$")
# Query-builder methods whose argument is an SQL fragment even without a keyword.
_FRAGMENT_METHODS = frozenset({"where", "order", "having", "joins", "Where", "Order", "whereRaw"})


class CodeSqlStringBuilding(FlowRule):
    """SQL text built from strings and passed to an execute or query call.

    ## What it flags

    A call that runs SQL (`cursor.execute`, `session.execute(text(...))`, `db.query`, `knex.raw`,
    `$queryRawUnsafe`, Go `db.Query`/`Exec`/`QueryContext`, JDBC `executeQuery`/`prepareStatement`, JPA
    `createQuery`, PHP `->query`/`mysqli_query`, ActiveRecord `where`/`find_by_sql`/`execute`) whose SQL
    text is built by concatenation, f-strings, `%`, `.format`, template literals, interpolation or
    `Sprintf` with non-constant values, directly or through a variable assigned in the same function.

    ## Why it is risky

    Values spliced into SQL text can close the string and add clauses of their own: read other users'
    rows, bypass a login, drop tables (SQL injection). Parameter placeholders keep data out of the code.

    ## Example

    ```diff
    +cursor.execute(f"SELECT * FROM users WHERE name = '{name}'")
    ```

    ## How to fix

    Use the driver's placeholders and pass values separately:
    `cursor.execute("SELECT * FROM users WHERE name = %s", (name,))`, `db.query("... = $1", [name])`,
    `db.Query("... = ?", name)`, `PreparedStatement.setString`, `where(name: name)`. Identifiers that must
    vary (a column to sort by) come from an allow-list.

    ## Tuning

    Only strings built from non-constant parts are reported, never a plain variable of unknown origin or a
    constant query. The built text must look like SQL (a keyword such as `SELECT ... FROM`, `WHERE`,
    `INSERT INTO`) except for query-builder fragments (`where`, `order`). Text whose only variable
    pieces are the object's own attributes or upper-case constants (`self.table`, `TABLE`: table
    names from configuration) is not reported. Confidence is 0.95 when a
    request value is spliced in, 0.9 otherwise. In Python the query text a driver runs is followed
    back to where it was built, through calls to the change's own functions; request data reaching a
    typed driver call (`sqlite3`, `psycopg`, SQLAlchemy `text`) is reported even without a literal, and
    a parameterised call (`execute(sql, params)`) is not. Test files are skipped.

    ## References

    - CWE-89: Improper Neutralization of Special Elements used in an SQL Command
    - OWASP: SQL Injection Prevention Cheat Sheet
    """

    meta = RuleMeta(
        id="code-sql-string-building",
        family=Family.CODE,
        summary="SQL text built from non-constant strings",
        severity=Severity.HIGH,
        cwe=(89,),
        languages=("python", "javascript", "typescript", "go", "java", "ruby", "php"),
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"sql"})
    min_origin: ClassVar[Origin] = Origin.BUILT

    def counts(self, fact: Fact) -> bool:
        return fact.kind != "unknown" or not _CONFIGURED_ORIGIN.match(fact.origin)

    def accept(self, captures: Captures, flow: FlowIndex) -> bool:
        if capture_text(captures, "_fn") in _FRAGMENT_METHODS:
            return True
        values = captures.get("value", [])
        if not any(SQL_TEXT.search(node_text(flow.resolved(value))) for value in values):
            return False
        pieces = [piece for value in values for piece in flow.built_parts(value)]
        return not pieces or not all(_CONFIGURED_IDENTIFIER.match(node_text(piece)) for piece in pieces)
