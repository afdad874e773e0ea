(call
  receiver: (scope_resolution) @_recv
  method: (identifier) @_fn
  (#match? @_recv "^(::)?Digest::(MD5|SHA1)$")
  (#any-of? @_fn "hexdigest" "digest" "base64digest" "new")) @sink @hash

(call
  receiver: (scope_resolution) @_recv
  method: (identifier) @_fn
  arguments: (argument_list . (string) @_alg)
  (#match? @_recv "OpenSSL::Cipher$")
  (#eq? @_fn "new")) @sink @cipher

(call
  receiver: (scope_resolution) @_recv
  method: (identifier) @_fn
  arguments: (argument_list . (integer) @_bits)
  (#match? @_recv "OpenSSL::PKey::RSA$")
  (#any-of? @_fn "new" "generate")) @sink @rsa

(assignment
  left: (call method: (identifier) @_attr)
  right: (_) @static
  (#eq? @_attr "iv")) @sink @iv
