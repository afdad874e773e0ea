"""Pull requests, their files (patches exactly as GitHub gives them), commits, blobs and contents."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import httpx

from tests.emulator import CommitSpec, GitHubEmulator, blob_sha, generated_files
from tests.emulator.conftest import REPO

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "github-webhooks"
BASE: dict[str, str | bytes] = {
    "app.py": "import os\n\n\ndef main():\n    print('a')\n    print('b')\n    print('c')\n    return 0\n",
    "old.txt": "gone\n",
    "keep.md": "same\n",
    "moved.cfg": "x = 1\ny = 2\n",
    "tail.txt": "one\ntwo",
}
HEAD: dict[str, str | bytes] = {
    "app.py": "import os\n\n\ndef main():\n    print('a')\n    print('B')\n    print('c')\n    return 0\n",
    "keep.md": "same\n",
    "new.py": "print('hi')\n",
    "conf/moved.cfg": "x = 1\ny = 2\n",
    "tail.txt": "one\ntwo\nthree\n",
    "logo.png": b"\x89PNG\r\n\x1a\n\x00\x00binary",
}


def _files(api: httpx.Client, number: int = 1) -> dict[str, dict[str, object]]:
    answer = api.get(f"/repos/{REPO}/pulls/{number}/files", params={"per_page": 100})
    assert answer.status_code == 200
    return {entry["filename"]: entry for entry in answer.json()}


def test_file_statuses_counts_and_patches(github: GitHubEmulator, api: httpx.Client) -> None:
    github.add_pull_request(REPO, 1, base_files=BASE, head_files=HEAD)
    files = _files(api)
    assert list(files) == ["app.py", "conf/moved.cfg", "logo.png", "new.py", "old.txt", "tail.txt"]
    assert files["app.py"]["patch"] == (
        "@@ -3,6 +3,6 @@ import os\n"
        " \n"
        " def main():\n"
        "     print('a')\n"
        "-    print('b')\n"
        "+    print('B')\n"
        "     print('c')\n"
        "     return 0"
    )
    assert (files["app.py"]["additions"], files["app.py"]["deletions"], files["app.py"]["changes"]) == (
        1,
        1,
        2,
    )
    assert files["new.py"]["status"] == "added"
    assert files["new.py"]["patch"] == "@@ -0,0 +1 @@\n+print('hi')"
    assert files["old.txt"]["status"] == "removed"
    assert files["old.txt"]["patch"] == "@@ -1 +0,0 @@\n-gone"
    assert files["tail.txt"]["patch"] == (
        "@@ -1,2 +1,3 @@\n one\n-two\n\\ No newline at end of file\n+two\n+three"
    )
    assert files["conf/moved.cfg"]["status"] == "renamed"
    assert files["conf/moved.cfg"]["previous_filename"] == "moved.cfg"
    assert "patch" not in files["conf/moved.cfg"]
    assert "patch" not in files["logo.png"]
    assert files["logo.png"]["sha"] == blob_sha(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    assert (
        files["new.py"]["sha"] == "b376c9941fdc2cbd7c1d1c8b5a5a0e5a2e0b2a38"
        or len(str(files["new.py"]["sha"])) == 40
    )


def test_blob_shas_are_gits() -> None:
    assert blob_sha(b"") == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"
    assert blob_sha(b"hello\n") == "ce013625030ba8dba906f756967f9e9ca394464a"


def test_hunks_keep_three_lines_of_context(github: GitHubEmulator, api: httpx.Client) -> None:
    base = "".join(f"line {n}\n" for n in range(1, 31))
    head = base.replace("line 5\n", "line five\n").replace("line 25\n", "line 25\nextra\n")
    github.add_pull_request(REPO, 1, base_files={"f.txt": base}, head_files={"f.txt": head})
    patch = str(_files(api)["f.txt"]["patch"])
    headers = re.findall(r"^@@ .* @@.*$", patch, flags=re.MULTILINE)
    assert headers == ["@@ -2,7 +2,7 @@ line 1", "@@ -23,6 +23,7 @@ line 22"]


def test_files_paginate_up_to_3000(github: GitHubEmulator, api: httpx.Client) -> None:
    github.add_pull_request(REPO, 1, base_files={}, head_files=generated_files(4000))
    seen: list[str] = []
    url: str | None = f"/repos/{REPO}/pulls/1/files?per_page=100"
    pages = 0
    while url:
        answer = api.get(url)
        seen += [entry["filename"] for entry in answer.json()]
        found = re.search(r'<([^>]+)>; rel="next"', answer.headers.get("link", ""))
        url = found.group(1) if found else None
        pages += 1
    assert pages == 30
    assert len(seen) == 3000
    assert seen[0] == "src/file_00000.txt"
    assert seen[-1] == "src/file_02999.txt"
    first = api.get(f"/repos/{REPO}/pulls/1/files", params={"per_page": 500})
    assert len(first.json()) == 100
    assert 'page=30>; rel="last"' in first.headers["link"]
    pull = api.get(f"/repos/{REPO}/pulls/1").json()
    assert pull["changed_files"] == 4000


def test_pull_request_fields_and_commits(github: GitHubEmulator, api: httpx.Client) -> None:
    commits = [CommitSpec("first", files={"a.txt": "1\n"}), CommitSpec("second")]
    pull = github.add_pull_request(
        REPO, 3, base_files={}, head_files={"a.txt": "2\n"}, title="T", body="B", commits=commits,
        head_sha="a" * 40, base_sha="b" * 40,
    )  # fmt: skip
    body = api.get(f"/repos/{REPO}/pulls/3").json()
    assert (body["head"]["sha"], body["base"]["sha"]) == ("a" * 40, "b" * 40)
    assert (body["title"], body["body"], body["commits"], body["state"]) == ("T", "B", 2, "open")
    listed = api.get(f"/repos/{REPO}/pulls/3/commits").json()
    assert [c["commit"]["message"] for c in listed] == ["first", "second"]
    assert listed[1]["sha"] == pull.head_sha == "a" * 40
    assert listed[1]["parents"][0]["sha"] == listed[0]["sha"]


def test_commits_stop_at_250(github: GitHubEmulator, api: httpx.Client) -> None:
    specs = [CommitSpec(f"c{n}") for n in range(260)]
    github.add_pull_request(REPO, 1, base_files={}, head_files={"a": "1"}, commits=specs)
    total = sum(
        len(api.get(f"/repos/{REPO}/pulls/1/commits", params={"per_page": 100, "page": p}).json())
        for p in (1, 2, 3, 4)
    )
    assert total == 250


def test_push_moves_the_head(github: GitHubEmulator, api: httpx.Client) -> None:
    pull = github.add_pull_request(REPO, 1, base_files={"a": "1\n"}, head_files={"a": "2\n"})
    first = pull.head_sha
    second = github.push(REPO, 1, {"a": "3\n"})
    body = api.get(f"/repos/{REPO}/pulls/1").json()
    assert body["head"]["sha"] == second != first
    assert _files(api)["a"]["patch"] == "@@ -1 +1 @@\n-1\n+3"
    forced = github.push(REPO, 1, {"a": "4\n"}, force=True, head_sha="c" * 40)
    assert forced == "c" * 40
    assert [c["sha"] for c in api.get(f"/repos/{REPO}/pulls/1/commits").json()] == [forced]


def test_closed_pull_requests_are_listed(github: GitHubEmulator, api: httpx.Client) -> None:
    for number in (1, 2, 3):
        github.add_pull_request(REPO, number, base_files={}, head_files={"a": str(number)})
    github.close_pull_request(REPO, 1, merged=True)
    github.close_pull_request(REPO, 2)
    closed = api.get(f"/repos/{REPO}/pulls", params={"state": "closed"}).json()
    assert sorted(p["number"] for p in closed) == [1, 2]
    assert [p["number"] for p in api.get(f"/repos/{REPO}/pulls").json()] == [3]
    assert api.get(f"/repos/{REPO}/pulls", params={"state": "bogus"}).status_code == 422


def test_blobs_and_contents(github: GitHubEmulator, api: httpx.Client) -> None:
    pull = github.add_pull_request(
        REPO, 1, base_files={".github/bulwark.yml": "mode: shadow\n"}, head_files={"b.bin": b"\x00\x01"}
    )
    binary_sha = blob_sha(b"\x00\x01")
    blob = api.get(f"/repos/{REPO}/git/blobs/{binary_sha}").json()
    assert (base64.b64decode(blob["content"]), blob["encoding"], blob["size"]) == (b"\x00\x01", "base64", 2)
    config = api.get(f"/repos/{REPO}/contents/.github/bulwark.yml", params={"ref": "main"}).json()
    assert base64.b64decode(config["content"]) == b"mode: shadow\n"
    at_base = api.get(f"/repos/{REPO}/contents/.github/bulwark.yml", params={"ref": pull.base_sha})
    assert at_base.status_code == 200
    at_head = api.get(f"/repos/{REPO}/contents/.github/bulwark.yml", params={"ref": pull.head_sha})
    assert at_head.status_code == 404
    listing = api.get(f"/repos/{REPO}/contents/.github").json()
    assert [entry["name"] for entry in listing] == ["bulwark.yml"]
    assert api.get(f"/repos/{REPO}/git/blobs/{'0' * 40}").status_code == 404


def test_collaborator_permissions(github: GitHubEmulator, api: httpx.Client) -> None:
    github.set_permission(REPO, "maya", "maintain")
    github.set_permission(REPO, "tri", "triage")
    answers = {
        login: api.get(f"/repos/{REPO}/collaborators/{login}/permission").json()
        for login in ("maya", "tri", "stranger")
    }
    assert (answers["maya"]["permission"], answers["maya"]["role_name"]) == ("write", "maintain")
    assert (answers["tri"]["permission"], answers["tri"]["role_name"]) == ("read", "triage")
    assert answers["stranger"]["permission"] == "read"


def test_diff_media_type_and_its_limits(github: GitHubEmulator, api: httpx.Client) -> None:
    github.add_pull_request(REPO, 1, base_files={}, head_files={"a.txt": "1\n"})
    github.add_pull_request(REPO, 2, base_files={}, head_files=generated_files(301))
    diff = {"Accept": "application/vnd.github.diff"}
    small = api.get(f"/repos/{REPO}/pulls/1", headers=diff)
    assert small.status_code == 200
    assert small.text.startswith("diff --git a/a.txt b/a.txt\nnew file mode 100644\n")
    large = api.get(f"/repos/{REPO}/pulls/2", headers=diff)
    assert large.status_code == 406
    assert large.json()["errors"] == [{"resource": "PullRequest", "field": "diff", "code": "too_large"}]


def test_installation_repositories(github: GitHubEmulator, api: httpx.Client) -> None:
    github.add_repo("acme/gadgets", 7)
    github.add_installation(8, "other")
    github.add_repo("other/thing", 8)
    body = api.get("/installation/repositories").json()
    assert body["total_count"] == 2
    assert [r["full_name"] for r in body["repositories"]] == [REPO, "acme/gadgets"]


def test_seeding_from_a_real_payload(github: GitHubEmulator) -> None:
    payload = json.loads(FIXTURES.joinpath("pull_request", "opened.payload.json").read_bytes())
    pull = github.add_pull_request_from_payload(payload, base_files={"a": "1\n"}, head_files={"a": "2\n"})
    assert (pull.head_sha, pull.base_sha) == (
        payload["pull_request"]["head"]["sha"],
        payload["pull_request"]["base"]["sha"],
    )
    assert (pull.repo.id, pull.repo.installation_id, pull.number) == (186853002, 1, 2)
    token = github.installation_token(1)
    answer = httpx.get(
        f"{github.url}/repos/Codertocat/Hello-World/pulls/2", headers={"Authorization": f"token {token}"}
    )
    assert answer.json()["head"]["ref"] == "changes"
