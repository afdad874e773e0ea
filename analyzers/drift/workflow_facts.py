"""Facts about workflows that several rules judge: privileged triggers and where they are declared,
steps that fetch the pull request's code, and steps that run code from the workspace."""

from __future__ import annotations

import re
from collections.abc import Iterator

from analyzers.config.yaml_doc import YNode
from analyzers.drift.common import Step, is_true

# Triggers that run with the base repository's token and secrets on events outsiders can cause.
PRIVILEGED = ("pull_request_target", "workflow_run", "issue_comment")
HEAD_REF = re.compile(
    r"github\.event\.pull_request\.head\.(?:sha|ref|repo)|github\.head_ref|"
    r"github\.event\.workflow_run\.head_(?:sha|branch|repository|commit)|refs/pull/|"
    r"github\.event\.pull_request\.merge_commit_sha|github\.event\.issue\.pull_request|"
    r"steps\.[\w-]+\.outputs\.(?:head_?sha|head_?ref|pr_?sha|sha)\b"
)
_RUN_FETCH = re.compile(
    r"\bgh\s+pr\s+checkout\b|\bgit\s+fetch\b[^\n]{0,300}\bpull/|\bgit\s+(?:checkout|switch|fetch)\b[^\n]{0,300}"
    r"(?:github\.event\.pull_request\.head|github\.head_ref|workflow_run\.head|GITHUB_HEAD_REF)"
)
_DOWNLOADS = frozenset({"actions/download-artifact", "dawidd6/action-download-artifact"})
_EXECUTES = re.compile(
    r"\b(?:npm|yarn|pnpm|bun|npx)\s+(?:install|ci|run|test|build|exec|i|x)\b|\bpip3?\s+install\b|"
    r"\bpython3?\s+(?:-m\s+)?[\w./-]+|\bpoetry\s+(?:install|run|build)\b|\buv\s+(?:sync|run|pip|build)\b|"
    r"\bc?make\b|\bcargo\s+(?:build|test|run|install|xtask)\b|\bgo\s+(?:build|test|run|generate)\b|"
    r"\bmvn\b|\bgradle\b|\./gradlew\b|\bbundle\s+(?:install|exec)\b|\brake\b|\bcomposer\s+install\b|"
    r"\bdocker\s+(?:build|compose)\b|\btox\b|\bpytest\b|\bnox\b|(?:^|[\s;&|(])\./[\w./-]+|"
    r"\b(?:ba)?sh\s+[\w./-]+\.sh\b|\bnode\s+[\w./-]+|\bdeno\s+(?:run|task)\b|\bdotnet\s+(?:build|test|run)\b|"
    r"\bpre-commit\s+run\b|\bjust\b|\bsource\s+[\w./-]+"
)
# Actions that restore a cache in the workspace (the cache then decides what later steps run).
CACHE_ACTIONS = frozenset(
    {
        "actions/cache", "actions/cache/restore", "swatinem/rust-cache", "mozilla-actions/sccache-action",
        "hendrikmuhs/ccache-action", "gradle/actions/setup-gradle", "gradle/gradle-build-action",
    }
)  # fmt: skip
# Setup actions that restore a cache when asked (`cache:` input) or by default (`enable-cache`).
CACHE_INPUTS: dict[str, tuple[str, bool]] = {
    "actions/setup-node": ("cache", False),
    "actions/setup-python": ("cache", False),
    "actions/setup-java": ("cache", False),
    "actions/setup-go": ("cache", True),
    "actions/setup-dotnet": ("cache", False),
    "astral-sh/setup-uv": ("enable-cache", False),
    "ruby/setup-ruby": ("bundler-cache", False),
    "pnpm/action-setup": ("cache", False),
    "oven-sh/setup-bun": ("no-cache", False),
}


def trigger_lines(workflow: YNode) -> dict[str, int]:
    """Each event of `on:` with the line that declares it."""
    node = workflow.get("on") or workflow.get("true")
    if node is None:
        return {}
    if node.is_map:
        return {name: line for name, line, _value in node.pairs}
    if node.is_seq:
        return {item.text: item.line for item in node.items}
    return {node.text: node.line}


def fetches_head(step: Step) -> int | None:
    """The line where a step checks out or fetches the pull request's head, if it does."""
    if step.action == "actions/checkout":
        for key in ("ref", "repository"):
            value = step.with_value(key)
            if value is not None and HEAD_REF.search(value.text):
                return value.line
        unsafe = step.with_value("allow-unsafe-pr-checkout")
        if is_true(unsafe) and unsafe is not None:
            return unsafe.line
    run = step.node.get("run")
    if run is not None:
        for number, text in run.source_lines():
            if _RUN_FETCH.search(text):
                return number
    return None


def downloads_artifacts(step: Step) -> bool:
    return step.action in _DOWNLOADS


def executes_workspace(step: Step) -> int | None:
    """The line where a step runs code from the workspace (a build, an install, a script, a local
    action, a restored cache), if it does."""
    uses = step.node.get("uses")
    if uses is not None and uses.text.startswith("./"):
        return uses.line
    if restores_cache(step) and uses is not None:
        return uses.line
    run = step.node.get("run")
    if run is not None:
        for number, text in run.source_lines():
            if _EXECUTES.search(text.split("#", 1)[0]):
                return number
    return None


def restores_cache(step: Step) -> bool:
    """Whether a step restores an Actions cache (a cache action, or a setup action told to)."""
    action = step.action
    if action in CACHE_ACTIONS:
        return not is_true(step.with_value("lookup-only"))
    spec = CACHE_INPUTS.get(action)
    if spec is None:
        return False
    key, default = spec
    value = step.with_value(key)
    if key == "no-cache":
        return not is_true(value)
    if value is None:
        return default
    text = value.text.strip().lower()
    return bool(text) and text not in {"false", "no", "off", "''", '""'} and "${{" not in text


def job_steps(steps: list[Step], job_id: str) -> Iterator[Step]:
    return (step for step in steps if step.job_id == job_id)
