; parser.ParseUnverified(token, claims)
(call_expression
  function: (selector_expression field: (field_identifier) @_fn)
  (#eq? @_fn "ParseUnverified")) @sink

; jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType
(selector_expression
  operand: (identifier) @_pkg
  field: (field_identifier) @_name
  (#eq? @_pkg "jwt")
  (#any-of? @_name "SigningMethodNone" "UnsafeAllowNoneSignatureType")) @sink
