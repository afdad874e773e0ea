"""Suppression comments of linters, type checkers and scanners, found in comments of added lines."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from tree_sitter import Node

from analyzers.suppression import parse_suppression
from app.context.model import ChangedFile

_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("bulwark: ignore", re.compile(r"bulwark:\s*ignore\b")),
    ("nosec", re.compile(r"(?:^|[\s#/])#?nosec\b", re.IGNORECASE)),
    ("nosemgrep", re.compile(r"\bnosemgrep\b")),
    ("noqa", re.compile(r"#\s*noqa\b", re.IGNORECASE)),
    ("type: ignore", re.compile(r"#\s*(?:type|pyright):\s*ignore\b")),
    ("eslint-disable", re.compile(r"\beslint-disable(?:-next-line|-line)?\b")),
    ("ts-ignore", re.compile(r"@ts-(?:ignore|nocheck)\b")),
    ("nolint", re.compile(r"//\s*nolint\b")),
)
# Case-sensitive on purpose (several times faster over whole files), with the usual spellings.
_PREFILTER = re.compile(
    r"nosec|NOSEC|nosemgrep|noqa|NOQA|NoQA|ignore|eslint-disable|@ts-nocheck|nolint|SuppressWarnings"
    r"|bulwark:"
)
# Markers that silence a security scanner: a security finding by definition.
SECURITY_MARKERS = frozenset({"bulwark: ignore", "nosec", "nosemgrep"})
_SECURITY_CODES = re.compile(
    r"#\s*noqa\s*:.{0,500}?\bS\d{3}\b|nolint:.{0,500}?\bgosec\b|eslint-disable(?:-next-line|-line)?\s.{0,500}?"
    r"(?:security/|no-eval|no-implied-eval|no-new-func|no-script-url|react/no-danger)"
)
_NAMED_CODES = re.compile(
    r"#\s*noqa\s*:\s*\w|nolint:\w|eslint-disable(?:-next-line|-line)?\s+[\w@]|(?:type|pyright):\s*ignore\["
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


@dataclass(frozen=True, slots=True)
class AddedSuppression:
    line: int
    marker: str
    text: str  # the comment (or annotation) as written
    security: bool  # the marker silences a scanner, or the suppressed code is security-relevant


def added_suppressions(changed: ChangedFile) -> Iterator[AddedSuppression]:
    """Suppressions on added lines of `changed` that the base side did not already have as often."""
    added = list(changed.iter_added())
    if not added or not _PREFILTER.search("\n".join(text for _, text in added)):
        return
    candidates = [number for number, text in added if _PREFILTER.search(text)]
    found = list(_suppressions(changed, candidates))
    if not found:
        return
    base, head = changed.base_text or "", changed.head_text or ""
    for line, marker, raw in found:
        if base.count(raw) >= head.count(raw):
            continue
        text = " ".join(raw.split())
        yield AddedSuppression(line, marker, text, _is_security(changed, line, marker, text))


def _is_security(changed: ChangedFile, line: int, marker: str, text: str) -> bool:
    """A scanner's marker or a security code; else, for a suppression naming no codes, code on the
    suppressed line that looks security-relevant. Named non-security codes say what they silence."""
    if marker in SECURITY_MARKERS or _SECURITY_CODES.search(text):
        return True
    if marker == "@SuppressWarnings" or _NAMED_CODES.search(text):
        return False
    return bool(_SECURITY_LINE.search(_suppressed_code(changed, line, text)))


def _suppressions(changed: ChangedFile, candidates: list[int]) -> Iterator[tuple[int, str, str]]:
    tree = changed.tree("head")
    if tree is None:
        for number in candidates:
            comment = _comment_part(changed.line(number))
            marker = _marker_of(comment, "comment") if comment else ""
            if marker:
                yield number, marker, comment.strip()
        return
    for node in _comment_nodes(tree.root_node, candidates):
        text = (node.text or b"").decode("utf-8", "replace").strip()
        marker = _marker_of(text, node.type)
        if marker:
            yield node.start_point.row + 1, marker, text


def _comment_nodes(root: Node, wanted: list[int]) -> Iterator[Node]:
    """Comment and `@SuppressWarnings` nodes that start on one of the sorted lines `wanted`."""
    stack = [root]
    while stack:
        node = stack.pop()
        index = bisect_left(wanted, node.start_point.row + 1)
        if index >= len(wanted) or wanted[index] > node.end_point.row + 1:
            continue
        if "comment" in node.type or _is_suppress_warnings(node):
            if node.start_point.row + 1 in wanted:
                yield node
            continue
        stack.extend(reversed(node.children))


def _is_suppress_warnings(node: Node) -> bool:
    if node.type not in ("annotation", "marker_annotation"):
        return False
    name = node.child_by_field_name("name")
    return name is not None and (name.text or b"").endswith(b"SuppressWarnings")


def _marker_of(text: str, node_type: str) -> str:
    if node_type in ("annotation", "marker_annotation"):
        return "@SuppressWarnings"
    if parse_suppression(text) is not None:
        return "bulwark: ignore"
    for name, pattern in _MARKERS[1:]:
        if pattern.search(text):
            return name
    return ""


def _comment_part(text: str) -> str:
    for opener in ("#", "//", "/*", "--"):
        index = text.find(opener)
        if index >= 0:
            return text[index:]
    return ""


def _suppressed_code(changed: ChangedFile, line: int, comment: str) -> str:
    """The code a suppression applies to: its own line when it trails code, else the next code line."""
    own = changed.line(line)
    start = own.find(comment.split(" ", 1)[0]) if comment else -1
    if start > 0 and own[:start].strip():
        return own
    lines = changed.lines("head")
    for number in range(line + 1, min(line + 4, len(lines) + 1)):
        candidate = lines[number - 1].strip()
        if candidate and not candidate.startswith(("#", "//", "/*", "*", "@")):
            return candidate
    return own
