(call
  function: (attribute object: (identifier) @_mod attribute: (identifier) @_fn)
  (#any-of? @_mod "DES" "DES3" "ARC4" "ARC2" "Blowfish" "CAST")
  (#eq? @_fn "new")) @sink @cipher

(call
  function: (attribute object: (identifier) @_mod attribute: (identifier) @_fn)
  (#eq? @_mod "algorithms")
  (#any-of? @_fn "TripleDES" "ARC4" "Blowfish" "IDEA" "CAST5" "SEED")) @sink @cipher

(attribute
  object: (identifier) @_mod
  attribute: (identifier) @_attr
  (#any-of? @_mod "AES" "DES" "DES3" "Blowfish" "ARC2" "CAST")
  (#eq? @_attr "MODE_ECB")) @sink @ecb

(call
  function: (attribute object: (identifier) @_mod attribute: (identifier) @_fn)
  (#eq? @_mod "modes")
  (#eq? @_fn "ECB")) @sink @ecb

(call
  function: (attribute object: (identifier) @_mod attribute: (identifier) @_fn)
  arguments: (argument_list . (_) @static)
  (#eq? @_mod "modes")
  (#any-of? @_fn "CBC" "CFB" "OFB" "CTR" "GCM")) @sink @iv

(call
  arguments: (argument_list (keyword_argument name: (identifier) @_kw value: (_) @static))
  (#any-of? @_kw "iv" "IV")) @sink @iv

(call
  function: (attribute attribute: (identifier) @_fn)
  arguments: (argument_list (keyword_argument name: (identifier) @_kw value: (integer) @_bits))
  (#eq? @_fn "generate_private_key")
  (#eq? @_kw "key_size")) @sink @rsa

(call
  function: (attribute object: (identifier) @_mod attribute: (identifier) @_fn)
  arguments: (argument_list . (integer) @_bits)
  (#eq? @_mod "RSA")
  (#eq? @_fn "generate")) @sink @rsa
