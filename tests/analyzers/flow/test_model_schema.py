"""Model files are checked against their schema when read: a mistake names the file and the entry."""

from __future__ import annotations

import pytest

from analyzers.flow.model import ModelError, call_matches
from analyzers.flow.schema import parse_model


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"language": "python", "sinks": []}, "unknown keys"),
        ({"language": "python", "sink": [{"kind": "sql", "calls": ["x"]}]}, "CWE"),
        (
            {"language": "python", "sink": [{"kind": "sql", "cwe": [89]}]},
            "calls, stores, returns or attributes",
        ),
        ({"language": "python", "sink": [{"kind": "sql", "cwe": [89], "calls": ["x"], "argz": [0]}]}, "argz"),
        ({"language": "python", "propagator": [{"calls": ["x"], "action": "teleport"}]}, "teleport"),
        ({"language": "python", "source": [{"kind": "http", "parameters": "some"}]}, "route, all or rest"),
        (
            {"language": "python", "sanitizer": [{"calls": "html.escape", "clears": ["xss"]}]},
            "list of strings",
        ),
        ({"framework": "flask"}, "language"),
    ],
)
def test_schema_mistakes_are_refused_with_the_file_named(data: dict[str, object], message: str) -> None:
    with pytest.raises(ModelError, match=message) as raised:
        parse_model("broken.toml", data)
    assert "broken.toml" in str(raised.value)


def test_call_patterns_name_calls_exactly_by_glob_or_by_method() -> None:
    assert call_matches(["subprocess.run"], "subprocess.run", None)
    assert not call_matches(["subprocess.run"], "subprocess.runner", None)
    assert call_matches(["*.execute"], None, "execute")
    assert call_matches(["*.execute"], "sqlite3.Cursor.execute", "execute")
    assert call_matches(["*escape_html"], "helpers.text.escape_html", None)
    assert not call_matches(["*.execute"], None, "executemany")
