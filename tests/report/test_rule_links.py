"""Every link a rendered check run, review and SARIF log hold answers 200 from the install itself.

A pull request with findings from several families is analysed on the emulator by an App whose
`BULWARK_PUBLIC_URL` is the test server; every `href` in the check-run summary, the review body and the
inline comments, every annotation's rule link and every SARIF `helpUri` is then fetched from that server.
"""

from __future__ import annotations

import base64
import gzip
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest
from markdown_it import MarkdownIt

from app.db.migrate import upgrade
from app.db.session import dispose_engines
from app.settings import Settings
from app.web.application import create_app
from tests.conftest import emulated_settings
from tests.emulator.server import GitHubEmulator
from tests.support.pulls import analyse
from tests.support.servers import serve_app

REPO = "acme/links"
POLICY = "sarif_upload: true\n"
RISKY = 'import os\n\n\ndef clean(a):\n    os.system("rm -rf " + a)\n'
WORKFLOW = """on: pull_request_target
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.pull_request.head.sha }}
      - run: make test
"""
URL = re.compile(r"https?://[^\s)]+")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.links.extend(value or "" for name, value in attrs if tag == "a" and name == "href")


def hrefs(markdown: str) -> list[str]:
    parser = _Links()
    parser.feed(MarkdownIt("commonmark").render(markdown))
    return parser.links


@pytest.fixture
def served(tmp_path: Path, github: GitHubEmulator) -> Iterator[tuple[Settings, str]]:
    github.add_installation(12, "acme")
    github.add_repo(REPO, 12)
    settings = emulated_settings(
        tmp_path,
        github,
    )
    upgrade(settings.database_url)
    with serve_app(create_app(settings)) as web:
        settings.public_url = web  # the install knows its own address, as BULWARK_PUBLIC_URL tells it
        yield settings, web
    dispose_engines()


def test_every_rule_link_in_what_bulwark_posts_answers_200(
    served: tuple[Settings, str], github: GitHubEmulator
) -> None:
    settings, web = served
    github.add_pull_request(
        REPO,
        1,
        base_files={".github/bulwark.yml": POLICY, "README.md": "x\n"},
        head_files={
            ".github/bulwark.yml": POLICY,
            "README.md": "x\n",
            "clean.py": RISKY,
            ".github/workflows/ci.yml": WORKFLOW,
        },
    )
    analyse(settings, web, github, REPO, 1, "opened")
    [run] = github.check_runs(REPO)
    texts = [run.output["summary"], *(r.body for r in github.reviews(REPO, 1))]
    texts += [c.body for c in github.review_comments(REPO, 1)]
    links = [link for text in texts for link in hrefs(text)]
    links += [url for a in run.annotations for url in URL.findall(a.get("raw_details", ""))]
    [upload] = github.sarif_uploads(REPO)
    rules = json.loads(gzip.decompress(base64.b64decode(upload.sarif)))["runs"][0]["tool"]["driver"]["rules"]
    links += [rule["helpUri"] for rule in rules]
    rule_links = [link for link in links if "/rules/" in link]
    assert len({link.rsplit("/", 1)[1] for link in rule_links}) >= 2  # several rules, several families
    assert all(link.startswith(f"{web}/") for link in links), links
    with httpx.Client(timeout=30) as client:
        answers = {link: client.get(link).status_code for link in set(links)}
    assert answers
    assert set(answers.values()) == {200}, answers


def test_a_docs_url_setting_points_rule_links_elsewhere(
    served: tuple[Settings, str], github: GitHubEmulator
) -> None:
    settings, web = served
    settings.docs_url = "https://docs.example.org/bulwark/rules/{id}.html"
    github.add_pull_request(
        REPO, 2, base_files={"README.md": "x\n"}, head_files={"README.md": "x\n", "clean.py": RISKY}
    )
    analyse(settings, web, github, REPO, 2, "opened")
    [run] = github.check_runs(REPO)
    links = hrefs(run.output["summary"])
    assert "https://docs.example.org/bulwark/rules/code-command-injection.html" in links


def test_unknown_rule_page_is_404_and_pages_keep_the_security_headers(served: tuple[Settings, str]) -> None:
    _, web = served
    with httpx.Client(timeout=30) as client:
        missing = client.get(f"{web}/rules/no-such-rule")
        known = client.get(f"{web}/rules/code-command-injection")
        index = client.get(f"{web}/rules")
    assert missing.status_code == 404
    assert (known.status_code, index.status_code) == (200, 200)
    assert "default-src 'self'" in known.headers["content-security-policy"]
    assert "<h2>Why it is risky</h2>" in known.text
    assert 'href="/rules/code-command-injection"' in index.text
