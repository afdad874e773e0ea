(keyed_element
  (literal_element (identifier) @_key)
  (literal_element (true))
  (#eq? @_key "InsecureSkipVerify")) @sink

(assignment_statement
  left: (expression_list (selector_expression field: (field_identifier) @_key))
  right: (expression_list (true))
  (#eq? @_key "InsecureSkipVerify")) @sink
