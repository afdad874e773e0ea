"""Markdown rendering of the change manifest, within a size limit.

Every value that comes from the pull request (paths, names, evidence) is shown in a code span made by
`app.report.escape.code_span` (the one Markdown escaper), so it cannot mention anyone, link anywhere,
inject HTML, hide characters or change the Markdown around it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from app.report.escape import code_span

if TYPE_CHECKING:
    from analyzers.contract.model import ProvenanceSignal
    from app.context.capabilities import CapabilityUse
    from app.context.config_paths import SettingChange
    from app.context.dependencies import DependencyChange
    from app.context.manifest import ChangeManifest
    from app.context.symbols import SymbolChange

T = TypeVar("T")
_CAPS = (50, 20, 10, 5, 2, 0)
_MAX_VALUE = 160
_TRUNCATED = "\n\n_… summary truncated to fit._"


def code(value: str) -> str:
    """`value` as an inert inline code span, at most `_MAX_VALUE` characters inside."""
    return code_span(value, _MAX_VALUE)


def _items(values: Sequence[T], cap: int, show: Callable[[T], str]) -> list[str]:
    lines = [f"- {show(value)}" for value in values[:cap]]
    if len(values) > cap:
        lines.append(f"- … and {len(values) - cap} more")
    return lines


def _section(title: str, body: list[str]) -> list[str]:
    return ["", f"#### {title}", *body] if body else []


def _header(manifest: ChangeManifest) -> list[str]:
    kinds = " · ".join(f"{kind} {len(paths)}" for kind, paths in manifest.files_by_kind)
    count = len(manifest.files)
    lines = [
        "### Change manifest",
        f"**{count} file{'s' if count != 1 else ''}** (+{manifest.additions} −{manifest.deletions})"
        + (f" · {kinds}" if kinds else ""),
    ]
    if manifest.provenance:
        agents = sorted({signal.agent for signal in manifest.provenance})
        lines.append(
            f"**AI-authored:** {', '.join(agents)} ({len(manifest.ai_authored_files)} of {count} files)"
        )
    return lines


def _signal(signal: ProvenanceSignal) -> str:
    commit = f" in {code(signal.commit_sha[:12])}" if signal.commit_sha else ""
    return f"{signal.agent} · {signal.source} · {code(signal.evidence)}{commit}"


def _kind_group(group: tuple[str, tuple[str, ...]], cap: int) -> str:
    kind, paths = group
    shown = max(cap, 1)
    more = f", … {len(paths) - shown} more" if len(paths) > shown else ""
    return f"**{kind}** ({len(paths)}): " + ", ".join(code(p) for p in paths[:shown]) + more


def _symbol(symbol: SymbolChange) -> str:
    where = code(f"{symbol.path}:{symbol.line}")
    return f"{symbol.change} {symbol.kind} {code(symbol.name)} in {where}"


def _setting(change: SettingChange) -> str:
    if change.change == "more":
        return f"{code(change.path)}: more keys changed than listed"
    return f"{change.change} {code(change.key)} in {code(change.path)}"


def _capability(use: CapabilityUse) -> str:
    return f"{use.capability}: {code(use.callee)} at {code(f'{use.path}:{use.line}')}"


def _dependency(change: DependencyChange) -> str:
    text = f"{change.ecosystem} {code(change.name)} {change.change}"
    if change.change == "changed":
        return f"{text} {code(change.before)} → {code(change.after)}"
    return f"{text} {code(change.after)}" if change.change == "added" and change.after else text


def _body(manifest: ChangeManifest, cap: int) -> list[str]:
    groups = manifest.files_by_kind
    notes = [f for f in manifest.files if f.note]
    return [
        *_header(manifest),
        *_section("Provenance", _items(manifest.provenance, cap, _signal)),
        *_section("Files by kind", _items(groups, len(groups), lambda g: _kind_group(g, cap))),
        *_section("Symbols", _items(manifest.symbols, cap, _symbol)),
        *_section("Configuration changed", _items(manifest.settings, cap, _setting)),
        *_section("Capabilities newly used", _items(manifest.capabilities, cap, _capability)),
        *_section("Dependencies", _items(manifest.dependencies, cap, _dependency)),
        *_section(
            "CI and permissions",
            _items(manifest.ci, cap, lambda c: f"{code(c.path)}: {c.kind} {code(c.detail)}"),
        ),
        *_section("Notes", _items(notes, cap, lambda f: f"{code(f.path)}: {f.note}")),
        *_section("Errors", _items(manifest.errors, cap, code)),
    ]


def render(manifest: ChangeManifest, limit_chars: int) -> str:
    """Shorten lists until the text fits in `limit_chars`; cut hard as a last resort."""
    text = ""
    for cap in _CAPS:
        text = "\n".join(_body(manifest, cap)) + "\n"
        if len(text) <= limit_chars:
            return text
    if limit_chars <= len(_TRUNCATED):
        return text[:limit_chars]
    return text[: limit_chars - len(_TRUNCATED)] + _TRUNCATED
