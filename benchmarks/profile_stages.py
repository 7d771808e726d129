"""Where one export spends its time: runs the pipeline stages on one image and prints each stage
(min and median of --runs), then the whole export_one against the floor (Pillow decode + encode of
the same file, same process, interleaved): the share kilabel adds per file (issue 18: <= 15 %).
The stages run as in an export worker, keeping freed image memory (export.image_memory); the
floor is Pillow as it comes, and is printed once more with Pillow's blocks kept.

python benchmarks/profile_stages.py [--mp 24] [--format jpeg] [--runs 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _images import photo
from PIL import Image

from kilabel import keys, presets, profiles
from kilabel.export import image_memory
from kilabel.export.one import export_one
from kilabel.export.task import ExportTask
from kilabel.pipeline import c2pa_sign, fingerprint, label_render, metadata, outcome
from kilabel.pipeline.encode import encode
from kilabel.pipeline.image_load import MIME, load
from kilabel.provenance import Provenance


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mp", type=float, default=24)
    ap.add_argument("--format", default="jpeg", choices=["jpeg", "png", "tiff", "webp"])
    ap.add_argument("--runs", type=int, default=5)
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
    stages: dict[str, list[float]] = {}

    def stage(name, fn):
        t = time.perf_counter()
        out = fn()
        stages.setdefault(name, []).append(time.perf_counter() - t)
        return out

    def floor(kept_blocks: int = 0):
        # Pillow as it comes (no block cache: the floor), or with the blocks a batch keeps
        Image.core.set_blocks_max(kept_blocks)
        try:
            with Image.open(src) as im:
                im.load()
                im.save(tmp / f"floor{ext}", quality=92)
        finally:
            Image.core.set_blocks_max(image_memory.KEPT_BLOCKS)

    image_memory.keep()  # as in an export worker
    wholes, floors, kept_floors = [], [], []
    for _ in range(args.runs):
        loaded = stage("decode (load)", lambda: load(src))
        stage("c2pa read input", lambda: c2pa_sign.read(src, MIME[args.format]))
        prep = stage(
            "prepare (same as input)",
            lambda: profiles.prepare(loaded.image, loaded.icc, loaded.dpi, profiles.SAME_AS_INPUT),
        )
        stage("draw label", lambda: label_render.apply(prep.image, preset, "KI-generiert"))
        stage("fingerprint (ISCC, regions)", lambda: fingerprint.compute_regions(prep.image))
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
            "c2pa sign",
            lambda: c2pa_sign.sign(signer, enc, signed, MIME[args.format], prov, "KI-generiert", "x"),
        )
        stage("c2pa read back + validate", lambda: c2pa_sign.read(signed, MIME[args.format]))
        stage("sha256 of the output", lambda: outcome.sha256_file(signed))
        loaded = prep = None
        t = time.perf_counter()
        floor()
        floors.append(time.perf_counter() - t)
        t = time.perf_counter()
        floor(image_memory.KEPT_BLOCKS)
        kept_floors.append(time.perf_counter() - t)
        task = ExportTask(str(src), str(tmp / "out"), preset, profiles.SAME_AS_INPUT, prov, overwrite=True)
        t = time.perf_counter()
        res = export_one(task, ident, signer)
        wholes.append(time.perf_counter() - t)
        assert res.ok, res.error
    print(f"{args.mp:g} MP {args.format}: stages, ms (min / median of {args.runs})")
    for name, times in stages.items():
        print(f"  {name:<28} {min(times) * 1000:8.1f} {statistics.median(times) * 1000:8.1f}")
    print(
        f"  {'floor (Pillow open+save)':<28} {min(floors) * 1000:8.1f} {statistics.median(floors) * 1000:8.1f}"
    )
    print(
        f"  {'floor, blocks kept':<28} {min(kept_floors) * 1000:8.1f} {statistics.median(kept_floors) * 1000:8.1f}"
    )
    print(f"  {'whole export_one':<28} {min(wholes) * 1000:8.1f} {statistics.median(wholes) * 1000:8.1f}")
    ratios = sorted(w / f for w, f in zip(wholes, floors))
    print(
        f"  export_one / floor = {min(wholes) / min(floors):.3f} (min / min); "
        f"per run: min {ratios[0]:.3f}, median {statistics.median(ratios):.3f}"
    )
    print(f"  export_one / floor with blocks kept = {min(wholes) / min(kept_floors):.3f} (min / min)")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
