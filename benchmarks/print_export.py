"""Print export timings: one large input to A1 as CMYK TIFF and as print PDF (lossless and JPEG).

    python benchmarks/print_export.py [--mp 50] [--workdir /tmp/kilabel-bench-print]

Each line: profile, output pixels, seconds for the whole export_one (load, fit, CMYK conversion,
label, encode, XMP, C2PA sign, read back and validate, commit), output size. One process, one file.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _images import photo

from kilabel import keys, presets, profiles, settings
from kilabel.export.one import export_one
from kilabel.export.task import ExportTask
from kilabel.provenance import Provenance


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mp", type=float, default=50.0)
    ap.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "kilabel-bench-print"))
    args = ap.parse_args()
    work = Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("KILABEL_HOME", str(work / "home"))
    w = round(math.sqrt(args.mp * 1e6 * 3 / 2))
    h = round(w * 2 / 3)
    src = work / f"input-{args.mp:g}mp.jpg"
    if not src.exists():
        photo((w, h), 7).save(src, quality=92)
    identity = keys.ensure(settings.load().keys_path, "Benchmark")[0]
    a1_tif = profiles.get("poster-a1-cmyk-tiff")
    a1_pdf = dataclasses.replace(
        profiles.get("brochure-a4-pdf"),
        id="a1-pdf",
        width_mm=594.0,
        height_mm=841.0,
        dpi=150.0,
        safety_mm=15.0,
        name_pattern="{stem}-A1{ext}",
    )
    runs = [
        a1_tif,
        dataclasses.replace(a1_tif, id="a1-tiff-300dpi", dpi=300.0, name_pattern="{stem}-A1-300{ext}"),
        a1_pdf,
        dataclasses.replace(a1_pdf, id="a1-pdf-jpeg", compression="jpeg", name_pattern="{stem}-A1-jpeg{ext}"),
        dataclasses.replace(a1_pdf, id="a1-pdf-300dpi", dpi=300.0, name_pattern="{stem}-A1-300{ext}"),
        profiles.get("brochure-a4-pdf"),
    ]
    prov = Provenance(source_type="trainedAlgorithmicMedia", ai_system="Midjourney", prompt="Plakat")
    print(f"input {src.name}: {w}×{h} px ({w * h / 1e6:.0f} MP)")
    for prof in runs:
        task = ExportTask(
            str(src), str(work / "out"), presets.get("ki-generiert"), prof, prov, overwrite=True
        )
        t0 = time.perf_counter()
        res = export_one(task, identity)
        secs = time.perf_counter() - t0
        if not res.ok:
            print(f"{prof.id:<22} FAILED {res.error}")
            continue
        size = Path(res.output).stat().st_size / 1e6
        print(
            f"{prof.id:<22} {prof.format:<4} {prof.dpi:g} dpi  {secs:6.1f} s  {size:7.1f} MB  "
            f"c2pa {res.c2pa_state}  effective {res.effective_dpi:.0f} dpi  warnings {len(res.warnings)}"
        )


if __name__ == "__main__":
    main()
