"""Peak memory of one 150-megapixel export to CMYK TIFF, against the decoded RGB size.

    python benchmarks/memory_150mp.py [--mp 150] [--alpha] [--preset ID] [--workdir /tmp/kilabel-mem]

The export runs in a fresh child process (the CLI with --jobs 1, so the export happens in that
process); its own peak resident set (ru_maxrss from os.wait4) is compared with width × height × 3
bytes. The input is made beforehand in a process of its own: made here, this process's peak would
become the export's (a vfork'd child reports its parent's high-water mark as its own).
Target (issue 5): peak <= 3 × decoded RGB size. --alpha exports an RGBA PNG instead of the JPEG.

Pillow keeps RGB, RGBA and CMYK at 4 bytes per pixel, so the input and the CMYK image alone are
2.67 × the 3-byte RGB size; the export holds no more than these two at a time (colour conversion),
plus the interpreter and the C2PA library (about 40 MiB).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _images import photo
from PIL import Image

PROFILE = """
id = "bench-cmyk-tiff"
title = { de = "Benchmark CMYK TIFF", en = "Benchmark CMYK TIFF" }
format = "tiff"
color = "cmyk"
compression = "lzw"
name_pattern = "{stem}-cmyk{ext}"
"""


def make_inputs(workdir: Path, size: tuple[int, int], alpha: bool) -> Path:
    """The input (made once, kept in the workdir): a photo-like JPEG, or from it an RGBA PNG."""
    src = workdir / f"poster-{size[0]}x{size[1]}.jpg"
    if not src.exists():
        print(f"making {size[0]}×{size[1]} ({size[0] * size[1] / 1e6:.0f} MP) …", flush=True)
        photo(size, 7).save(src, quality=90)
    if not alpha:
        return src
    rgba = workdir / f"poster-{size[0]}x{size[1]}-alpha.png"
    if not rgba.exists():
        print("making the RGBA PNG …", flush=True)
        Image.MAX_IMAGE_PIXELS = None  # our own input, of a size we chose
        with Image.open(src) as im:
            im = im.convert("RGBA")
            im.putalpha(Image.linear_gradient("L").resize(size).point(lambda v: 80 + v * 175 // 255))
            im.save(rgba, compress_level=1)
    return rgba


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mp", type=float, default=150)
    ap.add_argument("--alpha", action="store_true", help="an RGBA PNG input (flattened on the way to CMYK)")
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "kilabel-mem")
    ap.add_argument(
        "--preset", default="ki-generiert", help="label preset (wasserzeichen: the tiled watermark)"
    )
    ap.add_argument("--make-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    w = round((args.mp * 1e6 * 1.5) ** 0.5)
    size = (w, round(w / 1.5))
    if args.make_only:
        make_inputs(args.workdir, size, args.alpha)
        return
    # The input is made in a process of its own: making it in this one took this process to 2.9 GB,
    # and a child started with vfork/exec reports its parent's peak as its own ru_maxrss (the
    # "6.77×" measured before was this process's, not the export's).
    subprocess.run([sys.executable, __file__, *sys.argv[1:], "--make-only"], check=True)
    src = make_inputs(args.workdir, size, args.alpha)  # exists now: only names it
    prof = args.workdir / "bench-cmyk-tiff.toml"
    prof.write_text(PROFILE, encoding="utf-8")
    env = dict(os.environ, KILABEL_HOME=str(args.workdir / "home"))
    out = args.workdir / "out"
    cmd = [
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
        "--preset",
        args.preset,
        "--out",
        str(out),
        "--overwrite",
        "--jobs",
        "1",
    ]
    t = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)  # the export's own peak, not the input maker's
        proc.returncode = os.waitstatus_to_exitcode(status)
        elapsed = time.perf_counter() - t
        if proc.returncode != 0:
            err.seek(0)
            sys.exit(err.read().decode(errors="replace"))
    peak = usage.ru_maxrss * 1024  # kB on Linux
    rgb = size[0] * size[1] * 3
    print(f"export to CMYK TIFF: {elapsed:.1f} s  ({src.name})")
    print(
        f"decoded RGB size:    {rgb / 2**20:8.0f} MiB  (Pillow holds {rgb * 4 / 3 / 2**20:.0f} MiB per image)"
    )
    print(f"peak RSS of export:  {peak / 2**20:8.0f} MiB")
    print(f"ratio:               {peak / rgb:8.2f}   (target <= 3)")


if __name__ == "__main__":
    main()
