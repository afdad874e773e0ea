; requires: strcpy strcat wcscpy wcscat stpcpy StrCpy StrCat gets sprintf swprintf scanf
(call_expression
  function: (identifier) @_fn
  arguments: (argument_list . (_) . (_) @value)
  (#match? @_fn "^(strcpy|strcat|wcscpy|wcscat|lstrcpy|lstrcat|lstrcpyA|lstrcatA|stpcpy|StrCpy|StrCat)$")) @sink @copy

(call_expression
  function: (identifier) @_fn
  (#match? @_fn "^(gets|_getws)$")) @sink @gets

(call_expression
  function: (identifier) @_fn
  arguments: (argument_list . (_) . (_) @_fmt)
  (#match? @_fn "^(sprintf|vsprintf|swprintf|vswprintf)$")) @sink @format

(call_expression
  function: (identifier) @_fn
  arguments: (argument_list . (string_literal) @_fmt)
  (#match? @_fn "^(scanf|wscanf|vscanf)$")) @sink @scan

(call_expression
  function: (identifier) @_fn
  arguments: (argument_list . (_) . (string_literal) @_fmt)
  (#match? @_fn "^(fscanf|sscanf|fwscanf|swscanf)$")) @sink @scan
