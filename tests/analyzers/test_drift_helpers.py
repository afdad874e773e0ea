"""The decisions inside drift rules, one by one: pins, ports, thresholds, pipelines, check words."""

from __future__ import annotations

import pytest

from analyzers.config.dockerfile import parse_image
from analyzers.config.hcl import blocks
from analyzers.contract.model import ChangedFile, FileStatus
from analyzers.contract.policy import DEFAULT_POLICY
from analyzers.contract.policy_file import parse_policy
from analyzers.drift.actions_unpinned_uses import unpinned_reason
from analyzers.drift.check_steps import check_commands
from analyzers.drift.ci_checks_weakened import check_words
from analyzers.drift.docker_pipe_to_shell import piped_downloads
from analyzers.drift.docker_unpinned_base_image import unpinned_reason as image_reason
from analyzers.drift.terraform_open_ingress import exposure
from analyzers.drift.thresholds import lowered_thresholds
from app.context.diff import make_patch, parse_patch

SHA = "0123456789abcdef0123456789abcdef01234567"


@pytest.mark.parametrize(
    ("uses", "reason"),
    [
        ("actions/checkout@v4", "follows the movable ref `v4`"),
        ("actions/checkout@main", "follows the movable ref `main`"),
        ("actions/checkout@0123456", "follows the movable ref `0123456`"),
        ("actions/checkout", "has no ref"),
        ("docker://alpine:3.20", "is a container image without a digest"),
        (f"actions/checkout@{SHA}", None),
        ("./.github/actions/x", None),
        ("docker://alpine@sha256:" + "a" * 64, None),
        ("${{ matrix.action }}", None),
    ],
)
def test_action_pins(uses: str, reason: str | None) -> None:
    assert unpinned_reason(uses, DEFAULT_POLICY) == reason


def test_action_allow_lists_are_case_insensitive_and_cover_paths() -> None:
    policy = parse_policy("actions:\n  allowed_owners: [Acme]\n  allowed_actions: [big/mono]\n")
    assert unpinned_reason("acme/x@v1", policy) is None
    assert unpinned_reason("big/mono/sub/action@v1", policy) is None
    assert unpinned_reason("big/monolith@v1", policy) == "follows the movable ref `v1`"


@pytest.mark.parametrize(
    ("image", "policy_text", "reason"),
    [
        ("python", "", "has no tag and follows `latest`"),
        ("python:latest", "", "uses the moving tag `latest`"),
        ("python:3.12", "", None),
        (
            "python:3.12",
            "containers:\n  require_digest: true\n",
            "has no `@sha256:` digest, which the policy requires",
        ),
        ("python@sha256:abc", "containers:\n  require_digest: true\n", None),
        (
            "quay.io/a/b:1",
            "containers:\n  allowed_registries: [ghcr.io]\n",
            "comes from `quay.io`, not an allowed registry (ghcr.io)",
        ),
        ("python:3.12", "containers:\n  allowed_registries: [docker.io]\n", None),
        ("scratch", "containers:\n  require_digest: true\n", None),
    ],
)
def test_base_image_pins(image: str, policy_text: str, reason: str | None) -> None:
    assert image_reason(parse_image(image), parse_policy(policy_text)) == reason


@pytest.mark.parametrize(
    ("rule", "exposed"),
    [
        ("from_port = 20\n  to_port = 25", "SSH (22)"),
        ("from_port = 3000\n  to_port = 3400", "MySQL (3306)"),
        ("from_port = 3389\n  to_port = 3389", "RDP (3389)"),
        ("from_port = 0\n  to_port = 65535", "every port"),
        ('protocol = "-1"', "every port"),
        ("from_port = 443\n  to_port = 443", None),
        ("from_port = 8000\n  to_port = 8100", None),
    ],
)
def test_exposed_ports(rule: str, exposed: str | None) -> None:
    (block,) = blocks(f"ingress {{\n  {rule}\n}}\n")
    assert exposure(block) == exposed


def _changed(base: str, head: str) -> ChangedFile:
    return ChangedFile(
        path="ci.yml",
        status=FileStatus.MODIFIED,
        base_text=base,
        head_text=head,
        hunks=parse_patch(make_patch(base, head)),
    )


def test_thresholds_lowered_and_severity_raised() -> None:
    base = "run: pytest --cov-fail-under=90\nseverity: CRITICAL,HIGH\naudit-level: low\n"
    head = "run: pytest --cov-fail-under=85.5\nseverity: CRITICAL\naudit-level: high\n"
    assert list(lowered_thresholds(_changed(base, head))) == [
        (1, "coverage threshold `cov-fail-under` lowered from 90 to 85.5"),
        (2, "severity threshold `severity` raised: fewer findings fail the check"),
        (3, "severity threshold `audit-level` raised: fewer findings fail the check"),
    ]
    assert list(lowered_thresholds(_changed(head, base))) == []


@pytest.mark.parametrize(
    ("script", "found"),
    [
        ("curl -fsSL https://x | sh", [(0, "curl", "sh")]),
        ("curl https://x | tee log | sudo -E python3 -", [(0, "curl", "python3")]),
        ("echo hi\nwget -qO- u | bash -s -- -y", [(1, "wget", "bash")]),
        ('sh -c "$(curl -fsSL https://x)"', [(0, "curl", "sh")]),
        ("bash <(wget -qO- https://x)", [(0, "wget", "bash")]),
        ("cat install.sh | sh", []),
        ("curl -o x https://x && sh x", []),
        ("sh | curl -d @- https://x", []),
        ("echo 'curl x | sh'", []),
    ],
)
def test_piped_downloads(script: str, found: list[tuple[int, str, str]]) -> None:
    assert list(piped_downloads(script)) == found


def test_check_words_from_config() -> None:
    assert check_words({}) is None
    words = check_words({"check_words": ["smoke"]})
    assert words is not None
    assert words.search("smoke suite")
    e2e = check_words({"check_words": "e2e"})
    assert e2e is not None
    assert e2e.search("run e2e")
    assert not e2e.search("e2ex")


@pytest.mark.parametrize(
    ("run", "checks"),
    [
        ("python -Im tox run -e mypy", {"tox mypy"}),
        ("uv run --locked tox run -e typing", {"tox typing"}),
        ("npm install eslint", set()),
        ("echo lint && npm ci", set()),
        ("pnpm run lint", {"js lint"}),
        ("yarn test:unit --coverage", {"js test:unit"}),
        ("ruff check src tests", {"ruff check"}),
        ("pytest -q --cov=app", {"pytest"}),
        ("cd web && yarn lint || true", {"js lint"}),
        ("go test ./... && go vet ./...", {"go test", "go vet"}),
        ("cargo clippy --all-targets -- -D warnings", {"cargo clippy"}),
        ("python -Im pip install coverage", set()),
        ("./gradlew check", {"gradlew check"}),
        ("./actionlint -color", {"actionlint"}),
        ("npx eslint . # lint", {"eslint"}),
        ("FORCE_COLOR=1 uvx zizmor .", {"zizmor"}),
        ("pnpm run ${{ matrix.task }}", {"js check-spelling", "js check-format"}),
        (
            "uv run --locked tox run -e ${{ matrix.tox || format('py{0}', matrix.python) }}",
            {"tox ${{matrix.tox||format('py{0}',matrix.python)}}"},
        ),
    ],
)
def test_steps_are_checks_by_what_they_run(run: str, checks: set[str]) -> None:
    assert check_commands(run, {"task": ["check-spelling", "check-format"]}) == checks
