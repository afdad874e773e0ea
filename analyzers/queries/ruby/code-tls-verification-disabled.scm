; requires: VERIFY_NONE verify
(scope_resolution
  name: (constant) @_name
  (#eq? @_name "VERIFY_NONE")) @sink

(pair
  key: [(hash_key_symbol) (simple_symbol) (string)] @_key
  value: (false)
  (#match? @_key "^:?[\"']?(verify|ssl_verify|verify_ssl|verify_peer)[\"']?$")) @sink
