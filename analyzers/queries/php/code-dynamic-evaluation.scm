(function_call_expression
  function: (name) @_fn
  arguments: (arguments . (argument (_) @value))
  (#eq? @_fn "eval")) @sink

; assert() evaluates strings only (before PHP 8)
(function_call_expression
  function: (name) @_fn
  arguments: (arguments
    . (argument [(variable_name) (subscript_expression) (encapsed_string) (string)] @value))
  (#eq? @_fn "assert")) @sink

(function_call_expression
  function: (name) @_fn
  arguments: (arguments (argument (_) @value))
  (#eq? @_fn "create_function")) @sink
