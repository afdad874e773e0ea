"""Which changes the code rules can find anything in, decided without importing them.

Every code rule reads only the changed files of its `meta.languages` (`QueryRule.applies_to`), and the
data-flow engine starts only from changed files in a language it lowers (`analyzers.flow.program`), all
of them in `LANGUAGES` below. `reads` is True for a change holding a file in one of them, so a change
for which it is False gets no code finding whether the rules run or not: the runner then does not load
them (`analyzers.registry.rules_for`). The golden cases of the other families check this, and a test
checks that every code rule's languages are here.
"""

from __future__ import annotations

from analyzers.contract.model import ChangeContext
from analyzers.query import canonical_language

LANGUAGES = frozenset(
    {"bash", "c", "cpp", "go", "java", "javascript", "php", "python", "ruby", "tsx", "typescript"}
)


def reads(ctx: ChangeContext) -> bool:
    """Whether a code rule could report anything on `ctx` (see the module)."""
    return any(canonical_language(changed.language) in LANGUAGES for changed in ctx.files)
