"""One analysis' rules share one thread; a late piece of work still ends as a limit, never as a result."""

from __future__ import annotations

import threading

import pytest

from analyzers.budget import Lane
from analyzers.contract.limits import InputLimitError


def test_pieces_of_work_share_one_thread_and_keep_their_results_and_errors() -> None:
    lane = Lane()
    try:
        first = lane.run(5.0, threading.get_ident)
        assert lane.run(5.0, threading.get_ident) == first != threading.get_ident()
        with pytest.raises(ValueError, match="bad input"):
            lane.run(5.0, lambda: int("bad input"))
        assert lane.run(5.0, lambda: 7) == 7
    finally:
        lane.close()


def test_a_late_piece_is_a_limit_and_the_next_runs_in_a_new_thread() -> None:
    late: list[threading.Thread] = []
    release = threading.Event()
    lane = Lane(late=late, grace=60.0)
    try:
        before = lane.run(5.0, threading.get_ident)
        with pytest.raises(InputLimitError):
            lane.run(0.05, lambda: release.wait(30))
        after = lane.run(5.0, threading.get_ident)
        assert after != before
        assert [thread.ident for thread in late] == [before]
    finally:
        release.set()
        lane.close()
    late[0].join(10)
    assert not late[0].is_alive()  # once its work ends, the abandoned thread ends too
