"""File kinds by path, name and content. A file may have several kinds."""

from __future__ import annotations

import fnmatch
import re
from functools import lru_cache
from pathlib import PurePosixPath

from analyzers.contract.model import FileKind
from app.context.attributes import GitAttributes

CODE_LANGUAGES = frozenset(
    {"python", "javascript", "typescript", "tsx", "go", "java", "ruby", "php", "c", "cpp", "csharp"}
    | {"rust", "bash"}
)
CONFIG_LANGUAGES = frozenset({"yaml", "json", "toml", "hcl"})

_TEST_DIRS = frozenset({"test", "tests", "__tests__", "spec", "specs", "testing", "testdata"})
_TEST_NAMES = (
    "test_*.py", "*_test.py", "*_tests.py", "conftest.py", "*_test.go", "*.test.*", "*.spec.*",
    "*_spec.rb", "*_test.rb", "*Test.java", "*Tests.java", "*IT.java", "*Test.php", "*Tests.cs",
    "*Test.cs", "*_test.rs", "*_test.c", "*_test.cc", "*_test.cpp", "*.bats",
)  # fmt: skip
_CI_PATHS = (
    ".github/workflows/*.yml", ".github/workflows/*.yaml", ".gitlab-ci.yml", ".gitlab-ci.yaml",
    ".gitlab/ci/*.yml", ".circleci/config.yml", ".circleci/config.yaml", "azure-pipelines.yml",
    "azure-pipelines.yaml", ".azure-pipelines/*.yml", "Jenkinsfile", ".travis.yml",
    "bitbucket-pipelines.yml", ".buildkite/*.yml", ".buildkite/*.yaml", ".drone.yml",
    ".woodpecker.yml", ".woodpecker/*.yml", "action.yml", "action.yaml", ".github/actions/*/action.yml",
    ".github/actions/*/action.yaml", "cloudbuild.yaml", "cloudbuild.yml", "appveyor.yml",
    ".github/dependabot.yml",
)  # fmt: skip
_MANIFESTS = (
    "requirements*.txt", "requirements/*.txt", "*requirements.txt", "constraints*.txt",
    "pyproject.toml", "setup.cfg", "setup.py", "Pipfile", "package.json", "go.mod", "Cargo.toml",
    "Gemfile", "*.gemspec", "composer.json", "environment.yml", "pom.xml", "build.gradle",
    "build.gradle.kts",
)  # fmt: skip
_LOCKFILES = frozenset(
    {"poetry.lock", "uv.lock", "pdm.lock", "package-lock.json", "npm-shrinkwrap.json"}
    | {"pnpm-lock.yaml", "yarn.lock", "bun.lockb", "go.sum", "Cargo.lock", "Gemfile.lock"}
    | {"composer.lock", "Pipfile.lock", ".terraform.lock.hcl", "packages.lock.json"}
)
_AGENT_INSTRUCTIONS = (
    "AGENTS.md", "*/AGENTS.md", "CLAUDE.md", "*/CLAUDE.md", "CLAUDE.local.md", "GEMINI.md",
    "*/GEMINI.md", ".cursorrules", ".cursor/rules/*", ".windsurfrules", ".windsurf/rules/*",
    ".clinerules", ".clinerules/*", ".roo/rules/*", ".roo/rules-*/*", ".github/copilot-instructions.md",
    ".github/instructions/*", ".github/prompts/*", ".github/agents/*", ".claude/*", ".gemini/*",
)  # fmt: skip
_AGENT_TOOL_CONFIG = (
    ".mcp.json", "mcp.json", ".cursor/mcp.json", ".vscode/mcp.json", ".claude/settings*.json",
    ".vscode/settings.json", ".gemini/settings.json", ".roo/mcp.json", ".windsurf/mcp.json",
)  # fmt: skip
_POLICY = (
    ".github/bulwark.yml",
    ".github/bulwark.yaml",
    "CODEOWNERS",
    ".github/CODEOWNERS",
    "docs/CODEOWNERS",
)
_GENERATED_NAMES = (
    "*.min.js", "*.min.css", "*.min.mjs", "*_pb2.py", "*_pb2_grpc.py", "*_pb2.pyi", "*.pb.go",
    "*.pb.gw.go", "*_grpc.pb.go", "*.g.dart", "*.designer.cs", "*.Designer.cs", "*.generated.*",
    "*_generated.go", "*.js.map", "*.css.map",
)  # fmt: skip
_VENDOR_DIRS = frozenset(
    {"vendor", "node_modules", "third_party", "third-party", "thirdparty", "bower_components"}
)
_GENERATED_MARKER = re.compile(
    r"@generated|DO NOT EDIT|[Aa]uto-?generated|[Gg]enerated by "  # Go's `Code generated … DO NOT EDIT` too
)
_K8S_API = re.compile(r"^apiVersion:\s*\S", re.MULTILINE)
_K8S_KIND = re.compile(r"^kind:\s*\S", re.MULTILINE)
_MARKER_LINES = 5


@lru_cache(maxsize=64)
def _compiled(
    patterns: tuple[str, ...],
) -> tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...]]:
    """(name regex, path regex, directory prefixes) for a list of shell patterns."""
    names = [fnmatch.translate(p) for p in patterns if "/" not in p] or ["(?!)"]
    paths = [fnmatch.translate(p) for p in patterns if "/" in p] or ["(?!)"]
    prefixes = tuple(p[:-1] for p in patterns if p.endswith("/*"))
    return re.compile("|".join(names)), re.compile("|".join(paths)), prefixes


def _matches(path: str, patterns: tuple[str, ...]) -> bool:
    name_re, path_re, prefixes = _compiled(patterns)
    name = path.rsplit("/", 1)[-1]
    return bool(name_re.match(name) or path_re.match(path) or path.startswith(prefixes))


def is_test_path(path: str) -> bool:
    parts = PurePosixPath(path).parts
    if any(part in _TEST_DIRS for part in parts[:-1]):
        return True
    return _matches(path, _TEST_NAMES)


def is_container_path(path: str) -> bool:
    name = path.rsplit("/", 1)[-1].lower()
    return (
        name.startswith(("dockerfile", "containerfile", "docker-compose"))
        or name.endswith((".dockerfile", ".containerfile"))
        or name in ("compose.yml", "compose.yaml")
    )


def has_generated_marker(text: str | None) -> bool:
    if not text:
        return False
    end = -1
    for _ in range(_MARKER_LINES):
        end = text.find("\n", end + 1)
        if end < 0:
            end = len(text)
            break
    return _GENERATED_MARKER.search(text, 0, end) is not None


def is_lockfile(path: str) -> bool:
    """A lockfile by its name (`package-lock.json`, `poetry.lock`...): machine-written, often megabytes."""
    return path.rsplit("/", 1)[-1] in _LOCKFILES


def is_yaml(path: str) -> bool:
    """A YAML file by its extension (a rendered Kubernetes bundle may be megabytes)."""
    return path.lower().endswith((".yaml", ".yml"))


def is_kubernetes(path: str, text: str | None) -> bool:
    if not path.endswith((".yml", ".yaml")) or not text:
        return False
    return _K8S_API.search(text) is not None and _K8S_KIND.search(text) is not None


def _path_kinds(path: str) -> set[FileKind]:
    kinds: set[FileKind] = set()
    name = path.rsplit("/", 1)[-1]
    checks = (
        (FileKind.CI, _matches(path, _CI_PATHS)),
        (FileKind.CONTAINER, is_container_path(path)),
        (FileKind.TERRAFORM, name.endswith((".tf", ".tfvars", ".tf.json"))),
        (FileKind.DEPENDENCY_MANIFEST, _matches(path, _MANIFESTS)),
        (FileKind.LOCKFILE, is_lockfile(path)),
        (FileKind.AGENT_TOOL_CONFIG, _matches(path, _AGENT_TOOL_CONFIG)),
        (FileKind.POLICY, path in _POLICY),
        (FileKind.VENDORED, any(part in _VENDOR_DIRS for part in path.split("/")[:-1])),
        (FileKind.GENERATED, _matches(path, _GENERATED_NAMES)),
    )
    kinds.update(kind for kind, hit in checks if hit)
    if FileKind.AGENT_TOOL_CONFIG not in kinds and _matches(path, _AGENT_INSTRUCTIONS):
        kinds.add(FileKind.AGENT_INSTRUCTIONS)
    return kinds


def _is_docs(path: str) -> bool:
    lower = path.lower()
    return lower.endswith((".md", ".rst", ".adoc", ".mdx", ".txt")) or lower.startswith("docs/")


def classify(
    path: str,
    text: str | None,
    *,
    language: str | None,
    binary: bool = False,
    attributes: GitAttributes | None = None,
) -> frozenset[FileKind]:
    """The kinds of one file, from its path, its language, its content and `.gitattributes`."""
    kinds = _path_kinds(path)
    if binary:
        kinds.add(FileKind.BINARY)
    if is_kubernetes(path, text) and FileKind.CI not in kinds:
        kinds.add(FileKind.KUBERNETES)
    if not binary and has_generated_marker(text):
        kinds.add(FileKind.GENERATED)
    if attributes is not None:
        _apply_attribute(kinds, attributes.value(path, "linguist-generated"), FileKind.GENERATED)
        _apply_attribute(kinds, attributes.value(path, "linguist-vendored"), FileKind.VENDORED)
    if language in CODE_LANGUAGES and not binary:
        kinds.add(FileKind.TEST if is_test_path(path) else FileKind.CODE)
    elif is_test_path(path) and not binary and not kinds:
        kinds.add(FileKind.TEST)
    special = kinds - {FileKind.GENERATED, FileKind.VENDORED, FileKind.BINARY}
    if not special and not binary:
        if language in CONFIG_LANGUAGES or language == "dockerfile":
            kinds.add(FileKind.CONFIG)
        elif _is_docs(path) and FileKind.DEPENDENCY_MANIFEST not in kinds:
            kinds.add(FileKind.DOCS)
    if not kinds:
        kinds.add(FileKind.OTHER)
    return frozenset(kinds)


def _apply_attribute(kinds: set[FileKind], state: bool | None, kind: FileKind) -> None:
    if state is True:
        kinds.add(kind)
    elif state is False:
        kinds.discard(kind)
