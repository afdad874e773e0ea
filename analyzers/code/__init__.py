"""Family `code`: risky code patterns, per language, found with tree-sitter queries."""

from __future__ import annotations

from analyzers.base import Analyzer
from analyzers.code.code_command_injection import CodeCommandInjection
from analyzers.code.code_dynamic_evaluation import CodeDynamicEvaluation
from analyzers.code.code_sql_string_building import CodeSqlStringBuilding

RULES: tuple[type[Analyzer], ...] = (
    CodeCommandInjection,
    CodeDynamicEvaluation,
    CodeSqlStringBuilding,
)
