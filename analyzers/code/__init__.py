"""Family `code`: risky code patterns, per language, found with tree-sitter queries."""

from __future__ import annotations

from analyzers.base import Analyzer
from analyzers.code.code_command_injection import CodeCommandInjection

RULES: tuple[type[Analyzer], ...] = (CodeCommandInjection,)
