; requires: cors Access-Control-Allow-Origin
(composite_literal
  type: (qualified_type) @_type
  body: (literal_value) @_args
  (#match? @_type "^cors[.](Config|Options)$")) @sink

(call_expression
  function: (selector_expression field: (field_identifier) @_fn)
  arguments: (argument_list . (interpreted_string_literal) @_header . (_) @_origin)
  (#any-of? @_fn "Set" "Add")
  (#match? @_header "^\"Access-Control-Allow-Origin\"$")) @sink @header
