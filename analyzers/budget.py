"""Time limits for analysis: each piece of work runs in a thread of its own and is abandoned when late.

Why a thread, and not a signal or a subprocess: huey runs jobs in worker threads, where signals cannot
be used; a subprocess would have to be handed the whole change context (syntax trees cannot be pickled,
so every file would be parsed twice on a two-core machine) and forking a threaded worker is unsafe.
The caller waits on an event, which releases the GIL, so the job's heartbeat thread keeps beating while
a rule runs, as long as no single C call holds the GIL for long: every pattern run on pull-request
text is linear and every parse has a size and a time cap (`bench/hostile.py` measures the longest
pause). Work that passes its limit is abandoned: the caller gets `InputLimitError` at once and whatever
the thread still produces is dropped. The thread is left to finish (every reader is bounded, so it
does) and only when it is still running after a grace period is it told to stop (`Abandoned`, raised
in it at its next Python instruction): an asynchronous exception can land anywhere, even in a
garbage-collection callback of another library, so it is kept for work that would not end.

One analysis runs its rules one after another in one such thread (`Lane`): starting a thread per rule
cost more processor time than many rules themselves. Each piece of work still has its own limit; a late
one takes its thread with it (the thread is abandoned as above) and the next piece starts a new one.
"""

from __future__ import annotations

import contextvars
import ctypes
import logging
import queue
import sys
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from analyzers.contract.limits import InputLimitError
from analyzers.record import record

T = TypeVar("T")
logger = logging.getLogger(__name__)


@record
class Budget:
    """How long analysis may take, in seconds."""

    rule_seconds: float = 30.0  # one rule over the whole change
    file_seconds: float = 5.0  # one rule over one file, when a failed rule is re-run file by file
    file_total_seconds: float = 15.0  # one file over every rule; past it, the file leaves the analysis
    total_seconds: float = 600.0  # the whole analysis; past it, the remaining rules do not run
    grace_seconds: float = 60.0  # an abandoned thread still running this long after is told to stop


DEFAULT_BUDGET = Budget()


class Abandoned(BaseException):
    """Raised inside a thread whose work passed its time limit; not an `Exception`, so that no
    `except Exception` in a rule swallows it."""


_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
_set_async_exc.argtypes = (ctypes.c_ulong, ctypes.py_object)
_set_async_exc.restype = ctypes.c_int
_hook_lock = threading.Lock()
_hook_installed = False


def run_within(
    seconds: float,
    work: Callable[[], T],
    *,
    name: str = "analysis",
    late: list[threading.Thread] | None = None,
    grace: float = DEFAULT_BUDGET.grace_seconds,
) -> T:
    """`work()` in a thread of its own; `InputLimitError` when it runs longer than `seconds`.

    Exceptions of `work` are raised here as they are. A late thread is told to stop and dropped (and
    added to `late`, where the caller can see whether it has stopped yet)."""
    _install_quiet_hook()
    outcome: list[tuple[bool, object]] = []
    done = threading.Event()
    context = contextvars.copy_context()  # keeps the log context (delivery, pull request)

    def target() -> None:
        try:
            outcome.append((True, context.run(work)))
        except Abandoned:
            return
        except BaseException as error:  # handed to the caller, which decides
            outcome.append((False, error))
        finally:
            done.set()

    thread = threading.Thread(target=target, name=name, daemon=True)
    thread.start()
    if not done.wait(seconds) or not outcome:
        stopper = threading.Timer(grace, stop, args=(thread,))
        stopper.daemon = True
        stopper.start()
        if late is not None:
            late.append(thread)
        raise InputLimitError(f"took more than {seconds:g} s")
    ok, value = outcome[0]
    if ok:
        return value  # type: ignore[return-value]  # what work() returned
    assert isinstance(value, BaseException)
    raise value


def stop(thread: threading.Thread, attempts: int = 40) -> None:
    """Tell `thread` to stop: `Abandoned` is raised in it at its next Python instruction, again every
    half second while it runs (a raise that lands in a callback is swallowed there)."""
    for _ in range(attempts):
        if thread.ident is None or not thread.is_alive():
            return
        _set_async_exc(thread.ident, Abandoned)
        thread.join(0.5)


def _install_quiet_hook() -> None:
    """A stopped thread ends silently (no traceback on standard error), wherever `Abandoned` landed."""
    global _hook_installed
    with _hook_lock:
        if _hook_installed:
            return
        previous_thread_hook = threading.excepthook
        previous_unraisable_hook = sys.unraisablehook

        def thread_hook(args: threading.ExceptHookArgs) -> None:
            if args.exc_type is not None and issubclass(args.exc_type, Abandoned):
                return
            previous_thread_hook(args)

        def unraisable_hook(args: Any) -> None:  # sys.UnraisableHookArgs
            if isinstance(args.exc_value, Abandoned):
                return
            previous_unraisable_hook(args)

        threading.excepthook = thread_hook
        sys.unraisablehook = unraisable_hook
        _hook_installed = True


_IDLE_SECONDS = 30.0  # a lane's thread with no work this long ends (a new one starts when work comes)
_Task = tuple[contextvars.Context, Callable[[], object], str]


class Lane:
    """Pieces of work run one after another in one long-lived thread, each within its own limit.

    `run` behaves like `run_within`: a late piece raises `InputLimitError` in the caller, its thread is
    abandoned (added to `late`, told to stop after `grace` if still running, and given no more work),
    and the next piece gets a new thread. `close` lets the thread end once its work is done."""

    def __init__(
        self, *, late: list[threading.Thread] | None = None, grace: float = DEFAULT_BUDGET.grace_seconds
    ):
        self._late = late
        self._grace = grace
        self._worker: _LaneThread | None = None

    def run(self, seconds: float, work: Callable[[], T], *, name: str = "analysis") -> T:
        _install_quiet_hook()
        task: _Task = (contextvars.copy_context(), work, name)  # keeps the log context
        worker = self._worker
        if worker is None or not worker.give(task):
            worker = self._worker = _LaneThread()
            worker.give(task)
        try:
            ok, value = worker.results.get(timeout=seconds)
        except queue.Empty:
            self._worker = None
            worker.close()
            stopper = threading.Timer(self._grace, stop, args=(worker.thread,))
            stopper.daemon = True
            stopper.start()
            if self._late is not None:
                self._late.append(worker.thread)
            raise InputLimitError(f"took more than {seconds:g} s") from None
        if ok:
            return value  # type: ignore[return-value]  # what work() returned
        assert isinstance(value, BaseException)
        raise value

    def close(self) -> None:
        if self._worker is not None:
            self._worker.close()
            self._worker = None


class _LaneThread:
    """The thread of a `Lane`: takes work until closed, or idle for `_IDLE_SECONDS`."""

    def __init__(self) -> None:
        self._tasks: queue.SimpleQueue[_Task | None] = queue.SimpleQueue()
        self.results: queue.SimpleQueue[tuple[bool, object]] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._closed = False
        self.thread = threading.Thread(target=self._loop, name="analysis", daemon=True)
        self.thread.start()

    def give(self, task: _Task) -> bool:
        """Queue `task`; False when this thread has ended or is ending (start another)."""
        with self._lock:
            if self._closed:
                return False
            self._tasks.put(task)
            return True

    def close(self) -> None:
        with self._lock:
            if not self._closed:
                self._closed = True
                self._tasks.put(None)

    def _loop(self) -> None:
        try:
            while (task := self._next()) is not None:
                context, work, name = task
                self.thread.name = name
                try:
                    self.results.put((True, context.run(work)))
                except Abandoned:
                    return
                except BaseException as error:  # handed to the caller, which decides
                    self.results.put((False, error))
        except Abandoned:
            return

    def _next(self) -> _Task | None:
        while True:
            try:
                return self._tasks.get(timeout=_IDLE_SECONDS)
            except queue.Empty:
                with self._lock:
                    if self._tasks.empty():  # nothing was given meanwhile: end
                        self._closed = True
                        return None
