"""One export: plan it (load the input, take over its C2PA manifest as parent, merge provenance,
give it a register id, word the label, name the output), then hand the plan to the writer of the
output's kind: a raster file (raster) or a print PDF (print_pdf).

`export_one` is a plain function of picklable arguments so that worker processes can run it.
"""

from __future__ import annotations

import dataclasses
import importlib
import os
import re
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kilabel.errors import ExportError, InputError
from kilabel.export.task import (
    ExportResult,
    ExportTask,
    Plan,
    already_done,
    existing_output,
    label_warnings,
    new_register_id,
    planned_output,
)
from kilabel.keys import Identity
from kilabel.pipeline import c2pa_sign, outcome
from kilabel.pipeline.image_load import MIME, load, warnings_as_notes

# The writer of each output kind, imported on first use (a worker exporting JPEGs never loads the PDF code).
WRITERS = {"pdf": "kilabel.export.print_pdf"}
DEFAULT_WRITER = "kilabel.export.raster"


def writer_for(fmt: str) -> Callable[[Plan], None]:
    return importlib.import_module(WRITERS.get(fmt, DEFAULT_WRITER)).write


# What C libraries print straight onto stderr while a file is worked on (libtiff inside Pillow,
# which names Pillow's stream "tempfile.tif", never the file), in plain words: (lower-case words,
# note). The first match wins; a line that matches none is passed on as it is.
_NATIVE_LINES = (
    (
        ("write error", "error writing", "io error", "cannot write", "no space"),
        "the TIFF data could not be written completely",
    ),
    (
        ("not yet in table", "corrupt", "decod", "read error", "premature", "bad code", "not enough data"),
        "part of the image data is damaged",
    ),
)


def native_notes(lines: list[str], failed: bool) -> list[str]:
    """Plain notes for the lines C libraries printed about one file. When the file failed, the
    lines its error line already explains (damaged data, a failed write) are left out."""
    notes: list[str] = []
    for line in lines:
        text = re.sub(r"^tempfile\.tif:\s*", "", " ".join(line.split()))
        if not text:
            continue
        low = text.lower()
        known = next((plain for words, plain in _NATIVE_LINES if any(w in low for w in words)), None)
        note = (None if failed else known) if known else f"the image library reported: {text}"
        if note and note not in notes:
            notes.append(note)
    return notes


def _stderr_is_ours() -> bool:
    """fd 2 belongs to the whole process: take it over only where no other thread can write there
    meanwhile (a batch worker process, the command line's single file), never in the window's
    export thread."""
    return threading.current_thread() is threading.main_thread() and threading.active_count() == 1


def _flush_stderr() -> None:
    try:
        if sys.stderr is not None:
            sys.stderr.flush()
    except (OSError, ValueError):
        pass


@contextmanager
def _native_stderr(lines: list[str]) -> Iterator[None]:
    """Collect what is written onto fd 2 inside (C libraries print there directly) into `lines`,
    when this process may (see _stderr_is_ours); otherwise leave fd 2 alone."""
    saved, spool = None, None
    if _stderr_is_ours():
        try:
            spool = tempfile.TemporaryFile()
            _flush_stderr()
            saved = os.dup(2)
            os.dup2(spool.fileno(), 2)
        except (OSError, ValueError):  # no fd 2 (a windowed app), no temporary folder: leave it
            if saved is not None:
                os.close(saved)
                saved = None
    try:
        yield
    finally:
        if saved is not None:
            _flush_stderr()
            os.dup2(saved, 2)
            os.close(saved)
            spool.seek(0)
            lines.extend(spool.read(64 << 10).decode("utf-8", "replace").splitlines())
        if spool is not None:
            spool.close()


@contextmanager
def file_noise(result: ExportResult) -> Iterator[None]:
    """What is said about one file on the side becomes that file's warnings, in plain words:
    Python warnings (Pillow's about damaged metadata …) and the lines C libraries print onto
    stderr. Put it around outcome.per_file, so that `result.error` is set when the lines are judged."""
    lines: list[str] = []
    try:
        with _native_stderr(lines), warnings_as_notes(result.warnings):
            yield
    finally:
        for note in native_notes(lines, failed=bool(result.error)):
            if note not in result.warnings:
                result.warnings.append(note)


def export_one(
    task: ExportTask,
    identity: Identity | None,
    signer=None,
    tsa_url: str = "",
    *,
    stop: threading.Event | None = None,
) -> ExportResult:
    """Export one input with one profile. Never raises for a bad file: the error is in the result.

    `stop` (the batch's own process exporting in a thread, see engine): once set, the output is
    not renamed into place (a worker process is killed instead; a thread cannot be)."""
    started = time.perf_counter()
    src = Path(task.input)
    result = ExportResult(input=str(src), profile_id=task.profile.id)
    with file_noise(result), outcome.per_file(result, src, task.out_dir) as temps:
        if (task.skip_existing and already_done(task)) or (
            task.existing == "skip" and existing_output(task) is not None
        ):
            result.skipped, result.output = True, str(planned_output(task))
            result.seconds = time.perf_counter() - started
            return result
        plan = plan_export(task, result, temps)
        plan.identity, plan.signer, plan.tsa_url = identity, signer, tsa_url
        if stop is not None:
            plan.commit = _unless_stopped(plan.commit, stop, src)
        writer_for(plan.fmt)(plan)
    result.seconds = time.perf_counter() - started
    return result


def _unless_stopped(commit: Callable, stop: threading.Event, src: Path) -> Callable:
    def guarded(*args, **kwargs):
        if stop.is_set():
            raise ExportError(f"{src}: not written: the batch was stopped")
        return commit(*args, **kwargs)

    return guarded


def plan_export(task: ExportTask, result: ExportResult, temps: list[Path]) -> Plan:
    """Load the input and decide everything but the pixels (warnings go into `result`)."""
    src = Path(task.input)
    loaded = load(src, task.max_megapixels)
    result.warnings.extend(loaded.notes)
    in_c2pa = c2pa_sign.read(src, MIME[loaded.format])
    parent = None
    prov = task.provenance
    if in_c2pa.state in ("valid", "trusted", "invalid"):
        prov = c2pa_sign.input_provenance(in_c2pa).merged(task.provenance)
        parent = (src, MIME[loaded.format])
        if in_c2pa.state == "invalid":
            result.warnings.append("the input's C2PA manifest is invalid; it is kept as parent and marked so")
    if not prov.source_type:
        raise InputError(f"{src}: no source type (give --source-type or a provenance file)")
    prov = dataclasses.replace(prov, register_id=prov.register_id or new_register_id())
    result.register_id = prov.register_id
    result.warnings.extend(label_warnings(task.preset, prov))
    text = task.preset.wording(task.language, prov.as_fields())
    result.label_text, result.position = text, task.preset.placement.position
    fmt = task.profile.output_format(loaded.format)
    return Plan(task, loaded, prov, text, fmt, planned_output(task, loaded.format), parent, result, temps)
