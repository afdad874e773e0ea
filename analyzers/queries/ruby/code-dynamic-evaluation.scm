(call
  method: (identifier) @_fn
  arguments: (argument_list . (_) @value)
  (#any-of? @_fn "eval" "instance_eval" "class_eval" "module_eval" "instance_exec")) @sink
