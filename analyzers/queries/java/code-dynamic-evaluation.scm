; javax.script engines evaluating text
(method_invocation
  object: (_) @_obj
  name: (identifier) @_fn
  arguments: (argument_list . (_) @value)
  (#eq? @_fn "eval")
  (#match? @_obj "[Ee]ngine")) @sink
