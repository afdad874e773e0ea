; requires: rand sample shuffle Random
(assignment left: (_) @_name right: (_) @_rhs) @sink
(pair key: (_) @_name value: (_) @_rhs) @sink
