(call_expression
  function: (identifier) @_fn
  arguments: (arguments . (_) @value)
  (#eq? @_fn "eval")) @sink

; setTimeout/setInterval with a string, not a function
(call_expression
  function: (identifier) @_fn
  arguments: (arguments . [(string) (template_string) (binary_expression)] @value)
  (#any-of? @_fn "setTimeout" "setInterval" "setImmediate")) @sink

; new Function(..., body)
(new_expression
  constructor: (identifier) @_ctor
  arguments: (arguments (_) @value)
  (#eq? @_ctor "Function")) @sink

(call_expression
  function: (identifier) @_fn
  arguments: (arguments (_) @value)
  (#eq? @_fn "Function")) @sink

; vm.runInNewContext(code) and friends
(call_expression
  function: (member_expression object: (identifier) @_obj property: (property_identifier) @_fn)
  arguments: (arguments . (_) @value)
  (#eq? @_obj "vm")
  (#any-of? @_fn "runInNewContext" "runInThisContext" "runInContext" "compileFunction")) @sink

(new_expression
  constructor: (member_expression object: (identifier) @_obj property: (property_identifier) @_ctor)
  arguments: (arguments . (_) @value)
  (#eq? @_obj "vm")
  (#eq? @_ctor "Script")) @sink
