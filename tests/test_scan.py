"""`bulwark scan` on a real local git repository: formats, exit codes, provenance."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main

RISKY = 'import os\n\n\ndef run(cmd):\n    os.system("ls " + cmd)\n'


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.email", "dev@example.com")
    git(root, "config", "user.name", "Dev")
    (root / "a.py").write_text("x = 1\n")
    git(root, "add", ".")
    git(root, "commit", "-qm", "base")
    git(root, "checkout", "-qb", "feature")
    (root / "b.py").write_text(RISKY)
    git(root, "add", ".")
    git(root, "commit", "-qm", "Add runner", "-m", "Co-authored-by: Copilot <copilot@github.com>")
    return root


def test_json_output_has_context_findings_and_stats(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", "--offline", "--repo", str(repo), "--base", "main", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [(f["rule_id"], f["path"], f["start_line"], f["severity"]) for f in report["findings"]] == [
        ("code-command-injection", "b.py", 5, "critical")
    ]
    assert report["findings"][0]["notes"][0].startswith("severity raised from high to critical")
    assert report["findings"][0]["cwe"] == [78]
    assert report["findings"][0]["trace"] == [
        {"path": "b.py", "line": 4, "note": "parameter `cmd` of `run`"},
        {"path": "b.py", "line": 5, "note": "reaches `os.system`"},
    ]
    assert [f["path"] for f in report["context"]["files"]] == ["b.py"]
    assert [(p["agent"], p["source"]) for p in report["context"]["provenance"]] == [("copilot", "trailer")]
    assert report["stats"]["files"] == 1
    assert report["errors"] == []


def test_sarif_and_text_outputs(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.sarif"
    assert (
        main(
            [
                "scan",
                "--offline",
                "--repo",
                str(repo),
                "--base",
                "main",
                "--format",
                "sarif",
                "--output",
                str(out),
            ]
        )
        == 0
    )
    log = json.loads(out.read_text())
    assert log["version"] == "2.1.0"
    [result] = log["runs"][0]["results"]
    assert result["ruleId"] == "code-command-injection"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 5
    assert main(["scan", "--offline", "--repo", str(repo), "--base", "main"]) == 0
    text = capsys.readouterr().out
    assert "code-command-injection" in text
    assert "b.py:5" in text


def test_blocking_policy_on_the_base_exits_1(repo: Path) -> None:
    git(repo, "checkout", "-q", "main")
    (repo / ".github").mkdir()
    (repo / ".github/bulwark.yml").write_text("rules:\n  code-command-injection:\n    block: true\n")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "policy")
    git(repo, "checkout", "-q", "feature")
    git(repo, "rebase", "-q", "main")
    assert main(["scan", "--offline", "--repo", str(repo), "--base", "main", "--format", "json"]) == 1


def test_usage_errors_exit_2(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", "--repo", str(repo), "--base", "no-such-branch"]) == 2
    assert "bulwark scan:" in capsys.readouterr().err
    command = [sys.executable, "-m", "app", "scan", "--repo", str(repo)]
    assert subprocess.run(command, capture_output=True).returncode == 2  # --base is required


def test_an_offline_scan_loads_no_validation_database_or_http_library(repo: Path) -> None:
    """A local scan imports what it uses: no validation library, database layer or HTTP client."""
    heavy = ("pydantic", "sqlalchemy", "sqlmodel", "httpx", "githubkit")
    probe = (
        "import sys\n"
        "from app.cli import main\n"
        f"code = main(['scan', '--offline', '--repo', {str(repo)!r}, '--base', 'main', '--format', 'json',"
        f" '--output', {str(repo / 'out.json')!r}])\n"
        f"print(code, sorted(m for m in {heavy!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "0 []"
    assert json.loads((repo / "out.json").read_text())["findings"]
