; requires: cors Access-Control-Allow-Origin
(call_expression
  function: (identifier) @_fn
  arguments: (arguments (object) @_args)
  (#eq? @_fn "cors")) @sink

(call_expression
  function: (member_expression property: (property_identifier) @_fn)
  arguments: (arguments . (string) @_header . (_) @_origin)
  (#any-of? @_fn "setHeader" "header" "set" "append")
  (#match? @_header "^[\"']Access-Control-Allow-Origin[\"']$")) @sink @header
