"""Which PyPI distributions provide which import names, read from the distributions' own metadata.

`import yaml` comes from `PyYAML`, `import locust` from `locust` (formerly `locustio`): a rule that asks
whether an import is declared must map import names to distribution names as pip installs them. The
map ships as `pypi-modules.txt` beside this module (one `module<TAB>distribution ...` a line, under
`# key: value` header lines) and holds only the names that differ from their distribution's; it is
made from the metadata of installed distributions (`top_level.txt`, else the top-level entries of
`RECORD`) and from entries kept by hand, and `bulwark data update` adds what the current environment
(or `--site` folders) installs, offline. Nothing is ever removed by an update: a name a distribution
once provided may still be imported by older code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from analyzers.record import record

if TYPE_CHECKING:  # only an update reads installed metadata; an analysis reads the shipped map
    import importlib.metadata

DATA_DIR = Path(__file__).resolve().parent
MODULES_FILE = "pypi-modules.txt"
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_SEPARATORS = re.compile(r"[-_.]+")
_STRAY = frozenset(
    {"test", "tests", "testing", "doc", "docs", "example", "examples", "benchmarks", "scripts"}
)
_OWN = "bulwark"  # this project, installed from its checkout: its packages are no one's imports


@record
class ModuleMap:
    """Import name -> distributions (canonical PyPI names) that provide it."""

    entries: Mapping[str, frozenset[str]]
    sources: tuple[str, ...]
    date: str

    def render(self) -> str:
        header = [
            "# Import names of PyPI distributions that differ from the distribution's name.",
            *(f"# source: {source}" for source in self.sources),
            f"# date: {self.date}",
        ]
        rows = [f"{module}\t{' '.join(sorted(self.entries[module]))}" for module in sorted(self.entries)]
        return "\n".join([*header, *rows]) + "\n"


def canonical(name: str) -> str:
    """PEP 503's form of a distribution name."""
    return _SEPARATORS.sub("-", name.strip()).lower()


def read_module_map(path: Path) -> ModuleMap:
    entries: dict[str, frozenset[str]] = {}
    sources: list[str] = []
    date = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            if key.strip() == "source":
                sources.append(value.strip())
            elif key.strip() == "date":
                date = value.strip()
            continue
        module, _, names = line.partition("\t")
        if module.strip() and names.strip():
            entries[module.strip()] = frozenset(canonical(name) for name in names.split())
    return ModuleMap(entries, tuple(sources), date)


@cache
def shipped_module_map() -> ModuleMap:
    return read_module_map(DATA_DIR / MODULES_FILE)


def load_module_map(directory: Path | None = None) -> dict[str, frozenset[str]]:
    """Import name -> distributions, shaped for `Facts.module_distributions`."""
    if directory is None:
        return dict(shipped_module_map().entries)
    return dict(read_module_map(directory / MODULES_FILE).entries)


def top_level_names(distribution: importlib.metadata.Distribution) -> set[str]:
    """The import names a distribution installs: its `top_level.txt`, else its `RECORD`'s top level."""
    text = distribution.read_text("top_level.txt")
    if text:
        names = {line.strip().replace("/", ".").split(".", 1)[0] for line in text.splitlines()}
    else:
        names = set(_record_names(distribution.files or ()))
    return {name for name in names if _IDENTIFIER.match(name) and not _stray(name)}


def _stray(name: str) -> bool:
    """A private name or a folder a distribution ships by mistake (`tests`, `docs`,
    `sast_integration_tests`): no one imports the distribution by it."""
    lowered = name.lower()
    return name.startswith("_") or lowered in _STRAY or lowered.endswith(("_tests", "_test"))


def _record_names(files: Iterable[importlib.metadata.PackagePath]) -> Iterator[str]:
    for file in files:
        parts = file.parts
        if not parts or parts[0].endswith((".dist-info", ".egg-info", ".data")) or parts[0] == "..":
            continue
        if len(parts) == 1 and parts[0].endswith((".py", ".so", ".pyd")):
            yield parts[0].split(".", 1)[0]
        elif len(parts) > 1:
            yield parts[0]


def environment_modules(sites: Iterable[str] | None = None) -> dict[str, set[str]]:
    """Import name -> distributions installed in this environment (or in the `sites` folders), for
    the names that differ from their distribution's."""
    import importlib.metadata

    found: dict[str, set[str]] = {}
    distributions = (
        importlib.metadata.distributions(path=list(sites)) if sites else importlib.metadata.distributions()
    )
    for distribution in distributions:
        name = distribution.metadata["Name"] if distribution.metadata else None
        if not name or canonical(name) == _OWN:
            continue
        for module in top_level_names(distribution):
            if canonical(module) != canonical(name):
                found.setdefault(module, set()).add(canonical(name))
    return found


def update_module_map(
    date: str, sites: Iterable[str] | None = None, directory: Path | None = None
) -> tuple[ModuleMap, int]:
    """Add this environment's import names to the map in `directory` (default: the shipped one);
    (the new map, names added)."""
    path = (directory or DATA_DIR) / MODULES_FILE
    current = read_module_map(path) if path.exists() else ModuleMap({}, (), "")
    merged = {module: set(names) for module, names in current.entries.items()}
    added = 0
    for module, names in environment_modules(sites).items():
        before = len(merged.get(module, ()))
        merged.setdefault(module, set()).update(names)
        added += len(merged[module]) - before
    source = "metadata of installed distributions (bulwark data update)"
    sources = current.sources if source in current.sources else (*current.sources, source)
    result = ModuleMap({m: frozenset(n) for m, n in merged.items()}, sources, date)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(result.render(), encoding="utf-8")
    temporary.replace(path)
    shipped_module_map.cache_clear()
    return result, added
