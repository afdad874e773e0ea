"""Pillar 1, contextual intelligence: what changed, in which syntax node, who or what wrote it."""
