"""Built tables kept between processes: what a packaged data file derives to, stored once per machine.

Some rules derive large look-up tables from a packaged data file (the injection lexicon's index, the
n-gram model's pair table). Building them costs tens of milliseconds, which every `bulwark scan`
process used to pay again. `built_table` stores the built table with `marshal` in the user's cache
folder, under a digest of the data file's bytes, the table's format and the interpreter's version:
a changed data file, a changed format or another Python never reads an old table.

Nothing here reads pull-request content: the data files are the package's own. An entry that is
missing, unreadable or not of the expected shape is rebuilt from the data file, and a folder that
cannot be written costs only the build. The folder is `BULWARK_CACHE_DIR` (`off` turns the cache
off), else `$XDG_CACHE_HOME/bulwark`, else `~/.cache/bulwark`. Like every cache in a user's home, it
is trusted as much as that home: `marshal` is not meant for data someone else wrote.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

OFF = "off"


def cache_folder() -> Path | None:
    """Where built tables are kept, or None when the cache is off."""
    named = os.environ.get("BULWARK_CACHE_DIR")
    if named is not None:
        return None if named.strip().lower() in {"", OFF} else Path(named)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "bulwark"


def built_table(
    name: str,
    source: bytes,
    build: Callable[[], T],
    encode: Callable[[T], Any],
    decode: Callable[[object], T],
) -> T:
    """The table `build` makes from `source` (a data file's bytes), read from the cache when an entry
    for exactly these bytes is there. `encode` turns the table into plain values `marshal` writes
    (dicts, tuples, frozensets, strings, numbers); `decode` turns them back and raises on anything not
    of the shape it expects. `name` names the table and its format: change it when `encode` changes."""
    folder = cache_folder()
    if folder is None:
        return build()
    digest = hashlib.sha256(source + f"\0{name}\0{sys.version}".encode()).hexdigest()[:32]
    path = folder / f"{name}-{digest}.marshal"
    try:
        return decode(marshal.loads(path.read_bytes()))  # noqa: S302  # the user's own cache folder
    except Exception:  # noqa: S110  # missing, unreadable or not a table of this shape: build it again
        pass
    table = build()
    _store(path, marshal.dumps(encode(table)))
    return table


def _store(path: Path, data: bytes) -> None:
    """Write `data` to `path` whole or not at all (another process may be reading or writing it)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".table-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return  # a read-only or full folder: the next process builds the table again
