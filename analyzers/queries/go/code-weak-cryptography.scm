(call_expression
  function: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_fn)
  (#any-of? @_pkg "md5" "sha1")
  (#any-of? @_fn "New" "Sum")) @sink @hash

(call_expression
  function: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_fn)
  (#any-of? @_pkg "des" "rc4" "blowfish" "cast5")
  (#any-of? @_fn "NewCipher" "NewTripleDESCipher")) @sink @cipher

(call_expression
  function: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_fn)
  arguments: (argument_list . (_) . (_) @static)
  (#eq? @_pkg "cipher")
  (#any-of? @_fn "NewCBCEncrypter" "NewCBCDecrypter" "NewCFBEncrypter" "NewCFBDecrypter"
    "NewOFB" "NewCTR")) @sink @iv

(call_expression
  function: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_fn)
  arguments: (argument_list . (_) . (int_literal) @_bits)
  (#eq? @_pkg "rsa")
  (#eq? @_fn "GenerateKey")) @sink @rsa
