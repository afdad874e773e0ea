(call
  receiver: (constant) @_recv
  method: (identifier) @_fn
  arguments: (argument_list . (_) @value)
  (#eq? @_recv "Marshal")
  (#any-of? @_fn "load" "restore")) @sink

(call
  receiver: (constant) @_recv
  method: (identifier) @_fn
  arguments: (argument_list . (_) @value)
  (#any-of? @_recv "YAML" "Psych")
  (#any-of? @_fn "load" "unsafe_load" "load_documents" "load_stream")) @sink

(call
  receiver: (constant) @_recv
  method: (identifier) @_fn
  arguments: (argument_list . (_) @value)
  (#eq? @_recv "Oj")
  (#eq? @_fn "load")) @sink
