"""Every model file parses, and has a case file whose positive lines (`# expect: <kind>`) are exactly
the lines the engine reports, while its negative lines (`# safe: why`) show what must stay quiet."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analyzers.flow.model import MODELS_DIR
from analyzers.flow.schema import read_model
from tests.analyzers.flow.helpers import hits_of, untrusted

CASES_DIR = Path(__file__).parent / "models"
MODEL_FILES = sorted(MODELS_DIR.glob("*/*.toml"))
_EXPECT = re.compile(r"(?:#|//)\s*expect:\s*([\w-]+)")
_SAFE = re.compile(r"(?:#|//)\s*safe:")
EXTENSIONS = {"python": "py", "java": "java", "javascript": "js", "go": "go", "c": "c"}


GRAMMARS = {
    "py": "python",
    "java": "java",
    "js": "javascript",
    "jsx": "javascript",
    "ts": "typescript",
    "tsx": "tsx",
    "go": "go",
    "c": "c",
    "cpp": "cpp",
}


def _case_of(model: Path) -> Path:
    found = sorted((CASES_DIR / model.parent.name).glob(f"{model.stem}.*.case"))
    return (
        found[0]
        if found
        else CASES_DIR / model.parent.name / f"{model.stem}.{EXTENSIONS[model.parent.name]}.case"
    )


@pytest.mark.parametrize("model", MODEL_FILES, ids=[f"{m.parent.name}/{m.stem}" for m in MODEL_FILES])
def test_model_parses_and_has_positive_and_negative_cases(model: Path) -> None:
    parsed = read_model(model)
    assert parsed.language == model.parent.name
    case = _case_of(model).read_text(encoding="utf-8")
    assert _EXPECT.search(case), f"{model.name}: no positive case"
    assert _SAFE.search(case), f"{model.name}: no negative case"


@pytest.mark.parametrize("model", MODEL_FILES, ids=[f"{m.parent.name}/{m.stem}" for m in MODEL_FILES])
def test_model_cases_report_exactly_the_expected_lines(model: Path) -> None:
    text = _case_of(model).read_text(encoding="utf-8")
    expected = {
        (number, match.group(1))
        for number, line in enumerate(text.splitlines(), start=1)
        for match in [_EXPECT.search(line)]
        if match is not None
    }
    case = _case_of(model)
    extension = case.name.split(".")[-2]
    path = f"case.{extension}"
    found = {
        (hit.line, hit.kind) for hit in hits_of({path: text}, language=GRAMMARS[extension]) if untrusted(hit)
    }
    assert sorted(found) == sorted(expected)


def test_every_case_file_has_its_model() -> None:
    models = {(m.parent.name, m.stem) for m in MODEL_FILES}
    cases = {(c.parent.name, c.name.split(".")[0]) for c in CASES_DIR.glob("*/*.case")}
    assert sorted(cases - models) == []
