"""Calibration: commands, trust, the estimate, decisions and the replay."""
