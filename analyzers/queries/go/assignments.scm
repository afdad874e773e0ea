(short_var_declaration left: (expression_list (identifier) @name) right: (expression_list (_) @value))
(assignment_statement left: (expression_list (identifier) @name) right: (expression_list (_) @value))
(var_spec name: (identifier) @name value: (expression_list (_) @value))
(const_spec name: (identifier) @name value: (expression_list (_) @value))
