; ObjectInputStream / XMLDecoder readObject on a stream that is not filtered
(method_invocation
  object: (_) @value
  name: (identifier) @_fn
  arguments: (argument_list) @_args
  (#eq? @_args "()")
  (#any-of? @_fn "readObject" "readUnshared")) @sink

; XStream.fromXML, SnakeYAML Yaml.load
(method_invocation
  object: (_) @_obj
  name: (identifier) @_fn
  arguments: (argument_list . (_) @value)
  (#eq? @_fn "fromXML")
  (#match? @_obj "[Xx][Ss]tream")) @sink

(method_invocation
  object: (object_creation_expression type: (type_identifier) @_type)
  name: (identifier) @_fn
  arguments: (argument_list . (_) @value)
  (#eq? @_type "Yaml")
  (#any-of? @_fn "load" "loadAll")) @sink
