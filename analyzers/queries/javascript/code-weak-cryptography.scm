(call_expression
  function: (member_expression object: (identifier) @_mod property: (property_identifier) @_fn)
  arguments: (arguments . (string) @_alg)
  (#eq? @_mod "crypto")
  (#eq? @_fn "createHash")) @sink @hash

(call_expression
  function: (member_expression object: (identifier) @_mod property: (property_identifier) @_fn)
  arguments: (arguments . (string) @_alg)
  (#eq? @_mod "crypto")
  (#any-of? @_fn "createCipheriv" "createDecipheriv" "createCipher" "createDecipher")) @sink @cipher

(call_expression
  function: (member_expression object: (identifier) @_mod property: (property_identifier) @_fn)
  arguments: (arguments . (_) . (_) . (_) @static)
  (#eq? @_mod "crypto")
  (#any-of? @_fn "createCipheriv" "createDecipheriv")) @sink @iv

(call_expression
  function: (member_expression property: (property_identifier) @_fn)
  arguments: (arguments
    . (string) @_type
    (object (pair key: (property_identifier) @_key value: (number) @_bits)))
  (#any-of? @_fn "generateKeyPairSync" "generateKeyPair")
  (#eq? @_key "modulusLength")) @sink @rsa
