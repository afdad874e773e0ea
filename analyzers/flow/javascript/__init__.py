"""The JavaScript and TypeScript lowering of the data-flow engine."""
