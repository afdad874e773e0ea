; Runtime.getRuntime().exec(text)
(method_invocation
  object: (_) @_obj
  name: (identifier) @_fn
  arguments: (argument_list . (_) @value .)
  (#eq? @_fn "exec")
  (#match? @_obj "(getRuntime\\(\\)|^runtime$|^rt$)")) @sink

; new ProcessBuilder("sh", "-c", text)
(object_creation_expression
  type: (type_identifier) @_type
  arguments: (argument_list . (string_literal) @_shell . (string_literal) @_flag . (_) @value)
  (#eq? @_type "ProcessBuilder")
  (#match? @_shell "^\"(/usr)?(/bin/)?(ba|z|da|k)?sh\"$")
  (#eq? @_flag "\"-c\"")) @sink
