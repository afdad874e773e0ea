"""The program the engine analyses: the files of the change, and the unchanged files they import.

Modules are indexed by dotted name; an import resolves to the module whose name it equals, or whose
name ends with it (`helpers.utils` finds `src/helpers/utils.py`), so a repository's source root need
not be known. A Go package is its folder: an import path ending with a folder of Go files
(`github.com/acme/app/internal/db` and `internal/db/`) names that folder's package. Functions are lowered only when the analysis reaches them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol

from analyzers.record import record

if TYPE_CHECKING:  # the intermediate form is loaded with a lowering, not to read LANGUAGES
    from tree_sitter import Tree

    from analyzers.flow.ir import ClassInfo, Function, Module


class SourceModule(Protocol):
    """One parsed file of a language with a lowering."""

    module: Module
    language: str

    def function(self, identifier: str) -> Function | None: ...

    def class_info(self, identifier: str) -> ClassInfo | None: ...

    def ids_at(self, lines: frozenset[int] | None) -> list[str]: ...

    def mentions(self, identifier: str, words: tuple[str, ...]) -> bool: ...

    def decorated(self, identifier: str) -> bool: ...

    def names(self) -> frozenset[str]: ...


@record
class SourceFile:
    """A file handed to the engine: its path, language, tree, and the lines the change touched
    (None: every line, as in an added file)."""

    path: str
    language: str
    tree: Tree
    changed: frozenset[int] | None
    in_change: bool = True


def lower(file: SourceFile) -> SourceModule | None:
    """The module of a file whose language has a lowering, else None."""
    if file.language == "python":
        from analyzers.flow.python.module import PythonModule

        return PythonModule(file.path, file.tree)
    if file.language == "java":
        from analyzers.flow.java.module import JavaModule

        return JavaModule(file.path, file.tree)
    if file.language in ("javascript", "typescript", "tsx"):
        from analyzers.flow.javascript.module import JavaScriptModule

        return JavaScriptModule(file.path, file.tree, file.language)
    if file.language == "go":
        from analyzers.flow.go.module import GoModule

        return GoModule(file.path, file.tree)
    if file.language in ("c", "cpp"):
        from analyzers.flow.c.module import CModule

        return CModule(file.path, file.tree, file.language)
    return None


LANGUAGES = frozenset({"python", "java", "javascript", "typescript", "tsx", "go", "c", "cpp"})


class Program:
    def __init__(self, files: Iterable[SourceFile]) -> None:
        self.files: dict[str, SourceFile] = {}
        self.modules: dict[str, SourceModule] = {}
        self._by_name: dict[str, str] = {}
        self._names: frozenset[str] | None = None
        self._suffixes: dict[str, str | None] | None = None
        self._packages: dict[str, str] = {}  # Go: a folder, dotted, -> its first file
        for file in files:
            module = lower(file)
            if module is None:
                continue
            self.files[file.path] = file
            self.modules[file.path] = module
            self._by_name.setdefault(module.module.name, file.path)
            if file.language == "go":
                self._packages.setdefault(file.path.rpartition("/")[0].replace("/", "."), file.path)

    def module_path(self, dotted: str) -> str | None:
        """The path of the program's module named `dotted` (or ending with it, when only one does)."""
        exact = self._by_name.get(dotted)
        if exact is not None:
            return exact
        if self._suffixes is None:
            self._suffixes = {}
            for name, path in self._by_name.items():
                parts = name.split(".")
                for cut in range(1, len(parts)):
                    suffix = ".".join(parts[cut:])
                    self._suffixes[suffix] = path if suffix not in self._suffixes else None
        return self._suffixes.get(dotted)

    def split(self, ref: str) -> tuple[str, str] | None:
        """`pkg.mod.name.attr` -> (path of `pkg.mod`, `name.attr`) for the longest module prefix."""
        parts = ref.split(".")
        for cut in range(len(parts) - 1, 0, -1):
            path = self.module_path(".".join(parts[:cut])) or self.package_path(parts[:cut])
            if path is not None:
                return path, ".".join(parts[cut:])
        return None

    def package_path(self, parts: list[str]) -> str | None:
        """A file of the Go package whose folder the import path `parts` ends with, after a module
        path of at least one name (the longest such folder)."""
        if not self._packages:
            return None
        for cut in range(1, len(parts)):
            path = self._packages.get(".".join(parts[cut:]))
            if path is not None:
                return path
        return None

    def function(self, path: str, identifier: str) -> Function | None:
        module = self.modules.get(path)
        return module.function(identifier) if module is not None else None

    def class_info(self, path: str, identifier: str) -> ClassInfo | None:
        module = self.modules.get(path)
        return module.class_info(identifier) if module is not None else None

    def mentions(self, path: str, identifier: str, words: tuple[str, ...]) -> bool:
        module = self.modules.get(path)
        return module is not None and module.mentions(identifier, words)

    def defined_names(self) -> frozenset[str]:
        """Every function and class name the program defines (kept once computed)."""
        if self._names is None:
            self._names = frozenset().union(*(module.names() for module in self.modules.values()))
        return self._names

    def language(self, path: str) -> str:
        module = self.modules.get(path)
        return module.language if module is not None else ""
