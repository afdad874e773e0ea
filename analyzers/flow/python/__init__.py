"""The Python lowering: tree-sitter-python trees to the engine's intermediate form."""
