; requires: mark_safe Markup SafeString SafeText
; markup marked safe from a non-constant value skips template escaping
(call
  function: [(identifier) (attribute)] @_fn
  arguments: (argument_list . (_) @value)
  (#match? @_fn "(^|[.])(mark_safe|Markup|SafeString|SafeText)$")) @sink
