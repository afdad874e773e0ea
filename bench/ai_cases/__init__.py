"""The AI-style suite: vulnerable and safe twins written the way assistants write a feature."""
