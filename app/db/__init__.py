"""Storage: SQLModel tables, the engine, the only package that writes SQL (`repo`), and the schema
revision checked and migrated at start-up (`schema`, `migrate`)."""
