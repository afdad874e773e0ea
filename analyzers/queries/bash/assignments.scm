(variable_assignment name: (variable_name) @name value: (_) @value)
