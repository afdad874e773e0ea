(call
  function: (identifier) @_fn
  arguments: (argument_list . (_) @value)
  (#any-of? @_fn "open" "send_file" "FileResponse")) @sink

(call
  function: (attribute object: (identifier) @_mod attribute: (identifier) @_fn)
  arguments: (argument_list . (_) @value)
  (#any-of? @_mod "io" "codecs" "os" "shutil" "flask" "aiofiles")
  (#any-of? @_fn "open" "send_file" "remove" "unlink" "rmtree" "listdir" "rmdir" "scandir")) @sink

(call
  function: (attribute
    object: (call function: (identifier) @_path arguments: (argument_list . (_) @value))
    attribute: (identifier) @_fn)
  (#eq? @_path "Path")
  (#any-of? @_fn "read_text" "read_bytes" "open" "write_text" "write_bytes" "unlink")) @sink
