(call_expression
  function: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_fn)
  arguments: (argument_list . (_) @value)
  (#eq? @_pkg "http")
  (#any-of? @_fn "Get" "Post" "Head" "PostForm")) @sink

(call_expression
  function: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_fn)
  arguments: (argument_list . (_) . (_) @value)
  (#eq? @_pkg "http")
  (#eq? @_fn "NewRequest")) @sink

(call_expression
  function: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_fn)
  arguments: (argument_list . (_) . (_) . (_) @value)
  (#eq? @_pkg "http")
  (#eq? @_fn "NewRequestWithContext")) @sink

(call_expression
  function: (selector_expression operand: (_) @_obj field: (field_identifier) @_fn)
  arguments: (argument_list . (_) @value)
  (#match? @_obj "([Cc]lient|[Hh]ttp)$")
  (#any-of? @_fn "Get" "Post" "Head")) @sink
