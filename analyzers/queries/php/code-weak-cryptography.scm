; requires: md5 sha1 openssl_ private_key_bits
(function_call_expression
  function: (name) @_fn
  (#any-of? @_fn "md5" "sha1")) @sink @hash

(function_call_expression
  function: (name) @_fn
  arguments: (arguments . (argument) . (argument [(string) (encapsed_string)] @_alg))
  (#any-of? @_fn "openssl_encrypt" "openssl_decrypt")) @sink @cipher

(function_call_expression
  function: (name) @_fn
  arguments: (arguments
    . (argument) . (argument) . (argument) . (argument) . (argument (_) @static))
  (#any-of? @_fn "openssl_encrypt" "openssl_decrypt")) @sink @iv

(array_element_initializer
  [(string) (encapsed_string)] @_key
  (integer) @_bits
  (#match? @_key "private_key_bits")) @sink @rsa
