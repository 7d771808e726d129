"""One export: plan it (load the input, take over its C2PA manifest as parent, merge provenance,
give it a register id, word the label, name the output), then hand the plan to the writer of the
output's kind: a raster file (raster) or a print PDF (print_pdf).

`export_one` is a plain function of picklable arguments so that worker processes can run it.
"""

from __future__ import annotations

import dataclasses
import importlib
import time
from collections.abc import Callable
from pathlib import Path

from kilabel.errors import InputError
from kilabel.export.task import (
    ExportResult,
    ExportTask,
    Plan,
    already_done,
    label_warnings,
    new_register_id,
    planned_output,
)
from kilabel.keys import Identity
from kilabel.pipeline import c2pa_sign, outcome
from kilabel.pipeline.image_load import MIME, load

# The writer of each output kind, imported on first use (a worker exporting JPEGs never loads the PDF code).
WRITERS = {"pdf": "kilabel.export.print_pdf"}
DEFAULT_WRITER = "kilabel.export.raster"


def writer_for(fmt: str) -> Callable[[Plan], None]:
    return importlib.import_module(WRITERS.get(fmt, DEFAULT_WRITER)).write


def export_one(task: ExportTask, identity: Identity | None, signer=None, tsa_url: str = "") -> ExportResult:
    """Export one input with one profile. Never raises for a bad file: the error is in the result."""
    started = time.perf_counter()
    src = Path(task.input)
    result = ExportResult(input=str(src), profile_id=task.profile.id)
    with outcome.per_file(result, src, task.out_dir) as temps:
        if task.skip_existing and already_done(task):
            result.skipped, result.output = True, str(planned_output(task))
            result.seconds = time.perf_counter() - started
            return result
        plan = plan_export(task, result, temps)
        plan.identity, plan.signer, plan.tsa_url = identity, signer, tsa_url
        writer_for(plan.fmt)(plan)
    result.seconds = time.perf_counter() - started
    return result


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
