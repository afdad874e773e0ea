; requires: checkServerTrusted checkClientTrusted HostnameVerifier verify ALLOW_ALL_HOSTNAME_VERIFIER TrustAllStrategy
; a trust manager that trusts every certificate
(method_declaration
  name: (identifier) @_name
  body: (block) @_body
  (#any-of? @_name "checkServerTrusted" "checkClientTrusted")
  (#match? @_body "^\\{\\s*(//[^\\n]*\\n\\s*)*\\}$")) @sink

; a hostname verifier that accepts every name
(method_invocation
  name: (identifier) @_fn
  arguments: (argument_list
    (lambda_expression
      parameters: (inferred_parameters (identifier) (identifier))
      body: (true)) @sink)
  (#match? @_fn "HostnameVerifier$"))

(method_declaration
  name: (identifier) @_name
  body: (block (return_statement (true)) .)
  (#eq? @_name "verify")) @sink

(field_access
  field: (identifier) @_field
  (#eq? @_field "ALLOW_ALL_HOSTNAME_VERIFIER")) @sink

(object_creation_expression
  type: (type_identifier) @_type
  (#any-of? @_type "NoopHostnameVerifier" "AllowAllHostnameVerifier" "TrustAllStrategy")) @sink

(field_access
  object: (identifier) @_type
  (#any-of? @_type "NoopHostnameVerifier" "TrustAllStrategy")) @sink
