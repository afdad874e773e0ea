"""The wheel on its own: built from the sources, installed with the runtime lock only, without the network.

One fresh virtualenv holds the runtime lock's packages (from the hash-checked wheels that `make` downloaded
into the test virtualenv's `wheels/` directory) and the built wheel, nothing else. From a directory
outside the checkout, its `bulwark` prints its version, migrates a new SQLite file, serves the setup page
with its template and static files, and scans a small git repository; no development tool is importable.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from app import __version__

ROOT = Path(__file__).resolve().parents[2]
WHEELS = Path(sys.prefix) / "wheels"
SOURCES = ("pyproject.toml", "README.md", "app", "analyzers")
PAGES = ("/healthz", "/", "/static/dashboard.js")
RISKY = 'import os\n\n\ndef run(cmd):\n    os.system("ls " + cmd)\n'


def locked(lock: Path) -> set[str]:
    """The normalised package names a lock pins."""
    names = re.findall(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==", lock.read_text(), re.MULTILINE)
    return {re.sub(r"[-_.]+", "-", name).lower() for name in names}


def development_only_modules() -> list[str]:
    """Top-level modules of the packages that only the development lock holds (installed here)."""
    only = locked(ROOT / "requirements-dev.lock") - locked(ROOT / "requirements.lock")
    modules = {
        module
        for module, dists in importlib.metadata.packages_distributions().items()
        if any(re.sub(r"[-_.]+", "-", dist).lower() in only for dist in dists)
    }
    assert {"pytest", "mypy", "ruff", "hypothesis", "playwright"} <= modules
    return sorted(module for module in modules if module.isidentifier())


def _outside_env() -> dict[str, str]:
    """This environment without PYTHON* variables: no path of this checkout (a test run may put it on
    PYTHONPATH, for instance to move child processes' clocks) reaches the installed wheel."""
    return {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}


def _pip_env() -> dict[str, str]:
    """No pip configuration of this machine: only the given wheels are candidates."""
    env = {key: value for key, value in _outside_env().items() if not key.startswith("PIP_")}
    return {**env, "PIP_CONFIG_FILE": os.devnull, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}


def _run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env if env is not None else _outside_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, f"{command} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def build_wheel(tmp: Path) -> Path:
    """`pip wheel --no-deps` from a copy of the sources (no stale build directory can leak into it)."""
    source = tmp / "source"
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            source.mkdir(exist_ok=True)
            shutil.copyfile(ROOT / name, source / name)
    python, dist = sys.executable, tmp / "dist"
    _run(python, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", dist, source,
         cwd=tmp, env=_pip_env())  # fmt: skip
    [wheel] = dist.glob("bulwark-*.whl")
    return wheel


def install_runtime(tmp: Path, wheel: Path) -> Path:
    """A fresh virtualenv with the runtime lock and the wheel, all hash-checked, from local files only."""
    if not any(WHEELS.glob("*.whl")):
        pytest.fail(f"no wheels in {WHEELS}: `make install` downloads the locks' wheels there")
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    request = tmp / "requirements.txt"
    request.write_text(
        f"-r {ROOT / 'requirements.lock'}\nbulwark @ {wheel.as_uri()} --hash=sha256:{digest}\n"
    )
    venv = tmp / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp)
    _run(sys.executable, "-m", "pip", "--python", venv / "bin" / "python", "install", "--quiet", "--no-compile",
         "--require-hashes", "--no-index", "--find-links", WHEELS, "-r", request, cwd=tmp, env=_pip_env())  # fmt: skip
    return venv / "bin"


@pytest.fixture(scope="module")
def runtime(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    tmp = tmp_path_factory.mktemp("wheel")
    yield install_runtime(tmp, build_wheel(tmp))
    shutil.rmtree(tmp, ignore_errors=True)


def _bulwark_env(tmp: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("BULWARK_", "PYTHON"))}
    return {
        **env,
        "BULWARK_DATABASE_URL": f"sqlite:///{tmp / 'bulwark.db'}",
        "BULWARK_ENV_PATH": str(tmp / ".env"),
    }


def test_the_installed_wheel_runs_from_its_own_files(runtime: Path, tmp_path: Path) -> None:
    python = runtime / "python"
    where = _run(python, "-c", "import app, analyzers; print(app.__file__, analyzers.__file__)", cwd=tmp_path)
    assert str(ROOT) not in where
    assert str(runtime.parent) in where
    assert _run(runtime / "bulwark", "--version", cwd=tmp_path) == f"bulwark {__version__}\n"
    probe = "import importlib.util, sys; print([m for m in sys.argv[1:] if importlib.util.find_spec(m)])"
    assert _run(python, "-c", probe, *development_only_modules(), cwd=tmp_path) == "[]\n"


def test_the_installed_wheel_migrates_and_serves(runtime: Path, tmp_path: Path) -> None:
    env = _bulwark_env(tmp_path)
    assert "database upgraded from an empty schema to" in _run(
        runtime / "bulwark", "migrate", cwd=tmp_path, env=env
    )
    assert (tmp_path / "bulwark.db").stat().st_size > 0
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [runtime / "bulwark", "serve", "--no-worker", "--host", "127.0.0.1", "--port", str(port)],
            cwd=tmp_path, env=env, stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            pages = {path: _get(f"http://127.0.0.1:{port}{path}", server) for path in PAGES}
        finally:
            server.terminate()
            server.wait(timeout=30)
    assert [status for status, _ in pages.values()] == [200, 200, 200], log.read_text()
    assert "<html" in pages["/"][1].lower()  # the setup page: its template, app.yml's permissions
    assert "function" in pages["/static/dashboard.js"][1]


def _get(url: str, server: subprocess.Popen[bytes]) -> tuple[int, str]:
    """GET on loopback, waiting for the server to listen (at most 60 s, while it runs)."""
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return int(response.status), response.read().decode("utf-8", "replace")
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                raise
            time.sleep(0.2)


def make_repo(tmp: Path, *, commit: bool) -> Path:
    """A repository whose change from `main` adds a shell command built from a parameter."""
    repo = tmp / "repo"
    repo.mkdir()
    git = ("git", "-C", repo, "-c", "user.email=dev@example.com", "-c", "user.name=Dev")
    _run(*git, "init", "-q", "-b", "main", cwd=tmp)
    (repo / "a.py").write_text("x = 1\n")
    _run(*git, "add", ".", cwd=tmp)
    _run(*git, "commit", "-qm", "base", cwd=tmp)
    _run(*git, "checkout", "-qb", "feature", cwd=tmp)
    (repo / "b.py").write_text(RISKY)
    _run(*git, "add", "b.py", cwd=tmp)
    if commit:
        _run(*git, "commit", "-qm", "Add a runner", cwd=tmp)
    return repo


def test_the_installed_wheel_scans_a_repository(runtime: Path, tmp_path: Path) -> None:
    repo, env = make_repo(tmp_path, commit=False), _bulwark_env(tmp_path)
    command = (runtime / "bulwark", "scan", "--offline", "--base", "main", "--format", "sarif")
    done = subprocess.run([*command, "--fail-on", "high"], cwd=repo, env=env, capture_output=True, text=True)
    assert done.returncode == 1, done.stderr
    assert "compared 1 file" in done.stderr
    [result] = json.loads(done.stdout)["runs"][0]["results"]
    assert (result["ruleId"], result["locations"][0]["physicalLocation"]["region"]["startLine"]) == (
        "code-command-injection",
        5,
    )
    assert json.loads(_run(*command, cwd=repo, env=env))["runs"][0]["results"]  # exit 0 without --fail-on


def test_the_pre_commit_hook_stops_a_staged_risky_change(runtime: Path, tmp_path: Path) -> None:
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    words: list[str] = [*str(hook["entry"]).split(), *hook["args"]]
    program, arguments = words[0], words[1:]
    repo, env = make_repo(tmp_path, commit=False), _bulwark_env(tmp_path)
    command = [str(runtime / program), *arguments, "--offline"]
    done = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True)
    assert (done.returncode, "code-command-injection" in done.stdout) == (1, True), done.stderr
    assert "compared 1 file, HEAD...the working tree" in done.stderr
    _run("git", "-C", repo, "reset", "-q", "--hard", cwd=tmp_path)
    (repo / "notes.py").write_text(RISKY)  # untracked: not part of the commit, so not of the hook's scan
    assert subprocess.run(command, cwd=repo, env=env, capture_output=True).returncode == 0


def test_the_actions_scan_steps_run_with_the_installed_wheel(runtime: Path, tmp_path: Path) -> None:
    """The action's own scan and fail scripts, as a runner runs them (bash -eo pipefail)."""
    steps = {step.get("id") or step["name"]: step for step in _action()["runs"]["steps"]}
    repo, temp, output = make_repo(tmp_path, commit=True), tmp_path / "runner", tmp_path / "output"
    temp.mkdir()
    (temp / "bulwark").symlink_to(runtime.parent)
    env = {**_bulwark_env(tmp_path), "RUNNER_TEMP": str(temp), "GITHUB_OUTPUT": str(output)}
    inputs = {"BASE": "main", "FAIL_ON": "high", "OFFLINE": "true", "SARIF": "bulwark.sarif"}
    assert set(steps["scan"]["env"]) == set(inputs)
    _run(
        "bash",
        "--noprofile",
        "--norc",
        "-eo",
        "pipefail",
        "-c",
        steps["scan"]["run"],
        cwd=repo,
        env={**env, **inputs},
    )
    assert output.read_text() == "exit-code=1\n"
    [result] = json.loads((repo / "bulwark.sarif").read_text())["runs"][0]["results"]
    assert result["ruleId"] == "code-command-injection"
    fail = steps["Fail on findings"]
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", fail["run"]],
        cwd=repo, env={**env, "CODE": "1", "FAIL_ON": "high"}, capture_output=True, text=True,
    )  # fmt: skip
    assert (done.returncode, done.stdout) == (
        1,
        "::error::bulwark: findings at or above high, or blocked by the repository's policy\n",
    )


def _action() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "action.yml").read_text())
    return loaded
