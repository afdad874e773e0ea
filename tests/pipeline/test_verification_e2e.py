"""Pillar 2 end to end: new dependencies checked against a local registry, policy read from the base."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.db.migrate import upgrade
from app.db.session import dispose_engines
from app.settings import Settings
from app.web.application import create_app
from tests.conftest import emulated_settings
from tests.emulator.server import GitHubEmulator
from tests.support.pulls import analyse
from tests.support.registry_server import RegistryServer, running_registry
from tests.support.servers import serve_app

REPO = "acme/api"
BASE_REQUIREMENTS = "requests==2.32.3\n"
HEAD_REQUIREMENTS = "requests==2.32.3\nhuggingface-cli-tools==0.3.1\nrequestss==2.32.3\ncolourama==0.4.6\n"


def rule_of(annotation: dict[str, object]) -> str:
    return str(annotation["title"]).rsplit("[", 1)[-1].rstrip("]")


def app_settings(tmp_path: Path, github: GitHubEmulator, registry_url: str, **more: object) -> Settings:
    return emulated_settings(
        tmp_path,
        github,
        registry_offline=False,
        pypi_url=registry_url,
        npm_url=registry_url,
        osv_url=registry_url,
        **more,
    )


@pytest.fixture
def seeded(github: GitHubEmulator) -> GitHubEmulator:
    github.add_installation(21, "acme")
    github.add_repo(REPO, 21)
    github.add_pull_request(
        REPO,
        1,
        base_files={"requirements.txt": BASE_REQUIREMENTS},
        head_files={"requirements.txt": HEAD_REQUIREMENTS},
    )
    return github


def run(settings: Settings, github: GitHubEmulator) -> None:
    upgrade(settings.database_url)
    with serve_app(create_app(settings)) as web:
        analyse(settings, web, github, REPO, 1, "opened")
    dispose_engines()


def test_nonexistent_typosquat_and_malicious_dependencies(tmp_path: Path, seeded: GitHubEmulator) -> None:
    with running_registry() as registry:
        run(app_settings(tmp_path, seeded, registry.url), seeded)
    [check] = seeded.check_runs(REPO)
    found = sorted((rule_of(a), a["start_line"]) for a in check.annotations)
    rules = {rule for rule, _ in found}
    assert {"deps-nonexistent-package", "deps-typosquat", "deps-known-malicious"} <= rules
    assert ("deps-nonexistent-package", 2) in found
    assert ("deps-typosquat", 3) in found
    assert ("deps-known-malicious", 4) in found
    assert check.status == "completed"


def test_a_registry_that_times_out_still_completes_and_names_the_checks(
    tmp_path: Path, seeded: GitHubEmulator
) -> None:
    with running_registry(RegistryServer(timeout_mode=True)) as registry:
        run(app_settings(tmp_path, seeded, registry.url, registry_timeout=0.5), seeded)
    [check] = seeded.check_runs(REPO)
    assert check.status == "completed"
    summary = check.output["summary"]
    assert "pypi registry: timeout" in summary
    assert "deps-nonexistent-package" in summary  # named among the checks that could not run


def test_a_pr_that_loosens_the_policy_is_judged_by_the_base_policy(
    tmp_path: Path, github: GitHubEmulator
) -> None:
    strict = "rules:\n  code-command-injection:\n    block: true\n"
    loose = "rules:\n  code-command-injection:\n    disable: true\n"
    risky = 'import os\n\n\ndef go(x):\n    os.system("ls " + x)\n'
    github.add_installation(21, "acme")
    github.add_repo(REPO, 21)
    github.add_pull_request(
        REPO,
        1,
        base_files={".github/bulwark.yml": strict, "a.py": "x = 1\n"},
        head_files={".github/bulwark.yml": loose, "a.py": "x = 1\n", "b.py": risky},
    )
    run(
        emulated_settings(
            tmp_path,
            github,
        ),
        github,
    )
    [check] = github.check_runs(REPO)
    assert check.conclusion == "failure"
    assert [
        (a["path"], a["start_line"], a["annotation_level"])
        for a in check.annotations
        if rule_of(a) == "code-command-injection"
    ] == [("b.py", 5, "failure")]


def test_an_invalid_base_policy_gives_a_neutral_check_naming_the_key(
    tmp_path: Path, github: GitHubEmulator
) -> None:
    bad = "rules:\n  code-command-injection:\n    blok: true\n"
    github.add_installation(21, "acme")
    github.add_repo(REPO, 21)
    github.add_pull_request(
        REPO,
        1,
        base_files={".github/bulwark.yml": bad},
        head_files={".github/bulwark.yml": bad, "a.py": "x = 2\n"},
    )
    run(
        emulated_settings(
            tmp_path,
            github,
        ),
        github,
    )
    [check] = github.check_runs(REPO)
    assert check.conclusion == "neutral"
    assert "blok" in check.output["summary"]
    assert "line 3" in check.output["summary"] or ":3" in check.output["summary"]


def test_a_protected_path_needs_a_code_owners_approval(tmp_path: Path, github: GitHubEmulator) -> None:
    from tests.emulator.state import Review

    policy = "protected_paths:\n  - deploy/**\n"
    base = {".github/bulwark.yml": policy, "CODEOWNERS": "/deploy/ @ops-lead\n", "deploy/prod.sh": "echo 1\n"}
    github.add_installation(21, "acme")
    github.add_repo(REPO, 21)
    github.add_pull_request(
        REPO, 1, base_files=base, head_files={**base, "deploy/prod.sh": "echo 2\n"}, author="dev"
    )
    settings = emulated_settings(
        tmp_path,
        github,
    )
    run(settings, github)
    [first] = github.check_runs(REPO)
    assert [rule_of(a) for a in first.annotations] == ["policy-protected-path-changed"]

    pull = github.state.pull(REPO, 1)  # the code owner approves; the next head is judged with that review
    github.state.reviews[github.state.next_id()] = Review(
        github.state.next_id(), pull, "ops-lead", "", "APPROVE", "APPROVED", pull.head_sha
    )
    github.push(REPO, 1, {**base, "deploy/prod.sh": "echo 3\n"})
    run(settings, github)
    latest = github.check_runs(REPO)[-1]
    assert latest.head_sha == github.state.pull(REPO, 1).head_sha
    assert [rule_of(a) for a in latest.annotations] == []
