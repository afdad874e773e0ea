"""Tree-sitter languages and parsing: grammars loaded once per process, lazily per language.

Every parse has a time limit and a size cap; a file over the cap or a parse over the limit yields no
tree, and `parse_outcome` says why. Trees with ERROR nodes are still returned (partial trees are used).
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib
import locale
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from functools import cache
from pathlib import PurePosixPath

from tree_sitter import Language, Parser, Point, Tree

from analyzers.contract.limits import InputLimitError
from analyzers.contract.yaml_levels import YAML_MAX_LEVELS, yaml_block_levels
from analyzers.record import record

DEFAULT_MAX_BYTES = 1_000_000
DEFAULT_TIMEOUT_SECONDS = 2.0
_CHUNK = 1 << 16

# language id -> (module, function returning the grammar pointer)
GRAMMARS: dict[str, tuple[str, str]] = {
    "python": ("tree_sitter_python", "language"),
    "javascript": ("tree_sitter_javascript", "language"),
    "typescript": ("tree_sitter_typescript", "language_typescript"),
    "tsx": ("tree_sitter_typescript", "language_tsx"),
    "go": ("tree_sitter_go", "language"),
    "java": ("tree_sitter_java", "language"),
    "ruby": ("tree_sitter_ruby", "language"),
    "php": ("tree_sitter_php", "language_php"),
    "c": ("tree_sitter_c", "language"),
    "cpp": ("tree_sitter_cpp", "language"),
    "csharp": ("tree_sitter_c_sharp", "language"),
    "rust": ("tree_sitter_rust", "language"),
    "bash": ("tree_sitter_bash", "language"),
    "yaml": ("tree_sitter_yaml", "language"),
    "json": ("tree_sitter_json", "language"),
    "toml": ("tree_sitter_toml", "language"),
    "hcl": ("tree_sitter_hcl", "language"),
    "dockerfile": ("tree_sitter_dockerfile", "language"),
}

EXTENSIONS: dict[str, str] = {
    ".py": "python", ".pyi": "python", ".pyw": "python",
    ".js": "javascript", ".mjs": "javascript", ".cjs": "javascript", ".jsx": "javascript",
    ".ts": "typescript", ".mts": "typescript", ".cts": "typescript",
    ".tsx": "tsx",
    ".go": "go",
    ".java": "java",
    ".rb": "ruby", ".rake": "ruby", ".gemspec": "ruby", ".ru": "ruby",
    ".php": "php", ".phtml": "php",
    ".c": "c", ".h": "c",
    ".cc": "cpp", ".cpp": "cpp", ".cxx": "cpp", ".hpp": "cpp", ".hh": "cpp", ".hxx": "cpp",
    ".cs": "csharp",
    ".rs": "rust",
    ".sh": "bash", ".bash": "bash", ".zsh": "bash", ".ksh": "bash",
    ".yml": "yaml", ".yaml": "yaml",
    ".json": "json", ".jsonc": "json", ".code-workspace": "json",
    ".toml": "toml",
    ".tf": "hcl", ".tfvars": "hcl", ".hcl": "hcl", ".nomad": "hcl",
    ".dockerfile": "dockerfile", ".containerfile": "dockerfile",
}  # fmt: skip

FILENAMES: dict[str, str] = {
    "dockerfile": "dockerfile",
    "containerfile": "dockerfile",
    "gemfile": "ruby",
    "rakefile": "ruby",
    "podfile": "ruby",
    "vagrantfile": "ruby",
    "pipfile": "toml",
    ".bashrc": "bash",
    ".bash_profile": "bash",
    ".profile": "bash",
    ".zshrc": "bash",
    ".mcp.json": "json",
    ".clang-format": "yaml",
}

INTERPRETERS: dict[str, str] = {
    "python": "python", "python2": "python", "python3": "python", "pypy": "python", "pypy3": "python",
    "node": "javascript", "nodejs": "javascript", "deno": "typescript", "bun": "javascript",
    "ts-node": "typescript", "tsx": "typescript",
    "ruby": "ruby", "php": "php",
    "sh": "bash", "bash": "bash", "dash": "bash", "zsh": "bash", "ksh": "bash", "ash": "bash",
}  # fmt: skip


def detect_language(path: str, text: str | None = None) -> str | None:
    """The language id of `path`, by file name, extension, then shebang; None for prose and unknowns."""
    name = PurePosixPath(path).name
    lower = name.lower()
    if lower in FILENAMES:
        return FILENAMES[lower]
    if lower.startswith(("dockerfile.", "containerfile.")) or lower.endswith(".dockerfile"):
        return "dockerfile"
    suffix = PurePosixPath(lower).suffix
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    if text is not None and text.startswith("#!"):
        return language_from_shebang(text.split("\n", 1)[0])
    return None


def language_from_shebang(line: str) -> str | None:
    """`#!/usr/bin/env python3` -> python; `#!/bin/sh -e` -> bash."""
    words = line[2:].strip().split()
    if not words:
        return None
    program = words[0].rsplit("/", 1)[-1]
    if program == "env":
        rest = [word for word in words[1:] if not word.startswith("-") and "=" not in word]
        if not rest:
            return None
        program = rest[0]
    program = program.rstrip("0123456789.") or program
    return INTERPRETERS.get(program) or INTERPRETERS.get(program + "3")


def _pycapsule(pointer: int) -> object:
    """Wrap a bare grammar pointer in the capsule tree-sitter expects."""
    new_capsule = ctypes.pythonapi.PyCapsule_New
    new_capsule.restype = ctypes.py_object
    new_capsule.argtypes = (ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p)
    capsule: object = new_capsule(pointer, b"tree_sitter.Language", None)
    return capsule


@cache
def get_language(language: str) -> Language:
    """The tree-sitter `Language` of a language id, loaded on first use (KeyError if unknown)."""
    module_name, function_name = GRAMMARS[language]
    module = importlib.import_module(module_name)
    function: Callable[[], object] = getattr(module, function_name)
    pointer = function()
    if isinstance(pointer, int):
        pointer = _pycapsule(pointer)
    return Language(pointer)


_local = threading.local()


def _use_unicode_ctype() -> None:
    """Grammar scanners (bash's) tell letters with the C library's `iswalpha`, which follows LC_CTYPE:
    under the C locale a Cyrillic letter is no letter, and a confusable identifier in a shell script
    would parse as something else and pass unseen. Python itself runs in UTF-8 mode there; the C
    library is moved to C.UTF-8 as well, once, and only from C or POSIX."""
    if locale.setlocale(locale.LC_CTYPE) in ("C", "POSIX"):
        with contextlib.suppress(locale.Error):
            locale.setlocale(locale.LC_CTYPE, "C.UTF-8")


_use_unicode_ctype()


def get_parser(language: str) -> Parser:
    """A parser for `language`, one per thread (parsers are not thread-safe)."""
    parsers: dict[str, Parser] | None = getattr(_local, "parsers", None)
    if parsers is None:
        parsers = {}
        _local.parsers = parsers
    parser = parsers.get(language)
    if parser is None:
        parser = Parser(get_language(language))
        parsers[language] = parser
    return parser


@record
class ParseOutcome:
    tree: Tree | None
    skipped_reason: str | None = None
    seconds: float = 0.0


def parse_outcome(
    language: str,
    text: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    old_tree: Tree | None = None,
) -> ParseOutcome:
    """Parse `text`; the tree, or None with the reason (no grammar, over the size cap, over time).

    `old_tree`, an edited tree of a similar text, lets tree-sitter reuse its unchanged subtrees."""
    if language not in GRAMMARS:
        return ParseOutcome(None, f"no grammar for {language}")
    data = text.encode("utf-8", "surrogatepass")
    if len(data) > max_bytes:
        return ParseOutcome(None, f"larger than {max_bytes} bytes ({len(data)})")
    if language == "yaml" and yaml_block_levels(text) > YAML_MAX_LEVELS:
        return ParseOutcome(None, f"YAML nested deeper than {YAML_MAX_LEVELS} block levels")
    parser = get_parser(language)
    started = time.monotonic()
    # The limit is the parsing thread's processor time: on a loaded machine, wall time would refuse a
    # file on one run and accept it on the next.
    deadline = time.thread_time() + timeout

    def read(offset: int, _point: Point) -> bytes:
        return data[offset : offset + _CHUNK]

    def progress(_offset: int, _has_error: bool) -> bool:
        return time.thread_time() > deadline

    try:
        tree = (
            parser.parse(read, progress_callback=progress)
            if old_tree is None
            else parser.parse(read, old_tree, progress_callback=progress)
        )
    except ValueError:
        parser.reset()
        seconds = time.monotonic() - started
        return ParseOutcome(None, f"parse exceeded {timeout:g} s", seconds)
    # A tree parsed through a callback reads node text back through it; parsing the bytes again
    # with the finished tree as the old one is nearly free and keeps the source with the tree.
    tree = parser.parse(data, old_tree=tree)
    return ParseOutcome(tree, None, time.monotonic() - started)


_FAILED_LIMIT = 64
_FAILED_SECONDS = 600.0  # a parse over time on a busy machine is tried again after this
_failed: OrderedDict[tuple[str, int, int], tuple[float, str]] = OrderedDict()  # texts past a limit
_failed_lock = threading.Lock()


def parse_text(
    language: str, text: str, old_tree: Tree | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Tree | None:
    """Parse `text` as `language`; None when no grammar is known.

    Raises `InputLimitError` when the text is too big, too deep or too slow to parse: whoever needed the
    tree cannot do its work on this text, and must not take that for an empty file. A text that failed
    recently fails again at once (a hostile file costs one parse limit, not one per rule)."""
    key = (language, len(text), hash(text))
    with _failed_lock:
        known = _failed.get(key)
    if known is not None and time.monotonic() - known[0] < _FAILED_SECONDS:
        raise InputLimitError(known[1])
    outcome = parse_outcome(language, text, old_tree=old_tree, max_bytes=max_bytes)
    if outcome.skipped_reason and language in GRAMMARS:
        with _failed_lock:
            _failed[key] = (time.monotonic(), outcome.skipped_reason)
            while len(_failed) > _FAILED_LIMIT:
                _failed.popitem(last=False)
        raise InputLimitError(outcome.skipped_reason)
    return outcome.tree
