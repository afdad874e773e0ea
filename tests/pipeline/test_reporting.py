"""The reporting lifecycle on the emulator: one check run, quiet inline comments, never a duplicate."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from app.db.migrate import upgrade
from app.db.session import dispose_engines
from app.settings import Settings
from tests.conftest import emulated_settings
from tests.emulator.server import GitHubEmulator
from tests.support.pulls import analyse

REPO = "acme/shop"


def risky(name: str, indent: int = 0) -> str:
    return " " * indent + f'os.system("rm -rf " + {name})\n'


def module(*body: str, padding: int = 0) -> str:
    return "import os\n" + "\n" * padding + "\n\ndef clean(a, b, c):\n" + "".join(body)


@pytest.fixture
def settings(tmp_path: Path, github: GitHubEmulator) -> Iterator[Settings]:
    github.add_installation(11, "acme")
    github.add_repo(REPO, 11)
    value = emulated_settings(
        tmp_path,
        github,
    )
    upgrade(value.database_url)
    yield value
    dispose_engines()


def review_calls(github: GitHubEmulator) -> int:
    return len(github.calls_to("POST", rf"^/repos/{REPO}/pulls/\d+/reviews$"))


def test_findings_of_each_placement_one_check_run_and_one_review(
    settings: Settings, web: str, github: GitHubEmulator
) -> None:
    policy = "rules:\n  code-sql-string-building:\n    block: true\n"
    head = module(
        risky("a", 4),
        '    cursor.execute("SELECT * FROM t WHERE id = " + b)\n',
        "    token = random.random()\n",
    )
    github.add_pull_request(
        REPO, 1, base_files={".github/bulwark.yml": policy, "app.py": "x = 1\n"},
        head_files={".github/bulwark.yml": policy, "app.py": "x = 1\n", "clean.py": head},
    )  # fmt: skip
    analyse(settings, web, github, REPO, 1, "opened")
    [run] = github.check_runs(REPO)
    assert (run.status, run.conclusion) == ("completed", "failure")
    [review] = github.reviews(REPO, 1)
    assert review.event == "COMMENT"
    comments = github.review_comments(REPO, 1)
    assert sorted((c.path, c.line, c.side) for c in comments) == [
        ("clean.py", 5, "RIGHT"),
        ("clean.py", 6, "RIGHT"),
    ]
    levels = sorted((a["start_line"], a["annotation_level"]) for a in run.annotations)
    assert levels == [(5, "warning"), (6, "failure"), (7, "warning")]
    assert all("<!-- bulwark:fingerprint=" in c.body for c in comments)
    assert github.unexpected == []


def test_annotations_go_in_batches_of_50(settings: Settings, web: str, github: GitHubEmulator) -> None:
    head = module(*(risky(f"a{i}", 4) for i in range(120)))
    github.add_pull_request(REPO, 2, base_files={"x.py": "x\n"}, head_files={"x.py": "x\n", "many.py": head})
    analyse(settings, web, github, REPO, 2, "opened")
    [run] = github.check_runs(REPO)
    updates = github.calls_to("PATCH", rf"^/repos/{REPO}/check-runs/{run.id}$")
    sizes = [len((c.json or {}).get("output", {}).get("annotations", [])) for c in updates]
    assert sorted(sizes, reverse=True)[:3] == [50, 50, 20]
    assert len(run.annotations) == 120
    assert len(github.review_comments(REPO, 2)) == 50  # at most 50 inline; the rest are in the summary
    assert run.output["summary"].count("not inline: ") == 70


def test_a_moved_finding_is_not_commented_again_and_a_fixed_one_is_resolved(
    settings: Settings, web: str, github: GitHubEmulator
) -> None:
    first = module(risky("a", 4), risky("b", 4))
    github.add_pull_request(
        REPO, 3, base_files={"x.py": "x\n"}, head_files={"x.py": "x\n", "clean.py": first}
    )
    analyse(settings, web, github, REPO, 3, "opened")
    assert len(github.review_comments(REPO, 3)) == 2
    moved = module(risky("a", 4), padding=30)  # the first moves 30 lines down, the second is fixed
    github.push(REPO, 3, {"x.py": "x\n", "clean.py": moved})
    analyse(settings, web, github, REPO, 3)
    assert len(github.review_comments(REPO, 3)) == 2  # nothing new
    assert review_calls(github) == 1
    threads = github.threads(REPO, 3)
    resolved = [t for t in threads if t.resolved]
    assert len(resolved) == 1
    [comment] = [c for c in github.review_comments(REPO, 3) if c.id in resolved[0].comment_ids]
    assert "`b`" in comment.body or "b)" in comment.body
    # A force-push rebase that moves the remaining finding again: still no new comment.
    github.push(REPO, 3, {"x.py": "x\n", "clean.py": module(risky("a", 4), padding=10)}, force=True)
    analyse(settings, web, github, REPO, 3)
    assert len(github.review_comments(REPO, 3)) == 2
    assert len(github.check_runs(REPO)) == 3  # one per head SHA


def test_a_refused_review_is_retried_and_lands(settings: Settings, web: str, github: GitHubEmulator) -> None:
    github.add_pull_request(
        REPO, 4, base_files={"x.py": "x\n"}, head_files={"x.py": "x\n", "c.py": module(risky("a", 4))}
    )
    github.fail("POST", rf"^/repos/{REPO}/pulls/4/reviews$", 422, times=1)
    analyse(settings, web, github, REPO, 4, "opened")
    assert [c.status for c in github.calls_to("POST", rf"^/repos/{REPO}/pulls/4/reviews$")] == [422, 200]
    assert len(github.review_comments(REPO, 4)) == 1
    [run] = github.check_runs(REPO)
    assert run.conclusion == "success"


def test_a_pull_request_beyond_3000_files_says_what_was_skipped(
    settings: Settings, web: str, github: GitHubEmulator
) -> None:
    from tests.emulator.diffs import generated_files

    github.add_pull_request(
        REPO, 5, base_files={"x.py": "x\n"}, head_files={"x.py": "x\n", **generated_files(4000)}
    )
    analyse(settings, web, github, REPO, 5, "opened")
    [run] = github.check_runs(REPO)
    assert run.status == "completed"
    assert "1000 of 4000 changed files" in run.output["summary"]


def test_hostile_snippets_render_harmlessly(settings: Settings, web: str, github: GitHubEmulator) -> None:
    line = '    os.system("ping @org/team <img src=x onerror=alert(1)> ````` " + a)\n'
    github.add_pull_request(
        REPO, 6, base_files={"x.py": "x\n"}, head_files={"x.py": "x\n", "h.py": module(line)}
    )
    analyse(settings, web, github, REPO, 6, "opened")
    [run] = github.check_runs(REPO)
    [comment] = github.review_comments(REPO, 6)
    for text in (run.output["summary"], comment.body):
        html = MarkdownIt("commonmark").render(text)
        assert "<img" not in html
        outside_code = re.sub(r"<code>.*?</code>", "", html, flags=re.DOTALL)
        assert "@org" not in outside_code
        assert "onerror" in html  # shown, as text


def test_sarif_goes_to_code_scanning_when_the_policy_asks(
    settings: Settings, web: str, github: GitHubEmulator
) -> None:
    import base64
    import gzip
    import json

    policy = "sarif_upload: true\n"
    github.add_pull_request(
        REPO, 7, base_files={".github/bulwark.yml": policy}, head_files={".github/bulwark.yml": policy, "s.py": module(risky("a", 4))}
    )  # fmt: skip
    analyse(settings, web, github, REPO, 7, "opened")
    [upload] = github.sarif_uploads(REPO)
    log = json.loads(gzip.decompress(base64.b64decode(upload.sarif)))
    [result] = log["runs"][0]["results"]
    assert (result["ruleId"], result["locations"][0]["physicalLocation"]["region"]["startLine"]) == (
        "code-command-injection",
        5,
    )
    assert (upload.commit_sha, upload.ref) == (github.state.pull(REPO, 7).head_sha, "refs/pull/7/head")


def test_no_sarif_upload_without_the_policy(settings: Settings, web: str, github: GitHubEmulator) -> None:
    github.add_pull_request(
        REPO, 8, base_files={"x.py": "x\n"}, head_files={"x.py": "x\n", "s.py": module(risky("a", 4))}
    )
    analyse(settings, web, github, REPO, 8, "opened")
    assert github.sarif_uploads(REPO) == []


def test_a_review_posted_by_a_job_that_died_before_recording_it_is_not_posted_again(
    settings: Settings, web: str, github: GitHubEmulator
) -> None:
    from sqlalchemy import update

    from app.db.models import Finding
    from app.db.session import session_scope

    files = {"x.py": "x\n", "c.py": module(risky("a", 4))}
    github.add_pull_request(REPO, 9, base_files={"x.py": "x\n"}, head_files=files)
    analyse(settings, web, github, REPO, 9, "opened")
    assert len(github.review_comments(REPO, 9)) == 1
    with session_scope(settings.database_url) as session:  # as if the job died right after posting
        session.execute(update(Finding).values(comment_id=None, thread_id=""))
    github.push(REPO, 9, {**files, "x.py": "y\n"})
    analyse(settings, web, github, REPO, 9)
    assert len(github.review_comments(REPO, 9)) == 1
    assert len(github.reviews(REPO, 9)) == 1
