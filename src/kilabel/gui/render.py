"""Preview rendering without Qt: fit a cached reduced image to an export profile's canvas, then
draw the label with kilabel.label_render.apply exactly as the export does (scale = reduced/full,
full_size = the full canvas). Only the label is redrawn on a copy when a label setting changes.

The canvas arithmetic mirrors kilabel.profiles.prepare (which works on full-size pixels and is too
slow for a preview); see the report: the core should expose it as one function both can call.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from PIL import Image, ImageOps

from kilabel import label_render
from kilabel.label_render import Geometry
from kilabel.presets import ANCHORS, LabelPreset
from kilabel.profiles import ExportProfile

PREVIEW_MAX = 2048  # longest side of the cached reduced image


@dataclass(frozen=True)
class Canvas:
    """The export canvas for one profile, in full-size pixels."""

    size: tuple[int, int]
    px_per_mm: float | None = None
    trim: tuple[int, int, int, int] | None = None
    safety_mm: float = 0.0
    fit: str = "none"  # none | cover | contain

    @property
    def safety_box(self) -> tuple[int, int, int, int] | None:
        if not self.trim or not self.px_per_mm or not self.safety_mm:
            return None
        m = round(self.safety_mm * self.px_per_mm)
        x0, y0, x1, y1 = self.trim
        return (x0 + m, y0 + m, x1 - m, y1 - m)


def canvas_for(full_size: tuple[int, int], profile: ExportProfile | None) -> Canvas:
    """What kilabel.profiles.prepare would make of an image of full_size (geometry only)."""
    w, h = full_size
    if profile is None:
        return Canvas(full_size)
    if profile.physical:
        w_mm, h_mm = profile.width_mm, profile.height_mm
        if (w > h) != (w_mm > h_mm) and w != h:
            w_mm, h_mm = h_mm, w_mm
        ppm = profile.dpi / 25.4
        bleed = round(profile.bleed_mm * ppm)
        tw, th = round(w_mm * ppm), round(h_mm * ppm)
        return Canvas((tw + 2 * bleed, th + 2 * bleed), ppm, (bleed, bleed, bleed + tw, bleed + th),
                      profile.safety_mm, profile.fit)
    if profile.width_px:
        return Canvas((profile.width_px, profile.height_px), fit=profile.fit)
    if profile.long_edge_px and (profile.upscale or max(full_size) > profile.long_edge_px):
        s = profile.long_edge_px / max(full_size)
        return Canvas((max(1, round(w * s)), max(1, round(h * s))))
    return Canvas(full_size)


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
    geom, _, _ = label_render.apply(img, preset, text, px_per_mm=c.px_per_mm, trim=c.trim, safety_mm=c.safety_mm,
                                    scale=fitted.scale, full_size=c.size)
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
    small = copy.deepcopy(preset).with_placement(position="center", offset_x=0.0, offset_y=0.0, vertical=False)
    small.size.share, small.size.min_px = 0.36, 6
    label_render.apply(img, small, preset.wording(lang))
    return img
