"""Changed configuration by key path: `jobs.build.steps[1].run changed`, as changed functions are named.

Both sides of a YAML or JSON configuration file (a workflow, Kubernetes manifest, policy, tool config)
are loaded with the bounded loader and compared: a changed scalar is named at its own path, an added or
removed key or list item at the path where it starts (not every leaf below it). Paths use dots for keys
and `[n]` (from 0) for list items; a key that is not a plain name is quoted (`env["A.B"]`). The walk is
iterative, at most `MOST_DEPTH` levels deep, and stops after `MOST_PATHS` paths per file (the manifest
says so).
"""

from __future__ import annotations

import json
from typing import Any

from analyzers.contract.limits import InputLimitError
from analyzers.contract.loaders import load_yaml
from analyzers.record import record

MOST_PATHS = 50
MOST_DEPTH = 64
CONFIG_SUFFIXES = (".yml", ".yaml", ".json")


@record
class SettingChange:
    path: str  # the file
    key: str  # the key path inside it: jobs.build.steps[1].run
    change: str  # added, removed, changed, or "more" (further paths not listed)


def _load(text: str | None) -> tuple[bool, Any]:
    """(read, data); a side that is missing reads as None, one that cannot be read as not read."""
    if text is None:
        return True, None
    import yaml  # on first use: most changes hold no YAML

    try:
        return True, load_yaml(text)
    except (yaml.YAMLError, InputLimitError):
        return False, None


def _key(prefix: str, key: object) -> str:
    name = {True: "on", False: "off"}.get(key, str(key)) if isinstance(key, bool) else str(key)
    if name and all(c.isalnum() or c in "_-" for c in name) and name.isascii():
        return f"{prefix}.{name}" if prefix else name
    return f"{prefix}[{json.dumps(name, ensure_ascii=True)}]"


def setting_changes(path: str, base: str | None, head: str | None) -> list[SettingChange]:
    """The key paths that differ between the base and head text of one configuration file."""
    if base is None or head is None:
        return []  # an added or removed file is named as such in the manifest
    read_before, before = _load(base)
    read_after, after = _load(head)
    if not (read_before and read_after) or before == after:
        return []
    found: list[SettingChange] = []
    stack: list[tuple[str, Any, Any, int]] = [("", before, after, 0)]
    while stack:
        where, old, new, depth = stack.pop()
        if len(found) >= MOST_PATHS:
            found.append(SettingChange(path, "…", "more"))
            break
        if isinstance(old, dict) and isinstance(new, dict) and depth < MOST_DEPTH:
            children = []
            for key in [*old, *(k for k in new if k not in old)]:
                child = _key(where, key)
                if key not in new:
                    found.append(SettingChange(path, child, "removed"))
                elif key not in old:
                    found.append(SettingChange(path, child, "added"))
                elif old[key] != new[key]:
                    children.append((child, old[key], new[key], depth + 1))
            stack.extend(reversed(children))
        elif isinstance(old, list) and isinstance(new, list) and depth < MOST_DEPTH:
            children = [
                (f"{where}[{i}]", a, b, depth + 1)
                for i, (a, b) in enumerate(zip(old, new, strict=False))
                if a != b
            ]
            found.extend(SettingChange(path, f"{where}[{i}]", "added") for i in range(len(old), len(new)))
            found.extend(SettingChange(path, f"{where}[{i}]", "removed") for i in range(len(new), len(old)))
            stack.extend(reversed(children))
        else:
            found.append(SettingChange(path, where or "(whole file)", "changed"))
    return found[: MOST_PATHS + 1]
