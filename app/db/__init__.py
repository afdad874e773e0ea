"""Storage: SQLModel tables, the engine, and the only module that writes SQL (`repo`)."""
