"""Background work. One helper, one callback shape: `run_task(fn, done)` runs fn() on a thread pool
and calls done(result, error) on the GUI thread, error being None or the exception (as Picard's
thread.run_task). The batch export runs in its own QThread (ExportThread) because it reports
progress per file and is cancelled cooperatively through a threading.Event.

The pool is Python's ThreadPoolExecutor rather than QThreadPool: a QRunnable written in Python is
owned half by Qt and half by Python (auto-delete), and a wrapper collected at the wrong moment
crashed the test run once; a plain Python callable has one owner.

Thumbnails have a pool of their own (THUMBNAILS, as many workers as the main pool): opening 300
images queues 300 decodes, and the preview of the current image (the main pool) must not wait
behind them.
"""

from __future__ import annotations

import concurrent.futures
import os
import threading
import traceback
from collections.abc import Callable
from contextlib import nullcontext
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QThread, Signal, Slot

Done = Callable[[Any, BaseException | None], None]


class _Relay(QObject):
    """Carries one result back to the GUI thread (lives there; its signal is queued).

    Signals:
        finished(object, object): result, error
    """

    finished = Signal(object, object)

    def __init__(self, done: Done, owner: QObject | None) -> None:
        super().__init__()
        self._done, self._owner = done, owner
        self.finished.connect(self._deliver)

    @Slot(object, object)
    def _deliver(self, result, error) -> None:
        _pending.discard(self)
        self.deleteLater()
        if self._owner is not None and not shiboken6.isValid(self._owner):
            return  # the widget that asked is gone (window closed meanwhile)
        self._done(result, error)


_pending: set[_Relay] = set()  # keeps relays alive until they have delivered


MAIN, THUMBNAILS = "main", "thumbnails"
_executors: dict[str, concurrent.futures.ThreadPoolExecutor] = {}
_futures: set[concurrent.futures.Future] = set()


def _pool(name: str = MAIN) -> concurrent.futures.ThreadPoolExecutor:
    if name not in _executors:
        workers = max(2, os.cpu_count() or 2)
        _executors[name] = concurrent.futures.ThreadPoolExecutor(
            max_workers=workers, thread_name_prefix=f"kilabel-{name}"
        )
    return _executors[name]


def run_task(fn: Callable[[], Any], done: Done, owner: QObject | None = None, pool: str = MAIN) -> None:
    """Run fn() in the background (on `pool`: MAIN or THUMBNAILS); done(result, error) runs on the
    GUI thread afterwards, unless `owner` (the widget that asked) has been deleted by then."""
    relay = _Relay(done, owner)
    _pending.add(relay)

    def job() -> None:
        try:
            result, error = fn(), None
        except Exception as exc:  # delivered to the callback, never lost
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            result, error = None, exc
        try:
            relay.finished.emit(result, error)  # queued: the relay lives on the GUI thread
        except RuntimeError:  # the application is shutting down; nobody is left to tell
            pass

    future = _pool(pool).submit(job)
    _futures.add(future)
    future.add_done_callback(_futures.discard)


def wait_idle(timeout: float = 30.0) -> None:
    """Block until every background task has run (tests, and before the program exits)."""
    concurrent.futures.wait(list(_futures), timeout=timeout)


def busy() -> bool:
    return bool(_pending)


class ExportThread(QThread):
    """Runs kilabel.export.engine.run_batch in the background and reports through signals.

    Signals:
        started_batch(int): number of tasks
        file_started(str): name of the file now being exported
        result(object): one kilabel.export.task.ExportResult, as soon as it is there
        batch_finished(object, bool, object): all results, cancelled, error (an exception or None)
    """

    started_batch = Signal(int)
    file_started = Signal(str)
    result = Signal(object)
    batch_finished = Signal(object, bool, object)

    def __init__(
        self,
        tasks: list,
        identity_factory: Callable[[], Any],
        jobs: int = 0,
        tsa_url: str = "",
        parent: QObject | None = None,
        settings: Any = None,
        kept_pool: Any = None,
    ) -> None:
        super().__init__(parent)
        self.tasks, self.identity_factory, self.jobs, self.tsa_url = tasks, identity_factory, jobs, tsa_url
        self.settings = settings  # with settings, every export is recorded in the register
        self.kept_pool = kept_pool  # kilabel.export.engine.KeptPool: workers the window keeps warm
        self.cancel_event = threading.Event()

    def cancel(self) -> None:
        """No new file starts; files in flight finish (never half-written, see kilabel.export.engine)."""
        self.cancel_event.set()

    def run(self) -> None:
        results: list = []
        try:
            from kilabel.export import engine

            identity = self.identity_factory()
            recorder = None
            if self.settings is not None:
                from kilabel.register import store as register
                from kilabel.register.record import Recorder, prefill

                reg = register.open_register(self.settings)
                prefill(reg, self.tasks)
                recorder = Recorder(reg, self.tasks, operator=self.settings.operator, identity=identity)

            def on_result(res) -> None:
                if recorder is not None:
                    recorder(res)  # a result that cannot be recorded gets an error in its row
                self.result.emit(res)

            kept = self.kept_pool.use(self.jobs, identity, self.tsa_url) if self.kept_pool else nullcontext()
            try:
                with kept as pool:
                    results, cancelled = engine.run_batch(
                        self.tasks,
                        identity,
                        jobs=self.jobs,
                        tsa_url=self.tsa_url,
                        progress=_Progress(self),
                        cancel=self.cancel_event,
                        on_result=on_result,
                        pool=pool,
                    )
            finally:
                if recorder is not None:
                    # entries that wait on this computer: the team register's server was away
                    self.queued = len(getattr(recorder.register, "queued", None) or [])
                    recorder.register.close()
            self.batch_finished.emit(results, cancelled, None)
        except Exception as exc:
            self.batch_finished.emit(results, self.cancel_event.is_set(), exc)


class _Progress:
    """kilabel.progress.Progress that forwards to the ExportThread's signals."""

    def __init__(self, thread: ExportThread) -> None:
        self.thread = thread

    def start(self, total: int) -> None:
        self.thread.started_batch.emit(total)

    def file_started(self, name: str) -> None:
        self.thread.file_started.emit(name)

    def file_done(self, name: str, ok: bool, message: str) -> None:
        pass

    def finish(self) -> None:
        pass
