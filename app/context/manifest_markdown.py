"""Markdown rendering of the change manifest, within a size limit.

Every value that comes from the pull request (paths, names, evidence) is shown in a code span, so it
cannot mention anyone, inject HTML or change the Markdown around it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from app.context.manifest import ChangeManifest

T = TypeVar("T")
_CAPS = (50, 20, 10, 5, 2, 0)
_MAX_VALUE = 160
_TRUNCATED = "\n\n_… summary truncated to fit._"


def code(value: str) -> str:
    """`value` as an inert inline code span."""
    text = value.replace("`", "'").replace("\r", " ").replace("\n", " ")
    if len(text) > _MAX_VALUE:
        text = text[: _MAX_VALUE - 1] + "…"
    return f"`{text}`" if text.strip() else "` `"


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


def _body(manifest: ChangeManifest, cap: int) -> list[str]:
    lines = _header(manifest)
    lines += _section(
        "Provenance",
        _items(
            manifest.provenance,
            cap,
            lambda s: (
                f"{s.agent} · {s.source} · {code(s.evidence)}"
                + (f" in {code(s.commit_sha[:12])}" if s.commit_sha else "")
            ),
        ),
    )
    lines += _section(
        "Files by kind",
        _items(
            manifest.files_by_kind,
            len(manifest.files_by_kind),
            lambda group: (
                f"**{group[0]}** ({len(group[1])}): "
                + ", ".join(code(p) for p in group[1][: max(cap, 1)])
                + (f", … {len(group[1]) - max(cap, 1)} more" if len(group[1]) > max(cap, 1) else "")
            ),
        ),
    )
    lines += _section(
        "Symbols",
        _items(
            manifest.symbols,
            cap,
            lambda s: f"{s.change} {s.kind} {code(s.name)} in {code(f'{s.path}:{s.line}')}",
        ),
    )
    lines += _section(
        "Capabilities newly used",
        _items(
            manifest.capabilities,
            cap,
            lambda u: f"{u.capability}: {code(u.callee)} at {code(f'{u.path}:{u.line}')}",
        ),
    )
    lines += _section(
        "Dependencies",
        _items(
            manifest.dependencies,
            cap,
            lambda d: (
                f"{d.ecosystem} {code(d.name)} {d.change}"
                + (f" {code(d.before)} → {code(d.after)}" if d.change == "changed" else "")
                + (f" {code(d.after)}" if d.change == "added" and d.after else "")
            ),
        ),
    )
    lines += _section(
        "CI and permissions",
        _items(manifest.ci, cap, lambda c: f"{code(c.path)}: {c.kind} {code(c.detail)}"),
    )
    notes = [f for f in manifest.files if f.note]
    lines += _section("Notes", _items(notes, cap, lambda f: f"{code(f.path)}: {f.note}"))
    lines += _section("Errors", _items(manifest.errors, cap, code))
    return lines


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
