"""The shipped map of Python import names to distributions, and `bulwark data update` offline."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.cli import main
from app.packages import modules
from app.packages.modules import MODULES_FILE, load_module_map, read_module_map, update_module_map


def _site(root: Path, name: str, version: str, *, top_level: str | None = None, record: str = "") -> None:
    """A distribution installed in `root` as pip leaves it: a dist-info folder with its metadata."""
    info = root / f"{name.replace('-', '_')}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
    (info / "RECORD").write_text(record)
    if top_level is not None:
        (info / "top_level.txt").write_text(top_level)


def test_shipped_map_names_distributions_whose_import_names_differ() -> None:
    shipped = load_module_map()
    assert shipped["yaml"] == frozenset({"pyyaml"})
    assert shipped["locust"] == frozenset({"locust", "locustio"})
    assert "requests" not in shipped  # the same name: not listed


def test_update_adds_installed_names_and_keeps_every_entry(tmp_path: Path) -> None:
    data, site = tmp_path / "data", tmp_path / "site"
    data.mkdir()
    (data / MODULES_FILE).write_text("# source: kept by hand\n# date: 2026-01\nyaml\tPyYAML\n")
    _site(site, "locustio", "0.14.6", top_level="locust\n")
    _site(site, "python-dateutil", "2.9.0", record="dateutil/__init__.py,,\ndateutil/tz.py,,\n")
    _site(site, "requests", "2.32.3", top_level="requests\n")
    _site(site, "hcl-tools", "1.0", top_level="hcl_tools\ntest\ndocs\nsast_integration_tests\n_private\n")
    found, added = update_module_map("2026-12", [str(site)], data)
    assert added == 2
    assert dict(found.entries) == {
        "dateutil": frozenset({"python-dateutil"}),
        "locust": frozenset({"locustio"}),
        "yaml": frozenset({"pyyaml"}),
    }
    reread = read_module_map(data / MODULES_FILE)
    assert reread.entries == found.entries
    assert reread.date == "2026-12"
    assert reread.sources[0] == "kept by hand"


def test_data_update_offline_touches_no_network_and_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data, site = tmp_path / "data", tmp_path / "site"
    shutil.copytree(modules.DATA_DIR, data, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    _site(site, "acme-widgets", "1.0", top_level="widgets\n")
    monkeypatch.setattr(modules, "DATA_DIR", data)
    assert main(["data", "update", "--offline", "--site", str(site)]) == 0
    out = capsys.readouterr().out
    assert "1 added from installed distributions" in out
    assert "not refreshed (--offline)" in out
    assert read_module_map(data / MODULES_FILE).entries["widgets"] == frozenset({"acme-widgets"})
