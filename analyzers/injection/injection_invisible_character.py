"""injection-invisible-character: zero-width and other invisible characters where they hide meaning."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.contract.model import ChangeContext, ChangedFile
from analyzers.injection.agent_files import is_instruction_file, is_tool_config_file
from analyzers.text import unicode
from analyzers.text.lines import added_beyond_caps, non_ascii_added, numbered_lines, text_beyond_caps
from analyzers.text.places import FilePlaces, places_of, skip_reason
from analyzers.text.pr_text import text_path


def hidden_columns(line: str) -> list[int]:
    """Columns of invisible characters that are not part of a legitimate sequence."""
    return [
        index
        for index, ch in enumerate(line)
        if (unicode.is_format(ord(ch)) or ord(ch) in unicode.BIDI_MARKS or (ord(ch) == unicode.BOM and index))
        and not unicode.is_legitimate_joiner(line, index)
    ]


class InjectionInvisibleCharacter(Analyzer):
    """Zero-width and other invisible characters where they hide meaning.

    ## What it flags

    Format characters (Unicode category Cf: zero-width space, joiners, word joiner, soft hyphen,
    invisible operators, ...) and letters that render as nothing (Hangul fillers, the braille blank)
    on added lines:

    - in source code or configuration of any language, outside comments and strings (inside or
      as an identifier): `high`; languages without a grammar here are split into code, comments
      and strings by their comment-syntax family (`//`, `#`, `--`, `;`, `/* */`, ...);
    - anywhere in an agent instruction or agent tool configuration file (`AGENTS.md`, `CLAUDE.md`,
      `.cursorrules`, `.mcp.json`, ...): `high`;
    - anywhere in the pull request's title, body or comments, bidirectional controls included:
      `medium`, under the pseudo paths `(pull request body)`, `(comment by @login)` and so on;
    - anywhere past what the line-by-line rules read (past column 4,096 of a line, past the first
      20,000 added lines of a file, in files and pull-request text alike), bidirectional controls
      and tag characters included: `high`, whatever holds them. Padding a line or a file to push a
      character out of sight is the attack; the characters other scripts need (ZWNJ, direction
      marks, the soft hyphen) and the ones that shape emoji are not reported there.

    Legitimate sequences stay quiet: a zero-width joiner inside an emoji sequence (👩‍💻, families,
    skin tones), ZWNJ and ZWJ between letters of Arabic, Persian, Indic and other joining scripts,
    directional marks in right-to-left text, and a byte order mark.

    ## Why it is risky

    An invisible character makes two identifiers that look the same different names (or an
    identifier that looks like nothing), and hides text inside instruction files that agents read
    but reviewers do not see.

    ## Example

    ```diff
    +const { timeout, \\u3164 } = req.query;   // U+3164 HANGUL FILLER is a variable
    ```

    ## How to fix

    Delete the character. If it is needed in a string, write it as an escape (`"\\u200b"`).

    ## Tuning

    The family is protected: votes never mute it.

    ## References

    - CWE-1007: Insufficient Visual Distinction of Homoglyphs Presented to User
    - Unicode Technical Standard #39, Unicode Security Mechanisms
    - Unicode Technical Standard #55, Unicode Source Code Handling
    """

    meta = RuleMeta(
        id="injection-invisible-character",
        family=Family.INJECTION,
        summary="Invisible characters inside identifiers or agent instruction files",
        severity=Severity.HIGH,
        cwe=(1007,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        for file in ctx.files:
            if skip_reason(file) is not None:
                continue
            agent_file = is_instruction_file(file) or is_tool_config_file(file)
            for number, line in non_ascii_added(file):
                columns = hidden_columns(line)
                places = None if agent_file or not columns else places_of(ctx, file)
                if columns and (agent_file or places is not None):
                    yield from self._judge(file, places, number, line, columns)
            if not (file.head_text or "").isascii():
                yield from self._beyond_caps(file.path, added_beyond_caps(file))
        for item in ctx.texts:
            yield from self._scan_text(text_path(item), item.text)
            if not item.text.isascii():
                yield from self._beyond_caps(text_path(item), text_beyond_caps(item.text))

    def _beyond_caps(self, path: str, parts: Iterator[tuple[int, str, str]]) -> Iterator[Finding]:
        """Hidden characters where the line-by-line rules do not look (past column `MAX_LINE_CHARS`
        of a line, past the first `MAX_TEXT_LINES` added lines): padding a line or a file to push a
        character out of their sight is itself the attack, so they are reported whatever holds them,
        in one linear pass, with no place read. Characters that ordinary text of other scripts
        needs (`_ORDINARY`) are not; nor is a line whose part in sight holds hidden characters
        already, which the line-by-line rules have judged (one report per line)."""
        for number, seen, unseen in parts:
            if unseen.isascii() or _hidden(seen):
                continue
            found = _hidden(unseen)
            if found:
                names = ", ".join(sorted({unicode.describe(ord(m.group(0))) for m in found}))
                yield self.finding(
                    path,
                    number,
                    f"invisible or direction-changing character(s) past what is read line by line: {names}",
                    confidence=0.8,
                    severity=Severity.HIGH,
                    evidence=unicode.escape_hidden(unseen[max(0, found[0].start() - 40) :]),
                )

    def _scan_text(self, path: str, text: str) -> Iterator[Finding]:
        if text.isascii():
            return
        for number, line in numbered_lines(text):
            columns = sorted(
                {*hidden_columns(line), *(c for c, ch in enumerate(line) if ord(ch) in unicode.BIDI_CONTROLS)}
            )
            if columns:
                names = ", ".join(sorted({unicode.describe(ord(line[c])) for c in columns}))
                yield self.finding(
                    path,
                    number,
                    f"{len(columns)} invisible character(s) in pull request text: {names}",
                    confidence=0.7,
                    severity=Severity.MEDIUM,
                    evidence=unicode.escape_hidden(line),
                )

    def _judge(
        self, file: ChangedFile, places: FilePlaces | None, number: int, line: str, columns: list[int]
    ) -> Iterator[Finding]:
        if places is not None:
            columns = [c for c in columns if _in_code(places, number, line, c)]
        if not columns:
            return
        names = ", ".join(sorted({unicode.describe(ord(line[c])) for c in columns}))
        where = "in code" if places is not None else "in an agent instruction file"
        yield self.finding(
            file,
            number,
            f"{len(columns)} invisible character(s) {where}: {names}",
            confidence=0.9,
            evidence=unicode.escape_hidden(line),
        )


# what ordinary text needs: the joiner and presentation selectors of emoji, the non-joiner of
# Persian and Indic scripts, the direction marks of right-to-left text, the soft hyphen
_ORDINARY = frozenset({0x200D, 0xFE0E, 0xFE0F, 0x200C, 0x200E, 0x200F, 0x061C, 0x00AD})


def _hidden(text: str) -> list[re.Match[str]]:
    """The hidden characters of `text` that ordinary text does not need."""
    if text.isascii():
        return []
    return [m for m in unicode.hidden_pattern().finditer(text) if ord(m.group(0)) not in _ORDINARY]


def _in_code(places: FilePlaces, number: int, line: str, column: int) -> bool:
    """Outside comments and strings: in the code itself, inside or as an identifier."""
    return places.place(number, line, column) == "code"
