"""`bulwark calibration replay FILE.jsonl`: `replay(path)` and `format_report(report)` for the CLI."""

from app.learning.replay.engine import replay, replay_log
from app.learning.replay.log import FeedbackLogError, FindingRecord, Log, load
from app.learning.replay.report import ReplayReport, format_report

__all__ = [
    "FeedbackLogError",
    "FindingRecord",
    "Log",
    "ReplayReport",
    "format_report",
    "load",
    "replay",
    "replay_log",
]
