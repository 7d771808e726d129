"""Generate the synthetic sample images in assets/samples/ (CC0).

    /work/venv/bin/python build/assets/make_samples.py

Only Pillow and the standard library; deterministic (fixed seeds, no
timestamps written); runs in a few seconds. The pictures are painted from
gradients, value noise, soft-edged shapes and film grain so that they behave
like photographs for an encoder (smooth areas, texture, noise) and read as a
landscape, a night city, a poster motif and a cut-out object in a thumbnail.

    motiv-landschaft.jpg  1800x1200 RGB, JPEG q90, embedded sRGB ICC profile
    motiv-nacht.png       1200x1600 RGB, PNG, dark night scene
    motiv-plakat.tif      1240x1754 RGB, TIFF LZW, 150 dpi, bright poster
    motiv-quadrat.webp    1080x1080 RGBA, WebP, transparent background
"""

from __future__ import annotations

import math
import random
import sys
import time
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps

sys.dont_write_bytecode = True  # no __pycache__ in build/assets
sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_srgb_icc import srgb_icc_bytes  # noqa: E402 (found through the path set just above)

OUT = Path(__file__).resolve().parents[2] / "assets" / "samples"

Color = tuple[int, int, int]


# --------------------------------------------------------------- helpers ---


def noise(w: int, h: int, rng: random.Random) -> Image.Image:
    """Uniform white noise, mode L."""
    return Image.frombytes("L", (w, h), rng.randbytes(w * h))


def fbm(
    w: int,
    h: int,
    rng: random.Random,
    cells: int = 4,
    octaves: int = 5,
    persistence: float = 0.5,
    stretch: tuple[float, float] = (1.0, 1.0),
) -> Image.Image:
    """Fractal value noise, mode L, contrast-normalised to 0..255.

    cells: number of noise cells across the shorter side for the first octave.
    stretch: (sx, sy) > 1 makes features longer along that axis.
    """
    acc = None
    total = 0.0
    amp = 1.0
    short = min(w, h)
    for o in range(octaves):
        n = cells * (2**o)
        cw = max(2, round(n * w / short / stretch[0]))
        ch = max(2, round(n * h / short / stretch[1]))
        layer = noise(cw, ch, rng).resize((w, h), Image.Resampling.BICUBIC)
        if acc is None:
            acc = layer
        else:
            acc = Image.blend(acc, layer, amp / (total + amp))
        total += amp
        amp *= persistence
    assert acc is not None
    return ImageOps.autocontrast(acc, cutoff=0.5)


def vgradient(w: int, h: int, stops: list[tuple[float, Color]]) -> Image.Image:
    """Vertical RGB gradient through (position 0..1, colour) stops."""
    col = Image.new("RGB", (1, h))
    px = []
    for y in range(h):
        t = y / max(1, h - 1)
        for (t0, c0), (t1, c1) in zip(stops, stops[1:]):
            if t0 <= t <= t1:
                f = (t - t0) / (t1 - t0) if t1 > t0 else 0.0
                f = f * f * (3 - 2 * f)  # smoothstep
                px.append(tuple(round(a + (b - a) * f) for a, b in zip(c0, c1)))
                break
        else:
            px.append(stops[-1][1] if t > stops[-1][0] else stops[0][1])
    col.putdata(px)
    return col.resize((w, h), Image.Resampling.NEAREST)


def vmask(w: int, h: int, stops: list[tuple[float, int]]) -> Image.Image:
    """Vertical L gradient mask."""
    g = vgradient(w, h, [(t, (v, v, v)) for t, v in stops])
    return g.getchannel(0)


def radial(size: tuple[int, int], power: float = 1.0, gain: float = 1.0) -> Image.Image:
    """L mask: 255 in the centre, 0 at the ellipse edge and outside."""
    g = Image.radial_gradient("L").resize(size, Image.Resampling.BILINEAR)
    # radial_gradient: value = distance from the centre * 255 / (128 * sqrt 2),
    # i.e. about 180 at the edge of the inscribed circle, 255 in the corners
    lut = []
    for v in range(256):
        d = min(1.0, v * math.sqrt(2) / 255.0)
        lut.append(round(255 * min(1.0, gain * (1.0 - d) ** power)))
    return g.point(lut)


def place(mask: Image.Image, size: tuple[int, int], centre: tuple[int, int]) -> Image.Image:
    """Put a small mask into a full-size black L image, centred at centre."""
    full = Image.new("L", size, 0)
    full.paste(mask, (centre[0] - mask.width // 2, centre[1] - mask.height // 2))
    return full


def ridge(
    w: int, rng: random.Random, base: float, amp: float, octaves: int = 6, first: int = 3, step: int = 3
) -> list[tuple[int, float]]:
    """A 1-D fractal skyline: list of (x, y) points."""
    layers = []
    for o in range(octaves):
        n = first * (2**o) + 1
        layers.append(([rng.uniform(-1, 1) for _ in range(n + 1)], amp / (1.9**o)))
    pts = []
    for x in range(0, w + step, step):
        y = base
        for vals, a in layers:
            n = len(vals) - 1
            u = x / w * (n - 1)
            i = int(u)
            f = u - i
            f = (1 - math.cos(f * math.pi)) / 2
            y += a * (vals[i] * (1 - f) + vals[min(i + 1, n)] * f)
        pts.append((x, y))
    return pts


def shape_mask(size: tuple[int, int], pts: list[tuple[int, float]], blur: float) -> Image.Image:
    w, h = size
    m = Image.new("L", size, 0)
    ImageDraw.Draw(m).polygon([(0, h)] + pts + [(w, h)], fill=255)
    return m.filter(ImageFilter.GaussianBlur(blur)) if blur else m


def textured(
    size: tuple[int, int],
    rng: random.Random,
    dark: Color,
    light: Color,
    cells: int = 6,
    octaves: int = 6,
    mid: Color | None = None,
    stretch: tuple[float, float] = (1.0, 1.0),
) -> Image.Image:
    t = fbm(size[0], size[1], rng, cells=cells, octaves=octaves, stretch=stretch)
    if mid is not None:
        return ImageOps.colorize(t, dark, light, mid)
    return ImageOps.colorize(t, dark, light)


def grain(
    img: Image.Image, rng: random.Random, strength: int, scale: float = 1.0, chroma: bool = True
) -> Image.Image:
    """Add mild film grain (triangular distribution, +-strength levels).

    scale > 1 makes the grain softer (noise at 1/scale resolution, upscaled),
    as after a camera's noise reduction; lossless formats stay smaller that way.
    chroma adds a weaker per-channel noise on top of the luminance noise.
    """
    w, h = img.size
    sw, sh = max(1, round(w / scale)), max(1, round(h / scale))
    lum = Image.blend(noise(sw, sh, rng), noise(sw, sh, rng), 0.5)
    if (sw, sh) != (w, h):
        lum = lum.resize((w, h), Image.Resampling.BICUBIC)
    lum = lum.point([round(v * 2 * strength / 255) for v in range(256)])
    out = ImageChops.add(img, Image.merge("RGB", (lum, lum, lum)), 1.0, -strength)
    if chroma:
        half = max(1, strength // 2)
        ch = Image.merge(
            "RGB", [noise(w, h, rng).point([round(v * 2 * half / 255) for v in range(256)]) for _ in range(3)]
        )
        out = ImageChops.add(out, ch, 1.0, -half)
    return out


def vignette(img: Image.Image, amount: float) -> Image.Image:
    w, h = img.size
    big = (int(w * 1.6), int(h * 1.6))
    m = radial(big, power=0.7, gain=1.4).crop(
        ((big[0] - w) // 2, (big[1] - h) // 2, (big[0] - w) // 2 + w, (big[1] - h) // 2 + h)
    )
    lo = round(255 * (1 - amount))
    m = m.point([lo + round(v * (255 - lo) / 255) for v in range(256)])
    return ImageChops.multiply(img, Image.merge("RGB", (m, m, m)))


def fill(img: Image.Image, colour: Color | Image.Image, mask: Image.Image) -> Image.Image:
    layer = colour if isinstance(colour, Image.Image) else Image.new("RGB", img.size, colour)
    return Image.composite(layer, img, mask)


# -------------------------------------------------------------- pictures ---


def landscape() -> Image.Image:
    rng = random.Random(1001)
    w, h = 1800, 1200
    size = (w, h)
    img = vgradient(
        w,
        h,
        [
            (0.0, (38, 86, 168)),
            (0.30, (92, 146, 212)),
            (0.52, (196, 214, 228)),
            (0.60, (236, 222, 200)),
            (1.0, (236, 222, 200)),
        ],
    )
    # sun glow
    glow = place(radial((1500, 1500), power=2.2, gain=1.0), size, (int(w * 0.72), int(h * 0.43)))
    img = fill(img, (255, 236, 196), glow.point(lambda v: int(v * 0.85)))
    core = place(radial((110, 110), power=0.25, gain=3.0), size, (int(w * 0.72), int(h * 0.43)))
    img = fill(img, (255, 252, 238), core)
    # clouds: fbm, thresholded, only in the upper sky
    cl = fbm(w // 2, h // 2, rng, cells=3, octaves=6, persistence=0.55, stretch=(2.6, 1.0))
    cl = cl.point(lambda v: max(0, min(255, (v - 128) * 3))).resize(size, Image.Resampling.BICUBIC)
    cl = ImageChops.multiply(cl, vmask(w, h, [(0.0, 235), (0.32, 190), (0.5, 0), (1.0, 0)]))
    shade = fbm(w // 2, h // 2, rng, cells=6, octaves=4).resize(size, Image.Resampling.BICUBIC)
    cloud_col = ImageOps.colorize(shade, (178, 188, 208), (255, 255, 255), (236, 238, 244))
    img = Image.composite(cloud_col, img, cl)

    # far mountains (hazy blue), then hills towards the viewer
    layers = [
        (0.47, 0.13, 3.0, (104, 128, 166), (150, 170, 200), 0.0),
        (0.58, 0.07, 2.0, (70, 104, 110), (118, 146, 150), 0.25),
        (0.68, 0.06, 1.5, (46, 92, 44), (104, 146, 70), 0.55),
        (0.82, 0.05, 1.2, (40, 78, 24), (132, 162, 58), 0.85),
    ]
    for i, (base, amp, blur, dark, light, detail) in enumerate(layers):
        pts = ridge(w, rng, base * h, amp * h, first=2 + i, octaves=7)
        m = shape_mask(size, pts, blur)
        tex = textured(size, rng, dark, light, cells=4 + 3 * i, octaves=7)
        if detail:
            fine = noise(w // 3, h // 3, rng).resize(size, Image.Resampling.BICUBIC)
            fine = ImageOps.colorize(fine, dark, light)
            tex = Image.blend(tex, fine, 0.25 * detail)
        # darker towards the bottom of each layer, lighter at its crest
        top = min(y for _, y in pts) / h
        shade = vmask(w, h, [(0.0, 255), (max(0.0, top), 255), (1.0, 150)])
        tex = ImageChops.multiply(tex, Image.merge("RGB", (shade, shade, shade)))
        img = Image.composite(tex, img, m)
        if i == 2:
            # tree clusters along the crest of the third hill
            trees = Image.new("L", size, 0)
            td = ImageDraw.Draw(trees)
            for x, y in pts[::3]:
                if rng.random() < 0.35:
                    r = rng.uniform(8, 22)
                    for _ in range(rng.randint(2, 5)):
                        cx = x + rng.uniform(-r, r)
                        cy = y + rng.uniform(-r * 0.6, r * 0.4)
                        td.ellipse((cx - r, cy - r * 1.4, cx + r, cy + r), fill=255)
            trees = trees.filter(ImageFilter.GaussianBlur(1.6))
            ttex = textured(size, rng, (16, 42, 18), (62, 102, 40), cells=40, octaves=4)
            img = Image.composite(ttex, img, trees)
        if i < 3:
            # haze between layers
            haze = vmask(w, h, [(0.0, 0), (base - 0.02, 0), (base + amp, 60), (1.0, 0)])
            img = fill(img, (210, 218, 224), haze)

    # a winding path in the foreground
    path = Image.new("L", size, 0)
    pd = ImageDraw.Draw(path)
    for k in range(60):
        t = k / 59
        y = h * (0.83 + 0.17 * t)
        x = w * (0.40 + 0.10 * math.sin(t * 3.2) - 0.05 * t)
        r = 4 + 60 * t**1.5
        pd.ellipse((x - r * 1.6, y - r * 0.35, x + r * 1.6, y + r * 0.35), fill=255)
    path = path.filter(ImageFilter.GaussianBlur(3))
    img = Image.composite(
        textured(size, rng, (120, 104, 78), (196, 180, 150), cells=30, octaves=4), img, path
    )

    img = vignette(img, 0.22)
    img = img.filter(ImageFilter.UnsharpMask(radius=2, percent=40, threshold=2))
    return grain(img, rng, 7)


def night() -> Image.Image:
    rng = random.Random(2002)
    w, h = 1200, 1600
    size = (w, h)
    img = vgradient(
        w,
        h,
        [
            (0.0, (3, 5, 16)),
            (0.35, (12, 16, 40)),
            (0.55, (34, 30, 62)),
            (0.66, (84, 52, 62)),
            (0.70, (60, 40, 52)),
            (1.0, (8, 10, 20)),
        ],
    )
    # faint cloud bands
    cl = fbm(w, h, rng, cells=3, octaves=6, stretch=(3.0, 1.0)).point(lambda v: max(0, (v - 120) // 3))
    img = fill(
        img, (70, 64, 96), ImageChops.multiply(cl, vmask(w, h, [(0, 120), (0.6, 255), (0.7, 0), (1, 0)]))
    )
    # stars
    stars = Image.new("L", size, 0)
    sd = ImageDraw.Draw(stars)
    for _ in range(700):
        x, y = rng.uniform(0, w), rng.uniform(0, h * 0.6) ** 1.0
        b = int(255 * rng.random() ** 3)
        if rng.random() < 0.06:
            sd.ellipse((x - 1.6, y - 1.6, x + 1.6, y + 1.6), fill=255)
        else:
            sd.point((x, y), fill=b)
    stars = ImageChops.lighter(stars, stars.filter(ImageFilter.GaussianBlur(1.2)))
    img = ImageChops.add(img, Image.merge("RGB", (stars, stars, stars)))
    # moon with glow and craters
    mc = (int(w * 0.27), int(h * 0.16))
    img = fill(img, (120, 130, 170), place(radial((520, 520), power=2.5, gain=0.55), size, mc))
    disc = Image.new("L", (124, 124), 0)
    ImageDraw.Draw(disc).ellipse((2, 2, 121, 121), fill=255)
    disc = disc.filter(ImageFilter.GaussianBlur(1))
    moon = textured((124, 124), rng, (170, 170, 160), (246, 244, 232), cells=3, octaves=5)
    img.paste(moon, (mc[0] - 62, mc[1] - 62), disc)

    horizon = int(h * 0.72)
    # skyline: back layer (hazy), front layer (dark), lit windows
    for layer, (col, win_p, wmin, wmax, hmin, hmax) in enumerate(
        [((30, 30, 48), 0.10, 40, 90, 0.10, 0.26), ((11, 11, 18), 0.32, 60, 150, 0.06, 0.40)]
    ):
        bld = Image.new("L", size, 0)
        bd = ImageDraw.Draw(bld)
        win = Image.new("RGB", size, (0, 0, 0))
        wd = ImageDraw.Draw(win)
        x = -20
        while x < w:
            bw = rng.randint(wmin, wmax)
            bh = int(h * rng.uniform(hmin, hmax) * (1.0 if layer else 1.0))
            top = horizon - bh
            bd.rectangle((x, top, x + bw, horizon), fill=255)
            if rng.random() < 0.3:  # stepped roof / antenna
                bd.rectangle((x + bw * 0.3, top - bh * 0.08, x + bw * 0.7, top), fill=255)
                if rng.random() < 0.5:
                    ax = x + bw // 2
                    bd.line((ax, top - bh * 0.08, ax, top - bh * 0.08 - 40), fill=255, width=3)
                    wd.ellipse(
                        (ax - 3, top - bh * 0.08 - 44, ax + 3, top - bh * 0.08 - 38), fill=(255, 40, 30)
                    )
            cw, chh = (5, 7) if layer == 0 else (8, 11)
            gx, gy = cw + 5, chh + 7
            for wy in range(top + 12, horizon - 10, gy):
                row_on = rng.random() < 0.8
                for wx in range(x + 8, x + bw - cw - 4, gx):
                    if row_on and rng.random() < win_p:
                        warm = rng.random() < 0.75
                        k = rng.uniform(0.55, 1.0)
                        c = (255, 196, 110) if warm else (170, 205, 255)
                        wd.rectangle((wx, wy, wx + cw, wy + chh), fill=tuple(int(v * k) for v in c))
            x += bw + rng.randint(-10, 6)
        btex = textured(
            size, rng, tuple(max(0, v - 8) for v in col), tuple(v + 10 for v in col), cells=30, octaves=3
        )
        img = Image.composite(btex, img, bld)
        win = ImageChops.multiply(win, Image.merge("RGB", (bld, bld, bld)))
        img = ImageChops.add(img, win)
        img = ImageChops.add(img, win.filter(ImageFilter.GaussianBlur(6)))
    # street lights along the waterfront
    lights = Image.new("RGB", size, (0, 0, 0))
    ld = ImageDraw.Draw(lights)
    for k in range(26):
        lx = k * w / 25 + rng.uniform(-6, 6)
        ld.ellipse((lx - 3, horizon - 6, lx + 3, horizon), fill=(255, 210, 140))
    img = ImageChops.add(img, lights)
    img = ImageChops.add(img, lights.filter(ImageFilter.GaussianBlur(10)))
    img = ImageChops.add(img, lights.filter(ImageFilter.GaussianBlur(3)))

    # water: mirrored scene, smeared vertically, with horizontal ripples
    above = img.crop((0, horizon - (h - horizon), w, horizon)).transpose(Image.Transpose.FLIP_TOP_BOTTOM)
    refl = above.resize((w, (h - horizon) // 6), Image.Resampling.BOX).resize(
        (w, h - horizon), Image.Resampling.BICUBIC
    )
    refl = refl.filter(ImageFilter.BoxBlur(2))
    rip = noise(w // 60, (h - horizon) // 3, rng).resize((w, h - horizon), Image.Resampling.BICUBIC)
    rip = rip.point(lambda v: 70 + v * 185 // 255)
    refl = ImageChops.multiply(refl, Image.merge("RGB", (rip, rip, rip)))
    refl = ImageChops.multiply(refl, vgradient(w, h - horizon, [(0, (190, 190, 200)), (1, (70, 70, 90))]))
    water = vgradient(w, h - horizon, [(0, (14, 14, 26)), (1, (4, 5, 10))])
    img.paste(ImageChops.add(water, refl), (0, horizon))
    # soft embankment line
    ImageDraw.Draw(img).rectangle((0, horizon, w, horizon + 2), fill=(20, 18, 24))

    img = vignette(img, 0.35)
    return grain(img, rng, 3, scale=2.0, chroma=False)  # lossless PNG: soft grain


def poster() -> Image.Image:
    rng = random.Random(3003)
    w, h = 1240, 1754
    size = (w, h)
    img = vgradient(w, h, [(0.0, (255, 246, 226)), (0.45, (255, 226, 200)), (1.0, (255, 208, 186))])
    tint = textured(size, rng, (255, 214, 196), (255, 244, 220), cells=2, octaves=5)
    img = Image.blend(img, tint, 0.35)
    # big sun with soft halo
    sc = (w // 2, int(h * 0.36))
    img = fill(img, (255, 236, 190), place(radial((1300, 1300), power=1.8, gain=0.9), size, sc))
    sun = Image.new("L", size, 0)
    ImageDraw.Draw(sun).ellipse((sc[0] - 300, sc[1] - 300, sc[0] + 300, sc[1] + 300), fill=255)
    sun = sun.filter(ImageFilter.GaussianBlur(2.5))
    suntex = vgradient(
        w, h, [(0.0, (255, 214, 110)), (0.2, (255, 176, 96)), (0.5, (250, 118, 92)), (1.0, (250, 118, 92))]
    )
    suntex = Image.blend(suntex, textured(size, rng, (248, 140, 90), (255, 210, 130), cells=6), 0.2)
    img = Image.composite(suntex, img, sun)
    # pastel dunes / hills
    for i, (base, amp, col_a, col_b) in enumerate(
        [
            (0.50, 0.06, (250, 178, 150), (255, 208, 178)),
            (0.60, 0.07, (238, 140, 130), (250, 180, 160)),
            (0.71, 0.06, (206, 104, 118), (236, 144, 146)),
            (0.83, 0.05, (150, 72, 104), (196, 110, 128)),
        ]
    ):
        pts = ridge(w, rng, base * h, amp * h, first=1 + i, octaves=5)
        m = shape_mask(size, pts, 2.0)
        tex = textured(size, rng, col_a, col_b, cells=3 + 2 * i, octaves=6, stretch=(3.0, 1.0))
        img = Image.composite(tex, img, m)
    # bokeh / light circles
    bok = Image.new("L", size, 0)
    bd = ImageDraw.Draw(bok)
    for _ in range(38):
        r = rng.uniform(14, 70)
        x, y = rng.uniform(0, w), rng.uniform(0, h * 0.95)
        bd.ellipse((x - r, y - r, x + r, y + r), fill=int(rng.uniform(40, 110)))
    bok = bok.filter(ImageFilter.GaussianBlur(3))
    img = fill(img, (255, 252, 240), bok)
    # flying birds
    bd2 = ImageDraw.Draw(img)
    for _ in range(9):
        x, y, s = rng.uniform(w * 0.15, w * 0.85), rng.uniform(h * 0.08, h * 0.28), rng.uniform(10, 22)
        bd2.line([(x - s, y - s * 0.3), (x - s * 0.4, y - s * 0.45), (x, y)], fill=(110, 60, 70), width=3)
        bd2.line([(x, y), (x + s * 0.4, y - s * 0.45), (x + s, y - s * 0.3)], fill=(110, 60, 70), width=3)
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    return grain(img, rng, 2, scale=2.0, chroma=False)  # lossless TIFF: soft grain


def square() -> Image.Image:
    rng = random.Random(4004)
    s = 1080
    size = (s, s)
    rgb = Image.new("RGB", size, (0, 0, 0))
    alpha = Image.new("L", size, 0)
    # soft, half-transparent shadow on the "ground"
    sh = place(radial((760, 200), power=1.3, gain=1.0), size, (s // 2 + 40, int(s * 0.86)))
    alpha = ImageChops.lighter(alpha, sh.point(lambda v: v * 150 // 255))
    rgb = fill(rgb, (40, 30, 24), sh.point(lambda v: 255 if v else 0))
    # fruit-like sphere with peel texture and light from upper left
    c, r = (s // 2, int(s * 0.47)), 360
    disc = Image.new("L", (4 * 2 * r, 4 * 2 * r), 0)
    ImageDraw.Draw(disc).ellipse((0, 0, disc.width - 1, disc.height - 1), fill=255)
    disc = disc.resize((2 * r, 2 * r), Image.Resampling.LANCZOS)
    peel = textured((2 * r, 2 * r), rng, (240, 118, 18), (255, 178, 60), cells=3, octaves=5)
    pores = noise(r // 2, r // 2, rng).resize((2 * r, 2 * r), Image.Resampling.BICUBIC)
    peel = Image.blend(peel, ImageOps.colorize(pores, (190, 80, 10), (255, 160, 50)), 0.25)
    big = radial((4 * r, 4 * r), power=1.0, gain=1.0)
    light = big.crop((int(1.35 * r), int(1.35 * r), int(3.35 * r), int(3.35 * r)))  # offset highlight
    light = light.point(lambda v: 70 + v * 185 // 255)
    peel = ImageChops.multiply(peel, Image.merge("RGB", (light, light, light)))
    spec = radial((150, 110), power=1.5, gain=1.0)
    spec_full = place(spec, (2 * r, 2 * r), (int(0.62 * r), int(0.55 * r)))
    peel = fill(peel, (255, 246, 222), spec_full.point(lambda v: v * 200 // 255))
    rim = ImageChops.invert(radial((2 * r, 2 * r), power=0.35, gain=1.0))
    peel = fill(peel, (150, 52, 8), rim.point(lambda v: v * 90 // 255))
    rgb.paste(peel, (c[0] - r, c[1] - r), disc)
    alpha.paste(255, (c[0] - r, c[1] - r), disc)
    # stem and leaf (opaque) on top of the fruit
    top = (c[0] + 6, c[1] - r + 14)
    stem = Image.new("L", size, 0)
    ImageDraw.Draw(stem).line(
        [top, (top[0] + 6, top[1] - 40), (top[0] + 18, top[1] - 70)], fill=255, width=16, joint="curve"
    )
    stem = stem.filter(ImageFilter.GaussianBlur(1.5))
    rgb = fill(rgb, (88, 64, 30), stem)
    alpha = ImageChops.lighter(alpha, stem)
    leaf = Image.new("L", size, 0)
    x0, y0 = top[0] + 12, top[1] - 50
    length, width_ = 300, 95
    upper = [
        (x0 + length * t, y0 - 130 * t - width_ * math.sin(t * math.pi) * 0.55)
        for t in (k / 40 for k in range(41))
    ]
    lower = [
        (x0 + length * t, y0 - 130 * t + width_ * math.sin(t * math.pi) * 0.45)
        for t in (k / 40 for k in range(40, -1, -1))
    ]
    ImageDraw.Draw(leaf).polygon(upper + lower, fill=255)
    leaf = leaf.filter(ImageFilter.GaussianBlur(1.2))
    leaftex = textured(size, rng, (34, 100, 30), (118, 180, 64), cells=8, octaves=5, stretch=(4.0, 1.0))
    vein = Image.new("L", size, 0)
    ImageDraw.Draw(vein).line(
        [(x0 + length * t, y0 - 130 * t) for t in (k / 20 for k in range(21))], fill=150, width=4
    )
    leaftex = fill(leaftex, (170, 210, 110), vein.filter(ImageFilter.GaussianBlur(1)))
    rgb = Image.composite(leaftex, rgb, leaf)
    alpha = ImageChops.lighter(alpha, leaf)
    # a half-transparent glass circle behind, bottom left
    glass = Image.new("L", size, 0)
    ImageDraw.Draw(glass).ellipse((70, 640, 330, 900), fill=110)
    glass = glass.filter(ImageFilter.GaussianBlur(4))
    behind = ImageChops.subtract(glass, alpha)
    rgb = fill(rgb, (120, 190, 230), behind.point(lambda v: 255 if v else 0))
    alpha = ImageChops.lighter(alpha, behind)
    rgb = grain(rgb, rng, 5)
    out = rgb.convert("RGBA")
    out.putalpha(alpha)
    return out


# ------------------------------------------------------------------ main ---


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    icc = srgb_icc_bytes()
    jobs = [
        (
            "motiv-landschaft.jpg",
            landscape,
            dict(format="JPEG", quality=90, icc_profile=icc, optimize=True, subsampling="4:2:0"),
        ),
        ("motiv-nacht.png", night, dict(format="PNG", optimize=False, compress_level=9)),
        # TIFF tag 317 Predictor = 2 (horizontal differencing, TIFF 6.0 baseline
        # for LZW): halves the file size
        (
            "motiv-plakat.tif",
            poster,
            dict(format="TIFF", compression="tiff_lzw", dpi=(150, 150), tiffinfo={317: 2}),
        ),
        ("motiv-quadrat.webp", square, dict(format="WEBP", quality=88, method=6, exact=False)),
    ]
    for name, fn, opts in jobs:
        t = time.perf_counter()
        img = fn()
        path = OUT / name
        img.save(path, **opts)
        print(
            f"{name:22s} {img.mode:4s} {img.size[0]}x{img.size[1]} "
            f"{path.stat().st_size / 1e6:5.2f} MB  {time.perf_counter() - t:4.1f} s"
        )
    print(f"total {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
