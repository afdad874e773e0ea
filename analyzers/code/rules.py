"""The rules of the family `code`, in registry order (`analyzers.code.RULES`)."""

from __future__ import annotations

from analyzers.base import Analyzer
from analyzers.code.code_allocation_overflow import CodeAllocationOverflow
from analyzers.code.code_cleartext_transport import CodeCleartextTransport
from analyzers.code.code_command_injection import CodeCommandInjection
from analyzers.code.code_debug_enabled import CodeDebugEnabled
from analyzers.code.code_dynamic_evaluation import CodeDynamicEvaluation
from analyzers.code.code_error_disclosure import CodeErrorDisclosure
from analyzers.code.code_format_string import CodeFormatString
from analyzers.code.code_header_injection import CodeHeaderInjection
from analyzers.code.code_insecure_cookie import CodeInsecureCookie
from analyzers.code.code_insecure_randomness import CodeInsecureRandomness
from analyzers.code.code_insecure_temp_file import CodeInsecureTempFile
from analyzers.code.code_jwt_verification_disabled import CodeJwtVerificationDisabled
from analyzers.code.code_ldap_injection import CodeLdapInjection
from analyzers.code.code_log_injection import CodeLogInjection
from analyzers.code.code_nosql_injection import CodeNosqlInjection
from analyzers.code.code_open_redirect import CodeOpenRedirect
from analyzers.code.code_path_traversal import CodePathTraversal
from analyzers.code.code_permissive_cors import CodePermissiveCors
from analyzers.code.code_permissive_file_mode import CodePermissiveFileMode
from analyzers.code.code_regex_injection import CodeRegexInjection
from analyzers.code.code_server_side_request import CodeServerSideRequest
from analyzers.code.code_sql_string_building import CodeSqlStringBuilding
from analyzers.code.code_tainted_buffer_copy import CodeTaintedBufferCopy
from analyzers.code.code_tainted_index import CodeTaintedIndex
from analyzers.code.code_template_injection import CodeTemplateInjection
from analyzers.code.code_tls_verification_disabled import CodeTlsVerificationDisabled
from analyzers.code.code_trust_boundary import CodeTrustBoundary
from analyzers.code.code_unbounded_c_string import CodeUnboundedCString
from analyzers.code.code_unchecked_allocation import CodeUncheckedAllocation
from analyzers.code.code_unrestricted_upload import CodeUnrestrictedUpload
from analyzers.code.code_unsafe_deserialization import CodeUnsafeDeserialization
from analyzers.code.code_use_after_free import CodeUseAfterFree
from analyzers.code.code_weak_cryptography import CodeWeakCryptography
from analyzers.code.code_xml_external_entities import CodeXmlExternalEntities
from analyzers.code.code_xpath_injection import CodeXpathInjection
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
    CodeOpenRedirect,
    CodeXpathInjection,
    CodeLdapInjection,
    CodeNosqlInjection,
    CodeTemplateInjection,
    CodeXmlExternalEntities,
    CodeTrustBoundary,
    CodeInsecureCookie,
    CodeHeaderInjection,
    CodeLogInjection,
    CodeRegexInjection,
    CodeErrorDisclosure,
    CodeCleartextTransport,
    CodeInsecureTempFile,
    CodePermissiveFileMode,
    CodeUnrestrictedUpload,
    CodeFormatString,
    CodeTaintedBufferCopy,
    CodeTaintedIndex,
    CodeAllocationOverflow,
    CodeUseAfterFree,
    CodeUncheckedAllocation,
)
