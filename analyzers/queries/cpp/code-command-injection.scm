(call_expression
  function: (identifier) @_fn
  arguments: (argument_list . (_) @value)
  (#any-of? @_fn "system" "popen" "_popen" "_wsystem")) @sink

(call_expression
  function: (qualified_identifier name: (identifier) @_fn)
  arguments: (argument_list . (_) @value)
  (#any-of? @_fn "system" "popen")) @sink
