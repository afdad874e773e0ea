"""The error a missing or unusable setting raises: importable without the settings machinery, so
commands that need no settings (`scan`, `rules`) start without loading it."""

from __future__ import annotations


class SettingsError(ValueError):
    """A setting is missing or unusable; the message names it."""
