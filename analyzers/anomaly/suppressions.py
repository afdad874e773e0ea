"""Suppressions of security checks in comments (and Java annotations), compared code by code with the base.

A suppression is read as a state: which tool it silences (`nosec`, `noqa`, `nolint`, ...), which codes
(none: every check of that tool) and the code it applies to (its own line when it trails code, else the
next code line). Only suppressions that can silence a security check count: a security scanner's marker,
a security code of a general linter (Ruff/flake8-bandit `S…`, `gosec`, ESLint security rules, Sonar and
FindSecBugs security inspections), or a marker that names no codes on code that looks security-relevant.
Type checkers and style codes (`# type: ignore`, `noqa: F401`, `eslint-disable eqeqeq`) never count.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence

from tree_sitter import Node

from analyzers.anomaly.suppression_codes import BLANKET_SECURITY, is_security_code, read_marker
from analyzers.contract.model import ChangedFile, Side
from analyzers.record import record

# Case-sensitive on purpose (several times faster over whole files), with the usual spellings.
PREFILTER = re.compile(
    r"nosec|NOSEC|nosemgrep|noqa|NOQA|NoQA|eslint-disable|nolint|SuppressWarnings|SuppressFBWarnings"
    r"|bulwark:|lgtm|codeql\[|checkov:skip|tfsec:ignore|trivy:ignore|kics-scan|zizmor:|NOSONAR"
    r"|gitleaks:allow|allowlist secret|rubocop:disable"
)
_SECURITY_LINE = re.compile(
    r"\bsubprocess\b|os\.(?:system|popen|exec\w*)|\beval\s*\(|\bexec\s*\(|\bpickle\b|marshal\.loads"
    r"|yaml\.load\s*\(|verify\s*=\s*False|shell\s*=\s*True|child_process|execSync|\bspawn\s*\("
    r"|new\s+Function\b|innerHTML|dangerouslySetInnerHTML|document\.write|\bmd5\b|\bsha1\b"
    r"|Runtime\.getRuntime|ProcessBuilder|ObjectInputStream|InsecureSkipVerify|exec\.Command"
    r"|rejectUnauthorized\s*:\s*false|CERT_NONE|check_hostname\s*=\s*False|jwt\.decode|\bunsafe\."
    r"|\bpassword\b|\bsecret\b|\.execute\s*\(\s*f[\"']|\.raw\s*\(|\bhashlib\.(?:md5|sha1)\b",
    re.IGNORECASE,
)
_SCOPE_CHARS = 300


@record
class CheckSuppression:
    """One suppression as a state: its tool, its codes (empty: all) and the code it applies to."""

    line: int
    marker: str
    codes: frozenset[str]
    text: str  # the comment (or annotation) as written, white space normalised
    scope: str  # the suppressed code, white space normalised
    security: bool  # it can silence a security check
    risky_scope: bool  # the suppressed code looks security-relevant

    @property
    def blanket(self) -> bool:
        return not self.codes


def suppressions(changed: ChangedFile, side: Side, lines: Sequence[int]) -> list[CheckSuppression]:
    """The suppressions of one side of a file that start on one of the sorted `lines`."""
    found: list[CheckSuppression] = []
    for line, node_type, raw in _comments(changed, side, lines):
        marker = read_marker(raw, node_type)
        if marker is None:
            continue
        name, codes = marker
        text = " ".join(raw.split())
        scope = _suppressed_code(changed, side, line, raw)
        risky = bool(_SECURITY_LINE.search(scope))
        security = is_security_code(name, codes) or (not codes and risky and name in BLANKET_SECURITY)
        found.append(CheckSuppression(line, name, codes, text, scope, security, risky))
    return found


def candidate_lines(changed: ChangedFile, side: Side, lines: Sequence[int] | None = None) -> list[int]:
    """The sorted lines of one side (all, or `lines`) whose text could hold a suppression."""
    text = changed.lines(side)
    numbers = range(1, len(text) + 1) if lines is None else lines
    return sorted(n for n in numbers if 0 < n <= len(text) and PREFILTER.search(text[n - 1]))


def _comments(changed: ChangedFile, side: Side, lines: Sequence[int]) -> Iterator[tuple[int, str, str]]:
    """(line, node type, text) of the comments and annotations starting on `lines`: from the syntax
    tree when the file has one, else from the comment part of each line."""
    if not lines:
        return
    tree = changed.tree(side)
    if tree is None:
        for number in lines:
            comment = _comment_part(changed.line(number, side))
            if comment:
                yield number, "comment", comment.strip()
        return
    for node in _comment_nodes(tree.root_node, list(lines)):
        yield node.start_point.row + 1, node.type, (node.text or b"").decode("utf-8", "replace").strip()


def _comment_nodes(root: Node, wanted: list[int]) -> Iterator[Node]:
    """Comment and suppression-annotation nodes that start on one of the sorted lines `wanted`."""
    stack = [root]
    while stack:
        node = stack.pop()
        index = bisect_left(wanted, node.start_point.row + 1)
        if index >= len(wanted) or wanted[index] > node.end_point.row + 1:
            continue
        if "comment" in node.type or _is_suppress_annotation(node):
            if node.start_point.row + 1 in wanted:
                yield node
            continue
        stack.extend(reversed(node.children))


def _is_suppress_annotation(node: Node) -> bool:
    if node.type not in ("annotation", "marker_annotation"):
        return False
    name = node.child_by_field_name("name")
    return name is not None and (name.text or b"").endswith((b"SuppressWarnings", b"SuppressFBWarnings"))


def _comment_part(text: str) -> str:
    for opener in ("#", "//", "/*", "--", "<!--"):
        index = text.find(opener)
        if index >= 0:
            return text[index:]
    return ""


def _suppressed_code(changed: ChangedFile, side: Side, line: int, comment: str) -> str:
    """The code a suppression applies to: its own line when it trails code, else the next code line."""
    own = changed.line(line, side)
    start = own.find(comment.split(" ", 1)[0]) if comment else -1
    if start > 0 and own[:start].strip():
        return " ".join(own[:start].split())[:_SCOPE_CHARS]
    lines = changed.lines(side)
    for number in range(line + 1, min(line + 6, len(lines) + 1)):
        candidate = lines[number - 1].strip()
        if candidate and not candidate.startswith(("#", "//", "/*", "*", "@")):
            return " ".join(candidate.split())[:_SCOPE_CHARS]
    return ""
