"""Preview rendering without Qt: fit a cached reduced image to an export profile's canvas, then
draw the label with kilabel.pipeline.label_render.apply exactly as the export does (scale = reduced/full,
full_size = the full canvas). Only the label is redrawn on a copy when a label setting changes.

The canvas arithmetic is kilabel.profiles.canvas_for, the same function the export's prepare() uses.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass

from PIL import Image

from kilabel import profiles as profiles_mod
from kilabel.export.task import label_warnings
from kilabel.pipeline import label_render
from kilabel.pipeline import preflight as preflight_mod
from kilabel.pipeline.label_render import Geometry
from kilabel.presets import ANCHORS, LabelPreset
from kilabel.profiles import Canvas, ExportProfile, canvas_for  # noqa: F401 (re-exported)
from kilabel.provenance import Provenance

PREVIEW_MAX = 2048  # longest side of the cached reduced image


@dataclass
class Fitted:
    """A reduced image already fitted to a canvas: the base every label change is drawn on."""

    image: Image.Image
    canvas: Canvas
    scale: float  # reduced / full


def fit(base: Image.Image, canvas: Canvas, full: tuple[int, int] | None = None) -> Fitted:
    """The reduced `base` (of an image of `full` size; `base` itself when None) laid out as the export
    lays out the full image: profiles.fit_to_canvas on the canvas scaled down to the preview's size."""
    cw, ch = canvas.size
    s = min(1.0, PREVIEW_MAX / max(cw, ch))
    size = (max(1, round(cw * s)), max(1, round(ch * s)))
    s = size[0] / cw
    reduced = base.width / (full or base.size)[0]  # base pixels per full-size pixel
    small = dataclasses.replace(
        canvas,
        size=size,
        trim=_scaled(canvas.trim, s),
        image_box=_scaled(canvas.image_box, s),
        scale=canvas.scale * s / reduced,  # preview pixels per base pixel (1.0: only cropped or padded)
    )
    img = profiles_mod.fit_to_canvas(base, small) if canvas.fit != "none" or base.size != size else base
    if img.size != size:  # rounding of the scaled trim and box: never a pixel off the canvas
        img = img.resize(size, Image.Resampling.BILINEAR)
    return Fitted(img, canvas, s)


def _scaled(box, s: float):
    return tuple(round(v * s) for v in box) if box else box


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
        image_box=c.image_box,
    )
    return img, geom


def preflight(
    full: tuple[int, int],
    profile: ExportProfile | None,
    preset: LabelPreset,
    prov: Provenance,
    geom: Geometry | None = None,
) -> list[str]:
    """What the export of an image of size `full` will warn about, known before exporting, as the
    core's own messages (codes of kilabel.messages, as profiles.prepare, pipeline.preflight and
    export.task.label_warnings give them): a preset that contradicts the source type, the share a
    cover fit crops, the effective dpi under LOW_DPI, an enlargement or an enlargement avoided, and
    (with the label's geometry from the preview) a label under its minimum size or outside the
    safety margin. The contrast needs the export's pixels and is left to the export."""
    notes = list(label_warnings(preset, prov)) if prov.source_type else []
    if profile is None:
        return notes
    canvas = canvas_for(full, profile)
    notes += profiles_mod.fit_notes(full, canvas)
    if geom is not None:
        notes += preflight_mod.label_warnings(geom, preset, profile, canvas.px_per_mm, canvas.trim)
    return notes


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
