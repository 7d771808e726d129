"""The batch engine: parallel workers, memory budget, cancel, one result per task."""

from __future__ import annotations

import threading
from pathlib import Path

from conftest import photo

from kilabel import keys, presets, profiles, settings
from kilabel.export import engine
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
    rec = Recorder()
    results, cancelled = engine.run_batch(tasks, identity(), jobs=2, progress=rec)
    assert not cancelled and len(results) == 6 and all(r.ok for r in results)
    assert rec.max_in_flight == 2, "two workers run at once"
    # with memory for one image only, large images are started one at a time
    monkeypatch.setattr(engine, "available_memory", lambda: int(engine.estimate_bytes(tasks[0]) * 1.2))
    rec = Recorder()
    for t in tasks:
        t.overwrite = True
    results, _ = engine.run_batch(tasks, identity(), jobs=2, progress=rec)
    assert len(results) == 6 and all(r.ok for r in results)
    assert rec.max_in_flight == 1


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
