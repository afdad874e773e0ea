"""code-command-injection: shell execution of a non-constant string."""

from __future__ import annotations

from typing import ClassVar

from analyzers.base import Family, RuleMeta, Severity
from analyzers.code.flow_rule import FlowRule

LANGUAGES = ("python", "javascript", "typescript", "go", "java", "ruby", "php", "c", "cpp", "bash")


class CodeCommandInjection(FlowRule):
    """Shell execution of a non-constant string.

    ## What it flags

    Text handed to a shell that is not a constant literal: `subprocess.*(..., shell=True)`,
    `os.system`, `os.popen`, `child_process.exec`/`execSync`, `spawn(..., {shell: true})`,
    `exec.Command("sh", "-c", ...)`, `Runtime.getRuntime().exec(...)`, `new ProcessBuilder("sh", "-c", ...)`,
    Ruby backticks and `system`/`exec` with one string, PHP `shell_exec`/`system`/`passthru`/`exec` and
    backticks, C/C++ `system`/`popen`, and `sh -c "$var"` in shell scripts.

    ## Why it is risky

    A shell interprets `;`, `|`, `$(...)` and quotes. When any part of the command comes from a user, a file
    name or another program, an attacker can append commands of their own (OS command injection).

    ## Example

    ```diff
    +subprocess.run(f"convert {upload.filename} out.png", shell=True)
    ```

    ## How to fix

    Pass the program and its arguments as a list without a shell (`subprocess.run(["convert", name,
    "out.png"])`, `execFile`, `exec.Command("convert", name)`), or quote each value (`shlex.quote`,
    `escapeshellarg`) when a shell is unavoidable.

    ## Tuning

    Constant strings are never reported. Values passed through `shlex.quote`, `escapeshellarg` or
    `escapeshellcmd` are treated as sanitised. Confidence is 0.95 for request-derived values (0.9 when
    they pass through calls), 0.9 for strings built by concatenation or interpolation, 0.7 for the
    command line, environment or files, 0.6 for values of unknown origin. A value of unknown origin,
    or from the command line or environment, lowers the severity one step. In Python an argument
    vector without a shell (`subprocess.run([...])`) is reported when its program, or the script after
    a shell's `-c`, is not constant. In Python the value is followed through assignments, containers, branches and calls to the change's own functions (and the files they import), with constant conditions folded; the message names the source and the sink with their lines. Test files are skipped.

    ## References

    - CWE-78: Improper Neutralization of Special Elements used in an OS Command
    - OWASP: Command Injection
    """

    meta = RuleMeta(
        id="code-command-injection",
        family=Family.CODE,
        summary="Shell command built from a non-constant string",
        severity=Severity.HIGH,
        cwe=(78,),
        languages=LANGUAGES,
    )
    kinds: ClassVar[frozenset[str]] = frozenset({"command"})
