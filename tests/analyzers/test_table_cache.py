"""Built tables kept between processes: read back equal, rebuilt when stale or broken, never required."""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest

from analyzers.injection import cues, ngrams
from analyzers.table_cache import built_table


def _counting(value: dict[str, int]) -> tuple[list[int], Callable[[], dict[str, int]]]:
    calls: list[int] = []

    def build() -> dict[str, int]:
        calls.append(1)
        return dict(value)

    return calls, build


def _keep(table: dict[str, int]) -> object:
    return table


def _read(value: object) -> dict[str, int]:
    if not isinstance(value, dict):
        raise ValueError("not a table")
    return value


def test_a_table_is_built_once_and_read_back_equal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BULWARK_CACHE_DIR", str(tmp_path))
    calls, build = _counting({"a": 1})
    first = built_table("t-1", b"source", build, _keep, _read)
    second = built_table("t-1", b"source", build, _keep, _read)
    assert first == second == {"a": 1}
    assert len(calls) == 1
    assert len(list(tmp_path.glob("t-1-*.marshal"))) == 1


def test_other_source_bytes_or_format_build_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BULWARK_CACHE_DIR", str(tmp_path))
    calls, build = _counting({"a": 1})
    for name, source in [("t-1", b"one"), ("t-1", b"two"), ("t-2", b"one"), ("t-1", b"one")]:
        built_table(name, source, build, _keep, _read)
    assert len(calls) == 3


def test_a_broken_entry_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BULWARK_CACHE_DIR", str(tmp_path))
    calls, build = _counting({"a": 1})
    built_table("t-1", b"source", build, _keep, _read)
    (entry,) = tmp_path.glob("t-1-*.marshal")
    for broken in (b"", b"\xff\x00 not marshal", b"N"):  # empty, garbage, a marshalled None
        entry.write_bytes(broken)
        assert built_table("t-1", b"source", build, _keep, _read) == {"a": 1}
    assert len(calls) == 4


def test_off_or_unwritable_only_costs_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BULWARK_CACHE_DIR", "off")
    calls, build = _counting({"a": 1})
    assert built_table("t-1", b"source", build, _keep, _read) == {"a": 1}
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder would be")
    monkeypatch.setenv("BULWARK_CACHE_DIR", str(blocker))
    assert built_table("t-1", b"source", build, _keep, _read) == {"a": 1}
    assert len(calls) == 2
    assert blocker.read_text() == "a file where the folder would be"


def test_the_injection_tables_read_back_as_built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BULWARK_CACHE_DIR", str(tmp_path))
    data = resources.files("analyzers").joinpath("data")
    lexicon = cues.read_lexicon(json.loads(data.joinpath("instruction_cues.json").read_bytes()))
    model = ngrams.read_model(json.loads(data.joinpath("instruction_ngrams.json").read_bytes()))
    for _ in range(2):  # the first call builds and stores, the second reads the stored tables
        cues.lexicon.cache_clear()
        ngrams.packaged_model.cache_clear()
        try:
            read_lexicon, read_model = cues.lexicon(), ngrams.packaged_model()
        finally:
            cues.lexicon.cache_clear()
            ngrams.packaged_model.cache_clear()
        assert read_lexicon == lexicon
        assert (read_model.bias, read_model.weights, read_model.pairs) == (
            model.bias,
            model.weights,
            model.pairs,
        )
    assert len(list(tmp_path.glob("instruction-*.marshal"))) == 2
