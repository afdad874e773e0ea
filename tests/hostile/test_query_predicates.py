"""A query's `#match?` predicate over attacker text ends: the rule reports, and nothing is abandoned.

py-tree-sitter runs `#match?` with Python's `re` over the whole text of the captured node. A trust
manager whose body was matched by `^\\{\\s*(//[^\\n]*\\s*)*\\}$` took exponential time in a run of
slashes (60 bytes: 20 s, holding the GIL); the rule ran out of its budget and the file became a gap.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from analyzers.runner import run_analyzers
from app.context.builder import build_from_git

RULE = "code-tls-verification-disabled"
TRUSTING = """import javax.net.ssl.X509TrustManager;

class Trusting implements X509TrustManager {
    public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String type) {
        // accept everything
    }
}
"""
SLASHES = (
    """import javax.net.ssl.X509TrustManager;

class Slashes implements X509TrustManager {
    public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String type) {"""
    + ("//" * 40)
    + """
        check(chain);
    }
}
"""
)


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


def test_a_run_of_slashes_in_a_method_body_is_read_and_a_trusting_method_reported(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "config", "user.email", "dev@example.com")
    _git(repo, "config", "user.name", "Dev")
    (repo / "README.md").write_text("base\n")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "base")
    _git(repo, "checkout", "-qb", "feature")
    (repo / "src").mkdir()
    (repo / "src" / "Trusting.java").write_text(TRUSTING)
    (repo / "src" / "Slashes.java").write_text(SLASHES)
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "change")
    result = run_analyzers(build_from_git(repo, "main", "HEAD"))
    assert result.gaps == ()
    reported = {(f.rule_id, f.path) for f in result.findings}
    assert (RULE, "src/Trusting.java") in reported
    assert (RULE, "src/Slashes.java") not in reported
