"""Render the app icon PNGs, .ico and .icns from the SVG sources.

    /work/venv/bin/python build/assets/make_icons.py

Needs Debian's librsvg2-bin (rsvg-convert) and Pillow.
Sources:  assets/icons/kilabel.svg        (48 px and up)
          assets/icons/kilabel-small.svg  (pixel-aligned, 16 and 32 px)
Writes:   assets/icons/kilabel-NNN.png for 16 32 48 64 128 256 512,
          assets/icons/kilabel.ico  (16 24 32 48 64 128 256),
          assets/icons/kilabel.icns (16 32 64 128 256 512 1024 via Pillow).
"""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

from PIL import Image

ICONS = Path(__file__).resolve().parents[2] / "assets" / "icons"
SIZES = [16, 32, 48, 64, 128, 256, 512]


def render(svg: Path, size: int) -> Image.Image:
    png = subprocess.run(
        ["rsvg-convert", "-w", str(size), "-h", str(size), str(svg)], check=True, capture_output=True
    ).stdout
    im = Image.open(io.BytesIO(png))
    im.load()
    return im.convert("RGBA")


def source_for(size: int) -> Path:
    return ICONS / ("kilabel-small.svg" if size <= 32 else "kilabel.svg")


def main() -> None:
    imgs: dict[int, Image.Image] = {}
    for size in SIZES + [24, 1024]:
        imgs[size] = render(source_for(size), size)
    for size in SIZES:
        out = ICONS / f"kilabel-{size:03d}.png"
        imgs[size].save(out, optimize=True)
        print(f"{out.name:20s} {out.stat().st_size:7d} bytes")
    ico_sizes = [16, 24, 32, 48, 64, 128, 256]
    imgs[256].save(
        ICONS / "kilabel.ico",
        format="ICO",
        sizes=[(s, s) for s in ico_sizes],
        append_images=[imgs[s] for s in ico_sizes if s != 256],
    )
    imgs[1024].save(
        ICONS / "kilabel.icns", format="ICNS", append_images=[imgs[s] for s in (16, 32, 64, 128, 256, 512)]
    )
    for name in ("kilabel.ico", "kilabel.icns"):
        print(f"{name:20s} {(ICONS / name).stat().st_size:7d} bytes")


if __name__ == "__main__":
    main()
