"""Feedback through the App: commands, reactions, resolved threads and buttons become votes."""
