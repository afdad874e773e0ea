"""A test run on a moved wall clock: BULWARK_TEST_CLOCK_SHIFT_DAYS=N puts "now" N days ahead."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

CLOCK_SHIFT = "BULWARK_TEST_CLOCK_SHIFT_DAYS"
ROOT = Path(__file__).resolve().parents[2]
CHILD_HOOK = Path(__file__).resolve().parent / "clockshift"


def shift_wall_clock(days: int) -> None:
    """From now on this process's wall clock (datetime, date, time.time and friends) reads `days` ahead and
    keeps ticking; monotonic time, and so every timeout, is left alone."""
    import time_machine

    time_machine.travel(datetime.now(UTC) + timedelta(days=days), tick=True).start()


def shift_this_run() -> int | None:
    """Apply BULWARK_TEST_CLOCK_SHIFT_DAYS to this process and to every Python child it starts."""
    days = os.environ.get(CLOCK_SHIFT)
    if not days:
        return None
    paths = [str(CHILD_HOOK), str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    os.environ["PYTHONPATH"] = os.pathsep.join(paths)
    shift_wall_clock(int(days))
    return int(days)
