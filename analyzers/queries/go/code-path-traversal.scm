(call_expression
  function: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_fn)
  arguments: (argument_list . (_) @value)
  (#any-of? @_pkg "os" "ioutil")
  (#any-of? @_fn "Open" "OpenFile" "ReadFile" "Create" "Remove" "RemoveAll" "WriteFile"
    "ReadDir")) @sink

(call_expression
  function: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_fn)
  arguments: (argument_list . (_) . (_) . (_) @value)
  (#eq? @_pkg "http")
  (#eq? @_fn "ServeFile")) @sink
