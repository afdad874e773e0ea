"""Golden files of rendered outputs: compared exactly; `pytest --update-goldens` (or
`BULWARK_UPDATE_GOLDEN=1`, as for the context cases) rewrites them, and the diff is read by a person before
it is committed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Golden:
    update: bool = False

    def check(self, path: Path, text: str) -> None:
        """`text` equals the file at `path` (written instead, under `--update-goldens`)."""
        if self.update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        assert path.is_file(), f"{path} is missing: run pytest --update-goldens and read the diff"
        assert text == path.read_text(encoding="utf-8"), f"{path} differs: see the diff above"
