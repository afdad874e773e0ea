; exec.Command("sh", "-c", text)
(call_expression
  function: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_fn)
  arguments: (argument_list
    . (interpreted_string_literal) @_shell . (interpreted_string_literal) @_flag . (_) @value)
  (#eq? @_pkg "exec")
  (#eq? @_fn "Command")
  (#match? @_shell "^\"(/usr)?(/bin/)?(ba|z|da|k)?sh\"$")
  (#eq? @_flag "\"-c\"")) @sink

(call_expression
  function: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_fn)
  arguments: (argument_list
    . (_) . (interpreted_string_literal) @_shell . (interpreted_string_literal) @_flag . (_) @value)
  (#eq? @_pkg "exec")
  (#eq? @_fn "CommandContext")
  (#match? @_shell "^\"(/usr)?(/bin/)?(ba|z|da|k)?sh\"$")
  (#eq? @_flag "\"-c\"")) @sink
