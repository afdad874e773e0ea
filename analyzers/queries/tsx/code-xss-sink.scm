(assignment_expression
  left: (member_expression property: (property_identifier) @_prop)
  right: (_) @value
  (#any-of? @_prop "innerHTML" "outerHTML")) @sink

(augmented_assignment_expression
  left: (member_expression property: (property_identifier) @_prop)
  right: (_) @value
  (#any-of? @_prop "innerHTML" "outerHTML")) @sink

(call_expression
  function: (member_expression object: (identifier) @_obj property: (property_identifier) @_fn)
  arguments: (arguments (_) @value)
  (#eq? @_obj "document")
  (#any-of? @_fn "write" "writeln")) @sink

(call_expression
  function: (member_expression property: (property_identifier) @_fn)
  arguments: (arguments . (_) . (_) @value)
  (#eq? @_fn "insertAdjacentHTML")) @sink

(jsx_attribute
  (property_identifier) @_attr
  (jsx_expression
    (object (pair key: (property_identifier) @_key value: (_) @value)))
  (#eq? @_attr "dangerouslySetInnerHTML")
  (#eq? @_key "__html")) @sink
