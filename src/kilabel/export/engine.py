"""Batch engine shared by the CLI and the GUI: worker processes (spawn), one result per task,
cooperative cancel (no new file starts; files in flight finish), progress through a protocol.

Workers are our own, one pipe each (not a ProcessPoolExecutor), so the batch always knows which
file each worker holds. A worker that dies (killed, out of memory) fails that one file with a
plain line; its temporary files are removed, a new worker takes its place and the batch goes on.
Workers end with the batch's process: on Linux the kernel kills them when it dies
(PR_SET_PDEATHSIG), everywhere a watchdog waits on the parent's sentinel, and an idle worker
sees its pipe close. A file a worker renamed into place just before the batch's process died
never reached the register; the register's Recorder records it on the next run.

Start-up is kept off the critical path (issue 18): all workers are started first, before the
batch is set up (or earlier still: start_workers gives a pool the command line starts while it
plans; KeptPool keeps one warm in the window across exports); a worker imports what a file needs
and makes its signer before it says READY, and files go to ready workers only. On Linux the
command line forks its workers (everything imported once); the window spawns them. While none is
ready and a processor is left over, the batch's own process exports a (small) file itself in a
thread. Freed image memory is kept for the next image (image_memory).
"""

from __future__ import annotations

import _thread
import collections
import importlib
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kilabel import tempfiles
from kilabel.export import image_memory
from kilabel.export.one import DEFAULT_WRITER, export_one
from kilabel.export.task import ExportResult, ExportTask
from kilabel.keys import Identity
from kilabel.progress import NullProgress, Progress

_worker_signer = None
_worker_identity: Identity | None = None
_worker_tsa = ""
# What the writers import only when a file needs it (none now: the fingerprint no longer imports
# iscc-core, which took 70 ms); a worker imports these before it reports ready.
LAZY_IMPORTS: tuple[str, ...] = ()
READY = "ready"  # a worker's first message: imported, signer made, waiting for files
# The batch's own process takes a file itself while no worker is ready yet, up to this estimate
# (estimate_bytes: about 32 MP). A larger image always goes to a worker: if the kernel ends it for
# lack of memory, only that worker dies, never the batch.
LOCAL_MAX_BYTES = (160 << 20) + 32_000_000 * 8


def _init_worker(identity: Identity | None, tsa_url: str) -> None:
    global _worker_signer, _worker_identity, _worker_tsa
    _worker_identity, _worker_tsa = identity, tsa_url
    _worker_signer = None  # made lazily, inside this process


def _warm_up() -> None:
    """Import what a file needs and make the signer before the first file: the batch hands files
    only to ready workers, so no file waits for a worker that is still importing."""
    global _worker_signer
    for module in (DEFAULT_WRITER, *LAZY_IMPORTS):
        try:
            importlib.import_module(module)
        except ImportError:  # the file that needs it says so
            pass
    if _worker_identity is not None and _worker_signer is None:
        try:
            from kilabel.pipeline import c2pa_sign

            _worker_signer = c2pa_sign.make_signer(_worker_identity, _worker_tsa)
        except Exception:  # the first file that signs tries again and says why it cannot
            _worker_signer = None


def _run_in_worker(task: ExportTask) -> ExportResult:
    global _worker_signer
    if task.cwd and task.cwd != os.getcwd():  # the command's folder (a service's command, not its own)
        os.chdir(task.cwd)
    if _worker_signer is None and _worker_identity is not None and task.profile.write_c2pa:
        from kilabel.pipeline import c2pa_sign

        _worker_signer = c2pa_sign.make_signer(_worker_identity, _worker_tsa)
    return export_one(task, _worker_identity, _worker_signer, _worker_tsa)


PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """End this worker process as soon as the batch's process is gone, whatever it is doing.

    Linux: the kernel sends SIGKILL when the parent dies (prctl PR_SET_PDEATHSIG), even while
    this process is deep in native code. Everywhere: a watchdog waits on the parent's sentinel
    (a pipe on POSIX, the process handle on Windows) and ends the process. The watchdog is a
    low-level thread: it writes nothing, and `threading` does not count it (export.one takes
    over fd 2 only in a single-threaded worker).
    """
    parent = multiprocessing.parent_process()
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if parent is None:
        return
    if not parent.is_alive():  # it died before the line above took effect
        os._exit(1)

    def watch(sentinel) -> None:
        try:
            multiprocessing.connection.wait([sentinel])
        except OSError:
            pass
        os._exit(1)

    _thread.start_new_thread(watch, (parent.sentinel,))


def _worker_main(conn, identity: Identity | None, tsa_url: str) -> None:
    """A worker process: export the tasks the batch sends, one at a time, and send each result
    back; stop when told (None), when the pipe closes, or when the batch's process dies."""
    _die_with_parent()
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the batch's: it ends the workers
    except (ValueError, OSError):
        pass
    image_memory.keep()  # for the worker's life
    _init_worker(identity, tsa_url)
    _warm_up()
    try:
        conn.send((READY, None))
    except (EOFError, OSError):
        return
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:  # the batch is over: nothing is open or unsent, so no interpreter shutdown
            sys.stdout.flush()  # (it took 25 ms, which the command line waited for)
            sys.stderr.flush()
            os._exit(0)
        key, task = job
        try:
            res = _run_in_worker(task)
        except Exception as exc:  # export_one reports a bad file itself; this is anything else
            res = _failed(task, f"{type(exc).__name__}: {exc}")
        try:
            conn.send((key, res))
        except (EOFError, OSError):
            return
        except Exception as exc:  # a result that cannot be sent (pickling): say so instead
            try:
                conn.send((key, _failed(task, f"the result could not be passed back: {exc}")))
            except (EOFError, OSError):
                return


def _failed(task: ExportTask, why: str) -> ExportResult:
    return ExportResult(input=task.input, profile_id=task.profile.id, error=f"{task.input}: {why}")


def cores() -> int:
    return max(1, os.cpu_count() or 1)


def default_jobs() -> int:
    return cores()


WORKER_BASE = 160 << 20  # a worker's own footprint (Python, Pillow, c2pa) in bytes


def available_memory() -> int:
    """Memory the batch may use: MemAvailable on Linux, free physical pages elsewhere."""
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_AVPHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return 4 << 30


def estimate_bytes(task: ExportTask) -> int:
    """Peak memory of one export, from the image header: decoded pixels, one working copy, and the
    CMYK result where the profile converts; print profiles count at their output size."""
    from kilabel.pipeline.image_load import probe

    try:
        _, (w, h) = probe(Path(task.input), task.max_megapixels)
    except Exception:
        return WORKER_BASE  # a bad file fails fast in the worker
    pixels = w * h
    prof = task.profile
    if prof.physical:
        ppm = prof.dpi / 25.4
        pixels = max(
            pixels,
            round((prof.width_mm + 2 * prof.bleed_mm) * ppm * (prof.height_mm + 2 * prof.bleed_mm) * ppm),
        )
    per_pixel = 4 + 4 + (4 if prof.color == "cmyk" else 0)
    return WORKER_BASE + pixels * per_pixel


def run_batch(
    tasks: Iterable[ExportTask],
    identity: Identity | None,
    *,
    jobs: int = 0,
    tsa_url: str = "",
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    on_result: Callable[[ExportResult], None] | None = None,
    pool: WorkerPool | None = None,
) -> tuple[list[ExportResult], bool]:
    """Run the tasks; returns (results in completion order, cancelled).

    `pool`: workers started earlier (start_workers, e.g. while the window is open or while the
    command line plans the batch) for the same identity and TSA; they stay for the next batch.
    Without it, the workers are started here, first of all, and end with the batch."""
    tasks = list(tasks)
    progress = progress or NullProgress()
    cancel = cancel or threading.Event()
    jobs = min(jobs or default_jobs(), max(1, len(tasks)))
    own_pool = None
    if jobs > 1 and pool is None:
        own_pool = pool = start_workers(jobs, identity, tsa_url)  # they import while the batch is set up
    try:
        with image_memory.kept():
            return _run(tasks, identity, jobs, tsa_url, progress, cancel, on_result, pool)
    finally:
        if own_pool is not None:
            own_pool.close()


def _run(
    tasks, identity, jobs, tsa_url, progress, cancel, on_result, pool
) -> tuple[list[ExportResult], bool]:
    results: list[ExportResult] = []
    for folder in {Path(t.out_dir) for t in tasks}:
        tempfiles.cleanup_stale(folder)
    progress.start(len(tasks))

    def done(res: ExportResult) -> None:
        results.append(res)
        if on_result:
            on_result(res)
        progress.file_done(Path(res.input).name, res.ok, res.error or res.output)

    if pool is None:  # one job and no workers given: this process exports, file after file
        _init_worker(identity, tsa_url)
        for task in tasks:
            if cancel.is_set():
                break
            progress.file_started(Path(task.input).name)
            done(_run_in_worker(task))
        progress.finish()
        return results, cancel.is_set()

    pool.jobs = jobs
    with pool.batch():
        try:
            _feed(pool, tasks, cancel, progress, done)
        except BaseException:  # Ctrl+C, or an error in a callback: nothing more is renamed into place,
            for res in pool.abandon():  # and what the workers did finish is still recorded
                done(res)
            raise
    progress.finish()
    return results, cancel.is_set()


class KeptPool:
    """Workers kept warm between batches (the window): started before the first export (`warm`)
    and used by every batch with the same identity, TSA and jobs (`use`); started anew when one of
    them changes, and ended after IDLE_SECONDS without a batch, which gives their memory back."""

    IDLE_SECONDS = 600.0

    def __init__(self, idle_seconds: float | None = None, *, one_job_too: bool = False) -> None:
        self.idle_seconds = self.IDLE_SECONDS if idle_seconds is None else idle_seconds
        # a worker even for one job (kilabel service: its own process exports nothing itself)
        self.one_job_too = one_job_too
        self._lock = threading.Lock()
        self._pool: WorkerPool | None = None
        self._key: tuple | None = None
        self._in_use = 0
        self._timer: threading.Timer | None = None
        self._closed = False  # a warm-up still queued when the window closed starts nothing

    def warm(self, jobs: int, identity: Identity | None, tsa_url: str = "") -> None:
        """Have the workers started (they import and make their signer in the background)."""
        with self.use(jobs, identity, tsa_url):
            pass

    @contextmanager
    def use(self, jobs: int, identity: Identity | None, tsa_url: str = "") -> Iterator[WorkerPool | None]:
        """The kept pool for a batch (None for one job, unless one_job_too: the batch's own process
        exports)."""
        jobs = jobs or default_jobs()
        key = (jobs, identity.fingerprint if identity else None, tsa_url)
        with self._lock:
            self._cancel_timer()
            if self._pool is not None and (self._key != key or self._pool.broken) and not self._in_use:
                self._pool.close()
                self._pool = None
            if self._pool is None and (jobs > 1 or self.one_job_too) and not self._closed:
                self._pool, self._key = start_workers(jobs, identity, tsa_url), key
            pool = self._pool if self._key == key else None
            self._in_use += 1
        try:
            yield pool
        finally:
            with self._lock:
                self._in_use -= 1
                if not self._in_use and self._pool is not None:
                    self._timer = threading.Timer(self.idle_seconds, self._close_idle)
                    self._timer.daemon = True
                    self._timer.start()

    @property
    def running(self) -> bool:
        return self._pool is not None

    def worker_pids(self) -> list[int]:
        pool = self._pool
        return [w.proc.pid for w in pool.workers] if pool is not None else []

    def close(self) -> None:
        """End the workers for good (the window closes)."""
        with self._lock:
            self._closed = True
            self._cancel_timer()
            if self._pool is not None:
                self._pool.close()
                self._pool = None

    def _close_idle(self) -> None:
        with self._lock:
            if not self._in_use and self._pool is not None:
                self._pool.close()
                self._pool = None

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None


def start_workers(
    jobs: int, identity: Identity | None, tsa_url: str = "", *, fork: bool = False
) -> WorkerPool:
    """Start `jobs` worker processes now; they import and make their signer in the background.
    Pass the pool to run_batch (as many batches as wanted) and close() it when done.

    `fork` (the command line): on Linux, while this process has a single thread, workers are
    forked from it instead of spawned: they start with everything imported (a worker is ready in
    25 ms, not 150, and two of them no longer take 0.25 s of processor time from a short batch:
    8 × 12 MP 0.79 -> 0.69 s). The window, whose Qt threads a fork would copy mid-lock, always spawns."""
    pool = WorkerPool(jobs, identity, tsa_url)
    pool.fork = fork
    if fork:  # what the workers need, imported here once, for every forked worker to share
        for module in (DEFAULT_WRITER, *LAZY_IMPORTS):
            importlib.import_module(module)
    pool.fill()
    return pool


def _feed(
    pool: WorkerPool, tasks: list[ExportTask], cancel: threading.Event, progress: Progress, done
) -> None:
    """Give the lanes one task at a time, within the memory budget and `jobs` at once, until all
    are done. A lane is a ready worker, or the batch's own process while no worker is ready."""
    pending = collections.deque(tasks)
    budget = int(available_memory() * 0.8) - pool.jobs * image_memory.kept_bytes()
    needs: dict[int, int] = {}  # id(task) -> estimate_bytes, probed once

    def need_of(task: ExportTask) -> int:
        if id(task) not in needs:
            needs[id(task)] = estimate_bytes(task)
        return needs[id(task)]

    while True:
        while pending and not cancel.is_set():
            need = need_of(pending[0])
            busy = pool.busy()
            if len(busy) >= pool.jobs:
                break
            if busy and sum(lane.need for lane in busy) + need > budget:
                break  # a large image waits until memory is free; one always runs
            lane = pool.idle() or pool.local_lane(need)
            if lane is None:
                break
            task = pending.popleft()
            progress.file_started(Path(task.input).name)
            pool.give(lane, task, need)
        if pool.broken:  # no worker can start: the rest is not tried, each file says why
            while pending:
                done(_failed(pending.popleft(), f"not exported: {pool.broken}"))
        if not pool.busy() and (not pending or cancel.is_set()):
            break
        for res in pool.collect(timeout=0.2):
            done(res)


class _Worker:
    """One worker process and the parent's end of its pipe; `task` is the file it holds, `ready`
    says it has imported what a file needs (its first message)."""

    def __init__(self, ctx, identity: Identity | None, tsa_url: str) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(
            target=_worker_main, args=(child, identity, tsa_url), name="kilabel-export", daemon=True
        )
        with _main_module_not_imported():
            self.proc.start()
        child.close()  # only the worker holds its end: either side sees the pipe close when the other dies
        self.task: ExportTask | None = None
        self.need = 0
        self.oom_kills = 0
        self.ready = False
        self.told_to_stop = False

    @property
    def waits_on(self) -> list:
        return [self.conn, self.proc.sentinel]

    def ask_to_stop(self, now: bool) -> None:
        """Tell an idle worker to end (once); a busy one is killed by stop()."""
        if not now and not self.told_to_stop:
            self.told_to_stop = True
            try:
                self.conn.send(None)
            except (OSError, ValueError):
                pass

    def stop(self, now: bool) -> None:
        """Ask the worker to end (or kill it at once) and wait for it."""
        if not now:
            self.ask_to_stop(now)
            self.proc.join(5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(5)
        self.conn.close()


@contextmanager
def _main_module_not_imported() -> Iterator[None]:
    """Start a worker without re-running the program's main script in it: spawn imports the
    parent's __main__ file (the `kilabel-gui` script imports the whole window, Qt and all), which
    a worker never needs: its code is in this module. Packages run with -m are skipped by
    multiprocessing itself."""
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if (
        main is None
        or path is None
        or getattr(main, "__spec__", None) is not None
        or getattr(sys, "frozen", False)
    ):
        yield
        return
    del main.__file__
    try:
        yield
    finally:
        main.__file__ = path


class _Local:
    """The batch's own process as a lane: it exports a file in a thread while no worker is ready
    (start-up off the critical path). `stop` keeps it from renaming anything into place once the
    batch is abandoned."""

    def __init__(self, identity: Identity | None, tsa_url: str) -> None:
        self.identity, self.tsa_url = identity, tsa_url
        self.signer = None
        self.conn, self._send = multiprocessing.Pipe(duplex=False)
        self.task: ExportTask | None = None
        self.need = 0
        self.result: ExportResult | None = None
        self.thread: threading.Thread | None = None
        self.stop = threading.Event()

    @property
    def waits_on(self) -> list:
        return [self.conn]

    def give(self, task: ExportTask, need: int) -> None:
        self.task, self.need, self.result = task, need, None
        self.thread = threading.Thread(
            target=self._run, args=(task,), name="kilabel-export-local", daemon=True
        )
        self.thread.start()

    def _run(self, task: ExportTask) -> None:
        try:
            if self.signer is None and self.identity is not None and task.profile.write_c2pa:
                from kilabel.pipeline import c2pa_sign

                self.signer = c2pa_sign.make_signer(self.identity, self.tsa_url)
            self.result = export_one(task, self.identity, self.signer, self.tsa_url, stop=self.stop)
        except Exception as exc:  # export_one reports a bad file itself; this is anything else
            self.result = _failed(task, f"{type(exc).__name__}: {exc}")
        finally:
            self._send.send(True)

    def take(self) -> ExportResult | None:
        """The finished file's result (None while it runs); the lane is free again."""
        if self.task is None or not self.conn.poll():
            return None
        self.conn.recv()
        if self.thread is not None:
            self.thread.join()
        res, self.task, self.need, self.thread = self.result, None, 0, None
        return res

    def abandon(self) -> ExportResult | None:
        """Stop: the file in hand is not renamed into place unless it was already; its result."""
        if self.task is None:
            return None
        self.stop.set()
        if self.thread is not None:
            self.thread.join()
        return self.take()


class WorkerPool:
    """Up to `jobs` worker processes, started at once and replaced when one dies, and the batch's
    own process as a lane while none is ready."""

    def __init__(self, jobs: int, identity: Identity | None, tsa_url: str) -> None:
        self.ctx = multiprocessing.get_context("spawn")
        self.fork = False  # set by start_workers(fork=True)
        self.jobs, self.identity, self.tsa_url = jobs, identity, tsa_url
        self.workers: list[_Worker] = []
        self.local = _Local(identity, tsa_url)
        self.deaths_in_a_row = 0  # workers that died since the last result
        self.broken = ""  # why no more workers are started

    def fill(self) -> None:
        """Start workers up to `jobs` (none once they keep dying)."""
        while not self.broken and len(self.workers) < self.jobs:
            self.workers.append(_Worker(self._context(), self.identity, self.tsa_url))

    def _context(self):
        """How the next worker starts: forked where asked for and safe (Linux, this process has no
        other thread that could hold a lock the child would wait on forever), else spawned."""
        if self.fork and sys.platform.startswith("linux") and threading.active_count() == 1:
            return multiprocessing.get_context("fork")
        return self.ctx

    def wait_ready(self, timeout: float) -> bool:
        """Wait until every worker has started (imported, signer made), at most `timeout` seconds;
        whether they all have. Only between batches."""
        deadline = time.monotonic() + timeout
        while not all(w.ready for w in self.workers) and time.monotonic() < deadline:
            starting = [w for w in self.workers if not w.ready]
            ready = set(
                multiprocessing.connection.wait(
                    [c for w in starting for c in w.waits_on], max(0.0, deadline - time.monotonic())
                )
            )
            for w in starting:
                if w.conn in ready or w.proc.sentinel in ready:
                    self._starting(w)
            self.fill()
        return bool(self.workers) and all(w.ready for w in self.workers)

    @contextmanager
    def batch(self) -> Iterator[WorkerPool]:
        """One batch on this pool. After an error or Ctrl+C, files in flight are abandoned: their
        workers are killed before they rename anything more into place, and their temporary
        files are removed; idle workers stay for the next batch."""
        self.broken, self.deaths_in_a_row = "", 0
        self.local.stop.clear()
        self.fill()
        try:
            yield self
        except BaseException:
            self._end(abandon=True)
            raise
        self._end(abandon=False)

    def _end(self, abandon: bool) -> None:
        held = [w for w in self.workers if w.task is not None]
        folders = {Path(w.task.out_dir) for w in held if w.task is not None}
        if self.local.task is not None:
            self.local.abandon()
        for w in held if not abandon else list(self.workers):
            w.stop(now=True)
            self.workers.remove(w)
        for folder in folders:
            tempfiles.cleanup_stale(folder)

    def close(self) -> None:
        """End every worker (those holding a file at once)."""
        if self.local.task is not None:
            self.local.abandon()
        folders = {Path(w.task.out_dir) for w in self.workers if w.task is not None}
        for w in self.workers:  # all are told first, then waited for: they end side by side
            w.ask_to_stop(now=w.task is not None)
        for w in self.workers:
            w.stop(now=w.task is not None)
        for folder in folders:
            tempfiles.cleanup_stale(folder)
        self.workers.clear()

    def abandon(self) -> list[ExportResult]:
        """Kill the busy workers at once; the results they sent before are returned all the same."""
        out = []
        for w in [w for w in self.workers if w.task is not None]:
            w.proc.kill()
            w.proc.join(5)
            res = self._receive(w)
            if res is not None:
                out.append(res)
                w.task = None
        res = self.local.abandon()
        if res is not None:
            out.append(res)
        return out

    def busy(self) -> list:
        lanes: list = [w for w in self.workers if w.task is not None]
        return lanes + [self.local] if self.local.task is not None else lanes

    def idle(self) -> _Worker | None:
        """A ready, idle, living worker; None if none is (dead idle ones are replaced, and when
        workers keep dying without a single result, `broken` says why)."""
        for w in list(self.workers):
            if w.task is None and not w.proc.is_alive():  # died while idle or starting: replace it
                self.workers.remove(w)
                w.stop(now=True)
                self._count_death(w.proc.exitcode)
        self.fill()
        return next((w for w in self.workers if w.ready and w.task is None), None)

    def local_lane(self, need: int) -> _Local | None:
        """The batch's own process, when it is free, no worker is ready, a processor is left over
        by the workers starting and the files in flight (else it only slows their start: measured
        on two cores with two workers, 5-10 % longer batches), and the file is small enough to
        risk in it (LOCAL_MAX_BYTES)."""
        if self.local.task is not None or need > LOCAL_MAX_BYTES:
            return None
        if any(w.ready and w.task is None for w in self.workers):
            return None
        starting = sum(1 for w in self.workers if not w.ready)
        if starting + len(self.busy()) >= cores():
            return None
        return self.local

    def give(self, lane, task: ExportTask, need: int) -> None:
        if lane is self.local:
            self.local.give(task, need)
            return
        lane.task, lane.need, lane.oom_kills = task, need, oom_kills()
        try:
            lane.conn.send((id(task), task))
        except (OSError, ValueError):  # the worker is gone already: collect() reports it
            pass

    def collect(self, timeout: float) -> Iterator[ExportResult]:
        """Results of the lanes that finished (or died) within `timeout` seconds, one at a time
        (a result not taken yet stays in its pipe: abandon() still finds it); workers that became
        ready are marked so."""
        watched = [w for w in self.workers if w.task is not None or not w.ready]
        waits = [c for w in watched for c in w.waits_on]
        if self.local.task is not None:
            waits += self.local.waits_on
        if not waits:
            return
        ready = set(multiprocessing.connection.wait(waits, timeout))
        if self.local.conn in ready:
            res = self.local.take()
            if res is not None:
                yield res
        for w in watched:
            if w.conn not in ready and w.proc.sentinel not in ready:
                continue
            if not w.ready:
                self._starting(w)
                continue
            res = self._receive(w)
            if res is None:  # no result: the worker died holding this file
                res = self._died(w)
            else:
                self.deaths_in_a_row = 0
            w.task, w.need = None, 0
            yield res

    def _starting(self, w: _Worker) -> None:
        """A starting worker said it is ready, or died before it was."""
        try:
            if w.conn.poll() and w.conn.recv()[0] == READY:
                w.ready = True
                return
        except (EOFError, OSError):
            pass
        if not w.proc.is_alive() or w.proc.exitcode is not None:
            w.proc.join(1)
            self.workers.remove(w)
            w.stop(now=True)
            self._count_death(w.proc.exitcode)

    def _count_death(self, exitcode: int | None) -> None:
        self.deaths_in_a_row += 1
        if self.deaths_in_a_row > self.jobs + 2:
            self.broken = f"the worker processes keep dying ({death_reason(exitcode, 0, False)})"

    @staticmethod
    def _receive(w: _Worker) -> ExportResult | None:
        try:
            if w.conn.poll():
                key, res = w.conn.recv()
                if key == id(w.task):
                    return res
        except (EOFError, OSError):
            pass
        return None

    def _died(self, w: _Worker) -> ExportResult:
        task = w.task
        assert task is not None
        w.stop(now=True)
        self.workers.remove(w)
        self._count_death(w.proc.exitcode)
        tempfiles.cleanup_stale(Path(task.out_dir))  # its process is gone: its temporary files go too
        return _failed(task, death_reason(w.proc.exitcode, w.need, oom_kills() > w.oom_kills))


def death_reason(exitcode: int | None, need: int, oom_killed: bool) -> str:
    """Why a worker ended without a result, in one phrase: its signal or exit code, and "out of
    memory" when the kernel's out-of-memory killer struck meanwhile."""
    if exitcode is None:
        what = "the worker process stopped answering"
    elif exitcode < 0:
        try:
            name = f" ({signal.Signals(-exitcode).name})"
        except ValueError:
            name = ""
        what = f"the worker process died: signal {-exitcode}{name}"
    else:
        what = f"the worker process died: exit code {exitcode}"
    if oom_killed:
        what += f"; likely out of memory (this image needs about {need >> 20} MB)"
    return what


def oom_kills() -> int:
    """How many processes the kernel's out-of-memory killer has ended so far: in this process's
    memory cgroup where one counts (v2 memory.events, v1 memory.oom_control), else on the whole
    machine (/proc/vmstat); 0 where nobody counts (not Linux)."""
    files = []
    try:
        with open("/proc/self/cgroup", encoding="ascii") as f:
            for line in f:
                _, controllers, path = line.rstrip("\n").split(":", 2)
                if controllers == "":
                    files.append(Path("/sys/fs/cgroup", path.lstrip("/"), "memory.events"))
                elif "memory" in controllers.split(","):
                    files.append(Path("/sys/fs/cgroup/memory", path.lstrip("/"), "memory.oom_control"))
    except (OSError, ValueError):
        pass
    for path in [*files, Path("/proc/vmstat")]:
        try:
            for row in path.read_text(encoding="ascii").splitlines():
                if row.startswith("oom_kill "):
                    return int(row.split()[1])
        except (OSError, ValueError):
            continue
    return 0
