"""The second frozen held-out split of the instruction detector's corpus (see README.md)."""
