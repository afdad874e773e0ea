; unserialize() without an allowed_classes option
(function_call_expression
  function: (name) @_fn
  arguments: (arguments . (argument (_) @value) .)
  (#eq? @_fn "unserialize")) @sink
