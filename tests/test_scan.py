"""`bulwark scan` on a real local git repository: formats, exit codes, provenance."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app import __version__
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
    # A critical finding at confidence 0.9 blocks by default: exit 1.
    assert main(["scan", "--offline", "--repo", str(repo), "--base", "main", "--format", "json"]) == 1
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
        == 1  # the critical finding blocks by default
    )
    log = json.loads(out.read_text())
    assert log["version"] == "2.1.0"
    [result] = log["runs"][0]["results"]
    assert result["ruleId"] == "code-command-injection"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 5
    assert main(["scan", "--offline", "--repo", str(repo), "--base", "main"]) == 1
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
    assert done.stdout.strip() == "1 []"  # the critical finding blocks by default
    assert json.loads((repo / "out.json").read_text())["findings"]


def _scan_json(repo: Path, *extra: str) -> tuple[int, dict[str, Any]]:
    out = repo.parent / "scan.json"
    code = main(
        [
            "scan",
            "--offline",
            "--repo",
            str(repo),
            "--base",
            "main",
            "--format",
            "json",
            "--output",
            str(out),
            *extra,
        ]
    )
    return code, json.loads(out.read_text())


def _state(repo: Path) -> tuple[str, str]:
    """What a read-only scan must leave as it was: the index and working tree status, and the objects."""
    status = subprocess.run(
        ["git", "-C", str(repo), "status", "--porcelain=v2"], capture_output=True, text=True
    )
    objects = subprocess.run(["git", "-C", str(repo), "count-objects", "-v"], capture_output=True, text=True)
    return status.stdout, objects.stdout


def test_without_head_the_working_tree_is_compared(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "a.py").write_text(RISKY)  # modified, not staged
    (repo / "c.py").write_text(RISKY)  # new and staged
    git(repo, "add", "c.py")
    (repo / "c.py").write_text(RISKY + "x = 2\n")  # and changed again after staging
    (repo / "d.py").write_text(RISKY)  # untracked, new
    (repo / ".gitignore").write_text("build/\n*.log\n")  # untracked too
    (repo / "build").mkdir()
    (repo / "build" / "e.py").write_text(RISKY)  # ignored: never part of the change
    (repo / "f.log").write_text("token=1\n")  # ignored
    before = _state(repo)
    code, report = _scan_json(repo)
    assert code == 1  # b.py's finding is critical (AI-authored commit) and blocks by default
    compared = [".gitignore", "a.py", "b.py", "c.py", "d.py"]
    assert sorted(f["path"] for f in report["context"]["files"]) == compared
    assert sorted(f["path"] for f in report["findings"]) == ["a.py", "b.py", "c.py", "d.py"]
    assert [f["added_lines"] for f in report["context"]["files"] if f["path"] == "c.py"] == [6]
    assert "compared 5 files, main...the working tree (staged and unstaged changes, untracked files)" in (
        capsys.readouterr().err
    )
    assert _state(repo) == before  # no object, index entry or file was written
    code, report = _scan_json(repo, "--tracked-only")
    assert sorted(f["path"] for f in report["context"]["files"]) == ["a.py", "b.py", "c.py"]
    assert (
        "compared 3 files, main...the working tree (staged and unstaged changes)" in capsys.readouterr().err
    )
    assert _state(repo) == before
    code, report = _scan_json(repo, "--head", "HEAD")
    assert [f["path"] for f in report["context"]["files"]] == ["b.py"]
    assert "compared 1 file, main...HEAD" in capsys.readouterr().err


def test_the_working_tree_includes_deletions_and_leaves_no_temporary_files(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    (repo / "b.py").unlink()
    code, report = _scan_json(repo)
    assert (code, report["context"]["files"], report["findings"]) == (0, [], [])
    git(repo, "rm", "-q", "--cached", "a.py")  # out of the index, still on disk (untracked)
    _, report = _scan_json(repo, "--tracked-only")
    assert [(f["path"], f["status"]) for f in report["context"]["files"]] == [("a.py", "removed")]
    _, report = _scan_json(repo)  # the working tree as it is on disk: a.py is there, unchanged
    assert report["context"]["files"] == []
    assert list((tmp_path / "tmp").iterdir()) == []


def test_fail_on_sets_the_exit_threshold(repo: Path) -> None:
    git(repo, "commit", "-q", "--amend", "-m", "Add runner")  # not AI-authored: the finding stays high
    assert _scan_json(repo)[0] == 0  # a high finding does not block by default
    assert _scan_json(repo, "--fail-on", "critical")[0] == 0
    assert _scan_json(repo, "--fail-on", "high")[0] == 1
    assert _scan_json(repo, "--fail-on", "low")[0] == 1
    (repo / "b.py").write_text("x = 2\n")
    assert _scan_json(repo, "--fail-on", "info")[0] == 0
    with pytest.raises(SystemExit) as exited:
        main(["scan", "--repo", str(repo), "--base", "main", "--fail-on", "severe"])
    assert exited.value.code == 2


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"bulwark {__version__}\n"


class _Terminal:
    """Standard output as a terminal: what `bulwark scan` wraps its text for."""

    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> int:
        self.text += text
        return len(text)

    def isatty(self) -> bool:
        return True


def _scan_text(
    repo: Path, monkeypatch: pytest.MonkeyPatch, columns: int, *extra: str, colour: bool = False
) -> str:
    terminal = _Terminal()
    monkeypatch.setenv("COLUMNS", str(columns))
    if colour:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setattr(sys, "stdout", terminal)
    main(["scan", "--offline", "--repo", str(repo), "--base", "main", *extra])
    monkeypatch.undo()
    return terminal.text


def test_text_follows_the_terminal_width_and_verbose_explains(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deep = "services/payments/internal/handlers/refunds"
    (repo / deep).mkdir(parents=True)
    (repo / deep / "very_long_module_name_for_refunds.py").write_text(RISKY)
    narrow, wide = _scan_text(repo, monkeypatch, 60), _scan_text(repo, monkeypatch, 160)
    assert f"{deep}/very_long_module_name_for_refunds.py:5" in narrow  # never split
    assert all(len(line) <= 60 for line in narrow.splitlines() if deep not in line)
    assert max(len(line) for line in wide.splitlines()) > 60
    assert "why:" not in narrow
    verbose = _scan_text(repo, monkeypatch, 80, "--verbose")
    block = verbose.split("\n\n")[0]
    assert [
        line.split()[0] for line in block.splitlines() if line[4:8].strip() in {"why:", "fix:", "see:"}
    ] == [
        "why:",
        "fix:",
        "see:",
    ]
    assert "code-command-injection.md" in block
    assert "flow: from the source of the data" in block
    assert "\x1b[1;31mcritical" in _scan_text(repo, monkeypatch, 80, colour=True)  # a terminal, in colour
    assert "\x1b[" not in narrow


def test_checks_that_did_not_run_are_said_in_text_json_and_sarif(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "requirements.txt").write_text("requests==2.32.3\n")
    (repo / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    code, report = _scan_json(repo)
    assert code == 1  # b.py's critical finding blocks by default; the checks not run are still said
    kinds = {(c["kind"], c["path"]) for c in report["skipped_checks"]}
    assert ("offline", None) in kinds
    assert ("file", "logo.png") in kinds
    offline = next(c for c in report["skipped_checks"] if c["kind"] == "offline")
    assert offline["reason"].startswith("registry look-ups: offline; not run:")
    assert set(report["skipped_checks"][0]) == {"kind", "reason", "path", "rule_id"}
    main(["scan", "--offline", "--repo", str(repo), "--base", "main"])
    text = capsys.readouterr().out
    assert f"not checked: {offline['reason']}" in text
    assert "not checked: logo.png: not analysed:" in text
    main(["scan", "--offline", "--repo", str(repo), "--base", "main", "--format", "sarif"])
    [invocation] = json.loads(capsys.readouterr().out)["runs"][0]["invocations"]
    notes = invocation["toolExecutionNotifications"]
    assert {(n["descriptor"]["id"], n["level"]) for n in notes} >= {("offline", "note"), ("file", "note")}
    assert any(n["message"]["text"] == offline["reason"] for n in notes)
    [png] = [n for n in notes if n["descriptor"]["id"] == "file"]
    assert png["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "logo.png"


def test_a_gap_is_a_skipped_check_and_a_sarif_warning(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "commit", "-q", "--amend", "-m", "Add runner")  # not AI-authored: nothing blocks
    (repo / "big.py").write_text("x = 1\n" * 200_000)  # past the reader's size bound
    code, report = _scan_json(repo)
    assert code == 3
    [gap] = [c for c in report["skipped_checks"] if c["kind"] == "gap"]
    assert (gap["path"], gap["rule_id"]) == ("big.py", None)
    assert gap["reason"].startswith("not analysed: larger than")
    assert main(["scan", "--offline", "--repo", str(repo), "--base", "main", "--format", "sarif"]) == 3
    [invocation] = json.loads(capsys.readouterr().out)["runs"][0]["invocations"]
    [note] = [n for n in invocation["toolExecutionNotifications"] if n["descriptor"]["id"] == "gap"]
    assert note["level"] == "warning"
    assert note["message"]["text"] == f"big.py: {gap['reason']}"


def test_a_base_policy_relaxes_the_default_block(repo: Path) -> None:
    assert _scan_json(repo)[0] == 1  # critical at confidence 0.9: blocks by default
    git(repo, "checkout", "-q", "main")
    (repo / ".github").mkdir()
    (repo / ".github/bulwark.yml").write_text("blocking:\n  severity: none\n")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "policy")
    git(repo, "checkout", "-q", "feature")
    git(repo, "rebase", "-q", "main")
    code, report = _scan_json(repo)
    assert code == 0
    assert [f["placement"] for f in report["findings"]] == ["comment"]
