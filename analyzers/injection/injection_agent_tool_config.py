"""injection-agent-tool-config: MCP servers, auto-approval, hooks and env hijacks for agent tools."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from analyzers.base import Analyzer, Family, Finding, RuleMeta, Severity
from analyzers.contract.model import ChangeContext, ChangedFile
from analyzers.injection import tool_settings
from analyzers.injection.agent_files import is_tool_config_file
from analyzers.injection.config_documents import load_document, locate
from analyzers.injection.tool_settings import Grant


def new_grants(path: str, base_text: str | None, head_text: str | None) -> list[Grant]:
    """What the head version of a tool configuration grants that the base version did not."""
    base, head = load_document(path, base_text), load_document(path, head_text)
    if head is None:
        return []
    grants: list[Grant] = []
    base_servers = tool_settings.servers(base)
    for name, spec in tool_settings.servers(head).items():
        if name in base_servers and base_servers[name] == spec:
            continue
        changed = "changed" if name in base_servers else "new"
        grants.extend(tool_settings.server_grants(name, spec, changed))
    old = {grant.what for grant in tool_settings.setting_grants(base)} if base is not None else set()
    grants.extend(g for g in tool_settings.setting_grants(head) if g.what not in old)
    return grants


class InjectionAgentToolConfig(Analyzer):
    """MCP servers, auto-approval, hooks and environment hijacks in agent tool configuration.

    ## What it flags

    Agent tool configuration files (`.mcp.json`, `.cursor/mcp.json`, `.vscode/mcp.json`,
    `.vscode/settings.json`, `.claude/settings.json`, `.claude/settings.local.json`,
    `.gemini/settings.json`, `.continue/…`), parsed as JSON with comments, YAML or TOML and compared
    with their base version. Reported when the pull request adds or changes:

    - an MCP server that runs a command (`npx`, `uvx`, `docker`, `node`, any executable): `high`,
      `critical` when it downloads (`curl`, `wget`) or pipes into a shell;
    - an MCP server at a remote URL: `high`;
    - `chat.tools.autoApprove: true` and other auto-approve switches, or
      `defaultMode: bypassPermissions`: `critical`;
    - Claude settings hooks (`high`, `critical` when they download), broad permission allows such as
      `Bash`, `Bash(*)` or `WebFetch`, `enableAllProjectMcpServers`, and credential command keys
      such as `apiKeyHelper`: `high`;
    - environment variables that hijack processes (`LD_PRELOAD`, `NODE_OPTIONS`, `GIT_SSH_COMMAND`,
      `DYLD_INSERT_LIBRARIES`, `BASH_ENV`, ...): `critical`.

    Servers and settings that the base version already had, unchanged, stay quiet, and so do narrow
    allows such as `Bash(npm run test:*)` and servers on `localhost`.

    ## Why it is risky

    These files decide what an agent may run on a developer's machine, often without asking. A new
    server is arbitrary code that runs with the developer's credentials on the next agent session.

    ## Example

    ```diff
    +{"mcpServers": {"helper": {"command": "npx", "args": ["-y", "mcp-helper-tools"]}}}
    ```

    ## How to fix

    Review the server's package and pin its version, or remove it; keep approval prompts on; set
    environment variables in the tool's own launcher, never through a checked-in settings file.

    ## Tuning

    The family is protected: votes never mute it. Protect these paths with CODEOWNERS.

    ## References

    - Model Context Protocol specification, Security Best Practices
    - CVE-2025-54135, CVE-2025-54136 (Cursor MCP configuration attacks)
    - CWE-829: Inclusion of Functionality from Untrusted Control Sphere
    """

    meta = RuleMeta(
        id="injection-agent-tool-config",
        family=Family.INJECTION,
        summary="Agent tool configuration adds servers, auto-approval, hooks or env hijacks",
        severity=Severity.HIGH,
        cwe=(829,),
    )

    def analyze(self, ctx: ChangeContext) -> Iterable[Finding]:
        for file in ctx.files:
            if file.binary or file.head_text is None or not is_tool_config_file(file):
                continue
            yield from self._scan(file)

    def _scan(self, file: ChangedFile) -> Iterator[Finding]:
        lines = file.lines("head")
        for grant in new_grants(file.path, file.base_text, file.head_text):
            line = locate(lines, list(grant.keys))
            if grant.value:
                line = next((n for n in range(line, len(lines) + 1) if grant.value in lines[n - 1]), line)
            yield self.finding(
                file,
                line,
                grant.what,
                confidence=0.85,
                severity=grant.severity,
                evidence=lines[line - 1].strip()[:200] if 0 < line <= len(lines) else "",
                about_change=True,
            )
