"""Family `code`: risky code patterns, per language, found with tree-sitter queries."""

from __future__ import annotations

from analyzers.base import Analyzer
from analyzers.code.code_command_injection import CodeCommandInjection
from analyzers.code.code_debug_enabled import CodeDebugEnabled
from analyzers.code.code_dynamic_evaluation import CodeDynamicEvaluation
from analyzers.code.code_insecure_randomness import CodeInsecureRandomness
from analyzers.code.code_jwt_verification_disabled import CodeJwtVerificationDisabled
from analyzers.code.code_path_traversal import CodePathTraversal
from analyzers.code.code_permissive_cors import CodePermissiveCors
from analyzers.code.code_server_side_request import CodeServerSideRequest
from analyzers.code.code_sql_string_building import CodeSqlStringBuilding
from analyzers.code.code_tls_verification_disabled import CodeTlsVerificationDisabled
from analyzers.code.code_unbounded_c_string import CodeUnboundedCString
from analyzers.code.code_unsafe_deserialization import CodeUnsafeDeserialization
from analyzers.code.code_weak_cryptography import CodeWeakCryptography
from analyzers.code.code_xss_sink import CodeXssSink

RULES: tuple[type[Analyzer], ...] = (
    CodeCommandInjection,
    CodeDynamicEvaluation,
    CodeSqlStringBuilding,
    CodeUnsafeDeserialization,
    CodeTlsVerificationDisabled,
    CodeJwtVerificationDisabled,
    CodeInsecureRandomness,
    CodeWeakCryptography,
    CodeXssSink,
    CodePathTraversal,
    CodeServerSideRequest,
    CodeDebugEnabled,
    CodePermissiveCors,
    CodeUnboundedCString,
)
