"""Time `kilabel check` on a generated folder of N files (issue 7: thousands of files).

    python benchmarks/check_folder.py [N] [--jobs J]

The mix: 70 % plain photos (no provenance: no OCR), 15 % AI images (XMP source type) without a
label (text recognition runs all its passes), 10 % AI images with a label in the pixels (found in
the first pass), 5 % PDFs with placed images. Prints files/s and the verdict counts.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import pdf_builders
from conftest import photo

from kilabel import presets
from kilabel.pipeline import label_render

XMP = pdf_builders.AI_XMP


def make(folder: Path, n: int) -> None:
    preset = presets.get("ki-generiert")
    base = [photo((1200, 900), seed=s) for s in range(4)]
    for i in range(n):
        kind = i % 20
        img = base[i % 4].copy()
        if kind < 14:
            img.save(folder / f"foto-{i:05}.jpg", quality=85)
        elif kind < 17:
            img.save(folder / f"ki-ohne-{i:05}.jpg", quality=85, xmp=XMP)
        elif kind < 19:
            label_render.apply(img, preset, preset.wording("de"))
            img.save(folder / f"ki-mit-{i:05}.jpg", quality=85, xmp=XMP)
        else:
            pdf_builders.brochure(folder / f"broschuere-{i:05}.pdf")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 1000
    jobs = sys.argv[sys.argv.index("--jobs") + 1] if "--jobs" in sys.argv else "0"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "material"
        folder.mkdir()
        t0 = time.perf_counter()
        make(folder, n)
        print(f"made {n} files in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        t0 = time.perf_counter()
        out = subprocess.run(
            [
                sys.executable,
                "-m",
                "kilabel",
                "check",
                str(folder),
                "--csv",
                "--no-register",
                "--jobs",
                jobs,
                *(["--ocr", "off"] if "--no-ocr" in sys.argv else []),
            ],
            capture_output=True,
            text=True,
        )
        dt = time.perf_counter() - t0
        print(out.stderr.strip().splitlines()[-1])
        print(
            f"check of {n} files: {dt:.1f} s ({n / dt:.1f} files/s, exit {out.returncode}, jobs {jobs or 'auto'})"
        )


if __name__ == "__main__":
    main()
