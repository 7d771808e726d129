"""Batch engine shared by the CLI and the GUI: worker processes (spawn), one result per task,
cooperative cancel (no new file starts; files in flight finish), progress through a protocol.

Workers are our own, one pipe each (not a ProcessPoolExecutor), so the batch always knows which
file each worker holds. A worker that dies (killed, out of memory) fails that one file with a
plain line; its temporary files are removed, a new worker takes its place and the batch goes on.
Workers end with the batch's process: on Linux the kernel kills them when it dies
(PR_SET_PDEATHSIG), everywhere a watchdog waits on the parent's sentinel, and an idle worker
sees its pipe close. A file a worker renamed into place just before the batch's process died
never reached the register; the register's Recorder records it on the next run.
"""

from __future__ import annotations

import _thread
import collections
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kilabel import tempfiles
from kilabel.export.one import export_one
from kilabel.export.task import ExportResult, ExportTask
from kilabel.keys import Identity
from kilabel.progress import NullProgress, Progress

_worker_signer = None
_worker_identity: Identity | None = None
_worker_tsa = ""


def _init_worker(identity: Identity | None, tsa_url: str) -> None:
    global _worker_signer, _worker_identity, _worker_tsa
    _worker_identity, _worker_tsa = identity, tsa_url
    _worker_signer = None  # made lazily, inside this process


def _run_in_worker(task: ExportTask) -> ExportResult:
    global _worker_signer
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
    _init_worker(identity, tsa_url)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
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


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)


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
) -> tuple[list[ExportResult], bool]:
    """Run the tasks; returns (results in completion order, cancelled)."""
    tasks = list(tasks)
    progress = progress or NullProgress()
    cancel = cancel or threading.Event()
    jobs = min(jobs or default_jobs(), max(1, len(tasks)))
    results: list[ExportResult] = []
    for folder in {Path(t.out_dir) for t in tasks}:
        tempfiles.cleanup_stale(folder)
    progress.start(len(tasks))

    def done(res: ExportResult) -> None:
        results.append(res)
        if on_result:
            on_result(res)
        progress.file_done(Path(res.input).name, res.ok, res.error or res.output)

    if jobs == 1:
        _init_worker(identity, tsa_url)
        for task in tasks:
            if cancel.is_set():
                break
            progress.file_started(Path(task.input).name)
            done(_run_in_worker(task))
        progress.finish()
        return results, cancel.is_set()

    with _Workers(jobs, identity, tsa_url) as pool:
        try:
            _feed(pool, tasks, cancel, progress, done)
        except BaseException:  # Ctrl+C, or an error in a callback: nothing more is renamed into place,
            for res in pool.abandon():  # and what the workers did finish is still recorded
                done(res)
            raise
    progress.finish()
    return results, cancel.is_set()


def _feed(pool: _Workers, tasks: list[ExportTask], cancel: threading.Event, progress: Progress, done) -> None:
    """Give the workers one task at a time, within the memory budget, until all are done."""
    pending = collections.deque(tasks)
    budget = int(available_memory() * 0.8)
    while pending or pool.busy():
        while pending and not cancel.is_set():
            need = estimate_bytes(pending[0])
            in_use = sum(w.need for w in pool.busy())
            if pool.busy() and in_use + need > budget:
                break  # a large image waits until memory is free; one always runs
            worker = pool.idle()
            if worker is None:
                break
            task = pending.popleft()
            progress.file_started(Path(task.input).name)
            pool.give(worker, task, need)
        if pool.broken:  # no worker can start: the rest is not tried, each file says why
            while pending:
                done(_failed(pending.popleft(), f"not exported: {pool.broken}"))
        if not pool.busy():
            break
        for res in pool.collect(timeout=0.2):
            done(res)


class _Worker:
    """One worker process and the parent's end of its pipe; `task` is the file it holds."""

    def __init__(self, ctx, identity: Identity | None, tsa_url: str) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(
            target=_worker_main, args=(child, identity, tsa_url), name="kilabel-export", daemon=True
        )
        self.proc.start()
        child.close()  # only the worker holds its end: either side sees the pipe close when the other dies
        self.task: ExportTask | None = None
        self.need = 0
        self.oom_kills = 0

    def stop(self, now: bool) -> None:
        """Ask the worker to end (or kill it at once) and wait for it."""
        if not now:
            try:
                self.conn.send(None)
            except (OSError, ValueError):
                pass
            self.proc.join(5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(5)
        self.conn.close()


class _Workers:
    """Up to `jobs` worker processes, started when needed and replaced when one dies."""

    def __init__(self, jobs: int, identity: Identity | None, tsa_url: str) -> None:
        self.ctx = multiprocessing.get_context("spawn")
        self.jobs, self.identity, self.tsa_url = jobs, identity, tsa_url
        self.workers: list[_Worker] = []
        self.deaths_in_a_row = 0  # workers that died since the last result
        self.broken = ""  # why no more workers are started

    def __enter__(self) -> _Workers:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        # After an error or Ctrl+C, files in flight are abandoned: their workers are killed before
        # they rename anything more into place, and their temporary files are removed.
        abandon = exc_type is not None
        folders = {Path(w.task.out_dir) for w in self.workers if w.task is not None}
        for w in self.workers:
            w.stop(now=abandon or w.task is not None)
        for folder in folders:
            tempfiles.cleanup_stale(folder)
        self.workers.clear()

    def abandon(self) -> list[ExportResult]:
        """Kill the busy workers at once; the results they sent before are returned all the same."""
        out = []
        for w in self.busy():
            w.proc.kill()
            w.proc.join(5)
            res = self._receive(w)
            if res is not None:
                out.append(res)
                w.task = None
        return out

    def busy(self) -> list[_Worker]:
        return [w for w in self.workers if w.task is not None]

    def idle(self) -> _Worker | None:
        """An idle, living worker; a new one while there are fewer than `jobs`; None if none is
        free, or when workers keep dying without a single result (then `broken` says why)."""
        for w in list(self.workers):
            if w.task is None and not w.proc.is_alive():  # died while idle: replace it
                self.workers.remove(w)
                w.stop(now=True)
                self._count_death(w.proc.exitcode)
        if self.broken:
            return None
        for w in self.workers:
            if w.task is None:
                return w
        if len(self.workers) < self.jobs:
            w = _Worker(self.ctx, self.identity, self.tsa_url)
            self.workers.append(w)
            return w
        return None

    def give(self, worker: _Worker, task: ExportTask, need: int) -> None:
        worker.task, worker.need, worker.oom_kills = task, need, oom_kills()
        try:
            worker.conn.send((id(task), task))
        except (OSError, ValueError):  # the worker is gone already: collect() reports it
            pass

    def collect(self, timeout: float) -> Iterator[ExportResult]:
        """Results of the workers that finished (or died) within `timeout` seconds, one at a time
        (a result not taken yet stays in its pipe: abandon() still finds it)."""
        busy = self.busy()
        ready = set(
            multiprocessing.connection.wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], timeout)
        )
        for w in busy:
            if w.conn not in ready and w.proc.sentinel not in ready:
                continue
            res = self._receive(w)
            if res is None:  # no result: the worker died holding this file
                res = self._died(w)
            else:
                self.deaths_in_a_row = 0
            w.task, w.need = None, 0
            yield res

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
