"""Making pull-request text safe to post on GitHub.

Everything Bulwark posts that quotes a pull request (a snippet, a path, a package name) goes through this
module. What it guarantees, in GitHub Markdown:

- No @-mention pings and no `#123` cross-references. GitHub resolves mentions after Markdown rendering, on
  text nodes, so backslash escapes (`\\@`) and HTML entities (`&#64;`) do not stop them: the entity is
  decoded first and the mention still fires. Two things do: a code span or block (mentions are never
  resolved inside code), and a zero-width space between `@` and the name, which breaks the name. Outside
  code we write `@&#8203;name` (the entity keeps the posted source plain ASCII).
- No raw HTML: `<`, `>` and `&` become entities outside code; inside code they are literal text anyway.
- No links: bare URLs in pull-request text (`https://…`, `www.…`; GitHub links them on its own) get a
  zero-width space after the scheme's `:` or the `www`, so they stay readable text, not a link a reviewer
  might follow from Bulwark's comment; `[text](url)` and `<url>` are escaped anyway. Emails break at `@`.
- No breaking out of a code span or block: the backtick fence is longer than any backtick run inside,
  and line breaks in spans become spaces (a blank line would end the span's paragraph).
- Hidden characters (bidi controls, zero-width and tag characters, control codes, variation selectors,
  blank-looking letters) are shown as `U+XXXX`, so what a reviewer reads is what the file holds.
- Length caps end with an ellipsis.

Annotation messages and terminal output are plain text: they need `show_hidden` and `cap` only.
"""

from __future__ import annotations

import re
import unicodedata

ELLIPSIS = "…"
ZWSP_ENTITY = "&#8203;"

# Code points that render as nothing (or as a blank) although they are not ordinary white space.
_BLANK_LOOKING = frozenset(
    {0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x180E, 0x034F, 0x17B4, 0x17B5, 0x2028, 0x2029}
)
_ALLOWED_CONTROLS = frozenset({"\n", "\t"})
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"})

_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]()!|~{}])")
_LINE_START = re.compile(r"^(\s*\d*)([#+=.)-])")
_REFERENCE = re.compile(r"(#|\bGH-)(?=\d)", re.IGNORECASE)
_URL_SCHEME = re.compile(r":(?=//)")  # `https://`, `ftp://`, any scheme
_WWW = re.compile(r"\b(www)(?=\.)", re.IGNORECASE)
_BACKTICK_RUN = re.compile(r"`+")
_NEWLINES = re.compile(r"\r\n|\r|\n")
_INFO_STRING = re.compile(r"[^A-Za-z0-9_+.-]")


def is_hidden(char: str) -> bool:
    """Whether `char` is invisible, reorders text, or is a control code (new line and tab are not)."""
    if char in _ALLOWED_CONTROLS:
        return False
    code = ord(char)
    if code in _BLANK_LOOKING:
        return True
    if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:  # variation selectors
        return True
    if unicodedata.category(char) == "Zs":
        return char != " "
    return unicodedata.category(char) in _HIDDEN_CATEGORIES


def show_hidden(text: str) -> str:
    """Replace every hidden character by its code point, written `U+XXXX`."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(f"U+{ord(c):04X}" if is_hidden(c) else c for c in text)


def has_hidden(text: str) -> bool:
    return any(is_hidden(c) for c in text)


def cap(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, the last one an ellipsis when something was cut."""
    if limit < 1:
        return ""
    if len(text) <= limit:
        return text
    return text[: limit - 1] + ELLIPSIS


def one_line(text: str) -> str:
    """Line breaks become spaces."""
    return _NEWLINES.sub(" ", text)


def escape_inline(text: str, limit: int = 300) -> str:
    """Pull-request text made safe for Markdown outside code: one line, trimmed, literal, silent.

    The result is at most `limit` characters long, escapes included; what was cut ends with an ellipsis.
    """
    full = show_hidden(one_line(text)).strip()
    size = min(len(full), limit)
    escaped = _escape_visible(cap(full, size))
    while len(escaped) > limit:
        size = max(0, size - max(1, (len(escaped) - limit) // 8))
        escaped = _escape_visible(cap(full, size))
    return escaped


def _escape_visible(visible: str) -> str:
    escaped = visible.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = _MARKDOWN_PUNCTUATION.sub(r"\\\1", escaped)
    escaped = _LINE_START.sub(r"\1\\\2", escaped, count=1)
    escaped = _REFERENCE.sub(lambda m: m.group(1) + ZWSP_ENTITY, escaped)
    escaped = _URL_SCHEME.sub(":" + ZWSP_ENTITY, escaped)
    escaped = _WWW.sub(lambda m: m.group(1) + ZWSP_ENTITY, escaped)
    return escaped.replace("@", "@" + ZWSP_ENTITY)


def _longest_backtick_run(text: str) -> int:
    return max((len(run) for run in _BACKTICK_RUN.findall(text)), default=0)


def code_span(text: str, limit: int = 120) -> str:
    """`text` as an inline code span that nothing inside can close: one line, hidden characters shown."""
    content = cap(show_hidden(one_line(text)), limit)
    if not content:
        return "` `"
    fence = "`" * (_longest_backtick_run(content) + 1)
    if content.strip(" ") and (content[0] in "` " or content[-1] in "` "):
        content = f" {content} "
    return f"{fence}{content}{fence}"


def code_block(text: str, language: str = "", limit: int = 2_000) -> str:
    """`text` as a fenced code block that nothing inside can close, hidden characters shown."""
    content = cap(show_hidden(_NEWLINES.sub("\n", text)), limit).rstrip("\n")
    return fenced(content, language)


def fenced(content: str, info: str = "") -> str:
    """A backtick fence around `content` as it is (no escaping), longer than any run inside."""
    fence = "`" * max(3, _longest_backtick_run(content) + 1)
    return f"{fence}{_INFO_STRING.sub('', info)}\n{content}\n{fence}"


def plain(text: str, limit: int) -> str:
    """Plain text (annotations, terminal): hidden characters shown, capped."""
    return cap(show_hidden(text), limit)


def escape_with_code(text: str, limit: int = 300) -> str:
    """Like `escape_inline`, but text between a pair of single backticks stays a code span (rendered by
    `code_span`, so nothing inside can break out). A backtick without a partner is shown as text.

    Rule messages quote code this way (`os.system()` runs a string built from `name`): escaping the
    backticks would show them literally. Parts are capped in turn so the whole stays near `limit`.
    """
    parts = one_line(text).strip().split("`")
    if len(parts) % 2 == 0:  # an odd number of backticks: the last one has no partner
        parts[-2:] = [parts[-2] + "`" + parts[-1]]
    out: list[str] = []
    budget = limit
    for index, part in enumerate(parts):
        if budget <= 1:
            out.append(ELLIPSIS)
            break
        if index % 2 and part.strip():
            piece = code_span(part, max(budget - 4, 1))
        elif index % 2:
            piece = escape_inline("`" + part + "`", budget) if part else ""
        elif part.strip():
            lead, trail = part[: len(part) - len(part.lstrip())], part[len(part.rstrip()) :]
            piece = lead[:1] + escape_inline(part, budget) + trail[:1]
        else:
            piece = part[:1]
        out.append(piece)
        budget -= len(piece)
    return "".join(out)
