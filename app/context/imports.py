"""The unchanged files a change imports, read so data can be followed into them.

A changed file that imports a module of its own repository may send request data into a function of
an unchanged file; the data-flow engine follows it there only when that file is in the context. One
candidate function per language names the paths an import can be:

- Python: `from helpers.db import find` is `helpers/db.py`, `helpers/db/__init__.py` or
  `helpers/db/find.py`, under the importing file's source root too;
- JavaScript and TypeScript: a relative `import … from './db'` or `require('../lib/db')` is `./db.js`,
  `./db.ts`, … or `./db/index.*` (a package of `node_modules` is never looked up);
- Java: `import com.acme.db.Query;` is `com/acme/db/Query.java` under the importing file's source root
  (the folder its `package` declaration is written in), and so is a class of the same package named
  by itself (`Query.find(...)`); only imports sharing the first two names of the file's own package
  are looked up (not `java.*` or a library's);
- Go: an import of a package of the file's own module (its path from the nearest `go.mod`) is the
  `.go` files of that folder, and the files of the importing file's own folder are its package's.
  A folder is listed when the source can list it; else only the file named like the package is tried.

The paths are read from the head side (an unchanged file is the same on both), bounded in paths looked
up, files kept and bytes, all languages sharing the bounds; a path that does not exist costs one
look-up, and the look-ups of one round are fetched together.
"""

from __future__ import annotations

import contextlib
import posixpath
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from analyzers.contract.model import ChangedFile, FileStatus
from app.context.source import ChangeSource, Listing, Prefetching, SourceError

MAX_CANDIDATES = 96  # paths looked up
MAX_FILES = 24  # imported files kept
MAX_BYTES = 2_000_000  # of imported text kept
MAX_FOLDERS = 8  # Go folders listed
MAX_FOLDER_FILES = 12  # files taken from one listed folder
_SCANNED = 200_000  # characters of each changed file searched for imports
_PER_IMPORT = 8  # names of one Python import tried as modules, classes of one Java file named by itself

# -- Python -----------------------------------------------------------------------------------------
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
        found += [f"{stem}/{name}.py" for name in names[:_PER_IMPORT] if name.isidentifier()]
    return list(dict.fromkeys(found))


def python_candidates(path: str, text: str) -> list[str]:
    found: list[str] = []
    for module, names in imported_modules(text):
        found += candidates(path, module, names)
    return found


# -- JavaScript and TypeScript ----------------------------------------------------------------------
_SPECIFIER = re.compile(
    r"""(?:\bfrom|\bimport|\brequire[ \t]*\(|\bimport[ \t]*\()[ \t]*(['"])(\.{1,2}/[^'"\n\\]{0,300})\1"""
)
_SCRIPT_SUFFIXES = (".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx", ".mts", ".cts")
_TYPED = (".ts", ".tsx", ".mts", ".cts")


def javascript_candidates(path: str, text: str) -> list[str]:
    """The files a script's relative imports and `require`s can name: a written extension first, then
    the importing file's kind of extensions (TypeScript first for TypeScript), then `index` files."""
    typed = path.endswith(_TYPED)
    suffixes = (".ts", ".tsx", ".js") if typed else (".js", ".jsx", ".ts")
    found: list[str] = []
    for match in _SPECIFIER.finditer(text[:_SCANNED]):
        stem = _joined(posixpath.dirname(path), match.group(2))
        if stem is None:
            continue
        written = next((s for s in _SCRIPT_SUFFIXES if stem.endswith(s)), None)
        if written is not None:
            found.append(stem)
            if typed and written in (".js", ".mjs", ".cjs"):  # TypeScript names its output: `./db.js`
                found.append(stem[: -len(written)] + ".ts")
            continue
        found += [stem + suffix for suffix in suffixes]
        found += [f"{stem}/index{suffix}" for suffix in suffixes[:2]]
    return found


def _joined(folder: str, relative: str) -> str | None:
    """`relative` resolved against `folder`; None when it leaves the repository."""
    parts = [part for part in folder.split("/") if part]
    for piece in relative.split("/"):
        if piece in ("", "."):
            continue
        if piece == "..":
            if not parts:
                return None
            parts.pop()
        else:
            parts.append(piece)
    return "/".join(parts) or None


# -- Java -------------------------------------------------------------------------------------------
_PACKAGE = re.compile(r"^[ \t]{0,40}package[ \t]{1,40}([\w.]{1,300})[ \t]{0,40};", re.M)
_JAVA_IMPORT = re.compile(
    r"^[ \t]{0,40}import[ \t]{1,40}(static[ \t]{1,40})?([\w.]{1,300})[ \t]{0,40};", re.M
)
_CLASS_USE = re.compile(
    r"\bnew[ \t]{1,40}([A-Z]\w{0,100})[ \t]{0,40}[(<]|\b([A-Z]\w{0,100})[ \t]{0,40}\.[ \t]{0,40}[a-z]\w{0,100}[ \t]{0,40}\("
)
_JAVA_LANG = frozenset({"String", "Integer", "Long", "Double", "Float", "Boolean", "Character", "Byte", "Short",
                        "Math", "System", "Object", "StringBuilder", "StringBuffer", "Thread", "Runtime",
                        "ProcessBuilder", "Class", "Exception", "RuntimeException", "Enum", "Void", "Number",
                        "Iterable", "Record", "ClassLoader", "Process", "Throwable", "Error", "Arrays", "Collections",
                        "List", "Map", "Set", "Objects", "Optional", "UUID", "Base64", "Files", "Paths", "Path",
                        "Pattern", "Stream", "Collectors", "LocalDate", "Instant", "Duration"})  # fmt: skip


def java_candidates(path: str, text: str) -> list[str]:
    """The files of the classes a Java file imports from its own project, and of the classes of its
    own package it names (`Helper.clean(x)`, `new Helper()`)."""
    scanned = text[:_SCANNED]
    declared = _PACKAGE.search(scanned)
    package = declared.group(1).split(".") if declared else []
    folder = path.rpartition("/")[0].split("/") if "/" in path else []
    if package and folder[-len(package) :] != package:
        return []  # the file does not sit where its package says: its source root is not known
    root = folder[: len(folder) - len(package)]
    found: list[str] = []
    imported: set[str] = set()
    for match in _JAVA_IMPORT.finditer(scanned):
        names = match.group(2).split(".")
        if match.group(1):  # `import static a.b.Query.find;` names a member of `a.b.Query`
            names = names[:-1]
        if len(names) < 2 or not names[-1][:1].isupper():
            continue
        imported.add(names[-1])
        if names[:2] == package[:2] and len(package) >= 2:
            found.append("/".join([*root, *names]) + ".java")
    own = PurePosixPath(path).stem
    named: list[str] = []
    for match in _CLASS_USE.finditer(scanned):
        name = match.group(1) or match.group(2)
        if name not in imported and name not in _JAVA_LANG and name != own and name not in named:
            named.append(name)
    found += ["/".join([*folder, name]) + ".java" for name in named[:_PER_IMPORT]]
    return found


# -- Go ---------------------------------------------------------------------------------------------
_GO_SINGLE = re.compile(r"^import[ \t]{1,40}(?:[\w.]{1,100}[ \t]{1,40})?\"([^\"\n]{1,300})\"", re.M)
_GO_PATH = re.compile(r"\"([^\"\n]{1,300})\"")
_GO_MODULE = re.compile(r"^[ \t]{0,40}module[ \t]{1,40}\"?([^\s\"]{1,300})", re.M)


def go_imports(text: str) -> list[str]:
    """The paths a Go file imports, single (`import "x"`) or in blocks (`import ( … )`)."""
    found: list[str] = []
    block = False
    for line in text[:_SCANNED].splitlines():
        code = line.split("//", 1)[0]
        if block:
            found += [m.group(1) for m in _GO_PATH.finditer(code)]
            block = ")" not in code
        elif code.startswith("import"):
            rest = code[len("import") :].lstrip(" \t")
            if rest.startswith("("):
                found += [m.group(1) for m in _GO_PATH.finditer(rest)]
                block = ")" not in rest
            else:
                single = _GO_SINGLE.match(line)
                if single is not None:
                    found.append(single.group(1))
    return found


def go_module(text: str) -> str | None:
    """The module path a `go.mod` declares."""
    found = _GO_MODULE.search(text[:_SCANNED])
    return found.group(1) if found else None


def go_mod_paths(path: str) -> list[str]:
    """Where the `go.mod` of the file at `path` can be, nearest first."""
    parts = path.split("/")[:-1]
    return ["/".join([*parts[:cut], "go.mod"]) for cut in range(len(parts), -1, -1)][:6]


def go_folders(text: str, root: str, module: str) -> list[str]:
    """The folders of the packages of `module` (whose `go.mod` is in `root`) a Go file imports."""
    found: list[str] = []
    for written in go_imports(text):
        if written.startswith(module + "/"):
            relative = posixpath.normpath(written[len(module) + 1 :])
            if not relative.startswith(("..", "/")):
                found.append(f"{root}/{relative}" if root else relative)
    return found


# -- the one reader ---------------------------------------------------------------------------------
CANDIDATES: dict[str, Callable[[str, str], list[str]]] = {
    "python": python_candidates,
    "javascript": javascript_candidates,
    "typescript": javascript_candidates,
    "tsx": javascript_candidates,
    "java": java_candidates,
}


def _sources(files: Iterable[ChangedFile]) -> list[ChangedFile]:
    return [f for f in files if f.status is not FileStatus.REMOVED and f.head_text and f.language]


def import_candidates(files: Iterable[ChangedFile]) -> list[str]:
    """Paths, in a stable order, that the changed files may import and that the change lacks (Go's are
    found in a second round, once its `go.mod` is read)."""
    return _wanted(files)[:MAX_CANDIDATES]


def _wanted(files: Iterable[ChangedFile]) -> list[str]:
    files = list(files)
    changed = {file.path for file in files}
    wanted: list[str] = []
    for file in _sources(files):
        named = CANDIDATES.get(file.language or "")
        if named is not None and file.head_text:
            wanted.extend(p for p in named(file.path, file.head_text) if p not in changed)
    return list(dict.fromkeys(wanted))


def read_imported(paths: Sequence[str], read: Callable[[str], str | None]) -> tuple[dict[str, str], int]:
    """The text of the paths that exist, within the bounds; and how many were left unread."""
    reading = _Reading(read)
    reading.take(paths)
    return reading.kept, reading.skipped


@dataclass
class _Reading:
    """Paths read within the shared bounds: look-ups, files kept, bytes."""

    read: Callable[[str], str | None]
    kept: dict[str, str] = field(default_factory=dict)
    looked: int = 0
    total: int = 0
    skipped: int = 0

    def take(self, paths: Sequence[str]) -> None:
        for path in paths:
            if path in self.kept:
                continue
            if len(self.kept) >= MAX_FILES or self.total >= MAX_BYTES or self.looked >= MAX_CANDIDATES:
                self.skipped += 1
                continue
            self.looked += 1
            text = self.read(path)
            if text is None:
                continue
            if self.total + len(text) > MAX_BYTES:
                self.skipped += 1
                continue
            self.kept[path] = text
            self.total += len(text)

    def room(self) -> int:
        """Look-ups left."""
        return max(MAX_CANDIDATES - self.looked, 0)


def imported_files(
    source: ChangeSource, files: Sequence[ChangedFile], max_bytes: int
) -> tuple[dict[str, str], str]:
    """The unchanged files the changed code imports, read from `source` (a path that is not there, or
    cannot be read, is skipped); and a note when bounds left paths unread."""
    changed = {file.path: file for file in files}
    gos = [f for f in _sources(files) if f.language == "go" and not f.path.endswith("_test.go")]
    mods = [p for f in gos for p in go_mod_paths(f.path) if p not in changed]
    wanted = list(dict.fromkeys(mods + _wanted(files)))
    first = wanted[:MAX_CANDIDATES]
    if not first and not gos:
        return {}, ""
    raw: dict[str, str | None] = {}

    def fetch(paths: Sequence[str]) -> None:
        paths = [p for p in paths if p not in raw]
        if isinstance(source, Prefetching) and len(paths) > 1:
            with contextlib.suppress(SourceError):  # each read below succeeds or fails on its own
                source.prefetch([(path, "head") for path in paths])
        for path in paths:
            raw[path] = _read(source, path, max_bytes)

    mod_set = set(mods)
    fetch(first)
    reading = _Reading(raw.get)
    reading.take([p for p in first if p not in mod_set])
    reading.looked += sum(1 for p in first if p in mod_set)
    reading.skipped += len(wanted) - len(first)
    if gos:
        second = _go_files(source, gos, changed, raw, reading.room())
        fetch(second)
        reading.take(second)
    if not reading.skipped:
        return reading.kept, ""
    bounds = f"{MAX_CANDIDATES} look-ups, {MAX_FILES} files, {MAX_BYTES} bytes"
    return reading.kept, f"imports: {reading.skipped} imported paths not read (bounds of {bounds})"


def _read(source: ChangeSource, path: str, max_bytes: int) -> str | None:
    try:
        data = source.read(path, "head")
    except SourceError:
        return None
    if data is None or b"\x00" in data[:8000] or len(data) > max_bytes:
        return None
    return data.decode("utf-8", "replace")


def _go_files(
    source: ChangeSource,
    gos: Sequence[ChangedFile],
    changed: dict[str, ChangedFile],
    mods: dict[str, str | None],
    room: int,
) -> list[str]:
    """The `.go` files of the packages of its own module a changed Go file imports, and of its own
    package: listed when the source can list folders, else the file named like the package."""
    imported: list[str] = []
    own: list[str] = []
    for file in gos:
        own.append(file.path.rpartition("/")[0])
        for mod in go_mod_paths(file.path):
            text = changed[mod].head_text if mod in changed else mods.get(mod)
            module = go_module(text) if text else None
            if module is not None:
                imported += go_folders(file.head_text or "", mod.rpartition("/")[0], module)
                break
    folders = list(dict.fromkeys(imported + own))[:MAX_FOLDERS]
    if not folders:
        return []
    listed: dict[str, tuple[str, ...] | None] | None = None
    if isinstance(source, Listing):
        try:
            listed = source.list_folders(folders, "head")
        except SourceError:
            listed = None
    found: list[str] = []
    for folder in folders:
        if listed is None:  # a package's file is often named after it: one look-up
            if folder in imported:
                found.append(f"{folder}/{folder.rpartition('/')[2]}.go")
            continue
        names = [n for n in listed.get(folder) or () if n.endswith(".go") and not n.endswith("_test.go")]
        paths = [f"{folder}/{name}" if folder else name for name in sorted(names)]
        found += [p for p in paths if p not in changed][:MAX_FOLDER_FILES]
    return list(dict.fromkeys(p for p in found if p not in changed))[:room]
