(object_creation_expression
  type: (type_identifier) @_type
  arguments: (argument_list (_) @value)
  (#any-of? @_type "File" "FileInputStream" "FileOutputStream" "FileReader" "FileWriter"
    "RandomAccessFile")) @sink

(method_invocation
  object: (identifier) @_obj
  name: (identifier) @_fn
  arguments: (argument_list (_) @value)
  (#any-of? @_obj "Paths" "Path")
  (#any-of? @_fn "get" "of")) @sink
