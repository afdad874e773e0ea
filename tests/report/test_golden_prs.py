"""Golden outputs of representative pull requests: what a maintainer reads, checked exactly.

For each case in `tests/report/prs`, the App analyses the pull request on the GitHub emulator and the
check-run title and summary, the review body and the inline comments are compared with
`golden/prs/<case>/`; `bulwark scan` on the same change gives the text, JSON and SARIF files beside them.
Every finding that reaches the check run must be accounted for in the review: an inline comment speaks
for it, or the body lists it, and the body gives the check run's count.

Regenerate every golden file with one command, then read the diff before committing it:

    .venv/bin/pytest tests/report/test_golden_prs.py --update-goldens

(`BULWARK_UPDATE_GOLDEN=1` does the same.)
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.db import repo as db
from app.db.migrate import upgrade
from app.db.session import dispose_engines, session_scope
from app.report.comment import comment_fingerprints
from app.report.review_body import listed_fingerprints
from app.scan import render, run_scan
from app.settings import Settings
from app.web.application import create_app
from tests.conftest import emulated_settings
from tests.emulator.server import GitHubEmulator
from tests.report.prs import CASES, Case
from tests.support.golden import Golden
from tests.support.pulls import analyse
from tests.support.servers import serve_app

GOLDEN = Path(__file__).parent / "golden" / "prs"
REPO = "acme/widgets"
PUBLIC_URL = "https://bulwark.example.org"
BASE_SHA = "b" * 40
HEAD_SHA = "c" * 40
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Dev",
    "GIT_AUTHOR_EMAIL": "dev@example.org",
    "GIT_COMMITTER_NAME": "Dev",
    "GIT_COMMITTER_EMAIL": "dev@example.org",
    "GIT_AUTHOR_DATE": "2026-01-01T00:00:00Z",
    "GIT_COMMITTER_DATE": "2026-01-01T00:00:00Z",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_SYSTEM": os.devnull,
}


@pytest.fixture
def served(tmp_path: Path, github: GitHubEmulator) -> Iterator[tuple[Settings, str]]:
    github.add_installation(21, "acme")
    github.add_repo(REPO, 21, repo_id=4242)
    settings = emulated_settings(
        tmp_path,
        github,
        public_url=PUBLIC_URL,
    )
    upgrade(settings.database_url)
    with serve_app(create_app(settings)) as web:
        yield settings, web
    dispose_engines()


def _app_outputs(settings: Settings, web: str, github: GitHubEmulator, case: Case) -> dict[str, Any]:
    github.add_pull_request(
        REPO,
        1,
        base_files=case.base,
        head_files=case.head,
        title=case.title,
        body=case.body,
        head_sha=HEAD_SHA,
        base_sha=BASE_SHA,
    )
    analyse(settings, web, github, REPO, 1, "opened")
    [run] = github.check_runs(REPO)
    reviews = github.reviews(REPO, 1)
    comments = github.review_comments(REPO, 1)
    with session_scope(settings.database_url) as session:
        rows = db.findings_of_pull(session, 4242, 1)
    return {"run": run, "reviews": reviews, "comments": comments, "rows": rows}


def _scan_outputs(tmp_path: Path, case: Case, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.delenv("BULWARK_DOCS_URL", raising=False)  # scan links: the repository's docs
    root = tmp_path / "checkout"
    root.mkdir()
    env = {**os.environ, **GIT_ENV}

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)

    git("init", "-q", "-b", "main")
    _write(root, case.base)
    git("add", "-A")
    git("commit", "-qm", "base")
    for path in case.base:
        (root / path).unlink()
    _write(root, case.head)
    git("add", "-A")
    git("commit", "-qm", case.title)
    result = run_scan(root, "HEAD~1", "HEAD", offline=True)
    report = json.loads(render(result, "json"))
    report.pop("stats", None)  # timings
    return {
        "scan.txt": render(result, "text"),
        "scan.json": json.dumps(report, indent=2, ensure_ascii=False) + "\n",
        "scan.sarif": render(result, "sarif"),
    }


def _write(root: Path, files: dict[str, str]) -> None:
    for path, text in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def _comments_text(comments: list[Any]) -> str:
    blocks = [f"## {c.path}:{c.line}\n\n{c.body}\n" for c in sorted(comments, key=lambda c: (c.path, c.line))]
    return "\n".join(blocks) if blocks else "(no inline comment)\n"


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_rendered_outputs_match_their_golden_files(
    case: Case,
    served: tuple[Settings, str],
    github: GitHubEmulator,
    tmp_path: Path,
    golden: Golden,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings, web = served
    found = _app_outputs(settings, web, github, case)
    run = found["run"]
    folder = GOLDEN / case.name
    check = f"conclusion: {run.conclusion}\ntitle: {run.output['title']}\n\n{run.output['summary']}"
    golden.check(folder / "check-run.md", check)
    review = found["reviews"][0].body + "\n" if found["reviews"] else "(no review)\n"
    golden.check(folder / "review-body.md", review)
    golden.check(folder / "comments.md", _comments_text(found["comments"]))
    assert github.unexpected == []
    for name, text in _scan_outputs(tmp_path, case, monkeypatch).items():
        golden.check(folder / name, text)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_every_finding_of_the_check_run_is_accounted_for_in_the_review(
    case: Case, served: tuple[Settings, str], github: GitHubEmulator
) -> None:
    settings, web = served
    found = _app_outputs(settings, web, github, case)
    shown = {row.fingerprint for row in found["rows"] if row.placement != "shadow"}
    run = found["run"]
    if not shown:
        assert found["reviews"] == []
        assert run.output["title"] == "No new findings"
        return
    [review] = found["reviews"]
    inline = {fp for c in found["comments"] for fp in comment_fingerprints(c.body)}
    listed = set(listed_fingerprints(review.body))
    assert shown <= inline | listed, shown - inline - listed
    assert not inline & listed  # each finding is accounted for once
    assert f"**Bulwark: {run.output['title']}**" in review.body  # the same count
    on_files = [row for row in found["rows"] if row.placement != "shadow" and row.path in case.head]
    assert len(run.annotations) == len(on_files)  # every finding on a file is also an annotation
