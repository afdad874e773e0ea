"""Compiled patterns kept between processes: the same patterns back, only a module's own, never required."""

from __future__ import annotations

import importlib
import marshal
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from analyzers import regex_cache

MODULE_PATTERN = r"(?P<word>[a-z]+)-(\d{2,4})"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    monkeypatch.setenv("BULWARK_CACHE_DIR", str(folder))
    monkeypatch.syspath_prepend(str(tmp_path))
    (tmp_path / "regex_cache_sample.py").write_text(
        f"import re\nWORD = re.compile({MODULE_PATTERN!r}, re.IGNORECASE)\n\n"
        "def later(name):\n    return re.compile(name + '[0-9]+')\n"
    )
    re.purge()
    yield folder
    regex_cache.uninstall()
    sys.modules.pop("regex_cache_sample", None)
    re.purge()


def _stored(folder: Path) -> list[regex_cache.Entry]:
    files = list(folder.glob("regex-*.marshal"))
    assert len(files) == 1
    entries: list[regex_cache.Entry] = marshal.loads(files[0].read_bytes())  # noqa: S302
    return entries


def _import_sample() -> object:
    sys.modules.pop("regex_cache_sample", None)
    return importlib.import_module("regex_cache_sample")


def test_a_module_pattern_is_stored_and_served_as_re_compiles_it(cache_dir: Path) -> None:
    regex_cache.install()
    sample = _import_sample()
    regex_cache.keep()
    stored = [e for e in _stored(cache_dir) if e[0] == MODULE_PATTERN]
    assert len(stored) == 1
    regex_cache.uninstall()
    re.purge()

    regex_cache.install()  # a later process: the program comes from the file
    served = re.compile(MODULE_PATTERN, re.IGNORECASE)
    assert served == regex_cache.compiled(regex_cache.entry_of(MODULE_PATTERN, re.IGNORECASE.value))
    assert served == sample.WORD  # type: ignore[attr-defined]  # same pattern, flags and program
    assert served.groupindex == {"word": 1}
    match = served.search("x ABC-123 y")
    assert match is not None
    assert match.group("word", 2) == ("ABC", "123")


def test_a_pattern_built_as_code_runs_is_not_stored(cache_dir: Path) -> None:
    regex_cache.install()
    sample = _import_sample()
    sample.later("from-the-change")  # type: ignore[attr-defined]
    regex_cache.keep()
    assert all("from-the-change" not in str(entry[0]) for entry in _stored(cache_dir))


def test_a_broken_cache_file_is_compiled_around(cache_dir: Path) -> None:
    regex_cache.install()
    _import_sample()
    regex_cache.keep()
    (path,) = cache_dir.glob("regex-*.marshal")
    entries = _stored(cache_dir)
    broken = [(e[0], e[1], e[2], [999999, 1, 2], e[4], e[5], e[6]) for e in entries]
    path.write_bytes(marshal.dumps([*broken, "not an entry", (1, 2)]))
    regex_cache.uninstall()
    re.purge()

    regex_cache.install()  # no entry is usable: `re` compiles each pattern itself
    assert re.compile(MODULE_PATTERN, re.IGNORECASE).search("abc-12") is not None
    path.write_bytes(b"not marshal at all")
    regex_cache.uninstall()
    re.purge()
    regex_cache.install()
    assert re.compile(MODULE_PATTERN).fullmatch("abc-12") is not None


def test_nothing_is_stored_when_the_cache_is_off(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BULWARK_CACHE_DIR", "off")
    regex_cache.install()
    _import_sample()
    regex_cache.keep()
    assert not cache_dir.exists()
