"""code-template-injection: a template compiled from untrusted data."""

from __future__ import annotations

from typing import ClassVar

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow_rule import FlowRule


class CodeTemplateInjection(FlowRule):
    """A template compiled from untrusted data.

    ## What it flags

    Template source that is not a constant: `render_template_string`, `jinja2.Template`,
    `Environment.from_string`, Mako's `Template`, Django's `Template`.

    ## Why it is risky

    Template syntax is code: `{{ cycler.__init__.__globals__.os.popen('id').read() }}` runs commands on
    the server when an attacker controls the template (server-side template injection).

    ## Example

    ```diff
    +return render_template_string(f"<h1>Hello {request.args['name']}</h1>")
    ```

    ## How to fix

    Keep templates constant and pass data as variables: `render_template_string("<h1>Hello {{ name
    }}</h1>", name=name)`, or render a template file.

    ## Tuning

    Request data is reported at 0.95, a template built from a parameter and a literal at 0.9, a template
    of unknown origin at 0.6 with the severity one step lower. Test files are skipped.

    ## References

    - CWE-1336: Improper Neutralization of Special Elements Used in a Template Engine
    - CWE-94: Improper Control of Generation of Code ('Code Injection')
    """

    meta = RuleMeta(
        id="code-template-injection",
        family=Family.CODE,
        summary="Template compiled from untrusted data",
        severity=Severity.HIGH,
        cwe=(1336, 94),
        languages=("python", "go"),
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"template"})
