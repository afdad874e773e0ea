"""Family `code`: risky code patterns, per language, found with tree-sitter queries.

Rules that follow data (`flow_rule.FlowRule`) report the data-flow engine's hits of their sink kinds
(`analyzers.flow`, models in `analyzers/models/`); the other rules match tree-sitter queries.

Adding a rule:
1. `analyzers/code/<id_with_underscores>.py`: a `QueryRule` subclass with `meta` (id, summary,
   severity, CWE, languages) and a docstring with the headings of `analyzers.base.DOC_HEADINGS`.
2. `analyzers/queries/<language>/<id>.scm` for every language: `@sink` is reported, `@value` decides by
   its origin (`analyzers.code.flow`); add `; requires: ...` when no `#eq?`/`#any-of?` literal can
   serve as the prefilter.
3. The class in `RULES` (listed in `analyzers/code/rules.py`), cases in `tests/analyzers/cases/<id>/`
   (flagging and clean, every language), and `docs/rules/<id>.md` rendered with
   `bulwark rules --render docs/rules`; a new language goes in `analyzers/code/scope.py` too.

The rules are imported on first use of `RULES`, so that a change holding no file in a language they
read (`analyzers.code.scope`) never loads them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from analyzers.base import Analyzer


def __getattr__(name: str) -> tuple[type[Analyzer], ...]:
    if name == "RULES":
        from analyzers.code.rules import RULES

        return RULES
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
