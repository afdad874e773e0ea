(call_expression
  function: (identifier) @_fn
  arguments: (arguments . (_) @value)
  (#any-of? @_fn "fetch" "axios" "got" "request" "needle" "superagent" "ky")) @sink

(call_expression
  function: (member_expression object: (identifier) @_obj property: (property_identifier) @_fn)
  arguments: (arguments . (_) @value)
  (#any-of? @_obj "axios" "got" "http" "https" "request" "superagent" "needle" "ky")
  (#any-of? @_fn "get" "post" "put" "delete" "patch" "head" "request" "stream")) @sink
