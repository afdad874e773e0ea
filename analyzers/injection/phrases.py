"""Phrases aimed at AI tools, HTML-comment spans and hidden characters, for instruction-text checks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from analyzers.text import unicode

INSTRUCTIONS = (
    (
        "asks to ignore earlier instructions",
        re.compile(
            r"(?i)\b(?:ignore|disregard|forget)\s+(?:all\s+|any\s+)?(?:of\s+)?"
            r"(?:the\s+|your\s+|my\s+)?(?:previous|prior|above|earlier|preceding|system|original)"
            r"\s+(?:instructions|prompts?|directives|guidelines)\b"
        ),
    ),
    (
        "addresses AI tools",
        re.compile(
            r"(?i)\bif\s+you\s+are\s+(?:an?\s+)?(?:ai|llm|large\s+language\s+model|language\s+model"
            r"|(?:ai\s+)?assistant|(?:ai\s+|coding\s+)?agent|chatbot|copilot|claude|chatgpt|gpt"
            r"|gemini|cursor|codex)\b"
        ),
    ),
    (
        "asks to hide something from the user",
        re.compile(
            r"(?i)\b(?:do\s+not|don't|never)\s+(?:tell|inform|alert|notify|show|mention\s+(?:this\s+)?"
            r"to|reveal\s+(?:this\s+)?to)\s+the\s+user\b|\bwithout\s+(?:telling|informing|notifying)"
            r"\s+the\s+user\b"
        ),
    ),
    (
        "uses a pseudo-system tag",
        re.compile(
            r"(?i)<\s{0,3}/?\s{0,3}(?:important|system|system_prompt|admin)\s{0,3}>"
            r"|\[/?INST\]|<<\s{0,3}/?SYS\s{0,3}>>|<\|im_start\|>"
        ),
    ),
)
# Lower-case words one of which every phrase holds: a cheap filter before the patterns.
ANCHOR_WORDS = (
    "ignore", "disregard", "forget", "you", "user", "important", "sys", "admin",
    "inst]", "im_start",
)  # fmt: skip
# All the phrases in one pattern: one pass decides whether a text needs a closer look.
ANY_INSTRUCTION = re.compile(
    "|".join(f"(?:{pattern.pattern.removeprefix('(?i)')})" for _, pattern in INSTRUCTIONS),
    re.IGNORECASE,
)
EXFILTRATION = re.compile(
    r"(?i)~/\.ssh|\bid_rsa\b|(?<![\w.])\.env\b|\bmcp\.json\b|\.aws/credentials|\.npmrc\b"
    r"|\b(?:send|upload|post|exfiltrate|forward)\b[^\n]{0,80}?\bto\s{1,3}https?://"
)


@dataclass(frozen=True, slots=True)
class Cue:
    label: str
    start: int
    end: int


def instruction_cues(line: str) -> list[Cue]:
    if ANY_INSTRUCTION.search(line) is None:
        return []
    cues: list[Cue] = []
    for label, pattern in INSTRUCTIONS:
        for match in pattern.finditer(line):
            cues.append(Cue(label, match.start(), match.end()))
    return cues


def has_exfiltration_cue(line: str) -> bool:
    return EXFILTRATION.search(line) is not None


def has_hidden_characters(line: str) -> bool:
    if line.isascii():
        return False
    for ch in line:
        cp = ord(ch)
        if cp in unicode.BIDI_CONTROLS or unicode.is_tag(cp) or unicode.is_format(cp):
            return True
        if unicode.is_supplementary_selector(cp):
            return True
    return False


def is_quoted(line: str, cue: Cue) -> bool:
    """The cue stands inside inline code or quotation marks: it is quoted, not addressed."""
    before, after = line[: cue.start], line[cue.end :]
    if before.count("`") % 2 == 1 and "`" in after:
        return True
    if before.count('"') % 2 == 1 and '"' in after:
        return True
    return before.rfind("“") > before.rfind("”") and "”" in after


def html_comment_lines(lines: list[str]) -> set[int]:
    """1-based numbers of lines that hold any part of an HTML comment."""
    inside = False
    found: set[int] = set()
    for number, line in enumerate(lines, start=1):
        position = 0
        while position <= len(line):
            if inside:
                found.add(number)
                end = line.find("-->", position)
                if end < 0:
                    break
                inside, position = False, end + 3
            else:
                start = line.find("<!--", position)
                if start < 0:
                    break
                inside, position = True, start + 4
                found.add(number)
    return found
