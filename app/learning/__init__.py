"""Pillar 4, continuous learning: maintainers' commands and votes, who counts, signals, calibration,
and its proof (the replay and the simulator). Details in docs/calibration.md."""
