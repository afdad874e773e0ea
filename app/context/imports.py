"""The unchanged files a change imports, read so data can be followed into them.

A changed Python file that imports `helpers.db` may send request data into a function of an unchanged
`helpers/db.py`; the data-flow engine follows it there only when that file is in the context. The
candidates are the paths an import can name (`helpers/db.py`, `helpers/db/__init__.py`, under the
importing file's source root too), read from the head side (an unchanged file is the same on both),
bounded in paths tried, files kept and bytes; a path that does not exist costs one look-up.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import PurePosixPath

from analyzers.contract.model import ChangedFile, FileStatus
from app.context.source import ChangeSource, Prefetching, SourceError

MAX_CANDIDATES = 96  # paths looked up
MAX_FILES = 24  # imported files kept
MAX_BYTES = 2_000_000  # of imported text kept
_SCANNED = 200_000  # characters of each changed file searched for imports
_IMPORT = re.compile(
    r"^[ \t]*(?:from[ \t]+([\w.]*)[ \t]+import[ \t]+([\w., \t()]+)|import[ \t]+([\w., \t]+))", re.M
)


def imported_modules(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """(module, names imported from it) for each import statement at the start of a line."""
    found: list[tuple[str, tuple[str, ...]]] = []
    for match in _IMPORT.finditer(text[:_SCANNED]):
        if match.group(3) is not None:
            for item in match.group(3).split(","):
                module = item.strip().split(" ")[0]
                if module:
                    found.append((module, ()))
        else:
            names = tuple(
                n.strip().split(" ")[0] for n in match.group(2).strip("() \t").split(",") if n.strip()
            )
            found.append((match.group(1), names))
    return found


def candidates(path: str, module: str, names: Sequence[str]) -> list[str]:
    """The repository paths `module` (imported from the file at `path`) and its imported names can be."""
    package = PurePosixPath(path).parent.parts
    level = len(module) - len(module.lstrip("."))
    if level:
        base = package[: max(len(package) - level + 1, 0)]
        parts = [*base, *[p for p in module.lstrip(".").split(".") if p]]
        roots: list[tuple[str, ...]] = [()]
    else:
        parts = [p for p in module.split(".") if p]
        first = parts[0] if parts else ""
        roots = [()] + [package[:index] for index, part in enumerate(package) if part == first and index]
    found: list[str] = []
    for root in roots:
        stem = "/".join([*root, *parts])
        if not stem:
            continue
        found += [f"{stem}.py", f"{stem}/__init__.py"]
        found += [f"{stem}/{name}.py" for name in names[:8] if name.isidentifier()]
    return list(dict.fromkeys(found))


def import_candidates(files: Iterable[ChangedFile]) -> list[str]:
    """Paths, in a stable order, that the changed Python files may import and that the change lacks."""
    changed = {file.path for file in files}
    wanted: list[str] = []
    for file in files:
        if file.language != "python" or file.status is FileStatus.REMOVED or not file.head_text:
            continue
        for module, names in imported_modules(file.head_text):
            wanted.extend(p for p in candidates(file.path, module, names) if p not in changed)
    return list(dict.fromkeys(wanted))[:MAX_CANDIDATES]


def read_imported(paths: Sequence[str], read: Callable[[str], str | None]) -> tuple[dict[str, str], int]:
    """The text of the paths that exist, within the bounds; and how many were left unread."""
    kept: dict[str, str] = {}
    total = 0
    skipped = 0
    for path in paths:
        if len(kept) >= MAX_FILES or total >= MAX_BYTES:
            skipped += 1
            continue
        text = read(path)
        if text is None:
            continue
        if total + len(text) > MAX_BYTES:
            skipped += 1
            continue
        kept[path] = text
        total += len(text)
    return kept, skipped


def imported_files(
    source: ChangeSource, files: Sequence[ChangedFile], max_bytes: int
) -> tuple[dict[str, str], str]:
    """The unchanged files the changed code imports, read from `source` (a path that is not there, or
    cannot be read, is skipped); and a note when bounds left paths unread."""
    paths = import_candidates(files)
    if not paths:
        return {}, ""
    if isinstance(source, Prefetching):
        with contextlib.suppress(SourceError):  # each read below succeeds or fails on its own
            source.prefetch([(path, "head") for path in paths])

    def read(path: str) -> str | None:
        try:
            data = source.read(path, "head")
        except SourceError:
            return None
        if data is None or b"\x00" in data[:8000] or len(data) > max_bytes:
            return None
        return data.decode("utf-8", "replace")

    kept, skipped = read_imported(paths, read)
    note = f"imports: {skipped} imported paths not read (bounds of {MAX_FILES} files, {MAX_BYTES} bytes)"
    return kept, note if skipped else ""
