; jwt.decode(token) reads claims without checking the signature
(call_expression
  function: (member_expression object: (identifier) @_mod property: (property_identifier) @_fn)
  (#any-of? @_mod "jwt" "jsonwebtoken" "JWT")
  (#eq? @_fn "decode")) @sink @decode

; jwt.verify(token, key, { algorithms: ["none"] })
(call_expression
  function: (member_expression object: (identifier) @_mod property: (property_identifier) @_fn)
  arguments: (arguments
    (object (pair key: (property_identifier) @_key value: (array (string) @_alg))))
  (#any-of? @_mod "jwt" "jsonwebtoken" "JWT")
  (#eq? @_fn "verify")
  (#eq? @_key "algorithms")
  (#match? @_alg "^[\"'][Nn][Oo][Nn][Ee][\"']$")) @sink
