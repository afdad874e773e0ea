; requires: rejectUnauthorized strictSSL checkServerIdentity NODE_TLS_REJECT_UNAUTHORIZED
; { rejectUnauthorized: false }
(pair
  key: [(property_identifier) (string)] @_key
  value: (false)
  (#match? @_key "^[\"']?(rejectUnauthorized|strictSSL|checkServerIdentity)[\"']?$")) @sink

; process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0"
(assignment_expression
  left: [(member_expression) (subscript_expression)] @_left
  right: [(string) (number)] @_right
  (#match? @_left "NODE_TLS_REJECT_UNAUTHORIZED")
  (#match? @_right "^[\"']?0[\"']?$")) @sink

; checkServerIdentity: () => undefined
(pair
  key: (property_identifier) @_key
  value: (arrow_function body: [(undefined) (statement_block)] @_body)
  (#eq? @_key "checkServerIdentity")
  (#match? @_body "^(undefined|\\{\\s*\\}|\\{\\s*return\\b\\s*((undefined|null)\\s*)?(;\\s*)?\\})$")) @sink
