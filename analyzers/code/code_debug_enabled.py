"""code-debug-enabled: debug mode or stack traces exposed to clients."""

from __future__ import annotations

import re

from tree_sitter import Node

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow import FlowIndex
from analyzers.code.pattern import QueryRule, capture_text, node_text
from analyzers.query import Captures

SETTINGS_PATH = re.compile(r"(?:^|/)(?:settings[^/]*|[^/]*_settings|settings/[^/]+)\.py$")
_DEVELOPMENT_GUARD = re.compile(r"development|NODE_ENV|isDev|DEBUG|\bdev\b", re.IGNORECASE)
_ENABLED = frozenset({"1", "on", "true", "yes", "stdout", "stderr"})


class CodeDebugEnabled(QueryRule):
    """Debug mode or stack traces exposed to clients.

    ## What it flags

    Flask/Werkzeug `app.run(debug=True)`, `app.debug = True`, `app.config["DEBUG"] = True`, Django
    `DEBUG = True` in settings modules; Express responses that send `err.stack`, `app.use(errorhandler())`
    and `showStack`/`dumpExceptions` options outside a development-only branch; PHP
    `ini_set('display_errors', '1')`, `phpinfo()` and `'debug' => true` in configuration arrays.

    ## Why it is risky

    Debug pages show source, settings and secrets, and the Werkzeug debugger runs arbitrary Python for
    whoever reaches it. Stack traces map the application for an attacker.

    ## Example

    ```diff
    +app.run(host="0.0.0.0", debug=True)
    ```

    ## How to fix

    Read the setting from the environment with a safe default (`DEBUG = os.environ.get("DEBUG") == "1"`),
    log stack traces on the server and send clients a generic message, and keep development error
    handlers behind an explicit development check.

    ## Tuning

    Literal settings only (confidence 0.9); values read from the environment are not reported, nor are
    Express handlers inside an `if` that tests for development. `DEBUG = True` is reported only in modules
    named like settings. Test files are skipped.

    ## References

    - CWE-489: Active Debug Code
    - CWE-209: Generation of Error Message Containing Sensitive Information
    """

    meta = RuleMeta(
        id="code-debug-enabled",
        family=Family.CODE,
        summary="Debug mode or stack traces exposed to clients",
        severity=Severity.MEDIUM,
        cwe=(489,),
        languages=("python", "javascript", "typescript", "php"),
    )

    def accept(self, captures: Captures, flow: FlowIndex) -> bool:
        if "settings" in captures:
            return bool(SETTINGS_PATH.search(self.current_path))
        if "_value" in captures:
            value = capture_text(captures, "_value").strip("\"'").lower()
            if capture_text(captures, "_fn") == "ini_set":
                return value in _ENABLED
            return value == "true"
        return not _inside_development_branch(captures["sink"][0])


def _inside_development_branch(node: Node) -> bool:
    current = node.parent
    while current is not None:
        if current.type == "if_statement":
            condition = current.child_by_field_name("condition")
            if condition is not None and _DEVELOPMENT_GUARD.search(node_text(condition)):
                return True
        current = current.parent
    return False
