"""Peak memory of one 150-megapixel export to CMYK TIFF, against the decoded RGB size.

    python benchmarks/memory_150mp.py [--mp 150] [--workdir /tmp/kilabel-mem]

The export runs in a fresh child process (the CLI with --jobs 1, so the export happens in that
process); its peak resident set (ru_maxrss) is compared with width × height × 3 bytes.
Target (issue 5): peak <= 3 × decoded RGB size.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _images import photo

PROFILE = """
id = "bench-cmyk-tiff"
title = { de = "Benchmark CMYK TIFF", en = "Benchmark CMYK TIFF" }
format = "tiff"
color = "cmyk"
compression = "lzw"
name_pattern = "{stem}-cmyk{ext}"
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mp", type=float, default=150)
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "kilabel-mem")
    args = ap.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    w = round((args.mp * 1e6 * 1.5) ** 0.5)
    size = (w, round(w / 1.5))
    src = args.workdir / f"poster-{size[0]}x{size[1]}.jpg"
    if not src.exists():
        print(f"making {size[0]}×{size[1]} ({size[0] * size[1] / 1e6:.0f} MP) …", flush=True)
        photo(size, 7).save(src, quality=90)
    prof = args.workdir / "bench-cmyk-tiff.toml"
    prof.write_text(PROFILE, encoding="utf-8")
    env = dict(os.environ, KILABEL_HOME=str(args.workdir / "home"))
    out = args.workdir / "out"
    t = time.perf_counter()
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "kilabel",
            "export",
            str(src),
            "--source-type",
            "trainedAlgorithmicMedia",
            "--ai-system",
            "Midjourney",
            "--profile",
            str(prof),
            "--out",
            str(out),
            "--overwrite",
            "--jobs",
            "1",
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - t
    if r.returncode != 0:
        sys.exit(r.stderr)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # kB on Linux
    rgb = size[0] * size[1] * 3
    print(f"export to CMYK TIFF: {elapsed:.1f} s")
    print(f"decoded RGB size:    {rgb / 2**20:8.0f} MiB")
    print(f"peak RSS of export:  {peak / 2**20:8.0f} MiB")
    print(f"ratio:               {peak / rgb:8.2f}   (target <= 3)")


if __name__ == "__main__":
    main()
