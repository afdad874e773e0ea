"""Compiled regular expressions kept between processes: the package's own patterns, stored once per machine.

`re.compile` parses a pattern and generates its program in Python code; only the last step (`_sre`)
is in C. The some 260 patterns the modules of a one-file `bulwark scan` compile as they are imported
were a fifth of that process (in instructions), paid again by every process. `install` puts the
programs stored by earlier processes into `re`'s own cache, the one `re.compile`, `re.search` and the
rest look in first, so such a pattern costs one C call; and it notes each pattern compiled while a
module is being imported (a constant of the package, never one built from a change's content: those
are compiled where a rule runs, not in a module's body), which `keep` stores for the next process.

A stored program is what `re`'s compiler made for exactly that pattern string and those flags, under
the same interpreter (the file's name holds its version and `_sre`'s magic number), and `_sre` checks
a program before it runs one: a missing, unreadable or malformed entry is compiled as usual. Only
the CPython minor version this was written for is served (another is left to `re` alone). The folder
is `table_cache`'s (`BULWARK_CACHE_DIR`; `off` turns this off too), trusted like it: `marshal` is
not meant for data someone else wrote.
"""

from __future__ import annotations

import hashlib
import marshal
import re
import sys
import threading
from pathlib import Path
from typing import Any

from analyzers.table_cache import _store, cache_folder

# `re`'s internals this relies on, as CPython 3.11 has them (`re._compiler.compile` and its parts).
_SERVED = (3, 11)
_FORMAT = 1
_MOST = 2000  # entries kept: past this (patterns of older versions piling up) the file starts over
_ROOM = 64  # of `re`'s cache (512 patterns) left to those compiled as a scan runs

Entry = tuple[Any, int, int, list[int], int, dict[str, int], tuple[str | None, ...]]

_lock = threading.Lock()
_state: dict[str, Any] = {}  # "path", "stored" (the entries read), "noted" (new ones), "compile"


def install() -> None:
    """Seed `re`'s cache from the stored programs, and note patterns compiled in module bodies from
    now on. Does nothing when the cache is off, on another Python, or once already installed."""
    with _lock:
        if _state or not _served():
            return
        folder = cache_folder()
        if folder is None:
            return
        path = folder / f"regex-{_version_digest()}.marshal"
        stored = _read(path)
        seeded = _seed(stored)
        _state.update(path=path, stored=seeded, noted={}, compile=re._compiler.compile)  # type: ignore[attr-defined]
        re._compiler.compile = _noting_compile  # type: ignore[attr-defined]


def keep() -> None:
    """Store the programs noted since `install` with those read then (a folder that cannot be written
    costs only the compiling next time)."""
    with _lock:
        if not _state or not _state["noted"]:
            return
        stored: dict[tuple[Any, int], Entry] = _state["stored"]
        noted: dict[tuple[Any, int], Entry] = _state["noted"]
        merged = {**stored, **noted} if len(stored) + len(noted) <= _MOST else dict(noted)
        _state["stored"], _state["noted"] = merged, {}
        path: Path = _state["path"]
    try:
        data = marshal.dumps(list(merged.values()))
    except ValueError:  # not plain values after all: nothing stored
        return
    _store(path, data)


def uninstall() -> None:
    """Stop noting (the seeded programs stay in `re`'s cache: they are what `re` would compile)."""
    with _lock:
        if _state:
            re._compiler.compile = _state["compile"]  # type: ignore[attr-defined]
            _state.clear()


def entry_of(pattern: str | bytes, flags: int) -> Entry:
    """What is stored for `pattern` compiled with `flags`: the parts `re._compiler.compile` hands to
    `_sre.compile`."""
    parsed = re._parser.parse(pattern, flags)  # type: ignore[attr-defined]
    code = [int(op) for op in re._compiler._code(parsed, flags)]  # type: ignore[attr-defined]  # its opcodes are int subclasses
    groups: dict[str, int] = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groups.items():
        indexgroup[index] = name
    return (
        pattern,
        int(flags),
        int(flags | parsed.state.flags),
        code,
        parsed.state.groups,
        groups,
        tuple(indexgroup),
    )


def compiled(entry: Entry) -> re.Pattern[Any]:
    """The pattern `entry` holds the program of (`_sre` checks the program)."""
    pattern, _flags, final_flags, code, groups, groupindex, indexgroup = entry
    import _sre  # type: ignore[import-not-found]

    made: re.Pattern[Any] = _sre.compile(pattern, final_flags, code, groups - 1, groupindex, indexgroup)
    return made


def _served() -> bool:
    return (
        sys.implementation.name == "cpython"
        and sys.version_info[:2] == _SERVED
        and isinstance(getattr(re, "_cache", None), dict)
        and all(hasattr(re._compiler, name) for name in ("compile", "_code"))  # type: ignore[attr-defined]
    )


def _version_digest() -> str:
    import _sre

    text = f"{_FORMAT}\0{sys.version}\0{_sre.MAGIC}\0{_sre.CODESIZE}"
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _read(path: Path) -> list[Entry]:
    try:
        data = marshal.loads(path.read_bytes())  # noqa: S302  # the user's own cache folder
    except Exception:  # missing or unreadable: nothing stored
        return []
    return data if isinstance(data, list) else []


def _seed(stored: list[Entry]) -> dict[tuple[Any, int], Entry]:
    """Put each well-formed stored program into `re`'s cache (leaving room in it), and return them
    by pattern and flags."""
    cache: dict[tuple[type, Any, int], re.Pattern[Any]] = re._cache  # type: ignore[attr-defined]
    room = re._MAXCACHE - _ROOM - len(cache)  # type: ignore[attr-defined]
    seeded: dict[tuple[Any, int], Entry] = {}
    for entry in stored:
        if len(seeded) >= room:
            break
        try:
            pattern, flags = entry[0], entry[1]
            if not isinstance(pattern, str | bytes) or not isinstance(flags, int):
                continue
            key = (type(pattern), pattern, flags)
            if key not in cache:
                cache[key] = compiled(entry)
            seeded[pattern, flags] = entry
        except Exception:  # noqa: S112  # malformed: `re` compiles that pattern when it is asked for
            continue
    return seeded


def _noting_compile(pattern: Any, flags: int = 0) -> Any:
    """`re._compiler.compile`, noting the program of a pattern compiled in a module's body. Such a
    pattern is compiled once, into the entry that is stored and the pattern made from it, so a
    first run (a fresh CI machine: every run) does not compile it twice."""
    original = _state.get("compile") or re._compiler.compile  # type: ignore[attr-defined]
    if not isinstance(pattern, str | bytes) or flags & re.DEBUG or not _in_module_body():
        return original(pattern, flags)
    try:
        entry = entry_of(pattern, flags)
        made = compiled(entry)
    except Exception:  # a bad pattern: `re` raises its own error; anything else: not noted
        return original(pattern, flags)
    _state["noted"][pattern, flags] = entry
    return made


def _in_module_body() -> bool:
    """Whether a module other than `__main__` is being imported on this thread's stack."""
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_name == "<module>" and frame.f_globals.get("__name__") != "__main__":
            return True
        frame = frame.f_back  # type: ignore[assignment]
    return False
