"""Batch engine shared by the CLI and the GUI: worker processes (spawn), one result per task,
cooperative cancel (no new file starts; files in flight finish), progress through a protocol."""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
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

    ctx = multiprocessing.get_context("spawn")
    pending = list(reversed(tasks))
    running: dict[Future, tuple[ExportTask, int]] = {}
    budget = int(available_memory() * 0.8)
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=ctx, initializer=_init_worker, initargs=(identity, tsa_url)
    ) as pool:
        while pending or running:
            while pending and len(running) < jobs and not cancel.is_set():
                need = estimate_bytes(pending[-1])
                in_use = sum(n for _, n in running.values())
                if running and in_use + need > budget:
                    break  # a large image waits until memory is free; one always runs
                task = pending.pop()
                progress.file_started(Path(task.input).name)
                running[pool.submit(_run_in_worker, task)] = (task, need)
            if not running:
                break
            finished, _ = wait(running, timeout=0.2, return_when=FIRST_COMPLETED)
            for fut in finished:
                task, _ = running.pop(fut)
                try:
                    res = fut.result()
                except Exception as exc:  # a worker that died (out of memory, killed)
                    res = ExportResult(
                        input=task.input,
                        profile_id=task.profile.id,
                        error=f"{task.input}: worker failed: {type(exc).__name__}: {exc}",
                    )
                done(res)
    progress.finish()
    return results, cancel.is_set()
