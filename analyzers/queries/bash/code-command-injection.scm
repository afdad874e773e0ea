; sh -c "text with $expansions"
(command
  name: (command_name (word) @_cmd)
  argument: (word) @_flag
  .
  argument: (_) @value
  (#any-of? @_cmd "sh" "bash" "zsh" "dash" "ksh")
  (#eq? @_flag "-c")) @sink
