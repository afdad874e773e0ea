(call
  function: (identifier) @_fn
  arguments: (argument_list . (_) @value)
  (#any-of? @_fn "eval" "exec" "compile")) @sink
