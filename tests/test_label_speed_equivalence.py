"""The fast label drawing (issue 18) gives the pixels the earlier drawing gave.

The earlier path is kept here as it was: the box's rounded rectangle supersampled and reduced
whole, the tile alpha-composited onto an RGBA copy of the region, the watermark drawn afresh with
its colour from a copy of the whole picture. Both paths draw on the same pictures; they may differ
by one level (paste through a mask and alpha_composite round differently), nowhere by more.
"""

from __future__ import annotations

import dataclasses
import random

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageStat

from kilabel import presets
from kilabel.pipeline import label_render


def _old_box_mask(size, radius, alpha):
    w, h, ss = size[0], size[1], 4
    mask = Image.new("L", (w * ss, h * ss), 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, w * ss - 1, h * ss - 1), radius=radius, fill=alpha)
    return mask.resize((w, h), Image.Resampling.LANCZOS)


def _old_region_mean_rgb(img, box):
    region = img.crop(box)
    if region.mode == "CMYK":
        region = label_render.cmyk_to_rgb_simple(region)
    region = region.convert("RGB")
    region.thumbnail((64, 64))
    return tuple(round(v) for v in ImageStat.Stat(region).mean[:3])


def _old_composite(img, tile, xy):
    box = (xy[0], xy[1], xy[0] + tile.width, xy[1] + tile.height)
    region = img.crop(box)
    if img.mode == "CMYK":
        region.paste(label_render.rgb_to_cmyk_gcr(tile), (0, 0), tile.getchannel("A"))
    elif img.mode == "RGBA":
        region.alpha_composite(tile)
    else:
        base = region.convert("RGBA")
        base.alpha_composite(tile)
        region = base.convert(img.mode)
    img.paste(region, box[:2])


def _old_draw_watermark(img, preset, text):
    wm = preset.watermark
    height = max(8, round(wm.scale * min(img.size)))
    f = label_render.preset_font(preset, height)
    x0, y0, x1, y1 = f.getbbox(text)
    mark = Image.new("RGBA", (x1 - x0 + height // 2, y1 - y0 + height // 2), (0, 0, 0, 0))
    background = _old_region_mean_rgb(img, (0, 0, img.width, img.height))
    fill = (255, 255, 255) if label_render.luminance(background) < 0.35 else (20, 20, 20)
    ImageDraw.Draw(mark).text((height // 4 - x0, height // 4 - y0), text, font=f, fill=fill + (255,))
    mark.putalpha(mark.getchannel("A").point(lambda a: round(a * wm.opacity)))
    mark = mark.rotate(wm.angle, expand=True, resample=Image.Resampling.BICUBIC)
    if wm.mode == "once":
        _old_composite(img, mark, ((img.width - mark.width) // 2, (img.height - mark.height) // 2))
        return
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    step_x, step_y = round(mark.width * (0.4 + wm.spacing)), round(mark.height * (0.6 + wm.spacing))
    for row, y in enumerate(range(-mark.height // 2, img.height, step_y)):
        shift = (step_x // 2) * (row % 2)
        for x in range(-mark.width // 2 - shift, img.width, step_x):
            if x + mark.width <= 0 or y + mark.height <= 0:
                continue
            layer.alpha_composite(mark, (max(x, 0), max(y, 0)), (max(-x, 0), max(-y, 0)))
    _old_composite(img, layer, (0, 0))


def _picture(size, seed, dark):
    """A photo-like picture: a gradient with shapes and grain (mostly dark or mostly light)."""
    rnd = random.Random(seed)
    base = Image.linear_gradient("L").resize(size).point(lambda v: v // 3 + (20 if dark else 150))
    img = Image.merge("RGB", (base, base.point(lambda v: v * 9 // 10), base.point(lambda v: 255 - v)))
    if not dark:
        img = Image.merge("RGB", (base, base, base.point(lambda v: min(255, v + 30))))
    d = ImageDraw.Draw(img)
    for _ in range(30):
        x, y, r = rnd.randrange(size[0]), rnd.randrange(size[1]), rnd.randrange(10, max(11, size[0] // 6))
        d.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rnd.randrange(256) for _ in range(3)))
    noise = Image.effect_noise(size, 30).convert("RGB")
    return Image.blend(img.filter(ImageFilter.GaussianBlur(2)), noise, 0.08)


def _draw_old(img, preset, text, monkeypatch):
    with monkeypatch.context() as m:
        m.setattr(label_render, "box_mask", _old_box_mask)
        m.setattr(label_render, "_composite", _old_composite)
        m.setattr(label_render, "region_mean_rgb", _old_region_mean_rgb)
        m.setattr(label_render, "draw_watermark", _old_draw_watermark)
        return label_render.apply(img, preset, text)


def _watermark(mode):
    wm = presets.get("wasserzeichen")
    return dataclasses.replace(wm, watermark=dataclasses.replace(wm.watermark, mode=mode))


PRESETS = [
    "ki-generiert",
    "ki-generiert-vertikal",
    "credit-line",
    "mit-ki-erstellt",
    "eu-symbol",
    "eu-symbol-text",
]


@pytest.mark.parametrize("mode", ["RGB", "L", "CMYK", "RGBA"])
@pytest.mark.parametrize("preset_id", [*PRESETS, "watermark-once", "watermark-tiled"])
@pytest.mark.parametrize("dark", [True, False])
def test_fast_drawing_gives_the_earlier_pixels(preset_id, mode, dark, monkeypatch):
    if preset_id.startswith("watermark-"):
        preset = _watermark(preset_id.split("-")[1])
    else:
        preset = presets.get(preset_id)
    picture = _picture((1500, 1000), 7, dark).convert(mode)
    old, new = picture.copy(), picture.copy()
    old_geom, old_text, old_under = _draw_old(old, preset, "KI-generiert", monkeypatch)
    new_geom, new_text, new_under = label_render.apply(new, preset, "KI-generiert")
    assert (new_geom, new_text, new_under) == (old_geom, old_text, old_under)
    assert old.tobytes() != picture.tobytes()  # something was drawn
    diff = ImageChops.difference(old.convert("RGB"), new.convert("RGB")) if mode == "CMYK" else None
    bands = ImageChops.difference(old, new).getextrema() if mode != "CMYK" else diff.getextrema()
    bands = [bands] if isinstance(bands[0], int) else bands
    assert max(hi for _, hi in bands) <= 1, (preset_id, mode, bands)


@pytest.mark.parametrize(
    "size,radius,alpha",
    [
        ((1822, 538), 261, 209),
        ((538, 1822), 261, 209),
        ((40, 30), 40, 255),
        ((90, 12), 20, 128),
        ((13, 200), 9, 200),
        ((300, 80), 0, 209),
        ((3000, 700), 1400, 209),
        ((33, 33), 60, 99),
    ],
)
def test_box_mask_equals_the_whole_box_reduced(size, radius, alpha):
    assert (
        label_render.box_mask(size, radius, alpha).tobytes() == _old_box_mask(size, radius, alpha).tobytes()
    )


@pytest.mark.parametrize("size", [(3686, 861), (100, 37), (5, 5), (1001, 333)])
@pytest.mark.parametrize("angle", [0, 17.5, 30, 45, 90, 200, -30])
def test_rotated_size_is_pillows(size, angle):
    assert label_render._rotated_size(size, angle) == Image.new("L", size).rotate(angle, expand=True).size


def test_whole_picture_mean_is_the_thumbnails():
    img = _picture((2600, 1700), 3, dark=False)  # above IN_PLACE_MEAN_PIXELS: reduced in place
    box = (0, 0, img.width, img.height)
    assert label_render.region_mean_rgb(img, box) == _old_region_mean_rgb(img, box)
    part = (100, 50, 2500, 1690)
    new, old = label_render.region_mean_rgb(img, part), _old_region_mean_rgb(img, part)
    assert max(abs(a - b) for a, b in zip(new, old)) <= 1
