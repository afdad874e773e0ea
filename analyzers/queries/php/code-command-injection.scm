; requires: shell_exec system passthru exec popen proc_open pcntl_exec `
(function_call_expression
  function: (name) @_fn
  arguments: (arguments . (argument (_) @value))
  (#any-of? @_fn "shell_exec" "system" "passthru" "exec" "popen" "proc_open" "pcntl_exec")) @sink

; `...$x...`
(shell_command_expression) @sink @value
