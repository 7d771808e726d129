"""Photo-like test images for the benchmarks (smooth regions, edges, texture, noise), Pillow only."""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter


def photo(size: tuple[int, int], seed: int) -> Image.Image:
    rnd = random.Random(seed)
    w, h = size
    small = (max(64, w // 8), max(64, h // 8))
    sky = Image.linear_gradient("L").resize(small)
    base = Image.merge(
        "RGB",
        (
            sky.point(lambda v: 40 + v // 2),
            sky.point(lambda v: 90 + v // 3),
            sky.point(lambda v: 210 - v // 3),
        ),
    )
    d = ImageDraw.Draw(base)
    sw, sh = small
    for _ in range(40):  # hills, trees, buildings: edges and smooth areas
        x, y = rnd.randrange(sw), rnd.randrange(sh // 3, sh)
        r = rnd.randrange(max(3, sw // 40), max(6, sw // 6))
        colour = (rnd.randrange(20, 160), rnd.randrange(60, 200), rnd.randrange(20, 120))
        if rnd.random() < 0.5:
            d.ellipse((x - r, y - r, x + r, y + r), fill=colour)
        else:
            d.rectangle((x - r // 2, y - r, x + r // 2, y + r), fill=colour)
    base = base.filter(ImageFilter.GaussianBlur(1.2)).resize(size, Image.Resampling.BICUBIC)
    texture = Image.effect_noise((w // 2, h // 2), 40).resize(size, Image.Resampling.BILINEAR).convert("RGB")
    grain = Image.effect_noise(size, 18).convert("RGB")
    img = Image.blend(base, texture, 0.12)
    return Image.blend(img, grain, 0.06)


def make_set(folder: Path, count: int, size: tuple[int, int], quality: int = 92) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(count):
        p = folder / f"motiv-{i:03d}.jpg"
        if not p.exists():
            photo(size, i).save(p, quality=quality)
        out.append(p)
    return out
