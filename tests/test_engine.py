"""The batch engine: parallel workers, memory budget, cancel, one result per task."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from conftest import photo

from kilabel import keys, presets, profiles, settings
from kilabel.export import engine, image_memory
from kilabel.export.task import ExportTask
from kilabel.provenance import Provenance

PROV = Provenance(source_type="trainedAlgorithmicMedia", ai_system="Midjourney")


class Recorder:
    def __init__(self, cancel_after: int | None = None, cancel: threading.Event | None = None):
        self.in_flight = self.max_in_flight = self.done = 0
        self.cancel_after, self.cancel = cancel_after, cancel

    def start(self, total):
        self.total = total

    def file_started(self, name):
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def file_done(self, name, ok, message):
        self.in_flight -= 1
        self.done += 1
        if self.cancel_after and self.done >= self.cancel_after:
            self.cancel.set()

    def finish(self):
        pass


def tasks_for(tmp_path: Path, n: int, size=(900, 600)) -> list[ExportTask]:
    folder = tmp_path / "in"
    folder.mkdir()
    out = []
    for i in range(n):
        p = folder / f"b{i}.jpg"
        photo(size, i).save(p)
        out.append(
            ExportTask(
                str(p), str(tmp_path / "out"), presets.get("ki-generiert"), profiles.SAME_AS_INPUT, PROV
            )
        )
    return out


def identity():
    return keys.ensure(settings.load().keys_path, "Test")[0]


def test_parallel_workers_and_memory_budget(tmp_path, monkeypatch):
    tasks = tasks_for(tmp_path, 6)
    pool = engine.start_workers(2, identity())
    try:
        assert pool.wait_ready(120), "both workers started"
        rec = Recorder()
        results, cancelled = engine.run_batch(tasks, identity(), jobs=2, progress=rec, pool=pool)
        assert not cancelled and len(results) == 6 and all(r.ok for r in results)
        assert rec.max_in_flight == 2, "two workers run at once"
        # with memory for one image only, large images are started one at a time
        monkeypatch.setattr(engine, "available_memory", lambda: int(engine.estimate_bytes(tasks[0]) * 1.2))
        rec = Recorder()
        for t in tasks:
            t.overwrite = True
        results, _ = engine.run_batch(tasks, identity(), jobs=2, progress=rec, pool=pool)
        assert len(results) == 6 and all(r.ok for r in results)
        assert rec.max_in_flight == 1
    finally:
        pool.close()


def test_first_files_start_in_the_batch_process_while_workers_import(tmp_path, monkeypatch):
    tasks = tasks_for(tmp_path, 4)
    monkeypatch.setattr(engine, "cores", lambda: 8)  # a processor to spare while two workers start
    local = []
    give = engine._Local.give
    monkeypatch.setattr(
        engine._Local, "give", lambda self, task, need: (local.append(task), give(self, task, need))
    )
    rec = Recorder()
    results, cancelled = engine.run_batch(tasks, identity(), jobs=2, progress=rec)
    assert not cancelled and sorted(r.input for r in results) == sorted(t.input for t in tasks)
    assert all(r.ok for r in results), [r.error for r in results]
    assert local and local[0] is tasks[0], "the first file did not wait for a worker to import"
    assert rec.max_in_flight <= 2, "the batch's own process is one of the jobs"


@pytest.mark.parametrize("cores,local_max", [(8, 0), (2, 1 << 40)])
def test_files_run_in_the_batch_process_only_when_small_and_a_core_is_free(
    tmp_path, monkeypatch, cores, local_max
):
    """Above LOCAL_MAX_BYTES a file always waits for a worker (if memory runs out, only a worker
    dies); with no processor left over by the starting workers, every file waits for one."""
    tasks = tasks_for(tmp_path, 3)
    monkeypatch.setattr(engine, "cores", lambda: cores)
    monkeypatch.setattr(engine, "LOCAL_MAX_BYTES", local_max)

    def not_here(*args, **kwargs):
        raise AssertionError("exported in the batch's own process")

    monkeypatch.setattr(engine, "export_one", not_here)  # the workers import the real one
    results, _ = engine.run_batch(tasks, identity(), jobs=2)
    assert len(results) == 3 and all(r.ok for r in results), [r.error for r in results]


def test_a_started_pool_stays_warm_across_batches(tmp_path):
    tasks = tasks_for(tmp_path, 4)
    pool = engine.start_workers(2, identity())
    try:
        assert pool.wait_ready(120)
        pids = {w.proc.pid for w in pool.workers}
        first, _ = engine.run_batch(tasks[:2], identity(), jobs=2, pool=pool)
        second, _ = engine.run_batch(tasks[2:], identity(), jobs=2, pool=pool)
        assert all(r.ok for r in first + second) and len(first + second) == 4
        assert {w.proc.pid for w in pool.workers} == pids, "the same workers did both batches"
        procs = [w.proc for w in pool.workers]
    finally:
        pool.close()
    assert pool.workers == [] and not any(p.is_alive() for p in procs)


def test_stopped_export_renames_nothing_into_place(tmp_path):
    from kilabel.export.one import export_one

    task = tasks_for(tmp_path, 1)[0]
    stop = threading.Event()
    stop.set()
    res = export_one(task, identity(), stop=stop)
    assert "not written" in res.error and "b0.jpg" in res.error
    assert list((tmp_path / "out").iterdir()) == [], "no output and no temporary file"


def test_workers_do_not_run_the_programs_main_script(tmp_path):
    """A worker imports what a file needs, not the script that started the batch (the window's
    `kilabel-gui` script would import Qt into every worker)."""
    import subprocess
    import sys

    tasks_for(tmp_path, 2)
    marker = tmp_path / "imported"
    script = tmp_path / "run.py"
    script.write_text(
        f"""
from pathlib import Path
if __name__ != "__main__":
    Path({str(marker)!r}).write_text(__name__)
from kilabel import keys, presets, profiles, settings
from kilabel.export import engine, image_memory
from kilabel.export.task import ExportTask
from kilabel.provenance import Provenance

if __name__ == "__main__":
    prov = Provenance(source_type="trainedAlgorithmicMedia")
    tasks = [
        ExportTask(str(p), {str(tmp_path / "out")!r}, presets.get("ki-generiert"), profiles.SAME_AS_INPUT, prov)
        for p in sorted(Path({str(tmp_path / "in")!r}).iterdir())
    ]
    ident = keys.ensure(settings.load().keys_path, "Test")[0]
    pool = engine.start_workers(2, ident)
    assert pool.wait_ready(120)  # each worker has started up, the main script was its to run or not
    results, _ = engine.run_batch(tasks, ident, jobs=2, pool=pool)
    pool.close()
    assert len(results) == 2 and all(r.ok for r in results), [r.error for r in results]
"""
    )
    r = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert not marker.exists(), f"a worker ran the script as {marker.read_text()}"


def test_estimate_counts_print_size_and_cmyk(tmp_path):
    task = tasks_for(tmp_path, 1, (300, 200))[0]
    small = engine.estimate_bytes(task)
    assert small >= engine.WORKER_BASE + 300 * 200 * 8
    poster = profiles.ExportProfile(
        id="a1", format="tiff", width_mm=594, height_mm=841, dpi=300, color="cmyk"
    )
    task.profile = poster
    big = engine.estimate_bytes(task)
    assert big > 7016 * 9933 * 12 * 0.9, "an A1 CMYK poster is estimated at its output size"


def test_cancel_starts_no_new_file(tmp_path):
    tasks = tasks_for(tmp_path, 8)
    cancel = threading.Event()
    rec = Recorder(cancel_after=1, cancel=cancel)
    results, cancelled = engine.run_batch(tasks, identity(), jobs=1, progress=rec, cancel=cancel)
    assert cancelled and len(results) == 1
    outs = list((tmp_path / "out").iterdir())
    assert [p.name for p in outs] == ["b0.jpg"], "no other file started, nothing half-written"


def test_a_batch_keeps_pillows_freed_blocks_for_the_next_image_and_gives_them_back(tmp_path):
    """Without Pillow's block cache every image's pages are faulted in afresh (issue 18: 13 % of a
    --jobs 1 batch of 24 MP files); the batch's own process keeps blocks only while it runs."""
    from PIL import Image

    before = Image.core.get_blocks_max()
    during = []
    results, _ = engine.run_batch(
        tasks_for(tmp_path, 2),
        identity(),
        jobs=1,
        on_result=lambda res: during.append(Image.core.get_blocks_max()),
    )
    assert all(r.ok for r in results) and during == [max(before, image_memory.KEPT_BLOCKS)] * 2
    assert Image.core.get_blocks_max() == before
    assert Image.core.get_stats()["blocks_cached"] <= before, "the kept blocks were given back"


def test_the_command_line_forks_its_workers_on_linux_and_never_beside_another_thread(tmp_path):
    """start_workers(fork=True) (the command line): forked, everything already imported, while the
    process has one thread; spawned once another thread runs (a fork would copy its locks) and
    always without fork=True (the window). Checked in a fresh interpreter: pytest's own threads
    would decide it here."""
    import subprocess
    import sys

    script = """
import threading, time
from kilabel.export import engine
def kinds(fork):
    pool = engine.start_workers(2, None, fork=fork)
    try:
        assert pool.wait_ready(60), "workers did not start"
        return sorted(type(w.proc).__name__ for w in pool.workers)
    finally:
        pool.close()
print(kinds(True), kinds(False))
stop = threading.Event()
threading.Thread(target=stop.wait, daemon=True).start()
print(kinds(True))
stop.set()
"""
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    if sys.platform.startswith("linux"):
        assert lines[0] == "['ForkProcess', 'ForkProcess'] ['SpawnProcess', 'SpawnProcess']", lines
    else:
        assert lines[0] == "['SpawnProcess', 'SpawnProcess'] ['SpawnProcess', 'SpawnProcess']", lines
    assert lines[1] == "['SpawnProcess', 'SpawnProcess']", lines


def test_a_kept_pool_is_reused_restarted_on_a_new_identity_and_ends_when_idle(tmp_path):
    """KeptPool (the window's warm workers): the same processes for the same identity, new ones
    for another, none after close() (a warm-up still queued then starts nothing), and the workers
    end by themselves after the idle time."""
    import time

    from kilabel import keys

    first = identity()
    other = keys.ensure(tmp_path / "other-keys", "Andere")[0]
    kept = engine.KeptPool(idle_seconds=600)
    try:
        kept.warm(2, first)
        with kept.use(2, first) as pool:
            pids = {w.proc.pid for w in pool.workers}
        with kept.use(2, first) as pool:
            assert {w.proc.pid for w in pool.workers} == pids, "reused"
        with kept.use(2, other) as pool:
            assert pool is not None and not pids & {w.proc.pid for w in pool.workers}, "restarted"
            procs = [w.proc for w in pool.workers]
        with kept.use(1, other) as pool:
            assert pool is None and not any(p.is_alive() for p in procs), "one job: no workers kept"
    finally:
        kept.close()
    kept.warm(2, first)
    assert not kept.running, "nothing starts after close()"
    idle = engine.KeptPool(idle_seconds=0.2)
    idle.warm(2, first)
    with idle.use(2, first) as pool:
        procs = [w.proc for w in pool.workers]
    deadline = time.monotonic() + 30
    while idle.running and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not idle.running and not any(p.is_alive() for p in procs), "ended after the idle time"
