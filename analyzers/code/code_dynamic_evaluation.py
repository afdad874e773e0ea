"""code-dynamic-evaluation: code evaluated from a non-constant string."""

from __future__ import annotations

from typing import ClassVar

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow_rule import FlowRule


class CodeDynamicEvaluation(FlowRule):
    """Code evaluated from a non-constant string.

    ## What it flags

    Evaluation of text that is not a constant literal: Python `eval`/`exec`/`compile`, JavaScript `eval`,
    `new Function(...)`, `setTimeout`/`setInterval` with a string, `vm.runIn*Context` and `new vm.Script`,
    Java script engines' `eval`, PHP `eval`/`assert`/`create_function`, Ruby `eval`/`instance_eval`/
    `class_eval`/`module_eval`, and shell `eval`.

    ## Why it is risky

    Whoever controls any part of the text runs code with the program's privileges (code injection).
    Generated code that "just evaluates the expression" is a classic path from a form field to a shell.

    ## Example

    ```diff
    +result = eval(request.args["expr"])
    ```

    ## How to fix

    Parse the data instead of running it: `ast.literal_eval` or `json.loads` for literals, a dispatch
    table for a choice of functions, a real expression parser for formulas. Pass functions, not strings,
    to timers.

    ## Tuning

    Constant strings are never reported, nor are blocks (`instance_eval { ... }`) or function
    references passed to timers. Confidence is 0.95 for request-derived text, 0.9 for text built by
    concatenation or interpolation, 0.6 otherwise. A value of unknown origin lowers the severity one
    step. In Python the value is followed through assignments, containers, branches and calls to the change's own functions (and the files they import), with constant conditions folded; the message names the source and the sink with their lines. A value checked to be one quoted string literal (starts and ends with a
    quote, none inside) is not reported. Test files are skipped.

    ## References

    - CWE-94: Improper Control of Generation of Code
    - CWE-95: Eval Injection
    """

    meta = RuleMeta(
        id="code-dynamic-evaluation",
        family=Family.CODE,
        summary="Code evaluated from a non-constant string",
        severity=Severity.HIGH,
        cwe=(94, 95),
        languages=("python", "javascript", "typescript", "java", "ruby", "php", "bash"),
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"code"})
    one_per_line: ClassVar[bool] = True
