"""Which paths are instructions for AI agents, and which configure the tools agents may run."""

from __future__ import annotations

from analyzers.contract.model import ChangedFile, FileKind

_INSTRUCTION_NAMES = frozenset(
    {"agents.md", "claude.md", "claude.local.md", "gemini.md", ".cursorrules", ".windsurfrules",
     ".clinerules"}
)  # fmt: skip
_INSTRUCTION_PREFIXES = (
    ".cursor/rules/", ".roo/rules/", ".github/instructions/", ".github/prompts/", ".github/agents/",
    ".claude/", ".clinerules/", ".windsurf/rules/", ".agents/", ".github/skills/", ".cursor/skills/",
    ".codex/skills/", ".gemini/skills/",
)  # fmt: skip
_INSTRUCTION_FILES = frozenset({".github/copilot-instructions.md"})
TOOL_CONFIG_FILES = frozenset(
    {".mcp.json", ".cursor/mcp.json", ".vscode/mcp.json", ".vscode/settings.json",
     ".claude/settings.json", ".claude/settings.local.json", ".gemini/settings.json",
     ".amazonq/mcp.json", ".windsurf/mcp.json", ".roo/mcp.json", "mcp.json",
     ".continue/config.yaml", ".continue/config.json", ".codex/config.toml",
     ".kiro/settings/mcp.json", "claude_desktop_config.json", ".zed/settings.json"}
)  # fmt: skip


def is_tool_config_path(path: str) -> bool:
    lowered = path.lower()
    if lowered in TOOL_CONFIG_FILES:
        return True
    return lowered.startswith(".continue/mcpservers/") and lowered.endswith((".yaml", ".yml"))


def is_instruction_path(path: str) -> bool:
    lowered = path.lower()
    if is_tool_config_path(lowered):
        return False
    name = lowered.rsplit("/", 1)[-1]
    if name in _INSTRUCTION_NAMES or lowered in _INSTRUCTION_FILES:
        return True
    return lowered.startswith(_INSTRUCTION_PREFIXES)


def is_instruction_file(file: ChangedFile) -> bool:
    if is_tool_config_path(file.path):
        return False
    return file.is_kind(FileKind.AGENT_INSTRUCTIONS) or is_instruction_path(file.path)


def is_tool_config_file(file: ChangedFile) -> bool:
    return file.is_kind(FileKind.AGENT_TOOL_CONFIG) or is_tool_config_path(file.path)
