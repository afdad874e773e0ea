"""Go lowering for the data-flow engine."""
