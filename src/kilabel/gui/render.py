"""Preview rendering without Qt: fit a cached reduced image to an export profile's canvas, then
draw the label with kilabel.pipeline.label_render.apply exactly as the export does (scale = reduced/full,
full_size = the full canvas). Only the label is redrawn on a copy when a label setting changes.

The canvas arithmetic is kilabel.profiles.canvas_for, the same function the export's prepare() uses.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from PIL import Image, ImageOps

from kilabel.pipeline import label_render
from kilabel.pipeline.label_render import Geometry
from kilabel.presets import ANCHORS, LabelPreset
from kilabel.profiles import Canvas, ExportProfile, canvas_for  # noqa: F401 (re-exported)

PREVIEW_MAX = 2048  # longest side of the cached reduced image


@dataclass
class Fitted:
    """A reduced image already fitted to a canvas: the base every label change is drawn on."""

    image: Image.Image
    canvas: Canvas
    scale: float  # reduced / full


def fit(base: Image.Image, canvas: Canvas) -> Fitted:
    cw, ch = canvas.size
    s = min(1.0, PREVIEW_MAX / max(cw, ch))
    size = (max(1, round(cw * s)), max(1, round(ch * s)))
    if canvas.fit == "cover":
        img = ImageOps.fit(base, size, Image.Resampling.BILINEAR)
    elif canvas.fit == "contain":
        inner = ImageOps.contain(base, size, Image.Resampling.BILINEAR)
        img = Image.new(base.mode, size, (255, 255, 255, 0) if base.mode == "RGBA" else (255, 255, 255))
        img.paste(inner, ((size[0] - inner.width) // 2, (size[1] - inner.height) // 2))
    elif base.size != size:
        img = base.resize(size, Image.Resampling.BILINEAR)
    else:
        img = base
    return Fitted(img, canvas, size[0] / cw)


def render(fitted: Fitted, preset: LabelPreset, text: str) -> tuple[Image.Image, Geometry]:
    """A copy of the fitted base with the label drawn; the geometry is in full-size canvas pixels."""
    img = fitted.image.copy()
    c = fitted.canvas
    geom, _, _ = label_render.apply(
        img,
        preset,
        text,
        px_per_mm=c.px_per_mm,
        trim=c.trim,
        safety_mm=c.safety_mm,
        viewing_distance_m=c.viewing_distance_m,
        scale=fitted.scale,
        full_size=c.size,
    )
    return img, geom


def anchor_centres(geom: Geometry) -> dict[str, tuple[float, float]]:
    """Where the label's centre would be at each of the nine anchors (full-size pixels)."""
    x0, y0, x1, y1 = geom.area
    xs = {"left": x0 + geom.width / 2, "center": (x0 + x1) / 2, "right": x1 - geom.width / 2}
    ys = {"top": y0 + geom.height / 2, "middle": (y0 + y1) / 2, "bottom": y1 - geom.height / 2}
    out = {}
    for anchor in ANCHORS:
        v, hz = ("middle", "center") if anchor == "center" else anchor.split("-")
        out[anchor] = (xs[hz], ys[v])
    return out


def nearest_anchor(geom: Geometry, centre: tuple[float, float]) -> str:
    """The anchor whose label centre is closest to `centre` (full-size pixels): drag and snap."""
    cands = anchor_centres(geom)
    return min(cands, key=lambda a: (cands[a][0] - centre[0]) ** 2 + (cands[a][1] - centre[1]) ** 2)


def sample_tile(preset: LabelPreset, lang: str, size: tuple[int, int] = (168, 36)) -> Image.Image:
    """A small picture of the preset for lists: the label on a neutral gradient."""
    bg = Image.linear_gradient("L").rotate(90).resize(size).point(lambda v: 70 + v // 2)
    img = Image.merge("RGB", (bg, bg.point(lambda v: min(255, v + 12)), bg.point(lambda v: min(255, v + 30))))
    small = copy.deepcopy(preset).with_placement(
        position="center", offset_x=0.0, offset_y=0.0, vertical=False
    )
    small.size.share, small.size.min_px = 0.36, 6
    label_render.apply(img, small, preset.wording(lang))
    return img
