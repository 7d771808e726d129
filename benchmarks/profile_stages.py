"""Where one export spends its time: runs the pipeline stages on one image and prints each stage.

python benchmarks/profile_stages.py [--mp 24] [--format jpeg]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _images import photo

from kilabel import keys, presets, profiles
from kilabel.export.one import export_one
from kilabel.export.task import ExportTask
from kilabel.pipeline import c2pa_sign, label_render, metadata
from kilabel.pipeline.encode import encode
from kilabel.pipeline.image_load import MIME, load
from kilabel.provenance import Provenance


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mp", type=float, default=24)
    ap.add_argument("--format", default="jpeg", choices=["jpeg", "png", "tiff", "webp"])
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kilabel-prof-"))
    w = round((args.mp * 1e6 * 1.5) ** 0.5)
    ext = {"jpeg": ".jpg", "png": ".png", "tiff": ".tif", "webp": ".webp"}[args.format]
    src = tmp / f"in{ext}"
    photo((w, round(w / 1.5)), 1).save(src, quality=92) if args.format != "tiff" else photo(
        (w, round(w / 1.5)), 1
    ).save(src, compression="tiff_lzw")
    ident = keys.ensure(tmp / "keys", "Bench")[0]
    signer = c2pa_sign.make_signer(ident)
    prov = Provenance(source_type="trainedAlgorithmicMedia", ai_system="Midjourney", prompt="Straßenbahn")
    preset = presets.get("ki-generiert")
    stages = []

    def stage(name, fn):
        t = time.perf_counter()
        out = fn()
        stages.append((name, time.perf_counter() - t))
        return out

    loaded = stage("decode (load)", lambda: load(src))
    stage("c2pa read input", lambda: c2pa_sign.read(src, MIME[args.format]))
    prep = stage(
        "prepare (same as input)",
        lambda: profiles.prepare(loaded.image, loaded.icc, loaded.dpi, profiles.SAME_AS_INPUT),
    )
    stage("draw label", lambda: label_render.apply(prep.image, preset, "KI-generiert"))
    enc = tmp / f"enc{ext}"
    stage(
        "encode + XMP/EXIF",
        lambda: encode(
            prep.image,
            enc,
            args.format,
            prov=prov,
            label=metadata.LabelRecord("ki-generiert", "KI-generiert"),
            description="KI-generiert mit Midjourney",
            icc=loaded.icc,
        ),
    )
    signed = tmp / f"signed{ext}"
    stage(
        "c2pa sign", lambda: c2pa_sign.sign(signer, enc, signed, MIME[args.format], prov, "KI-generiert", "x")
    )
    stage("c2pa read back + validate", lambda: c2pa_sign.read(signed, MIME[args.format]))
    total = sum(s for _, s in stages)
    print(f"{args.mp:g} MP {args.format}: stages")
    for name, s in stages:
        print(f"  {name:<28} {s * 1000:8.1f} ms  {100 * s / total:5.1f} %")
    t = time.perf_counter()
    res = export_one(
        ExportTask(str(src), str(tmp / "out"), preset, profiles.SAME_AS_INPUT, prov), ident, signer
    )
    print(f"  whole export_one             {(time.perf_counter() - t) * 1000:8.1f} ms (ok={res.ok})")
    os.system(f"rm -rf {tmp}")


if __name__ == "__main__":
    main()
