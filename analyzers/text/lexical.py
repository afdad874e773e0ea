"""Comments and strings of languages without a grammar here, found by comment-syntax family.

Assembly, Solidity, SQL, Kotlin, Swift, Lua, Haskell, Lisp, ... have no tree-sitter grammar in this
project. Their comments, strings and identifiers are still needed by the hidden-character rules, so
that bidi controls in a comment and invisible characters in an identifier are judged exactly as in a
parsed language. A family names the comment and string delimiters that a group of languages shares;
the scanner walks from one opening delimiter to its closer with `str.find` and one small pattern per
family (no backtracking), so its time is linear in the text it reads, which is capped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from pathlib import PurePosixPath
from typing import Literal

from analyzers.record import record
from analyzers.text.lines import line_starts

MAX_LEXED_CHARS = 2_000_000  # characters of one file the scanner reads; the rest counts as code

RegionKind = Literal["comment", "string"]


@record
class Syntax:
    """The delimiters of one comment-syntax family."""

    line: tuple[str, ...] = ()  # line comment openers
    block: tuple[tuple[str, str], ...] = ()  # (opener, closer) of block comments
    quotes: tuple[str, ...] = ()  # string delimiters that may not span lines
    long_quotes: tuple[tuple[str, str], ...] = ()  # (opener, closer) of strings that may
    escape: str = "\\"  # escape character inside strings ("" for none)


@record
class Region:
    """A comment or string: characters [start, end) of the lexed text."""

    kind: RegionKind
    start: int
    end: int


_C = Syntax(line=("//",), block=(("/*", "*/"),), quotes=('"', "'"), long_quotes=(('"""', '"""'), ("`", "`")))
FAMILIES: dict[str, Syntax] = {
    "c": _C,  # C#, Kotlin, Swift, Solidity, Scala, Dart, Zig, Groovy, Objective-C, protobuf, ...
    "hash": Syntax(line=("#",), quotes=('"', "'"), long_quotes=(('"""', '"""'), ("'''", "'''"))),
    "sql": Syntax(line=("--", "#"), block=(("/*", "*/"),), quotes=("'", '"'), escape=""),
    "lua": Syntax(line=("--",), block=(("--[[", "]]"),), quotes=('"', "'"), long_quotes=(("[[", "]]"),)),
    "haskell": Syntax(line=("--",), block=(("{-", "-}"),), quotes=('"',)),
    "lisp": Syntax(line=(";",), block=(("#|", "|#"),), long_quotes=(('"', '"'),)),
    "asm": Syntax(line=(";", "#", "//"), block=(("/*", "*/"),), quotes=('"', "'")),
    "percent": Syntax(line=("%",), quotes=('"', "'"), escape=""),
    "markup": Syntax(block=(("<!--", "-->"),), quotes=()),
    "fortran": Syntax(line=("!",), quotes=('"', "'"), escape=""),
    "basic": Syntax(line=("'", "REM "), quotes=('"',), escape=""),
    "powershell": Syntax(line=("#",), block=(("<#", "#>"),), quotes=('"', "'"), escape="`"),
    "ocaml": Syntax(block=(("(*", "*)"),), quotes=('"',)),
    "css": Syntax(block=(("/*", "*/"),), quotes=('"', "'")),
}
_EXTENSIONS = {
    "c": ".cs .csx .kt .kts .swift .sol .scala .sc .dart .zig .groovy .gradle .m .mm .proto .v .sv "
    ".vala .d .hx .fs .fsx .jsonnet .cu .cuh .glsl .hlsl .frag .vert .wgsl .ino .java .js .ts .go "
    ".rs .c .h .cpp .cc .hpp .php .jsx .tsx .mjs .cjs .mts .cts .cxx .hh .hxx .ceylon .ets .move "
    ".cairo .vy .circom .nr .qml .as .pde .chpl .odin .v .gd .cj .mojo",
    "hash": ".py .pyw .pyi .rb .pl .pm .t .r .jl .ex .exs .nim .cr .tcl .cmake .mk .sh .bash .zsh "
    ".ksh .fish .awk .sed .yml .yaml .toml .ini .cfg .conf .properties .tf .hcl .nix .coffee .gn "
    ".gni .bzl .star .dockerfile .mojo .raku .rakumod .pyx .pxd .gd .jq .nu .just .env",
    "sql": ".sql .psql .pgsql .plsql .mysql .hql .ddl .dml .prc .pks .pkb",
    "lua": ".lua .luau",
    "haskell": ".hs .lhs .elm .purs .agda .idr",
    "lisp": ".lisp .lsp .cl .el .clj .cljs .cljc .edn .scm .ss .rkt .fnl .hy",
    "asm": ".asm .s .nasm .masm .inc .a51",
    "percent": ".erl .hrl .tex .sty .cls .bib .pl_ .pro .mat .mlx",
    "markup": ".html .htm .xhtml .xml .svg .vue .svelte .xsl .xslt .xaml .csproj .fsproj .plist "
    ".rss .atom .wsdl .jsp .erb .ejs .hbs .mustache .twig .razor .cshtml .astro",
    "fortran": ".f .f90 .f95 .f03 .f08 .for .ftn",
    "basic": ".vb .vbs .bas .cls_ .frm",
    "powershell": ".ps1 .psm1 .psd1",
    "ocaml": ".ml .mli .sml .fsi",
    "css": ".css .scss .less .sass",
}
_NAMES = {"makefile": "hash", "gnumakefile": "hash", "cmakelists.txt": "hash", "justfile": "hash",
          "build": "hash", "workspace": "hash", "jenkinsfile": "c", "podfile": "hash",
          "brewfile": "hash", ".gitignore": "hash", ".gitattributes": "hash", ".npmrc": "hash",
          ".editorconfig": "hash", "procfile": "hash"}  # fmt: skip
_SHEBANGS = {"python": "hash", "perl": "hash", "ruby": "hash", "sh": "hash", "bash": "hash",
             "node": "c", "lua": "lua", "Rscript": "hash", "php": "c", "pwsh": "powershell"}  # fmt: skip


@cache
def _extension_table() -> dict[str, str]:
    return {ext: family for family, exts in _EXTENSIONS.items() for ext in exts.split()}


def family_of(path: str, text: str | None = None) -> str | None:
    """The comment-syntax family of a file by name, extension or shebang; None for prose and unknowns."""
    name = PurePosixPath(path).name.lower()
    if name in _NAMES:
        return _NAMES[name]
    suffix = PurePosixPath(name).suffix
    family = _extension_table().get(suffix)
    if family is not None:
        return family
    if text is not None and text.startswith("#!"):
        words = text[2:120].split("\n", 1)[0].split()
        program = words[-1] if words and words[0].endswith("/env") else (words[0] if words else "")
        return _SHEBANGS.get(program.rsplit("/", 1)[-1].rstrip("0123456789."))
    return None


@cache
def _openers(family: str) -> re.Pattern[str]:
    syntax = FAMILIES[family]
    starts = [
        *syntax.line,
        *(o for o, _ in syntax.block),
        *syntax.quotes,
        *(o for o, _ in syntax.long_quotes),
    ]
    ordered = sorted(set(starts), key=len, reverse=True)
    flags = re.IGNORECASE if family == "basic" else 0
    return re.compile("|".join(re.escape(opener) for opener in ordered), flags)


def regions(text: str, family: str) -> list[Region]:
    """The comments and strings of `text` (its first MAX_LEXED_CHARS characters), in order."""
    syntax, openers = FAMILIES[family], _openers(family)
    limit = min(len(text), MAX_LEXED_CHARS)
    found: list[Region] = []
    position = 0
    while position < limit:
        match = openers.search(text, position, limit)
        if match is None:
            break
        opener, start = match.group(0), match.start()
        kind, end = _close(text, start, opener, syntax, limit)
        found.append(Region(kind, start, end))
        position = max(end, start + 1)
    return found


def _close(text: str, start: int, opener: str, syntax: Syntax, limit: int) -> tuple[RegionKind, int]:
    """The kind of region `opener` opens at `start` and the index just after its closer."""
    after = start + len(opener)
    if opener in syntax.line or opener.upper() in syntax.line:
        return "comment", _find_or(text, "\n", after, limit)
    for block_open, block_close in syntax.block:
        if opener == block_open:
            return "comment", _find_or(text, block_close, after, limit, len(block_close))
    for long_open, long_close in syntax.long_quotes:
        if opener == long_open:
            return "string", _string_end(text, after, long_close, syntax.escape, limit, multiline=True)
    return "string", _string_end(text, after, opener, syntax.escape, limit, multiline=False)


def _find_or(text: str, needle: str, start: int, limit: int, extra: int = 0) -> int:
    index = text.find(needle, start, limit)
    return limit if index < 0 else index + extra


@cache
def _stops(closer: str, escape: str, multiline: bool) -> re.Pattern[str]:
    parts = [re.escape(closer)] + ([re.escape(escape)] if escape else []) + ([] if multiline else ["\n"])
    return re.compile("|".join(sorted(parts, key=len, reverse=True)))


def _string_end(text: str, start: int, closer: str, escape: str, limit: int, *, multiline: bool) -> int:
    """The index after the closing delimiter; a one-line string left open ends at its line's end."""
    stops = _stops(closer, escape, multiline)
    position = start
    while True:
        stop = stops.search(text, position, limit)
        if stop is None:
            return limit
        found = stop.group(0)
        if found == "\n" and closer != "\n":
            return stop.start()
        if escape and found == escape and found != closer:
            position = stop.end() + 1
            continue
        return stop.end()


class LexedText:
    """A text's comments and strings, and where a (line, column) falls among them."""

    __slots__ = ("_line_starts", "_lines", "_region_starts", "regions", "text")

    def __init__(self, lines: list[str], family: str | None) -> None:
        self.text = "\n".join(lines)
        self._lines = lines
        self.regions = regions(self.text, family) if family is not None else []
        self._region_starts = [region.start for region in self.regions]
        self._line_starts = line_starts(lines)

    def offset(self, line_number: int, column: int) -> int:
        if not 0 < line_number <= len(self._line_starts):
            return len(self.text)
        return self._line_starts[line_number - 1] + column

    def region_at(self, line_number: int, column: int) -> Region | None:
        """The comment or string holding the character, or None when it stands in code."""
        offset = self.offset(line_number, column)
        index = bisect_right(self._region_starts, offset) - 1
        if index >= 0 and offset < self.regions[index].end:
            return self.regions[index]
        return None

    def region_text(self, region: Region) -> str:
        return self.text[region.start : region.end]

    def code_spans(self) -> list[tuple[int, int]]:
        """[start, end) offsets of the code between comments and strings."""
        spans, position = [], 0
        for region in self.regions:
            if region.start > position:
                spans.append((position, region.start))
            position = max(position, region.end)
        if position < len(self.text):
            spans.append((position, len(self.text)))
        return spans

    def line_text(self, number: int) -> str:
        return self._lines[number - 1] if 0 < number <= len(self._lines) else ""

    def line_of(self, offset: int) -> int:
        return bisect_right(self._line_starts, offset)
