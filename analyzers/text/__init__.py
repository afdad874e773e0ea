"""Text helpers shared by the secrets and injection rules: code points, confusables, capped lines."""
