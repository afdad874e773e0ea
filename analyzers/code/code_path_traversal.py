"""code-path-traversal: a request-derived value used as a file path."""

from __future__ import annotations

from typing import ClassVar

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow import Origin
from analyzers.code.flow_rule import FlowRule


class CodePathTraversal(FlowRule):
    """A request-derived value used as a file path.

    ## What it flags

    Values taken from the request (query string, form, path parameters, cookies, headers) that reach a
    file path without normalisation: `open`, `send_file`, `FileResponse`, `os.remove`, `Path(...).read_*`;
    Node `fs.readFile`/`createReadStream`/`writeFile`, `res.sendFile`/`download` without a `root`; Go
    `os.Open`/`ReadFile`, `http.ServeFile`; PHP `file_get_contents`/`fopen`/`readfile` and
    `include`/`require`; Java `new File`/`FileInputStream`, `Paths.get`; Ruby `File.read`/`open`,
    `send_file`; C `fopen`/`open`/`unlink` given a name read from a socket. Joining (`os.path.join`, `path.join`, `filepath.Join`) does not make a value safe.

    ## Why it is risky

    `../` sequences and absolute paths walk out of the intended folder: the attacker reads configuration,
    keys and source, overwrites files, or (with `include`) runs code.

    ## Example

    ```diff
    +return send_file(os.path.join(UPLOADS, request.args["name"]))
    ```

    ## How to fix

    Reduce the value to a file name (`os.path.basename`, `secure_filename`, `path.basename`,
    `filepath.Base`), use helpers that confine to a directory (`send_from_directory`,
    `res.sendFile(name, { root })`), or resolve the path and check that it stays under the base folder.

    ## Tuning

    Only values traced to the request are reported (confidence 0.95 in the same function, 0.9 through
    calls); values passed through `basename` or `secure_filename` are not, nor are paths checked on the
    way: a resolved path tested with `startswith(base)`, or a value tested to hold no `..`. In C only
    names from the network count (a tool opens the file its user names), and `strstr(name, "..") == NULL`
    or `strchr(name, '/') == NULL` clears them. In Python the value is followed through assignments, containers, branches and calls to the change's own functions (and the files they import), with constant conditions folded; the message names the source and the sink with their lines.
    Test files are skipped.

    ## References

    - CWE-22: Improper Limitation of a Pathname to a Restricted Directory
    - OWASP: Path Traversal
    """

    meta = RuleMeta(
        id="code-path-traversal",
        family=Family.CODE,
        summary="Request-derived value used as a file path",
        severity=Severity.MEDIUM,
        cwe=(22,),
        languages=("python", "javascript", "typescript", "go", "java", "ruby", "php", "c", "cpp"),
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"path"})
    min_origin: ClassVar[Origin] = Origin.REQUEST
    one_per_line: ClassVar[bool] = True
