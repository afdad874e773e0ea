"""The front door: webhooks in, the first-run setup, the dashboard and the rule pages. Never calls GitHub
for an analysis and never analyses (docs/architecture.md)."""
