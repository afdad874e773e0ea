"""What a step's script writes to the runner's files (`$GITHUB_ENV`, `$GITHUB_OUTPUT`, `$GITHUB_PATH`)
and which shell values a written text expands.

Line by line with `str` operations and short linear patterns: `echo "NAME=value" >> "$GITHUB_ENV"`,
`… | tee -a $GITHUB_OUTPUT`, PowerShell's `>> $env:GITHUB_ENV`, `{ …; } >> file` groups, `cat >> file
<<EOF` bodies, `NAME<<EOF` multi-line values and the old `::set-output name=…::` commands.
"""

from __future__ import annotations

import re
from functools import lru_cache

from analyzers.drift.workflow_model import Scope, Write

TARGETS = ("GITHUB_ENV", "GITHUB_OUTPUT", "GITHUB_PATH")
_ASSIGNMENT = re.compile(r"([A-Za-z_][\w-]{0,100})(=|<<)")
_COMMAND = re.compile(r"::set-(output|env)\s+name=([\w-]{1,100})::")
_HEREDOC = re.compile(r"<<-?\s*['\"]?(\w{1,40})")
_VARIABLE = re.compile(r"\$\{?([A-Za-z_]\w{0,100})")
_REDIRECTS = (">>", ">", "tee", "Out-File", "Add-Content", "Set-Content")


def writes_in(scope: Scope) -> tuple[Write, ...]:
    """Every write of the step's `run:` script, in order."""
    run = scope.step.node.get("run")
    if run is None or run.kind != "scalar":
        return ()
    lines = ((run.line, run.text),) if run.line == run.end_line else tuple(run.source_lines())
    return tuple(Write(t, n, v, line, scope) for t, n, v, line in _writes(lines))


@lru_cache(maxsize=512)
def _writes(lines: tuple[tuple[int, str], ...]) -> list[tuple[str, str, str, int]]:
    found: list[tuple[str, str, str, int]] = []
    current: dict[str, tuple[str, str]] = {}
    index = 0
    while index < len(lines):
        number, text = lines[index]
        legacy = _COMMAND.search(text)
        if legacy is not None:
            kind = "GITHUB_OUTPUT" if legacy.group(1) == "output" else "GITHUB_ENV"
            found.append((kind, legacy.group(2), text[legacy.end() :], number))
        target, cut = _target(text)
        index += 1
        if target is None:
            continue
        before = text[:cut]
        if before.strip().rstrip("|").strip() in {"}", ")"}:
            group = _group_before(lines, index - 1)
        else:
            group = [(number, before)]
        heredoc = _HEREDOC.search(text[cut:])
        if heredoc is not None:
            body, index = _heredoc_body(lines, index, heredoc.group(1))
            group.extend(body)
        for line_number, content in group:
            found.extend(_parsed(target, content, line_number, current))
    return found


def _parsed(
    target: str, content: str, number: int, current: dict[str, tuple[str, str]]
) -> list[tuple[str, str, str, int]]:
    """The write of one printed line; `current` remembers an open `NAME<<DELIMITER` value per file."""
    if target == "GITHUB_PATH":
        return [(target, "", _payload(content), number)]
    payload = _payload(content)
    bare = payload.strip("'\" ")
    name, delimiter = current.get(target, ("", ""))
    if name and delimiter and bare == delimiter:
        current[target] = ("", "")  # the closing line of `NAME<<DELIMITER`
        return []
    match = _ASSIGNMENT.match(bare)
    if match is None or (name and delimiter):
        return [(target, name, payload, number)] if name else []
    value = bare[match.end() :]
    if match.group(2) == "<<":
        current[target] = (match.group(1), value.strip())
        return [(target, match.group(1), "", number)]
    current[target] = (match.group(1), "")
    return [(target, match.group(1), value, number)]


def _payload(content: str) -> str:
    """What an `echo`/`printf`/`Write-Output` line prints, roughly: the text after the command word."""
    text = content.strip().rstrip("|").strip()
    for word in ("echo", "printf", "Write-Output", "write-output", "print"):
        if text.startswith(word + " "):
            text = text[len(word) + 1 :].strip()
            while text.startswith("-") and " " in text:
                text = text.split(" ", 1)[1].strip()
            if word == "printf" and text.startswith(("'%s", '"%s')):
                text = text.split(" ", 1)[1].strip() if " " in text else ""
            break
    return text.strip().rstrip(";").strip()


def _target(text: str) -> tuple[str | None, int]:
    """The runner file a line appends to, and where the redirection starts."""
    for target in TARGETS:
        position = text.find(target)
        while position > 0:
            prefix = text[max(0, position - 6) : position]
            if prefix.endswith(("$", "${", "$env:", "${env:")):
                cut = _redirect_start(text, position)
                if cut is not None:
                    return target, cut
            position = text.find(target, position + 1)
    return None, 0


def _redirect_start(text: str, position: int) -> int | None:
    head = text[:position]
    best = None
    for redirect in _REDIRECTS:
        found = head.rfind(redirect)
        if found >= 0 and (best is None or found < best) and _word_between(head[found:]):
            best = found
    if best is not None and head[:best].rstrip().endswith("|"):
        best = head[:best].rstrip().rfind("|")
    return best


def _word_between(tail: str) -> bool:
    return len(tail) < 80


def _group_before(lines: tuple[tuple[int, str], ...], end: int) -> list[tuple[int, str]]:
    group: list[tuple[int, str]] = []
    for index in range(end - 1, max(-1, end - 200), -1):
        number, text = lines[index]
        if text.strip().endswith("{") or text.strip() == "(":
            break
        group.append((number, text))
    group.reverse()
    return group


def _heredoc_body(
    lines: tuple[tuple[int, str], ...], index: int, delimiter: str
) -> tuple[list[tuple[int, str]], int]:
    body: list[tuple[int, str]] = []
    while index < len(lines) and lines[index][1].strip() != delimiter and len(body) < 500:
        body.append((lines[index][0], "echo " + lines[index][1].strip()))
        index += 1
    return body, index + 1


def shell_sources(value: str) -> list[str]:
    """The command substitutions (`$(…)`, with their text) and variable names a shell value expands."""
    sources: list[str] = []
    outside: list[str] = []
    index = 0
    while (start := value.find("$(", index)) >= 0:
        end = _close(value, start + 1)
        sources.append(value[start : end + 1])
        outside.append(value[index:start])
        index = end + 1
    outside.append(value[index:])
    sources.extend(m.group(1) for part in outside for m in _VARIABLE.finditer(part))
    return sources


def _close(text: str, open_index: int) -> int:
    depth = 0
    for index in range(open_index, min(len(text), open_index + 4000)):
        depth += text[index] == "("
        depth -= text[index] == ")"
        if depth == 0:
            return index
    return min(len(text), open_index + 4000) - 1
