; requires: rejectUnauthorized strictSSL checkServerIdentity NODE_TLS_REJECT_UNAUTHORIZED
(pair
  key: [(property_identifier) (string)] @_key
  value: (false)
  (#match? @_key "^[\"']?(rejectUnauthorized|strictSSL|checkServerIdentity)[\"']?$")) @sink

(assignment_expression
  left: [(member_expression) (subscript_expression)] @_left
  right: [(string) (number)] @_right
  (#match? @_left "NODE_TLS_REJECT_UNAUTHORIZED")
  (#match? @_right "^[\"']?0[\"']?$")) @sink

(pair
  key: (property_identifier) @_key
  value: (arrow_function body: [(undefined) (statement_block)] @_body)
  (#eq? @_key "checkServerIdentity")
  (#match? @_body "^(undefined|\\{\\s*\\}|\\{\\s*return\\b\\s*((undefined|null)\\s*)?(;\\s*)?\\})$")) @sink
