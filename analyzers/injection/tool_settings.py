"""What an agent tool configuration grants: MCP servers, auto-approval, hooks, permissions, env."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from analyzers.base import Severity
from analyzers.record import record

COMMAND_RUNNERS = frozenset(
    {"npx", "uvx", "pipx", "bunx", "docker", "podman", "curl", "wget", "bash", "sh", "zsh", "node",
     "python", "python3", "deno", "pnpm", "yarn", "npm", "bun", "uv", "cmd", "powershell", "pwsh"}
)  # fmt: skip
DOWNLOADERS = ("curl ", "wget ", "| sh", "| bash", "|sh", "|bash", "iwr ", "invoke-webrequest")
ENV_HIJACKS = frozenset(
    {"LD_PRELOAD", "LD_LIBRARY_PATH", "DYLD_INSERT_LIBRARIES", "NODE_OPTIONS", "GIT_SSH_COMMAND",
     "GIT_SSH", "BASH_ENV", "ENV", "PROMPT_COMMAND", "PYTHONSTARTUP", "PYTHONPATH", "PERL5OPT",
     "RUBYOPT", "JAVA_TOOL_OPTIONS", "GIT_ASKPASS", "SSH_ASKPASS", "GIT_CONFIG_GLOBAL"}
)  # fmt: skip
COMMAND_KEYS = ("apiKeyHelper", "awsAuthRefresh", "awsCredentialExport", "otelHeadersHelper")
BROAD_ALLOWS = frozenset(
    {"bash", "bash(*)", "bash(*:*)", "bash(:*)", "bash(curl:*)", "bash(wget:*)", "bash(sh:*)",
     "bash(bash:*)", "bash(python:*)", "bash(node:*)", "bash(npx:*)", "bash(sudo:*)", "webfetch",
     "mcp__*", "*"}
)  # fmt: skip
LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]", "0.0.0.0")  # noqa: S104 (hosts to compare, no binding)


@record
class Grant:
    keys: tuple[str, ...]  # where it sits, for locating its line
    what: str
    severity: Severity
    value: str = ""  # text of the value, to find its line


def servers(document: Any) -> dict[str, Any]:
    """MCP server definitions by name (`mcpServers`, VS Code's `servers`, `mcp_servers`)."""
    if not isinstance(document, dict):
        return {}
    found: dict[str, Any] = {}
    for key in ("mcpServers", "servers", "mcp_servers", "context_servers"):
        value = document.get(key)
        if isinstance(value, dict):
            found.update({str(name): spec for name, spec in value.items()})
        elif isinstance(value, list):
            for index, spec in enumerate(value):
                name = spec.get("name", str(index)) if isinstance(spec, dict) else str(index)
                found[str(name)] = spec
    return found


def server_grants(name: str, spec: Any, changed: str) -> Iterator[Grant]:
    if not isinstance(spec, dict):
        return
    command = str(spec.get("command", "") or "")
    args = spec.get("args") if isinstance(spec.get("args"), list) else []
    line = " ".join([command, *(str(arg) for arg in args or [])]).strip()
    runner = command.replace("\\", "/").rsplit("/", 1)[-1].lower().removesuffix(".exe")
    if command:
        downloads = any(marker in line.lower() + " " for marker in DOWNLOADERS)
        severity = Severity.CRITICAL if downloads else Severity.HIGH
        kind = "command server" if runner in COMMAND_RUNNERS else "local command server"
        yield Grant((name, "command"), f"{changed} MCP {kind} `{name}` runs `{line[:160]}`", severity)
    url = next((spec[k] for k in ("url", "serverUrl", "httpUrl") if isinstance(spec.get(k), str)), "")
    if url and not any(host in url for host in LOCAL_HOSTS):
        yield Grant((name,), f"{changed} remote MCP server `{name}` at {url[:160]}", Severity.HIGH)
    yield from env_grants(spec.get("env"), (name, "env"))


def env_grants(env: Any, keys: tuple[str, ...]) -> Iterator[Grant]:
    if isinstance(env, dict):
        for variable in env:
            if str(variable).upper() in ENV_HIJACKS:
                yield Grant(
                    (*keys, str(variable)),
                    f"environment variable `{variable}` set for an agent tool (process hijack)",
                    Severity.CRITICAL,
                )


def flatten(document: Any, prefix: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """(key path, value) of every leaf, dotted keys kept whole (`chat.tools.autoApprove`)."""
    if isinstance(document, dict):
        for key, value in document.items():
            yield from flatten(value, (*prefix, str(key)))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            yield from flatten(value, (*prefix, str(index)))
    else:
        yield prefix, document


def setting_grants(document: Any) -> Iterator[Grant]:
    """Auto-approval, hooks, broad permissions, command keys and env hijacks in settings files."""
    for path, value in flatten(document):
        named = [part for part in path if not part.isdigit()]
        last = ".".join(named).rsplit(".", 1)[-1] if named else ""
        if last in ("autoApprove", "autoAccept", "yolo") and value is True:
            yield Grant(
                tuple(named), f"`{'.'.join(named)}: true` runs tools without asking", Severity.CRITICAL
            )
        elif last in ("defaultMode",) and value == "bypassPermissions":
            yield Grant(tuple(named), "permissions default to `bypassPermissions`", Severity.CRITICAL)
        elif last == "enableAllProjectMcpServers" and value is True:
            yield Grant(tuple(named), "every project MCP server is enabled without review", Severity.HIGH)
        elif last in COMMAND_KEYS and isinstance(value, str):
            yield Grant(tuple(named), f"`{last}` runs `{value[:160]}` to fetch credentials", Severity.HIGH)
        elif "hooks" in named and last == "command" and isinstance(value, str):
            yield Grant(tuple(named[:2]), f"hook runs `{value[:160]}`", _command_severity(value), value)
        elif (
            named[-1:] == ["allow"]
            and isinstance(value, str)
            and value.lower().replace(" ", "") in BROAD_ALLOWS
        ):
            yield Grant(
                tuple(named), f"permission `{value}` allows any command or fetch", Severity.HIGH, value
            )
    if isinstance(document, dict):
        yield from env_grants(document.get("env"), ("env",))


def _command_severity(command: str) -> Severity:
    lowered = command.lower() + " "
    return Severity.CRITICAL if any(marker in lowered for marker in DOWNLOADERS) else Severity.HIGH
