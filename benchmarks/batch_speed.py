"""Batch speed: kilabel's full pipeline against a floor and a peer, measured in one run.

    python benchmarks/batch_speed.py [--count 24] [--mp 24] [--workdir /tmp/kilabel-bench]

floor:  the same files only decoded and re-encoded by Pillow, one after another, same quality.
peer:   ImageMagick (convert-im6.q16) drawing a text label, then exiftool writing the XMP fields it
        can write (source type, creator, description with the prompt, credit), file by file.
kilabel: `kilabel export` (label, EXIF, XMP, C2PA signed, read back and validated), --jobs 1 and
        the default (one worker per core). Prints seconds and the ratios; targets from issue 5.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _images import make_set
from PIL import Image

QUALITY = 92
PROMPT = "Menschen lesen in einer Straßenbahn, Fotostil, weiches Licht"


def floor(inputs: list[Path], out: Path) -> float:
    out.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    for p in inputs:
        with Image.open(p) as im:
            im.load()
            im.save(out / p.name, quality=QUALITY)
    return time.perf_counter() - t


def peer(inputs: list[Path], out: Path) -> float:
    convert, exiftool = shutil.which("convert-im6.q16"), shutil.which("exiftool")
    if not convert or not exiftool:
        sys.exit("peer needs convert-im6.q16 (imagemagick) and exiftool (libimage-exiftool-perl)")
    out.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    for p in inputs:
        with Image.open(p) as im:
            short = min(im.size)
        size, margin = round(short * 0.032), round(short * 0.025)
        dst = out / p.name
        subprocess.run(
            [
                convert,
                str(p),
                "-gravity",
                "SouthEast",
                "-font",
                "DejaVu-Sans-Bold",
                "-pointsize",
                str(size),
                "-fill",
                "white",
                "-undercolor",
                "#000000D0",
                "-annotate",
                f"+{margin}+{margin}",
                " KI-generiert ",
                "-quality",
                str(QUALITY),
                str(dst),
            ],
            check=True,
        )
        subprocess.run(
            [
                exiftool,
                "-q",
                "-overwrite_original",
                "-XMP-iptcExt:DigitalSourceType=http://cv.iptc.org/newscodes/digitalsourcetype/"
                "trainedAlgorithmicMedia",
                "-XMP-dc:Creator=Agentur X",
                f"-XMP-dc:Description=KI-generiert mit Midjourney 7: {PROMPT}",
                "-XMP-photoshop:Credit=Bild: KI-generiert",
                str(dst),
            ],
            check=True,
        )
    return time.perf_counter() - t


def kilabel(inputs: list[Path], out: Path, jobs: int, home: Path) -> float:
    env = dict(os.environ, KILABEL_HOME=str(home))
    exe = [sys.executable, "-m", "kilabel"]
    t = time.perf_counter()
    r = subprocess.run(
        [
            *exe,
            "export",
            *map(str, inputs),
            "--source-type",
            "trainedAlgorithmicMedia",
            "--ai-system",
            "Midjourney",
            "--ai-version",
            "7",
            "--prompt",
            PROMPT,
            "--creator",
            "Agentur X",
            "--out",
            str(out),
            "--jobs",
            str(jobs),
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - t
    if r.returncode != 0:
        sys.exit(f"kilabel failed:\n{r.stderr}")
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=24)
    ap.add_argument("--mp", type=float, default=24.0, help="megapixels per image (3:2)")
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "kilabel-bench")
    args = ap.parse_args()
    w = round((args.mp * 1e6 * 1.5) ** 0.5)
    size = (w, round(w / 1.5))
    src = args.workdir / f"in-{args.count}x{size[0]}x{size[1]}"
    print(f"making {args.count} images of {size[0]}×{size[1]} ({size[0] * size[1] / 1e6:.1f} MP) in {src} …")
    inputs = make_set(src, args.count, size, QUALITY)
    home = args.workdir / "home"
    subprocess.run(
        [sys.executable, "-m", "kilabel", "keys", "show"],
        env=dict(os.environ, KILABEL_HOME=str(home)),
        capture_output=True,
    )
    results = {}
    for name, fn in [
        ("floor", lambda o: floor(inputs, o)),
        ("peer", lambda o: peer(inputs, o)),
        ("kilabel --jobs 1", lambda o: kilabel(inputs, o, 1, home)),
        (f"kilabel default ({os.cpu_count()} jobs)", lambda o: kilabel(inputs, o, 0, home)),
    ]:
        out = args.workdir / ("out-" + name.split()[0] + str(len(results)))
        shutil.rmtree(out, ignore_errors=True)
        results[name] = fn(out)
        print(
            f"{name:<28} {results[name]:7.2f} s   {results[name] / args.count * 1000:7.0f} ms/image",
            flush=True,
        )
    f, p = results["floor"], results["peer"]
    k1 = results["kilabel --jobs 1"]
    kd = results[[k for k in results if k.startswith("kilabel default")][0]]
    print()
    print(f"kilabel default / floor   = {kd / f:5.2f}   (target <= 1.1)")
    print(f"kilabel --jobs 1 / floor  = {k1 / f:5.2f}   (target <= 1.8)")
    print(f"kilabel default / peer    = {kd / p:5.2f}   (target <= 0.8)")
    print(f"scaling 1 -> {os.cpu_count()} jobs       = {k1 / kd:5.2f}x")


if __name__ == "__main__":
    main()
