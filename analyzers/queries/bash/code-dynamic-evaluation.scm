(command
  name: (command_name (word) @_cmd)
  argument: (_) @value
  (#eq? @_cmd "eval")) @sink
