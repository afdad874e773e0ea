(call
  receiver: (constant) @_recv
  method: (identifier) @_fn
  arguments: (argument_list . (_) @value)
  (#any-of? @_recv "File" "IO" "FileUtils" "Pathname")
  (#any-of? @_fn "read" "open" "readlines" "binread" "write" "delete" "unlink" "rm" "rm_rf"
    "new" "foreach")) @sink

(call
  !receiver
  method: (identifier) @_fn
  arguments: (argument_list . (_) @value)
  (#any-of? @_fn "send_file" "send_data")) @sink
