"""The GitHub source against the local GitHub emulator (loopback only)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from githubkit import GitHub, TokenAuthStrategy

from analyzers.code.code_sql_string_building import CodeSqlStringBuilding
from analyzers.contract.model import FileKind, FileStatus, Hunk
from analyzers.runner import run_analyzers
from app.context.builder import BuildOptions, build_context
from app.context.github_source import GitHubSource
from app.context.source import SourceError
from tests.emulator import CommitSpec, GitHubEmulator
from tests.emulator.state import Call

REPO = "acme/app"


@pytest.fixture
def client(github: GitHubEmulator) -> Iterator[GitHub[TokenAuthStrategy]]:
    github.add_installation(11, "acme")
    github.add_repo(REPO, 11)
    token = github.installation_token(11)
    with GitHub(TokenAuthStrategy(token), base_url=github.url, http_cache=False) as gh:
        yield gh


def _seed(github: GitHubEmulator) -> None:
    github.add_pull_request(
        REPO,
        5,
        base_files={"app.py": "def run():\n    return 1\n", "gone.txt": "bye\n"},
        head_files={
            "app.py": "def run():\n    import os\n    return os.getpid()\n",
            ".github/workflows/ci.yml": "on: push\njobs: {}\n",
        },
        title="Use the pid",
        body="Generated with [Claude Code](https://claude.com/claude-code)",
        author="octocat",
        head_ref="copilot/use-pid",
        commits=[CommitSpec("Use the pid")],
    )


def test_pull_request_from_github(github: GitHubEmulator, client: GitHub[TokenAuthStrategy]) -> None:
    _seed(github)
    ctx = build_context(GitHubSource(client, "acme", "app", 5))
    assert ctx.errors == []
    assert ctx.pr.number == 5
    assert ctx.pr.head_ref == "copilot/use-pid"
    summary = {f.path: (f.status, f.hunks, f.kinds) for f in ctx.files}
    assert summary == {
        ".github/workflows/ci.yml": (
            FileStatus.ADDED,
            (Hunk(0, 0, 1, 2, added=(1, 2), removed=(), context=()),),
            frozenset({FileKind.CI}),
        ),
        "app.py": (
            FileStatus.MODIFIED,
            (Hunk(1, 2, 1, 3, added=(2, 3), removed=(2,), context=(1,)),),
            frozenset({FileKind.CODE}),
        ),
        "gone.txt": (
            FileStatus.REMOVED,
            (Hunk(1, 1, 0, 0, added=(), removed=(1,), context=()),),
            frozenset({FileKind.DOCS}),
        ),
    }
    app = ctx.file("app.py")
    assert app is not None
    assert app.base_text == "def run():\n    return 1\n"
    assert app.head_text == "def run():\n    import os\n    return os.getpid()\n"
    assert [c.message for c in ctx.commits] == ["Use the pid"]
    assert sorted(s.source for s in ctx.provenance.pr_signals) == ["branch", "pr-body"]


def test_missing_pull_request_is_recorded(client: GitHub[TokenAuthStrategy]) -> None:
    source = GitHubSource(client, "acme", "app", 404)
    with pytest.raises(SourceError):
        source.pull_request()
    ctx = build_context(source)
    assert ctx.files == ()
    assert [error.split(":")[0] for error in ctx.errors] == [
        "pull request",
        "changed files",
        "commits",
    ]


LARGE = "x = '" + "A" * 600_000 + "'\n"  # 600 kB: above the emulator's GraphQL text limit
MIXED_BASE: dict[str, str | bytes] = {
    "app.py": "a = 1\n",
    "logo.png": b"\x89PNG\r\n\x1a\n\0\0",
    "big.py": LARGE,
    "crlf.txt": "a\r\n",
}
MIXED_HEAD: dict[str, str | bytes] = {
    "app.py": "a = 2\n",
    "logo.png": b"\x89PNG\r\n\x1a\n\0\1",
    "big.py": LARGE + "y = 2\n",
    "crlf.txt": "a\r\nb\r\n",
    "new.py": "print('é ✓')\n",
}


def blob_queries(github: GitHubEmulator) -> list[Call]:
    """The GraphQL queries that read files (the pull request's own query aside)."""
    return [c for c in github.calls_to("POST", r"^/graphql$") if "object(expression" in c.json["query"]]


def _sides(
    github: GitHubEmulator, client: GitHub[TokenAuthStrategy], *, failing: int = 0
) -> dict[str, tuple[object, ...]]:
    source = GitHubSource(client, "acme", "app", 6)
    source.pull_request()
    if failing:
        github.fail("POST", r"^/graphql$", 422, times=failing)  # the next file queries
    ctx = build_context(source)
    assert ctx.errors == []
    return {f.path: (f.base_text, f.head_text, f.binary, f.added_lines) for f in ctx.files}


def test_files_are_read_in_one_graphql_batch_with_rest_only_for_what_it_cannot_give(
    github: GitHubEmulator, client: GitHub[TokenAuthStrategy]
) -> None:
    github.add_pull_request(REPO, 6, base_files=MIXED_BASE, head_files=MIXED_HEAD)
    batched = _sides(github, client)
    assert len(blob_queries(github)) == 2  # the sizes, then the text
    rest = sorted({c.path.rsplit("/", 1)[1] for c in github.calls_to("GET", r"/contents/")})
    assert rest == ["big.py", "logo.png"]  # truncated text and a binary file: exact bytes over REST
    assert batched["crlf.txt"][:2] == ("a\r\n", "a\r\nb\r\n")
    assert batched["new.py"][:2] == (None, "print('é ✓')\n")
    assert batched["logo.png"][2] is True
    read_before = len(github.calls_to("GET", r"/contents/"))
    assert _sides(github, client, failing=1) == batched  # the same context when GraphQL fails: all over REST
    # nine sides of changed files, and the six base-side files read for every change (the policy,
    # CODEOWNERS in its three places, .gitattributes), absent here
    assert len(github.calls_to("GET", r"/contents/")) - read_before == 15


def test_large_changes_are_read_a_hundred_sizes_and_fifty_texts_a_query(
    github: GitHubEmulator, client: GitHub[TokenAuthStrategy]
) -> None:
    head = {f"m{i:03}.py": f"v = {i}\n" for i in range(120)}
    github.add_pull_request(REPO, 6, base_files={}, head_files=head)
    ctx = build_context(GitHubSource(client, "acme", "app", 6))
    assert ctx.errors == []
    assert len(ctx.files) == 120
    assert all(f.head_text == f"v = {int(f.path[1:4])}\n" for f in ctx.files)
    # 126 sizes (120 files and the 6 base-side files, absent here) in 2 queries, 120 texts in 3
    assert len(blob_queries(github)) == 5
    assert github.calls_to("GET", r"/contents/") == []


def test_files_over_the_size_cap_are_never_downloaded_and_the_budget_bounds_each_query(
    github: GitHubEmulator, client: GitHub[TokenAuthStrategy]
) -> None:
    head = {"big.txt": "b" * 5_000 + "\n", **{f"s{i}.txt": "s" * 900 + "\n" for i in range(3)}}
    github.add_pull_request(REPO, 6, base_files={}, head_files=head)
    source = GitHubSource(client, "acme", "app", 6, max_bytes=4_000, max_fetch_bytes=2_000)
    ctx = build_context(source, options=BuildOptions(max_bytes=4_000))
    assert {f.path: f.skipped_reason for f in ctx.files if f.skipped_reason} == {
        "big.txt": "larger than 4000 bytes (5001)"
    }
    assert [f.path for f in ctx.files if f.head_text is not None] == ["s0.txt", "s1.txt"]
    assert any("s2.txt" in e and "budget" in e for e in ctx.errors)  # 2 x 901 bytes fit 2,000
    [text_query] = [c for c in blob_queries(github) if "isTruncated text" in c.json["query"]]
    asked = sorted(v.split(":", 1)[1] for k, v in text_query.json["variables"].items() if k.startswith("e"))
    assert asked == ["s0.txt", "s1.txt"]
    assert [c.path.rsplit("/", 1)[1] for c in github.calls_to("GET", r"/contents/")] == []


def test_one_query_reads_the_pull_request_its_reviews_commits_and_comments(
    github: GitHubEmulator, client: GitHub[TokenAuthStrategy]
) -> None:
    _seed(github)
    github.add_issue_comment(REPO, 5, "Looks fine", "dependabot[bot]")
    github.add_issue_comment(REPO, 5, "Ship it", "alice")
    source = GitHubSource(client, "acme", "app", 5)
    ctx = build_context(source)
    texts = source.conversation(skip_login="alice")
    assert ctx.errors == []
    assert (ctx.pr.author_login, ctx.pr.base_sha) == ("octocat", github.state.pull(REPO, 5).base_sha)
    assert [c.message for c in ctx.commits] == ["Use the pid"]
    assert [(t.author_login, t.text) for t in texts] == [
        ("dependabot[bot]", "Looks fine")
    ]  # as REST spells it
    assert (source.state(), source.total_files(), source.review_bodies()) == ("open", 3, [])
    rest = [c.path for c in github.calls if c.method == "GET" and "/contents/" not in c.path]
    assert rest == [f"/repos/{REPO}/pulls/5/files"]  # GraphQL gives no patches
    assert sum("pullRequest(" in c.json["query"] for c in github.calls_to("POST", r"^/graphql$")) == 1


def test_lists_longer_than_the_query_page_are_read_over_rest(
    github: GitHubEmulator, client: GitHub[TokenAuthStrategy]
) -> None:
    commits = [CommitSpec(f"Step {i}", files={"a.txt": f"{i}\n"}) for i in range(120)]
    github.add_pull_request(
        REPO, 7, base_files={"a.txt": "0\n"}, head_files={"a.txt": "x\n"}, commits=commits
    )
    ctx = build_context(GitHubSource(client, "acme", "app", 7))
    assert ctx.errors == []
    assert [c.message for c in ctx.commits] == [f"Step {i}" for i in range(120)]
    assert len(github.calls_to("GET", rf"^/repos/{REPO}/pulls/7/commits$")) == 2  # 100 a page


GO_FIND = """package db

import "database/sql"

var conn *sql.DB

func Find(name string) {
	conn.Query("SELECT * FROM users WHERE name = '" + name + "'")
}
"""
GO_HANDLER = """package web

import (
	"net/http"

	"github.com/acme/app/internal/db"
)

func Users(w http.ResponseWriter, r *http.Request) {
	db.Find(r.URL.Query().Get("name"))
}
"""
JS_FIND = """const mysql = require('mysql');
const conn = mysql.createConnection({});
function find(name) {
  conn.query("SELECT * FROM users WHERE name = '" + name + "'");
}
module.exports = { find };
"""
JS_HANDLER = """const express = require('express');
const db = require('../lib/db');
const app = express();
app.get('/users', (req, res) => {
  db.find(req.query.name);
  res.send('ok');
});
"""


def test_the_app_reads_the_unchanged_files_a_change_imports_in_a_few_queries(
    github: GitHubEmulator, client: GitHub[TokenAuthStrategy]
) -> None:
    base = {
        "go.mod": "module github.com/acme/app\n\ngo 1.22\n",
        "internal/db/find.go": GO_FIND,
        "internal/db/find_test.go": "package db\n",
        "internal/web/routes.go": "package web\n",
        "src/lib/db.js": JS_FIND,
        "src/lib/other.js": "module.exports = {};\n",
        "internal/web/users.go": "package web\n",
    }
    head = {**base, "internal/web/users.go": GO_HANDLER, "src/routes/users.js": JS_HANDLER}
    github.add_pull_request(REPO, 6, base_files=base, head_files=head)
    ctx = build_context(GitHubSource(client, "acme", "app", 6))
    assert ctx.errors == []
    assert sorted(ctx.imported_files) == ["internal/db/find.go", "internal/web/routes.go", "src/lib/db.js"]
    assert ctx.imported_files["src/lib/db.js"] == JS_FIND
    # the change's files (sizes, text), the imports and go.mod (sizes, text), the Go folders (one
    # listing), their files (sizes, text)
    assert len(blob_queries(github)) == 7
    assert github.calls_to("GET", r"/contents/") == []
    found = run_analyzers(ctx, [CodeSqlStringBuilding]).findings
    assert sorted((f.path, f.start_line) for f in found) == [
        ("internal/web/users.go", 10),
        ("src/routes/users.js", 5),
    ]
    for finding in found:
        helper = "internal/db/find.go" if finding.path.endswith(".go") else "src/lib/db.js"
        assert helper in {step.path for step in finding.trace}
