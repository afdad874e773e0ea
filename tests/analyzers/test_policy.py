"""The repository policy: parsing, errors with key paths and lines, inheritance, path globs."""

from __future__ import annotations

import dataclasses
import typing
from pathlib import Path

import pytest

from analyzers.contract.globs import matches_any
from analyzers.contract.policy import DEFAULT_POLICY, RepoPolicy, RuleSettings
from analyzers.contract.policy_file import (
    PolicyError,
    effective_policy,
    explicit_keys,
    merge_policies,
    parse_policy,
    policy_from_base,
    policy_of_data,
)
from app.policy_check import policy_check_file

VALID = """\
extends: acme/.github:policies/bulwark.yml
rules:
  actions-unpinned-uses:
    severity: high
    paths: [".github/workflows/**"]
    block: true
  docker-runs-as-root:
    disable: true
  ci-checks-weakened:
    ignore_paths: ["experimental/**"]
    config:
      check_words: [smoke, lint]
protected_paths:
  - .github/workflows/
  - "infra/**/*.tf"
ignore_paths: [vendor/]
actions:
  allowed_owners: [actions, acme]
  allowed_actions: [docker/build-push-action]
containers:
  allowed_registries: [ghcr.io, registry.acme.internal:5000]
  require_digest: true
workflows:
  baseline_permissions:
    contents: read
    pull-requests: write
codeowners:
  path: docs/CODEOWNERS
sarif_upload: true
"""


def test_valid_policy_parses_every_key() -> None:
    policy = parse_policy(VALID)
    assert policy.extends_target == ("acme/.github", "policies/bulwark.yml")
    assert policy.rule_settings("actions-unpinned-uses") == RuleSettings(
        severity="high", paths=(".github/workflows/**",), block=True
    )
    assert policy.rule_settings("docker-runs-as-root").disable is True
    assert policy.rule_settings("ci-checks-weakened").config == {"check_words": ["smoke", "lint"]}
    assert policy.rule_settings("never-mentioned") == RuleSettings()
    assert policy.actions.allowed_owners == ("actions", "acme")
    assert policy.containers.allowed_registries == ("ghcr.io", "registry.acme.internal:5000")
    assert policy.containers.require_digest is True
    assert policy.workflows.baseline_permissions == {"contents": "read", "pull-requests": "write"}
    assert policy.codeowners.path == "docs/CODEOWNERS"
    assert policy.sarif_upload is True
    assert policy.is_protected(".github/workflows/ci.yml")
    assert policy.is_protected("infra/prod/eu/main.tf")
    assert not policy.is_protected("src/main.tf")
    assert policy.is_ignored("vendor/lib/a.py")


def test_empty_policy_is_the_default() -> None:
    assert parse_policy("") == DEFAULT_POLICY
    assert parse_policy("# nothing here\n") == DEFAULT_POLICY
    assert effective_policy(None) is DEFAULT_POLICY
    policy = parse_policy("sarif_upload: true\n")
    assert effective_policy(policy) is policy


@pytest.mark.parametrize(
    ("text", "key_path", "line", "message"),
    [
        ("sarif: true\n", "sarif", 1, "unknown key"),
        (
            "rules:\n  x-y:\n    severity: loud\n",
            "rules.x-y.severity",
            3,
            "expected info, low, medium, high or critical, not 'loud'",
        ),
        (
            "rules:\n  x-y:\n    disabled: true\n",
            "rules.x-y.disabled",
            3,
            "unknown key; did you mean 'disable'?",
        ),
        ("rules:\n  Bad_Rule: {}\n", "rules", 1, "rule id 'Bad_Rule' is not kebab-case"),
        ("rules:\n  x-y:\n    paths: 3\n", "rules.x-y.paths", 3, "expected a list, not 3"),
        ("protected_paths:\n  - a\n  - [b]\n", "protected_paths[1]", 3, "expected text, not a list"),
        ("actions:\n  owners: [a]\n", "actions.owners", 2, "unknown key"),
        (
            "containers:\n  allowed_registries:\n    - ghcr.io\n    - Bad Host\n",
            "containers.allowed_registries[1]",
            4,
            "'Bad Host' is not a registry host name",
        ),
        (
            "containers:\n  require_digest: maybe\n",
            "containers.require_digest",
            2,
            "expected true or false, not 'maybe'",
        ),
        (
            "workflows:\n  baseline_permissions:\n    contents: read\n    secrets: write\n",
            "workflows.baseline_permissions.secrets",
            4,
            "unknown key 'secrets'",
        ),
        (
            "workflows:\n  baseline_permissions:\n    contents: admin\n",
            "workflows.baseline_permissions.contents",
            3,
            "expected read, write or none, not 'admin'",
        ),
        ("extends: not a repo\n", "extends", 1, "expected owner/repo or owner/repo:path"),
        ("sarif_upload: true\nsarif_upload: false\n", "sarif_upload", 2, "duplicate key"),
        ("- a\n- b\n", "", 1, "the policy must be a mapping"),
        ("rules: [\n", "", 2, "invalid YAML"),
    ],
)
def test_invalid_key_is_reported_with_path_and_line(
    text: str, key_path: str, line: int, message: str
) -> None:
    with pytest.raises(PolicyError) as caught:
        parse_policy(text, source="p.yml")
    assert (caught.value.key_path, caught.value.line) == (key_path, line)
    assert message in caught.value.problems[0].message
    assert str(caught.value).startswith(f"p.yml:{line}: ")


def test_every_problem_is_reported_at_once() -> None:
    text = "sarif: 1\nrules:\n  a-b:\n    oops: 2\nactions:\n  allowed_owners: [x]\n  more: 3\n"
    with pytest.raises(PolicyError) as caught:
        parse_policy(text)
    assert caught.value.messages() == [  # in the order of the file's lines
        ".github/bulwark.yml:1: sarif: unknown key; did you mean 'sarif_upload'?",
        ".github/bulwark.yml:4: rules.a-b.oops: unknown key",
        ".github/bulwark.yml:7: actions.more: unknown key",
    ]


def test_unknown_rule_ids_are_errors_when_the_registry_is_known() -> None:
    text = "rules:\n  a-b: {}\n  c-d:\n    disable: true\n"
    with pytest.raises(PolicyError) as caught:
        parse_policy(text, known_rules={"a-b"})
    assert caught.value.messages() == [".github/bulwark.yml:3: rules.c-d: no rule has this id"]


def test_extends_merges_org_defaults_under_the_repository() -> None:
    org = parse_policy(
        "rules:\n  a-b:\n    severity: high\n    block: true\n  c-d:\n    disable: true\n"
        "protected_paths: [.github/]\nactions:\n  allowed_owners: [actions]\n"
        "containers:\n  require_digest: true\n  allowed_registries: [ghcr.io]\n"
        "workflows:\n  baseline_permissions:\n    contents: read\n"
    )
    repo = parse_policy(
        "extends: acme/.github\nrules:\n  a-b:\n    severity: low\n"
        "protected_paths: [infra/]\ncontainers:\n  allowed_registries: [quay.io]\n"
    )
    merged = merge_policies(org, repo)
    assert merged.rule_settings("a-b") == RuleSettings(severity="low", block=True)
    assert merged.rule_settings("c-d").disable is True
    assert merged.protected_paths == (".github/", "infra/")
    assert merged.actions.allowed_owners == ("actions",)
    assert merged.containers.require_digest is True
    assert merged.containers.allowed_registries == ("quay.io",)
    assert merged.workflows.baseline_permissions == {"contents": "read"}
    assert merged.extends is None
    assert repo.extends_target == ("acme/.github", ".github/bulwark.yml")


def test_repository_can_turn_an_org_default_off_explicitly() -> None:
    org = parse_policy("containers:\n  require_digest: true\nsarif_upload: true\n")
    repo = parse_policy("containers:\n  require_digest: false\n")
    merged = merge_policies(org, repo)
    assert merged.containers.require_digest is False
    assert merged.sarif_upload is True


def test_rule_settings_honour_disable_and_paths() -> None:
    settings = RuleSettings(paths=("src/**",), ignore_paths=("src/gen/**",))
    assert settings.applies_to("src/app/main.py")
    assert not settings.applies_to("src/gen/x.py")
    assert not settings.applies_to("docs/x.md")
    assert not RuleSettings(disable=True).applies_to("src/a.py")
    assert RuleSettings().applies_to("anything/at/all")


@pytest.mark.parametrize(
    ("path", "pattern", "expected"),
    [
        ("Dockerfile", "Dockerfile", True),
        ("svc/Dockerfile", "Dockerfile", True),
        ("svc/Dockerfile", "/Dockerfile", False),
        (".github/workflows/a.yml", ".github/workflows/*.yml", True),
        (".github/workflows/sub/a.yml", ".github/workflows/*.yml", False),
        (".github/workflows/sub/a.yml", ".github/**", True),
        ("infra/main.tf", "infra/**/*.tf", True),
        ("infra/a/b/main.tf", "infra/**/*.tf", True),
        ("infrastructure/main.tf", "infra/", False),
        ("x/infra/main.tf", "infra/", True),
        ("x/infra/main.tf", "/infra/", False),
        ("deploy/k8s/pod.yaml", "*.yaml", True),
        ("a.yml", "?.yml", True),
        ("ab.yml", "?.yml", False),
    ],
)
def test_path_globs(path: str, pattern: str, expected: bool) -> None:
    assert matches_any(path, [pattern]) is expected


def test_policy_comes_from_the_base_files_only() -> None:
    base = {".github/bulwark.yml": "rules:\n  a-b:\n    disable: true\n"}
    policy = policy_from_base(base)
    assert isinstance(policy, RepoPolicy)
    assert policy.rule_settings("a-b").disable is True
    assert policy_from_base({}) is None
    other = policy_from_base({".github/bulwark.yaml": "sarif_upload: true\n"})
    assert other is not None
    assert other.sarif_upload is True
    assert effective_policy(None, {".github/bulwark.yaml": "sarif_upload: true\n"}).sarif_upload is True
    assert effective_policy(None, {".github/bulwark.yml": "sarif: [\n"}) is DEFAULT_POLICY


def test_policy_check_file(tmp_path: Path) -> None:
    good = tmp_path / "good.yml"
    good.write_text(VALID)
    bad = tmp_path / "bad.yml"
    bad.write_text("rules:\n  code-command-injection:\n    serverity: high\n")
    assert policy_check_file(good) == []
    assert policy_check_file(bad) == [
        f"{bad}:3: rules.code-command-injection.serverity: unknown key; did you mean 'severity'?"
    ]
    unknown = tmp_path / "unknown.yml"
    unknown.write_text("rules:\n  actions-unpinned-uses: {}\n  no-such-rule:\n    disable: true\n")
    assert policy_check_file(unknown) == [f"{unknown}:3: rules.no-such-rule: no rule has this id"]
    missing = tmp_path / "missing.yml"
    assert policy_check_file(missing)[0].startswith(f"{missing}: cannot read: ")


DOCS = Path(__file__).resolve().parents[2] / "docs" / "policy.md"


def _keys(model: type[object], prefix: str = "") -> list[str]:
    found: list[str] = []
    hints = typing.get_type_hints(model)
    for item in dataclasses.fields(model):  # type: ignore[arg-type]
        if item.name.startswith("_"):
            continue
        annotation = hints[item.name]
        if dataclasses.is_dataclass(annotation):
            found.extend(_keys(annotation, f"{prefix}{item.name}."))  # type: ignore[arg-type]
        else:
            found.append(prefix + item.name)
    return found


def test_every_key_is_documented_and_the_documented_example_parses() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for key in _keys(RepoPolicy):
        documented = "rules.<rule-id>" if key == "rules" else key
        assert f"### `{documented}`" in text or f", `{documented}`" in text, key
    for setting in (item.name for item in dataclasses.fields(RuleSettings)):
        assert f"| `{setting}` |" in text, setting
    example = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    policy = parse_policy(example)
    assert policy.rule_settings("docker-runs-as-root").disable is True
    assert policy.rule_settings("ci-checks-weakened").config == {"check_words": ["e2e", "smoke"]}


def test_rule_applies_combines_global_ignores_and_rule_settings() -> None:
    policy = parse_policy(
        "ignore_paths: [vendor/]\nrules:\n  a-b:\n    paths: ['src/**']\n  c-d:\n    disable: true\n"
    )
    assert policy.rule_applies("a-b", "src/x.py")
    assert not policy.rule_applies("a-b", "lib/x.py")
    assert not policy.rule_applies("a-b", "src/vendor/x.py")
    assert not policy.rule_applies("c-d", "src/x.py")
    assert policy.rule_applies("e-f", "anything.py")
    assert policy.disabled_rules == frozenset({"c-d"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sarif_upload: 'yes'\n", True),
        ("sarif_upload: 'off'\n", False),
        ("sarif_upload: 1\n", True),
        ("sarif_upload: 0\n", False),
    ],
)
def test_booleans_read_the_usual_spellings(text: str, expected: bool) -> None:
    assert parse_policy(text).sarif_upload is expected


def test_an_empty_section_is_its_defaults_and_private_names_are_unknown_keys() -> None:
    policy = parse_policy("actions:\nrules:\n  a-b:\n")
    assert policy.actions.allowed_owners == ()
    assert policy.rule_settings("a-b") == RuleSettings()
    with pytest.raises(PolicyError) as caught:
        parse_policy("_explicit: {}\n")
    assert caught.value.messages() == [".github/bulwark.yml:1: _explicit: unknown key"]
    with pytest.raises(PolicyError) as caught:
        parse_policy("rules:\n  a-b: [x]\n")
    assert (caught.value.key_path, caught.value.problems[0].message) == (
        "rules.a-b",
        "expected keys with values (a mapping), not a list",
    )


def test_policies_built_in_code_merge_by_their_non_default_values() -> None:
    org = RepoPolicy(sarif_upload=True, rules={"a-b": RuleSettings(block=True)})
    repo = parse_policy("rules:\n  a-b:\n    severity: low\n")
    assert explicit_keys(org) == {"sarif_upload": True, "rules": {"a-b": {"block": True}}}
    merged = merge_policies(org, repo)
    assert merged.sarif_upload is True
    assert merged.rule_settings("a-b") == RuleSettings(severity="low", block=True)
    assert policy_of_data({"rules": {"a-b": {"disable": True}}}).disabled_rules == frozenset({"a-b"})
    with pytest.raises(ValueError, match=r"^sarif_upload: expected true or false, not 'maybe'"):
        policy_of_data({"sarif_upload": "maybe"})


def test_policy_check_reports_every_problem_in_one_pass(tmp_path: Path) -> None:
    """Unknown rule ids (with the nearest id), unknown config keys and schema problems, together."""
    policy = tmp_path / "bulwark.yml"
    policy.write_text(
        "rules:\n"
        "  code-comand-injection:\n"
        "    disable: true\n"
        "  actions-unpinned-uses:\n"
        "    severity: severe\n"
        "  ci-checks-weakened:\n"
        "    config:\n"
        "      check_word: [lint]\n"
        "  docker-runs-as-root:\n"
        "    config: {strict: true}\n"
        "protected_path: [infra/]\n"
    )
    assert policy_check_file(policy) == [
        f"{policy}:2: rules.code-comand-injection: no rule has this id; did you mean 'code-command-injection'?",
        f"{policy}:5: rules.actions-unpinned-uses.severity: expected info, low, medium, high or critical, "
        "not 'severe'",
        f"{policy}:8: rules.ci-checks-weakened.config.check_word: this rule reads no such config key "
        "(it takes check_words); did you mean 'check_words'?",
        f"{policy}:10: rules.docker-runs-as-root.config.strict: this rule reads no such config key "
        "(it takes no config)",
        f"{policy}:11: protected_path: unknown key; did you mean 'protected_paths'?",
    ]
    assert not any("Input should" in problem for problem in policy_check_file(policy))
