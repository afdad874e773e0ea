(method_invocation
  object: (identifier) @_cls
  name: (identifier) @_fn
  arguments: (argument_list . (string_literal) @_alg)
  (#eq? @_cls "MessageDigest")
  (#eq? @_fn "getInstance")) @sink @hash

(method_invocation
  object: (identifier) @_cls
  name: (identifier) @_fn
  arguments: (argument_list . (string_literal) @_alg)
  (#eq? @_cls "Cipher")
  (#eq? @_fn "getInstance")) @sink @cipher

(object_creation_expression
  type: (type_identifier) @_type
  arguments: (argument_list . (_) @static)
  (#eq? @_type "IvParameterSpec")) @sink @iv

(method_invocation
  name: (identifier) @_fn
  arguments: (argument_list . (decimal_integer_literal) @_bits)
  (#eq? @_fn "initialize")) @sink @rsa
