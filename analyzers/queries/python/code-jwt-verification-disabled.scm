; jwt.decode(token, verify=False)
(call
  function: (attribute object: (identifier) @_mod attribute: (identifier) @_fn)
  arguments: (argument_list (keyword_argument name: (identifier) @_kw value: (false)))
  (#eq? @_mod "jwt")
  (#eq? @_fn "decode")
  (#eq? @_kw "verify")) @sink

; options={"verify_signature": False}
(call
  function: (attribute object: (identifier) @_mod attribute: (identifier) @_fn)
  arguments: (argument_list
    (keyword_argument
      name: (identifier) @_kw
      value: (dictionary (pair key: (string) @_key value: (false)))))
  (#eq? @_mod "jwt")
  (#eq? @_fn "decode")
  (#eq? @_kw "options")
  (#match? @_key "^[\"']verify_signature[\"']$")) @sink

; algorithms=["none"]
(call
  function: (attribute object: (identifier) @_mod attribute: (identifier) @_fn)
  arguments: (argument_list
    (keyword_argument name: (identifier) @_kw value: (list (string) @_alg)))
  (#eq? @_mod "jwt")
  (#eq? @_fn "decode")
  (#eq? @_kw "algorithms")
  (#match? @_alg "^[\"'][Nn][Oo][Nn][Ee][\"']$")) @sink
