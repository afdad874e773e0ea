; requires: file fopen readfile unlink include require show_source highlight_file parse_ini_file opendir scandir
(function_call_expression
  function: (name) @_fn
  arguments: (arguments . (argument (_) @value))
  (#any-of? @_fn "file_get_contents" "fopen" "readfile" "file" "unlink" "file_put_contents"
    "show_source" "highlight_file" "parse_ini_file" "opendir" "scandir")) @sink

(include_expression (_) @value) @sink
(include_once_expression (_) @value) @sink
(require_expression (_) @value) @sink
(require_once_expression (_) @value) @sink
